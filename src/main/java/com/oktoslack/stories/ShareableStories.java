package com.oktoslack.stories;

import com.oktoslack.people.People;
import com.oktoslack.people.PersonLink;
import com.oktoslack.oktopost.Story;
import com.slack.api.model.block.LayoutBlock;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The board's current stories with their Share buttons (the share flow of the announcement cards), for other
 * views of them. The same for every advocate, so one read serves everyone for a short while.
 */
@Singleton
public class ShareableStories {

    static final Duration KEEP = Duration.ofMinutes(2);
    static final int DESCRIPTION = 200;

    private record Kept(List<StoryCards.BoardStories> boards, Instant at) {
    }

    private final StoryLookup lookup;
    private final People people;
    private final Clock clock;
    private final AtomicReference<Kept> kept = new AtomicReference<>();

    ShareableStories(StoryLookup lookup, People people, Clock clock) {
        this.lookup = lookup;
        this.people = people;
        this.clock = clock;
    }

    /** Whether the person is an advocate, who can share. */
    public boolean canShare(String slackUserId) {
        return people.linkOf(slackUserId).map(PersonLink::isAdvocate).orElse(false);
    }

    /** At most {@code max} stories, each a few blocks ending with Share; empty when there are none. */
    public List<LayoutBlock> blocks(int max) {
        Instant now = clock.instant();
        Kept known = kept.get();
        if (known == null || !known.at().plus(KEEP).isAfter(now)) {
            known = new Kept(lookup.current(now), now);
            kept.set(known);
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        int shown = 0;
        for (StoryCards.BoardStories board : known.boards()) {
            for (Story story : board.stories()) {
                if (shown++ == max) {
                    return blocks;
                }
                blocks.addAll(StoryCards.story(story, DESCRIPTION));
            }
        }
        return blocks;
    }
}
