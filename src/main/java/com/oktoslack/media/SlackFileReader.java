package com.oktoslack.media;

import com.oktoslack.slack.SlackSettings;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * Reads a private Slack file ({@code url_private}) with the bot token, as Slack requires ({@code files:read}).
 * The token goes to Slack's own hosts only (and the Web API's host, where tests run their fake), never to a
 * redirect's target.
 */
@Singleton
class SlackFileReader {

    /** Slack answered something other than the bytes. */
    static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    private final String botToken;
    private final String apiHost;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    SlackFileReader(SlackSettings slack) {
        this.botToken = slack.botToken();
        this.apiHost = URI.create(slack.apiUrl()).getHost();
    }

    /** The file's bytes from the range's start (the whole file without a range), exactly the range's length. */
    InputStream open(String url, @Nullable ByteRange range) throws IOException {
        URI uri = URI.create(url);
        if (!slackHost(uri)) {
            throw new Refused("not a Slack file address");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET()
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + botToken);
        if (range != null) {
            request.header("Range", range.header());
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        int status = response.statusCode();
        if (range != null && status == 206) {
            return response.body();
        }
        if (status == 200) {
            // Slack sent the whole file: the range is cut out of it here.
            InputStream body = response.body();
            if (range == null) {
                return body;
            }
            body.skipNBytes(range.first());
            return new Limited(body, range.length());
        }
        response.body().close();
        throw new Refused("Slack answered HTTP " + status + " for the file");
    }

    private boolean slackHost(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return host.equals(apiHost) || host.equals("slack.com") || host.endsWith(".slack.com")
                || host.endsWith(".slack-edge.com");
    }

    /** At most {@code left} bytes of the stream. */
    private static final class Limited extends FilterInputStream {
        private long left;

        Limited(InputStream in, long left) {
            super(in);
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
