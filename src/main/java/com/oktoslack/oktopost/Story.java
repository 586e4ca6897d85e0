package com.oktoslack.oktopost;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** An advocacy board story, with one message per network for advocates to share. Oktopost spells its id "ID". */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record Story(@JsonProperty("ID") @JsonAlias("Id") String id,
                    @Nullable String boardId,
                    @Nullable String campaignId,
                    @Nullable String title,
                    @Nullable String description,
                    @Nullable String status,
                    @Nullable String type,
                    @Nullable String imageUrl,
                    @Nullable String linkUrl,
                    @Nullable String linkTitle,
                    @Nullable String linkDescription,
                    @Nullable String publishDate,
                    @Nullable String expirationDate,
                    @Nullable String workflowId,
                    @Nullable String createdBy,
                    @Nullable String created,
                    @Nullable Boolean isFeatured,
                    List<StoryMessage> messages,
                    List<String> topics,
                    List<String> tags) {

    /** Statuses of stories advocates cannot see on the board (drafts, waiting for or refused approval, archived). */
    private static final Set<String> HIDDEN = Set.of("draft", "pending", "rejected", "deleted", "archived", "expired");

    public Story {
        messages = messages == null ? List.of() : List.copyOf(messages);
        topics = topics == null ? List.of() : List.copyOf(topics);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public @Nullable Instant createdAt() {
        return OktopostDates.parse(created);
    }

    public @Nullable Instant publishAt() {
        return OktopostDates.parse(publishDate);
    }

    public @Nullable Instant expiresAt() {
        return OktopostDates.parse(expirationDate);
    }

    /** Hidden from advocates by its status, whatever its dates. */
    @JsonIgnore
    public boolean isHidden() {
        return status != null && HIDDEN.contains(status.strip().toLowerCase(Locale.ROOT));
    }

    public boolean isExpired(Instant now) {
        Instant expires = expiresAt();
        return expires != null && !expires.isAfter(now);
    }

    public boolean isPublished(Instant now) {
        Instant published = publishAt();
        return published == null || !published.isAfter(now);
    }

    /** On the board right now: visible, published and not expired. */
    public boolean isCurrent(Instant now) {
        return !isHidden() && isPublished(now) && !isExpired(now);
    }

    public Optional<StoryMessage> messageFor(String network) {
        return messages.stream().filter(m -> Network.same(network, m.network())).findFirst();
    }
}
