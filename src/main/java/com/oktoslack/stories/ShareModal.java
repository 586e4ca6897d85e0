package com.oktoslack.stories;

import com.oktoslack.oktopost.Advocate;
import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.oktopost.OktopostException;
import com.oktoslack.oktopost.Profile;
import com.oktoslack.oktopost.Story;
import com.oktoslack.oktopost.TimeZones;
import com.oktoslack.people.PersonLink;
import com.oktoslack.slack.Modals;
import com.oktoslack.slack.PrivateReplies;
import com.oktoslack.slack.Mrkdwn;
import com.oktoslack.slack.SlackUsers;
import com.oktoslack.slack.SlackValueCodec;
import com.slack.api.methods.SlackApiException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Fills an open share modal: the story, the advocate's own valid profiles, and the time in their zone. */
@Singleton
class ShareModal {

    static final String TITLE = "Share story";

    static final String NO_PROFILES = "You have no connected social profiles on the advocacy board yet, so there is "
            + "nowhere to share to. Sign in to the board, connect your LinkedIn, X or Facebook profile there, "
            + "then press *Share* again.";

    private final Oktopost oktopost;
    private final StoryLookup lookup;
    private final SlackUsers slackUsers;
    private final Modals modals;
    private final Clock clock;

    ShareModal(Oktopost oktopost, StoryLookup lookup, SlackUsers slackUsers, Modals modals, Clock clock) {
        this.oktopost = oktopost;
        this.lookup = lookup;
        this.slackUsers = slackUsers;
        this.modals = modals;
        this.clock = clock;
    }

    Optional<Modals.Opened> openLoading(String triggerId) throws IOException, SlackApiException {
        return modals.open(triggerId, Modals.loading(TITLE, "Finding your profiles…"));
    }

    /** As {@link #openLoading}, telling the person privately to {@code tryAgain} when Slack refused. */
    Optional<Modals.Opened> openLoadingOrTell(String triggerId, PrivateReplies.Recipient to, String tryAgain)
            throws IOException, SlackApiException {
        return modals.openOrTell(triggerId, Modals.loading(TITLE, "Finding your profiles…"), to, tryAgain);
    }

    void fill(Modals.Opened modal, StoryRef ref, PersonLink advocate, String slackUserId)
            throws IOException, SlackApiException {
        Instant now = clock.instant();
        Optional<Story> found = lookup.one(ref.storyId());
        if (found.isEmpty()) {
            modals.update(modal, Modals.notice(TITLE, "This story is no longer on the advocacy board."));
            return;
        }
        Story story = found.get();
        if (!story.isCurrent(now)) {
            modals.update(modal, Modals.notice(TITLE, story.isExpired(now)
                    ? "This story has expired, so it can no longer be shared."
                    : "This story is not published on the board right now, so it cannot be shared yet."));
            return;
        }
        String boardId = ref.boardId() != null ? ref.boardId() : story.boardId();
        Advocate profiles;
        try {
            profiles = oktopost.advocate(advocate.advocateId(), boardId);
        } catch (OktopostException.NotFound gone) {
            modals.update(modal, Modals.notice(TITLE, "I could not find your advocate account in Oktopost any more. "
                    + "Run `/okto link` to link your Slack user again, then press *Share* again."));
            return;
        }
        List<Profile> valid = profiles.validProfiles();
        if (valid.isEmpty()) {
            modals.update(modal, Modals.notice(TITLE, NO_PROFILES));
            return;
        }
        Map<Boolean, List<Profile>> split = valid.stream()
                .collect(Collectors.partitioningBy(p -> StoryContent.messageFor(story, p.network()).isPresent()));
        List<Profile> shareable = split.get(true);
        if (shareable.isEmpty()) {
            String networks = valid.stream().map(p -> p.network() == null ? "?" : p.network()).distinct()
                    .collect(Collectors.joining(", "));
            modals.update(modal, Modals.notice(TITLE, "This story has no message for your networks (" + networks
                    + "). Connect a profile on one of the story's networks on the board, or pick another story."));
            return;
        }
        ZoneId zone = TimeZones.of(slackUsers.user(slackUserId).timeZone());
        ZonedDateTime nextHour = TimeZones.nextHour(now, zone);
        modals.update(modal, StoryViews.shareForm(new StoryViews.ShareFormModel(story, shareable, split.get(false), zone,
                nextHour.toLocalDate(), nextHour.toLocalTime(), metadata(story, boardId, shareable, zone))));
    }

    private String metadata(Story story, String boardId, List<Profile> shareable, ZoneId zone) {
        Map<String, String> messageIds = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> fingerprints = new LinkedHashMap<>();
        List<Profile> offered = shareable.stream().limit(StoryViews.MAX_CHECKBOXES).toList();
        StoryViews.messagesFor(story, offered).forEach((network, message) -> {
            messageIds.put(network, message.id());
            names.put(network, message.network());
            fingerprints.put(network, ShareMetadata.fingerprint(message.message()));
        });
        Map<String, String> profiles = new LinkedHashMap<>();
        offered.forEach(p -> profiles.put(p.id(), StoryContent.networkKey(p.network())));
        return SlackValueCodec.write(new ShareMetadata(story.id(), boardId,
                Mrkdwn.cut(StoryContent.title(story), 150), zone.getId(), messageIds, names, fingerprints, profiles));
    }
}
