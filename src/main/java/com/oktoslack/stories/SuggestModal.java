package com.oktoslack.stories;

import com.oktoslack.oktopost.Board;
import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.oktopost.User;
import com.oktoslack.oktopost.Workflow;
import com.oktoslack.people.People;
import com.oktoslack.people.PersonLink;
import com.oktoslack.slack.Modals;
import com.oktoslack.slack.Mrkdwn;
import com.oktoslack.slack.SlackMarkup;
import com.oktoslack.slack.SlackUsers;
import com.oktoslack.slack.SlackValueCodec;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.Attachment;
import com.slack.api.model.Message;
import io.micronaut.core.util.StringUtils;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Fills an open suggest modal from the Slack message, after checking who asks and what they may do. */
@Singleton
class SuggestModal {

    static final String TITLE = "Suggest as story";
    static final String NOT_LINKED = "I could not find you in Oktopost by your Slack e-mail address, so I cannot "
            + "suggest stories for you yet. Run `/okto link` to see why; once you are linked, try again.";
    static final String READ_ONLY = "Your Oktopost user has a read-only role, so it cannot add stories to the board. "
            + "Ask an Oktopost admin for a contributor role, or suggest the story on the board.";

    /** May create stories and send them to approval; advocates without an Oktopost user may save drafts. */
    enum Access { FULL, DRAFT_ONLY, NONE }

    private final People people;
    private final Oktopost oktopost;
    private final Modals modals;
    private final SlackUsers slackUsers;

    SuggestModal(People people, Oktopost oktopost, Modals modals, SlackUsers slackUsers) {
        this.people = people;
        this.oktopost = oktopost;
        this.modals = modals;
        this.slackUsers = slackUsers;
    }

    void fill(Modals.Opened modal, String slackUserId, String channelId, Message source) throws IOException, SlackApiException {
        Optional<PersonLink> link = people.linkOrDiscover(slackUserId);
        if (link.isEmpty()) {
            modals.update(modal, Modals.notice(TITLE, NOT_LINKED));
            return;
        }
        Access access = access(link.get());
        if (access == Access.NONE) {
            modals.update(modal, Modals.notice(TITLE, READ_ONLY));
            return;
        }
        List<Board> boards = oktopost.boards().stream()
                .filter(Board::isActive).toList();
        if (boards.isEmpty()) {
            modals.update(modal, Modals.notice(TITLE, "This Oktopost account has no active advocacy board to suggest stories to."));
            return;
        }
        List<Workflow> workflows = access == Access.FULL ? oktopost.workflows() : List.of();
        // Loads the campaign list into the cache, so typing in the campaign field is answered in time.
        oktopost.campaigns(null);
        Board only = boards.size() == 1 ? boards.get(0) : null;
        String metadata = SlackValueCodec.write(new SuggestMetadata(channelId, source.getTs(),
                only == null ? null : only.id(), only == null ? null : only.name(), access == Access.DRAFT_ONLY));
        modals.update(modal, StoryViews.suggestForm(new StoryViews.SuggestFormModel(
                title(source, slackUsers::nameOr), description(source, slackUsers::nameOr),
                link(source).orElse(null), boards, workflows, access == Access.DRAFT_ONLY, metadata)));
    }

    Access access(PersonLink link) {
        if (link.isOktopostUser()) {
            if (oktopost.users().stream().filter(u -> u.id().equals(link.oktopostUserId())).anyMatch(User::canPublish)) {
                return Access.FULL;
            }
        }
        return link.isAdvocate() ? Access.DRAFT_ONLY : Access.NONE;
    }

    /** The first line that is more than a bare link, else an unfurled link's title. */
    static String title(Message source, Function<String, String> userName) {
        String plain = SlackMarkup.plain(source.getText(), userName, false);
        for (String line : plain.split("\n")) {
            String candidate = line.strip();
            if (!candidate.isEmpty() && !Mrkdwn.isWebUrl(candidate)) {
                return Mrkdwn.cut(candidate, 100);
            }
        }
        return attachments(source).stream().map(Attachment::getTitle).filter(StringUtils::hasText)
                .map(t -> Mrkdwn.cut(t, 100)).findFirst().orElse("");
    }

    static String description(Message source, Function<String, String> userName) {
        return Mrkdwn.cut(SlackMarkup.plain(source.getText(), userName), StoryViews.MAX_INPUT);
    }

    static Optional<String> link(Message source) {
        Optional<String> inText = SlackMarkup.firstUrl(source.getText()).filter(Mrkdwn::isWebUrl);
        if (inText.isPresent()) {
            return inText;
        }
        for (Attachment attachment : attachments(source)) {
            for (String candidate : new String[]{attachment.getOriginalUrl(), attachment.getFromUrl(), attachment.getTitleLink()}) {
                if (Mrkdwn.isWebUrl(candidate)) {
                    return Optional.of(candidate.strip());
                }
            }
        }
        return Optional.empty();
    }

    private static List<Attachment> attachments(Message source) {
        return source.getAttachments() == null ? List.of() : source.getAttachments();
    }
}
