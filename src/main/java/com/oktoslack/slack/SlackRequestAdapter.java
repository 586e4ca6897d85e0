package com.oktoslack.slack;

import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/** Converts between Micronaut's HTTP types and Bolt's. The body must stay the raw string Slack signed. */
@Singleton
class SlackRequestAdapter {

    private final SlackRequestParser parser;

    SlackRequestAdapter(AppConfig appConfig) {
        this.parser = new SlackRequestParser(appConfig);
    }

    Request<?> toBolt(HttpRequest<?> request, String rawBody) {
        InetSocketAddress remote = request.getRemoteAddress();
        SlackRequestParser.HttpRequest parsed = SlackRequestParser.HttpRequest.builder()
                .requestUri(request.getPath())
                .queryString(request.getParameters().asMap())
                .headers(new RequestHeaders(request.getHeaders().asMap()))
                .requestBody(rawBody == null ? "" : rawBody)
                .remoteAddress(remote == null ? null : remote.getHostString())
                .build();
        return parser.parse(parsed);
    }

    HttpResponse<String> toMicronaut(Response response) {
        MutableHttpResponse<String> http = HttpResponse.status(
                io.micronaut.http.HttpStatus.valueOf(response.getStatusCode()));
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
}
