package com.oktoslack.approvals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;

/** The JSON columns of {@code approval_item}. */
@Singleton
class ItemJson {

    private final ObjectMapper json;

    ItemJson(ObjectMapper json) {
        this.json = json;
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    StepInfo step(ApprovalItem item) {
        return read(item.step(), StepInfo.class);
    }

    CardContent content(ApprovalItem item) {
        return read(item.content(), CardContent.class);
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored " + type.getSimpleName() + " is not readable", e);
        }
    }
}
