package com.oktoslack.home;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A person's App Home as last published: Slack's {@code hash} of it (a publish with an older one is refused),
 * the page of waiting items shown, and the items shown as {@code ,id,id,}, so a change to one republishes it.
 */
@MappedEntity("home_view")
record HomeView(@Id String slackUserId, @Nullable String hash, int page, String shown, @Nullable Instant publishedAt) {

    static HomeView first(String slackUserId) {
        return new HomeView(slackUserId, null, 0, ",", null);
    }

    HomeView onPage(int newPage) {
        return new HomeView(slackUserId, hash, Math.max(0, newPage), shown, publishedAt);
    }
}
