package com.oktoslack.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Duration;

/** Every Slack request over HTTP: slash commands, interactivity, options and events. */
@Controller("/slack")
class SlackEventsController {

    private final App app;
    private final SlackRequestAdapter adapter;
    private final SlackMetrics metrics;

    SlackEventsController(App app, SlackRequestAdapter adapter, SlackMetrics metrics) {
        this.app = app;
        this.adapter = adapter;
        this.metrics = metrics;
    }

    @Post(value = "/events", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON},
            produces = MediaType.ALL)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<String> events(HttpRequest<?> request, @Nullable @Body String body) throws Exception {
        long start = System.nanoTime();
        Request<?> slackRequest = adapter.toBolt(request, body);
        if (slackRequest == null) {
            return HttpResponse.badRequest("Unsupported Slack request");
        }
        HttpResponse<String> response = adapter.toMicronaut(app.run(slackRequest));
        metrics.acked(slackRequest, Duration.ofNanos(System.nanoTime() - start));
        return response;
    }
}
