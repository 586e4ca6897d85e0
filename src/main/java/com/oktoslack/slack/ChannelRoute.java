package com.oktoslack.slack;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** Which channel gets the cards for one route key ({@code workflow:<id>} or {@code stories}). */
@MappedEntity("channel_route")
public record ChannelRoute(@Id String routeKey, String channelId, @Nullable String label, String setBy, Instant setAt) {
}
