package com.oktoslack.stories;

import com.oktoslack.webhooks.WebhookEvent;
import com.oktoslack.webhooks.WebhookHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code newAdvocacyStory}: the stories become due in the stories channel and are announced at once. The
 * event's object may be the story itself, or carry the story and its board nested
 * ({@code {"Story":{"ID":…},"Board":{"Id":…}}}).
 */
@Singleton
class NewStoryWebhook implements WebhookHandler {

    static final String EVENT = "newAdvocacyStory";

    private static final Logger LOG = LoggerFactory.getLogger(NewStoryWebhook.class);

    private final StoryAnnouncer announcer;

    NewStoryWebhook(StoryAnnouncer announcer) {
        this.announcer = announcer;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(EVENT);
    }

    @Override
    public void handle(List<WebhookEvent> events) throws Exception {
        Map<String, StoryRef> stories = new LinkedHashMap<>();
        for (WebhookEvent event : events) {
            Optional<String> storyId = storyId(event);
            if (storyId.isEmpty()) {
                LOG.warn("A {} event (inbox {}) names no story; it is ignored", EVENT, event.inboxId());
                continue;
            }
            stories.putIfAbsent(storyId.get(), new StoryRef(storyId.get(), boardId(event).orElse(null)));
        }
        if (!stories.isEmpty() && announcer.enqueue(stories.values())) {
            announcer.announceDue();
        }
    }

    static Optional<String> storyId(WebhookEvent event) {
        return event.field("StoryId")
                .or(() -> event.objectId("Story"))
                .or(event::ownId)
                .or(() -> event.field("EntityId"))
                .or(() -> event.fieldAnywhere("StoryId"));
    }

    static Optional<String> boardId(WebhookEvent event) {
        return event.field("BoardId").or(() -> event.objectId("Board")).or(() -> event.fieldAnywhere("BoardId"));
    }
}
