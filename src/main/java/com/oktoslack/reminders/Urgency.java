package com.oktoslack.reminders;

import com.oktoslack.slack.Mrkdwn;
import com.slack.api.model.block.LayoutBlock;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * An item waiting for approval is urgent when it is scheduled to go out less than {@code OKTO_URGENT_BEFORE} from
 * now (or its time has already passed): its approvers are reminded whatever the workflow's threshold, and its
 * card says so.
 */
@Singleton
public class Urgency {

    private final Clock clock;
    private final ReminderSettings settings;

    Urgency(Clock clock, ReminderSettings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    public boolean urgent(@Nullable Instant scheduledAt) {
        return scheduledAt != null && scheduledAt.isBefore(clock.instant().plus(settings.urgentBefore()));
    }

    /** The card's blocks with an urgent line under its header, when a pending item is urgent; else as they are. */
    public List<LayoutBlock> marked(List<LayoutBlock> card, boolean pending, @Nullable Instant scheduledAt) {
        if (!pending || !urgent(scheduledAt) || card.isEmpty()) {
            return card;
        }
        List<LayoutBlock> blocks = new ArrayList<>(card);
        blocks.add(1, context(c -> c.blockId("okto_urgent").elements(List.of(markdownText(
                ":rotating_light: *Urgent*: scheduled to go out " + Mrkdwn.when(scheduledAt))))));
        return blocks;
    }
}
