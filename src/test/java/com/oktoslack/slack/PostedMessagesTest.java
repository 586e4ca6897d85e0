package com.oktoslack.slack;

import com.oktoslack.testing.AppTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;

@MicronautTest(transactional = false)
class PostedMessagesTest extends AppTestBase {

    @Inject
    PostedMessages posted;

    private final AtomicBoolean joined = new AtomicBoolean();

    @BeforeEach
    void channelTheBotNeverJoined() {
        slack.reset();
        joined.set(false);
        slack.on("conversations.join", call -> {
            joined.set(true);
            return Map.of("ok", true, "channel", Map.of("id", call.param("channel")));
        });
        slack.on("conversations.history", call -> !joined.get() ? Map.of("ok", false, "error", "not_in_channel")
                : Map.of("ok", true, "messages", List.of(
                        message("1700000001.000100", "okto_other", Map.of("id", "42")),
                        message("1700000002.000200", "okto_card", Map.of("id", "41")),
                        message("1700000003.000300", "okto_card", Map.of("id", "42")))));
    }

    @Test
    void aMessagePostedToAPublicChannelWithoutJoiningIsFoundAfterJoining() throws Exception {
        Optional<String> ts = posted.find("C0PUBLIC", Instant.now().minusSeconds(60), "okto_card", p -> "42".equals(p.get("id")));

        assertEquals(Optional.of("1700000003.000300"), ts);
        assertEquals("C0PUBLIC", slack.await("conversations.join").param("channel"));
        assertEquals(2, slack.calls("conversations.history").size());
    }

    @Test
    void whenSlackWillNotShowTheHistoryNothingIsFoundSoTheCallerPostsAgain() throws Exception {
        slack.on("conversations.join", call -> Map.of("ok", false, "error", "method_not_supported_for_channel_type"));

        Optional<String> ts = posted.find("G0PRIVATE", Instant.now().minusSeconds(60), "okto_card", p -> true);

        assertEquals(Optional.empty(), ts);
    }

    private static Map<String, Object> message(String ts, String eventType, Map<String, Object> payload) {
        return Map.of("type", "message", "ts", ts, "text", "card",
                "metadata", Map.of("event_type", eventType, "event_payload", payload));
    }
}
