package com.oktoslack.oktopost;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * How to reach the Oktopost account. {@code baseUrl} includes the API version, e.g.
 * {@code https://api.oktopost.com/v2}; {@code webhookSecrets} are extra secrets accepted on incoming webhooks.
 */
@ConfigurationProperties("oktopost")
public record OktopostSettings(String accountId,
                               String apiKey,
                               String baseUrl,
                               @Nullable List<String> webhookSecrets) {

    public OktopostSettings {
        webhookSecrets = webhookSecrets == null ? List.of()
                : webhookSecrets.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return "OktopostSettings[accountId=" + accountId + ", baseUrl=" + baseUrl + ", apiKey=***, webhookSecrets="
                + webhookSecrets.size() + "]";
    }
}
