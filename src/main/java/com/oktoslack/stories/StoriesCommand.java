package com.oktoslack.stories;

import com.oktoslack.access.Audience;
import com.oktoslack.slack.AfterAck;
import com.oktoslack.slack.PrivateReplies;
import com.oktoslack.slack.OktoSubcommand;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;

/** {@code /okto stories}: the stories advocates can share now, privately, each with a Share button. */
@Singleton
class StoriesCommand implements OktoSubcommand {

    private final StoryLookup lookup;
    private final Audience audience;
    private final AfterAck afterAck;
    private final Clock clock;

    StoriesCommand(StoryLookup lookup, Audience audience, AfterAck afterAck, Clock clock) {
        this.lookup = lookup;
        this.audience = audience;
        this.afterAck = afterAck;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "stories";
    }

    @Override
    public String usage() {
        return "/okto stories";
    }

    @Override
    public String summary() {
        return "the advocacy board's current stories, ready to share to your own profiles";
    }

    @Override
    public Response handle(String args, SlashCommandRequest request, SlashCommandContext context) {
        String userId = request.getPayload().getUserId();
        afterAck.run(() -> {
            audience.boardReader(userId);
            List<StoryCards.BoardStories> boards = lookup.current(clock.instant());
            if (boards.isEmpty()) {
                context.respond("This Oktopost account has no active advocacy board.");
                return;
            }
            context.respond(SlashCommandResponse.builder()
                    .responseType("ephemeral")
                    .text(StoryCards.listingText(boards))
                    .blocks(StoryCards.listing(boards))
                    .build());
        }, PrivateReplies.Recipient.of(context));
        return context.ack();
    }
}
