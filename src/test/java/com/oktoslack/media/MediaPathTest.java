package com.oktoslack.media;

import com.oktoslack.testing.AppTestBase;
import com.oktoslack.testing.FakeSlack;
import com.oktoslack.testing.MovableClock;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A lent file's public path: HEAD and ranged GET while it is lent, streamed from Slack; 404 once expired. */
@MicronautTest(transactional = false)
class MediaPathTest extends AppTestBase {

    private static final Instant START = Instant.parse("2030-03-01T10:00:00Z");

    private final MovableClock clock = new MovableClock().at(START);
    private final byte[] image = new byte[5000];

    @Inject
    MediaShares shares;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @BeforeEach
    void fresh() {
        clock.at(START);
        new Random(4).nextBytes(image);
    }

    @Test
    void theLentPathAnswersHeadAndRangesFromSlackThenExpiresAfterAnHour() throws Exception {
        String token = lend("F0PATH");

        HttpResponse<byte[]> head = send("HEAD", token, null);
        assertEquals(200, head.statusCode());
        assertEquals("bytes", head.headers().firstValue("Accept-Ranges").orElse(null));
        assertEquals("5000", head.headers().firstValue("Content-Length").orElse(null));
        assertEquals("image/png", head.headers().firstValue("Content-Type").orElse(null));

        HttpResponse<byte[]> part = send("GET", token, "bytes=1000-2999");
        assertEquals(206, part.statusCode());
        assertEquals("bytes 1000-2999/5000", part.headers().firstValue("Content-Range").orElse(null));
        assertArrayEquals(Arrays.copyOfRange(image, 1000, 3000), part.body());

        HttpResponse<byte[]> tail = send("GET", token, "bytes=-100");
        assertEquals(206, tail.statusCode());
        assertArrayEquals(Arrays.copyOfRange(image, 4900, 5000), tail.body());

        HttpResponse<byte[]> whole = send("GET", token, null);
        assertEquals(200, whole.statusCode());
        assertArrayEquals(image, whole.body());

        assertEquals(416, send("GET", token, "bytes=6000-").statusCode());
        slack.fileReads().forEach(read -> assertEquals("Bearer " + FakeSlack.BOT_TOKEN, read.authorization()));

        clock.at(START.plus(Duration.ofMinutes(59)));
        assertEquals(200, send("HEAD", token, null).statusCode());
        clock.at(START.plus(Duration.ofMinutes(61)));
        assertEquals(404, send("HEAD", token, null).statusCode(), "an hour at most");
        assertEquals(404, send("GET", token, "bytes=0-99").statusCode());
    }

    @Test
    void anUnknownTokenIsNotFoundAndSlackIsNotAsked() throws Exception {
        lend("F0OTHER");
        int reads = slack.fileReads().size();
        assertEquals(404, send("GET", "x".repeat(43), null).statusCode());
        assertEquals(404, send("HEAD", "", null).statusCode());
        assertEquals(reads, slack.fileReads().size());
    }

    private String lend(String fileId) {
        Map<String, Object> file = slack.addFile(fileId, "pic.png", "image/png", image);
        SlackFile slackFile = new SlackFile(fileId, "pic.png", "image/png", image.length, (String) file.get("url_private"));
        List<MediaShares.Lent> lent = shares.lend("batch-" + fileId, List.of(slackFile));
        String token = lent.get(0).token();
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), "256 random bits: " + token);
        return token;
    }

    private HttpResponse<byte[]> send(String method, String token, String range) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + "/media/" + token))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (range != null) {
            request.header("Range", range);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
