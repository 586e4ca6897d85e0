package com.oktoslack.oktopost;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.client.ServiceHttpClientConfiguration;
import jakarta.inject.Singleton;

import java.net.URI;

/**
 * The client resolves "/me" against the service URL's host only, dropping the URL's own path, so
 * {@code https://api.oktopost.com/v2} would lose its {@code /v2}. Making that path the service's context
 * path keeps whatever path the configured base URL has.
 */
@Singleton
class OktopostBasePath implements BeanCreatedEventListener<ServiceHttpClientConfiguration> {

    static final String SERVICE_ID = "oktopost";

    @Override
    public ServiceHttpClientConfiguration onCreated(BeanCreatedEvent<ServiceHttpClientConfiguration> event) {
        ServiceHttpClientConfiguration config = event.getBean();
        if (SERVICE_ID.equals(config.getServiceId()) && config.getPath().isEmpty() && !config.getUrls().isEmpty()) {
            URI url = config.getUrls().get(0);
            String path = url.getPath() == null ? "" : url.getPath().replaceAll("/+$", "");
            if (!path.isEmpty()) {
                config.setPath(path);
            }
        }
        return config;
    }
}
