package com.oktoslack.slack;

import com.slack.api.bolt.request.Request;
import com.slack.api.util.http.listener.HttpResponseListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;

/**
 * Slack's side in metrics: how fast requests are acknowledged, by kind, and Web API calls by method and
 * outcome (ok, error, rate_limited); cards are the messages posted and updated. Tags come from the method
 * name and the request type only, never from tokens or message content.
 */
@Singleton
class SlackMetrics {

    private final MeterRegistry registry;

    SlackMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void acked(Request<?> request, Duration took) {
        Timer.builder("slack.ack").description("Time to answer a Slack request, by kind")
                .tag("type", String.valueOf(request.getRequestType()))
                .publishPercentiles(0.5, 0.99)
                .register(registry).record(took);
    }

    /** Sees every Web API answer the SDK gets. */
    HttpResponseListener webApiListener() {
        return new HttpResponseListener() {
            @Override
            public void accept(State state) {
                List<String> path = state.getResponse().request().url().pathSegments();
                String method = path.isEmpty() ? "" : path.get(path.size() - 1);
                int status = state.getResponse().code();
                String body = state.getParsedResponseBody();
                boolean ok = status < 300 && body != null && body.contains("\"ok\":true");
                String outcome = status == 429 ? "rate_limited" : ok ? "ok" : "error";
                Counter.builder("slack.api.calls").description("Slack Web API calls by method and outcome")
                        .tag("method", method).tag("outcome", outcome).register(registry).increment();
                if (ok && "chat.postMessage".equals(method)) {
                    Counter.builder("okto.cards.posted").description("Messages and cards posted to Slack")
                            .register(registry).increment();
                } else if (ok && "chat.update".equals(method)) {
                    Counter.builder("okto.cards.updated").description("Messages and cards updated in Slack")
                            .register(registry).increment();
                }
            }
        };
    }
}
