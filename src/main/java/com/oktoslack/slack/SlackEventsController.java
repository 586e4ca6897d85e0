package com.oktoslack.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * Every Slack request over HTTP: slash commands, interactivity, options and events. The signature is checked
 * on the raw body before anything parses it; a signed body Slack would not send is refused without detail,
 * and a replayed or retried request is answered without doing its work again.
 */
@Controller("/slack")
class SlackEventsController {

    private static final Logger LOG = LoggerFactory.getLogger(SlackEventsController.class);
    static final String TIMESTAMP = "X-Slack-Request-Timestamp";
    static final String SIGNATURE = "X-Slack-Signature";

    private final App app;
    private final SlackRequestAdapter adapter;
    private final SlackSignatureCheck signatures;
    private final SeenRequests seen;
    private final RejectedRequests rejected;
    private final SlackMetrics metrics;

    SlackEventsController(App app, SlackRequestAdapter adapter, SlackSignatureCheck signatures, SeenRequests seen,
                          RejectedRequests rejected, SlackMetrics metrics) {
        this.app = app;
        this.adapter = adapter;
        this.signatures = signatures;
        this.seen = seen;
        this.rejected = rejected;
        this.metrics = metrics;
    }

    @Post(value = "/events", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON},
            produces = MediaType.ALL)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<String> events(HttpRequest<?> request, @Nullable @Body String body) {
        long start = System.nanoTime();
        String raw = body == null ? "" : body;
        String signature = request.getHeaders().get(SIGNATURE);
        if (!signatures.verify(request.getHeaders().get(TIMESTAMP), signature, raw)) {
            rejected.reject(401, "no valid signature");
            return HttpResponse.status(HttpStatus.UNAUTHORIZED);
        }
        Request<?> slackRequest = adapter.toBolt(request, raw);
        if (slackRequest == null) {
            rejected.reject(400, "signed, but not a request Slack sends");
            return HttpResponse.badRequest();
        }
        List<String> keys = seen.keys(signature, slackRequest);
        if (!seen.claim(keys)) {
            LOG.info("Slack sent {} again (replay or retry); answered without doing it twice", slackRequest.getRequestType());
            return HttpResponse.ok();
        }
        HttpResponse<String> response;
        try {
            response = adapter.toMicronaut(app.run(slackRequest));
        } catch (Exception | Error e) {
            // Listener failures are answered by SlackErrorMiddleware; what is left here failed inside Bolt itself.
            String reference = UserMessages.newReference();
            LOG.warn("Slack request {} failed (reference {}): {}", slackRequest.getRequestType(), reference, e.toString());
            response = HttpResponse.serverError();
        }
        if (response.code() >= 500) {
            seen.release(keys);
        }
        metrics.acked(slackRequest, Duration.ofNanos(System.nanoTime() - start));
        return response;
    }
}
