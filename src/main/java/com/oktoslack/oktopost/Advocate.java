package com.oktoslack.oktopost;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * A member of the advocacy board. Profiles and board ids come with {@code GET /advocate/{id}} only; the
 * e-mail search returns id, name and e-mail.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record Advocate(String id,
                       String name,
                       @Nullable String email,
                       @Nullable String status,
                       List<Profile> profiles,
                       List<String> boardIds) {

    public Advocate {
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
        boardIds = boardIds == null ? List.of() : List.copyOf(boardIds);
    }

    public List<Profile> validProfiles() {
        return profiles.stream().filter(Profile::isValid).toList();
    }
}
