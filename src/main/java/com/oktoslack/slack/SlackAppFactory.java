package com.oktoslack.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.methods.AsyncMethodsClient;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.MethodsConfig;
import com.slack.api.methods.MethodsCustomRateLimitResolver;
import com.slack.api.util.http.SlackHttpClient;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import okhttp3.OkHttpClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Builds the one Bolt app and the Slack Web API clients, pointed at {@code slack.api-url}. */
@Factory
class SlackAppFactory {

    @Singleton
    @Bean(preDestroy = "close")
    Slack slack(SlackSettings settings, SlackMetrics metrics,
                @Value("${slack.pacing-per-minute:0}") int pacingPerMinute) {
        SlackConfig config = new SlackConfig();
        config.setHttpClientResponseHandlers(new ArrayList<>(config.getHttpClientResponseHandlers()));
        config.getHttpClientResponseHandlers().add(metrics.webApiListener());
        String url = settings.apiUrl().endsWith("/") ? settings.apiUrl() : settings.apiUrl() + "/";
        config.setMethodsEndpointUrlPrefix(url);
        // Own rate-limit bookkeeping per app, not the SDK's process-wide singleton shared by every Slack instance.
        MethodsConfig methods = MethodsConfig.builder().executorName("okto-slack-" + UUID.randomUUID()).build();
        if (pacingPerMinute > 0) {
            // Tests against the in-process fake Slack: Slack's own per-method and per-channel pace only slows them.
            methods.setCustomRateLimitResolver(new EveryMethodPerMinute(pacingPerMinute));
        }
        config.setMethodsConfig(methods);
        OkHttpClient http = SlackHttpClient.buildOkHttpClient(config).newBuilder()
                .addInterceptor(new SlackRetryAfter())
                .build();
        SlackHttpClient client = new SlackHttpClient(http);
        client.setConfig(config);
        return Slack.getInstance(config, client);
    }

    @Singleton
    AppConfig appConfig(Slack slack, SlackSettings settings) {
        return AppConfig.builder()
                .slack(slack)
                .signingSecret(settings.signingSecret())
                .singleTeamBotToken(settings.botToken())
                .build();
    }

    @Singleton
    App app(AppConfig config, List<SlackListener> listeners, SlackErrorMiddleware errors) {
        App app = new App(config);
        app.use(errors);
        listeners.forEach(listener -> listener.register(app));
        return app;
    }

    @Singleton
    MethodsClient methods(Slack slack, SlackSettings settings) {
        return slack.methods(settings.botToken());
    }

    /** Paced by the SDK's per-method rate limiter, so bursts of cards queue instead of failing. */
    @Singleton
    AsyncMethodsClient asyncMethods(Slack slack, SlackSettings settings) {
        return slack.methodsAsync(settings.botToken());
    }

    private record EveryMethodPerMinute(int perMinute) implements MethodsCustomRateLimitResolver {
        @Override
        public Optional<Integer> getCustomAllowedRequestsPerMinute(String teamId, String methodName) {
            return Optional.of(perMinute);
        }

        @Override
        public Optional<Integer> getCustomAllowedRequestsForChatPostMessagePerMinute(String teamId, String channel) {
            return Optional.of(perMinute);
        }

        @Override
        public Optional<Integer> getCustomAllowedRequestsForAssistantThreadsSetStatusPerMinute(String teamId, String channel) {
            return Optional.of(perMinute);
        }
    }
}
