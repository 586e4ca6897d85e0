package com.oktoslack.home;

import com.oktoslack.approvals.ApprovalQueue;
import com.oktoslack.digest.PersonalDigestTime;
import com.oktoslack.people.DmMode;
import com.oktoslack.people.People;
import com.oktoslack.people.PersonLink;
import com.oktoslack.people.Preferences;
import com.oktoslack.scheduling.UpcomingPosts;
import com.oktoslack.slack.BlockKitLimits;
import com.oktoslack.slack.Mrkdwn;
import com.oktoslack.slack.UserFacingException;
import com.oktoslack.stories.ShareableStories;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.view.View;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.view.Views.view;

/**
 * A person's App Home: what waits for them (a page of it, so the Home stays within Slack's 100 blocks), their
 * own items in review, their posts going out in the next 7 days, stories to share, and their settings. An
 * unlinked person gets a short introduction and Link. Everything but the calendar and the stories comes from
 * stored state; those two are kept briefly by their features.
 */
@Singleton
class HomeViews {

    /** What was built: the view, the page shown (after clamping) and the ids of the items on it. */
    record Built(View view, int page, List<String> shownIds) {
    }

    static final int PAGE_SIZE = 10;
    static final int IN_REVIEW_MAX = 15;
    static final int STORIES_MAX = 3;
    private static final Logger LOG = LoggerFactory.getLogger(HomeViews.class);

    private final People people;
    private final Preferences preferences;
    private final ApprovalQueue queue;
    private final UpcomingPosts upcoming;
    private final ShareableStories stories;
    private final PersonalDigestTime digest;

    HomeViews(People people, Preferences preferences, ApprovalQueue queue, UpcomingPosts upcoming,
              ShareableStories stories, PersonalDigestTime digest) {
        this.people = people;
        this.preferences = preferences;
        this.queue = queue;
        this.upcoming = upcoming;
        this.stories = stories;
        this.digest = digest;
    }

