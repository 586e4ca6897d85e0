package com.oktoslack.slack;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.oktoslack.testing.AppTestBase;
import com.oktoslack.testing.SlackRequests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /slack/events} under the garbage a black-box review sent: bodies that are not JSON, have the wrong JSON
 * types or miss fields, unsigned, forged, stale, dated in the future, and signed. Each is refused with a status
 * and no detail, names no Java class, and the log gets at most one line for it.
 */
@MicronautTest(transactional = false)
class HostileRequestsTest extends AppTestBase {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";
    private static final Pattern JAVA = Pattern.compile("(com|java|javax|io|org)\\.[a-z]+\\.|Exception|Cannot invoke|\\.java:");

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    /** Body and content type of each kind of garbage. */
    private static Map<String, String[]> garbage() {
        Map<String, String[]> bodies = new LinkedHashMap<>();
        bodies.put("invalid JSON event", new String[]{"{\"type\":\"event_callback\",\"event\":{", JSON});
        bodies.put("invalid JSON payload", new String[]{"payload=" + enc("{\"type\":\"block_actions\",\"user\":"), FORM});
        bodies.put("payload of wrong types", new String[]{"payload=" + enc("{\"type\":\"block_actions\",\"user\":\"U1\",\"actions\":5,\"team\":[]}"), FORM});
        bodies.put("event of wrong types", new String[]{"{\"type\":\"event_callback\",\"event\":\"x\",\"team_id\":{}}", JSON});
        bodies.put("payload without user", new String[]{"payload=" + enc("{\"type\":\"block_actions\",\"team\":{\"id\":\"T0TEST\"},"
                + "\"actions\":[{\"action_id\":\"approvals_approve\",\"value\":\"{}\"}]}"), FORM});
        bodies.put("view submission without user", new String[]{"payload=" + enc("{\"type\":\"view_submission\",\"team\":{\"id\":\"T0TEST\"},"
                + "\"view\":{\"callback_id\":\"approvals_reject\",\"state\":{\"values\":{}}}}"), FORM});
        bodies.put("shortcut without user", new String[]{"payload=" + enc("{\"type\":\"message_action\",\"callback_id\":\"stories_suggest\","
                + "\"team\":{\"id\":\"T0TEST\"}}"), FORM});
        bodies.put("command without user", new String[]{"command=%2Fokto&text=help&team_id=T0TEST", FORM});
        bodies.put("not a payload at all", new String[]{"payload=42", FORM});
        return bodies;
    }

    @BeforeEach
    void captureLog() {
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        root.detachAppender(log);
    }

    @Test
    void unsignedForgedStaleAndFutureGarbageGets401WithoutDetailAndOneLogLineAtMost() {
        long now = Instant.now().getEpochSecond();
        for (Map.Entry<String, String[]> entry : garbage().entrySet()) {
            String body = entry.getValue()[0];
            String type = entry.getValue()[1];
            expect(401, entry.getKey() + " unsigned", () -> slackRequests().postUnsigned(body, type));
            expect(401, entry.getKey() + " forged", () -> slackRequests().post(body, type, now, "not-the-secret"));
            expect(401, entry.getKey() + " stale", () -> slackRequests().post(body, type, now - 301, SlackRequests.SIGNING_SECRET));
            for (long ahead : List.of(310L, 600L, 86_400L)) {
                expect(401, entry.getKey() + " +" + ahead + " s", () -> slackRequests().post(body, type, now + ahead, SlackRequests.SIGNING_SECRET));
            }
        }
    }

    @Test
    void signedGarbageGets400WithoutDetailAndOneLogLineAtMost() {
        for (Map.Entry<String, String[]> entry : garbage().entrySet()) {
            SlackRequests.Signed signed = SlackRequests.sign(entry.getValue()[0], entry.getValue()[1]);
            expect(400, entry.getKey() + " signed", () -> slackRequests().send(signed, Map.of()));
        }
    }

    @Test
    void aFloodOfRejectedRequestsIsSummarisedNotLoggedOneByOne() {
        log.list.clear();
        for (int i = 0; i < 200; i++) {
            assertEquals(401, slackRequests().postUnsigned("{\"i\":" + i + "}", JSON).statusCode());
        }
        assertTrue(lines() <= 2, "200 rejected requests wrote " + lines() + " log lines: " + log.list);
    }

    @Test
    void aSignedRequestDatedWithinTheWindowStillWorks() {
        long now = Instant.now().getEpochSecond();
        String body = "command=%2Fokto&text=help&user_id=U1&team_id=T0TEST&channel_id=C1&response_url="
                + enc(slack.responseUrl("w")) + "&trigger_id=t1";
        for (long offset : List.of(-290L, 290L)) {
            HttpResponse<String> response = slackRequests().post(body + offset, FORM, now + offset, SlackRequests.SIGNING_SECRET);
            assertEquals(200, response.statusCode(), "dated " + offset + " s from now");
        }
    }

    private void expect(int status, String what, java.util.function.Supplier<HttpResponse<String>> send) {
        log.list.clear();
        HttpResponse<String> response = send.get();
        assertEquals(status, response.statusCode(), what + ": " + response.body());
        assertFalse(JAVA.matcher(response.body()).find(), what + " names Java: " + response.body());
        assertTrue(lines() <= 1, what + " wrote " + lines() + " log lines: " + log.list);
    }

    /** Lines the log got, a stack trace counting one line per frame. */
    private int lines() {
        int lines = 0;
        for (ILoggingEvent event : new ArrayList<>(log.list)) {
            lines += 1 + (event.getThrowableProxy() == null ? 0 : 1 + event.getThrowableProxy().getStackTraceElementProxyArray().length);
        }
        return lines;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
