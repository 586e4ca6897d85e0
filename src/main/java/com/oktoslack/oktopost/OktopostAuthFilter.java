package com.oktoslack.oktopost;

import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;

/** Basic auth with the account id and API key, on requests to Oktopost only. */
@ClientFilter(serviceId = "oktopost")
class OktopostAuthFilter {

    private final OktopostSettings settings;

    OktopostAuthFilter(OktopostSettings settings) {
        this.settings = settings;
    }

    @RequestFilter
    void authenticate(MutableHttpRequest<?> request) {
        request.basicAuth(settings.accountId(), settings.apiKey());
    }
}
