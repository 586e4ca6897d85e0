package com.oktoslack.slack;

import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import java.net.InetSocketAddress;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Converts between Micronaut's HTTP types and Bolt's. The body must stay the raw string Slack signed. */
@Singleton
class SlackRequestAdapter {

    /** Requests a person makes: without their user and team they cannot be answered or checked. */
    private static final Set<RequestType> FROM_A_PERSON = EnumSet.of(RequestType.Command,
            RequestType.BlockAction, RequestType.BlockSuggestion, RequestType.ViewSubmission, RequestType.ViewClosed,
            RequestType.GlobalShortcut, RequestType.MessageShortcut);

    private final SlackRequestParser parser;

    SlackRequestAdapter(AppConfig appConfig) {
        this.parser = new SlackRequestParser(appConfig);
    }

    /**
     * Bolt's request, or null when the body is not one Slack sends: not JSON where JSON belongs, wrong types,
     * or a person's request without its user or team. Call only once the signature has been checked.
     */
    @Nullable
    Request<?> toBolt(HttpRequest<?> request, String rawBody) {
        InetSocketAddress remote = request.getRemoteAddress();
        SlackRequestParser.HttpRequest parsed = SlackRequestParser.HttpRequest.builder()
                .requestUri(request.getPath())
                .queryString(request.getParameters().asMap())
                .headers(new RequestHeaders(request.getHeaders().asMap()))
                .requestBody(rawBody)
                .remoteAddress(remote == null ? null : remote.getHostString())
                .build();
        Request<?> bolt;
        try {
            bolt = parser.parse(parsed);
        } catch (RuntimeException malformed) {
            // Gson's syntax errors, and Bolt's NullPointerExceptions on a payload without the fields it expects.
            return null;
        }
        if (bolt == null) {
            return null;
        }
        if (FROM_A_PERSON.contains(bolt.getRequestType())
                && (blank(bolt.getContext().getRequestUserId()) || blank(bolt.getContext().getTeamId()))) {
            return null;
        }
        return bolt;
    }

    /**
     * Micronaut's response for Bolt's. Error answers go out with their status only: Bolt's own bodies may
     * carry an exception's message, and nothing the app says to a stranger should describe its insides.
     */
    HttpResponse<String> toMicronaut(Response response) {
        int status = response.getStatusCode() == null ? 500 : response.getStatusCode();
        MutableHttpResponse<String> http = HttpResponse.status(HttpStatus.valueOf(status));
        if (status >= 400) {
            return http;
        }
        for (Map.Entry<String, List<String>> header : response.getHeaders().entrySet()) {
            for (String value : header.getValue()) {
                http.header(header.getKey(), value);
            }
        }
        if (response.getContentType() != null) {
            http.contentType(response.getContentType());
        }
        if (response.getBody() != null) {
            http.body(response.getBody());
        }
        return http;
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
