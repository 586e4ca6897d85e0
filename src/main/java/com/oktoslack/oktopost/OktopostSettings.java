package com.oktoslack.oktopost;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * How to reach the Oktopost account. {@code baseUrl} includes the API version, e.g.
 * {@code https://api.oktopost.com/v2}. The secrets of incoming webhooks are not Oktopost calls' settings:
 * {@code WebhookSignature} reads {@code oktopost.webhook-secrets}.
 */
@ConfigurationProperties("oktopost")
public record OktopostSettings(String accountId,
                               String apiKey,
                               String baseUrl) {

    @Override
    public String toString() {
        return "OktopostSettings[accountId=" + accountId + ", baseUrl=" + baseUrl + ", apiKey=***]";
    }
}