    Built build(String slackUserId, int page) {
        Optional<PersonLink> link = people.linkOf(slackUserId);
        if (link.isEmpty()) {
            return new Built(home(unlinked()), 0, List.of());
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        int shownPage = 0;
        if (link.get().isOktopostUser()) {
            ApprovalQueue.Part waiting = queue.waiting(slackUserId, page, PAGE_SIZE);
            if (waiting.blocks().isEmpty() && waiting.total() > 0) {
                // The page asked for is past the end now (items were decided): the last page instead.
                waiting = queue.waiting(slackUserId, lastPage(waiting.total()), PAGE_SIZE);
                shownPage = lastPage(waiting.total());
            } else {
                shownPage = waiting.total() == 0 ? 0 : page;
            }
            waiting(blocks, waiting, shownPage);
            shown.addAll(waiting.shownIds());
            ApprovalQueue.Part mine = queue.inReview(slackUserId, IN_REVIEW_MAX);
            blocks.add(divider());
            blocks.add(header(h -> h.text(plainText("Yours in review"))));
            blocks.addAll(mine.blocks().isEmpty() ? List.of(ApprovalQueue.quiet("None of your items is in review.")) : mine.blocks());
            shown.addAll(mine.shownIds());
            blocks.add(divider());
            blocks.add(header(h -> h.text(plainText("Your posts in the next 7 days"))));
            blocks.add(upcoming(slackUserId));
        }
        if (link.get().isAdvocate()) {
            blocks.add(divider());
            blocks.add(header(h -> h.text(plainText("Stories to share"))));
            blocks.addAll(stories());
        }
        blocks.add(divider());
        settings(blocks, slackUserId, link.get());
        return new Built(home(blocks), shownPage, shown);
    }

    private static int lastPage(int total) {
        return Math.max(0, (total - 1) / PAGE_SIZE);
    }

    private static void waiting(List<LayoutBlock> blocks, ApprovalQueue.Part waiting, int page) {
        int total = waiting.total();
        blocks.add(header(h -> h.text(plainText(total == 0 ? "Waiting for you" : "Waiting for you (" + total + ")"))));
        if (total == 0) {
            blocks.add(ApprovalQueue.quiet("Nothing waits for your approval."));
            return;
        }
        blocks.addAll(waiting.blocks());
        int from = page * PAGE_SIZE + 1;
        int to = page * PAGE_SIZE + waiting.shownIds().size();
        List<BlockElement> buttons = new ArrayList<>();
        if (page > 0) {
            buttons.add(button(b -> b.actionId(HomeActions.PREVIOUS).text(plainText("Previous")).value(Integer.toString(page - 1))));
        }
        if (to < total) {
            buttons.add(button(b -> b.actionId(HomeActions.NEXT).text(plainText("Next")).value(Integer.toString(page + 1))));
        }
        buttons.add(button(b -> b.actionId(ApprovalQueue.DECIDE_SEVERAL_ACTION).text(plainText("Decide several")).value("home")));
        blocks.add(context(List.of(markdownText("Oldest first: " + from + "–" + to + " of " + total + "."))));
        blocks.add(actions(a -> a.blockId("home:waiting:more").elements(buttons)));
    }

    private LayoutBlock upcoming(String slackUserId) {
        try {
            String text = fit(upcoming.forPerson(slackUserId));
            return section(s -> s.text(markdownText(text)));
        } catch (UserFacingException e) {
            return ApprovalQueue.quiet(Mrkdwn.escape(e.getMessage()));
        } catch (Exception e) {
            LOG.info("The Home shows no calendar for {}: {}", slackUserId, e.toString());
            return ApprovalQueue.quiet("Oktopost did not answer just now; the calendar shows again on the next update.");
        }
    }

    private List<LayoutBlock> stories() {
        try {
            List<LayoutBlock> found = stories.blocks(STORIES_MAX);
            return found.isEmpty() ? List.of(ApprovalQueue.quiet("No stories on the board right now.")) : found;
        } catch (RuntimeException e) {
            LOG.info("The Home shows no stories: {}", e.toString());
            return List.of(ApprovalQueue.quiet("Oktopost did not answer just now; stories show again on the next update."));
        }
    }

    private void settings(List<LayoutBlock> blocks, String slackUserId, PersonLink link) {
        blocks.add(header(h -> h.text(plainText("Your settings"))));
        String who = link.isOktopostUser() ? "Oktopost user *" + Mrkdwn.escape(link.oktopostUserName()) + "*"
                : "advocate *" + Mrkdwn.escape(link.advocateName()) + "*";
        blocks.add(section(s -> s.blockId("home:link").text(markdownText("Linked to " + who + " by "
                        + Mrkdwn.escape(link.email()) + "."))
                .accessory(button(b -> b.actionId(HomeActions.UNLINK).text(plainText("Unlink")).value("unlink")))));
        DmMode mode = preferences.dmMode(slackUserId);
        blocks.add(section(s -> s.text(markdownText("*Approval DMs:* " + switch (mode) {
            case EACH -> "one per item";
            case GROUPED -> "grouped: a burst of new items is one message";
            case OFF -> "off";
        }))));
        List<BlockElement> modes = new ArrayList<>();
        for (DmMode choice : DmMode.values()) {
            ButtonElement choiceButton = button(b -> b.actionId(HomeActions.DM_PREFIX + choice.word())
                    .text(plainText(capitalised(choice.word()))).value(choice.word()));
            if (choice == mode) {
                choiceButton.setStyle("primary");
            }
            modes.add(choiceButton);
        }
        blocks.add(actions(a -> a.blockId("home:dm").elements(modes)));
        String digestText = digest.of(slackUserId).map(t -> "*Personal digest:* every day at " + Mrkdwn.escape(t))
                .orElse("*Personal digest:* off") + ". Change it with `/okto digest me HH:MM [Zone]` or `/okto digest me off`.";
        blocks.add(section(s -> s.text(markdownText(digestText))));
        boolean reminders = preferences.remindersOn(slackUserId);
        blocks.add(section(s -> s.blockId("home:reminders").text(markdownText("*Reminders* of items that wait long: "
                        + (reminders ? "on" : "off")))
                .accessory(button(b -> b.actionId(HomeActions.REMINDERS).text(plainText(reminders ? "Turn off" : "Turn on"))
                        .value(reminders ? "off" : "on")))));
    }

    private static List<LayoutBlock> unlinked() {
        return List.of(
                header(h -> h.text(plainText("Welcome to okto-slack"))),
                section(s -> s.text(markdownText("okto-slack brings Oktopost into Slack: approve or reject what waits for "
                        + "you, see what goes out this week, and share the advocacy board's stories. Link your Slack "
                        + "user to Oktopost (by your e-mail address) to see yours here."))),
                actions(a -> a.blockId("home:link").elements(List.of(button(b -> b.actionId(HomeActions.LINK)
                        .text(plainText("Link")).style("primary").value("link"))))));
    }

    private static View home(List<LayoutBlock> blocks) {
        List<LayoutBlock> within = blocks.size() > BlockKitLimits.VIEW_BLOCKS
                ? blocks.subList(0, BlockKitLimits.VIEW_BLOCKS) : blocks;
        return view(v -> v.type("home").blocks(within));
    }

    private static String fit(String text) {
        return Mrkdwn.cut(text, BlockKitLimits.SECTION_TEXT);
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
