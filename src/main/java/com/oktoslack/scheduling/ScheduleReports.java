package com.oktoslack.scheduling;

import com.oktoslack.slack.Mrkdwn;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.stream.Collectors;

/** What the person is told once the Oktopost work is over, in Slack mrkdwn with times in their own zone. */
final class ScheduleReports {

    static final int TEXT_PREVIEW = 200;

    private ScheduleReports() {
    }

    /**
     * Counted by profile: Oktopost may make one post per profile or one post for several profiles, and
     * either way each profile gets the post.
     */
    static String scheduled(ScheduleOrder order) {
        int posts = order.targets().stream().mapToInt(t -> t.profiles().size()).sum();
        StringBuilder text = new StringBuilder();
        if (order.draft()) {
            text.append(":memo: Saved ").append(count(posts, "draft post")).append(" in Oktopost for ");
        } else {
            text.append(":white_check_mark: Scheduled ").append(count(posts, "post")).append(" for ");
        }
        text.append(Mrkdwn.when(order.start()))
                .append(" in campaign *").append(Mrkdwn.escape(order.campaignName())).append("*:\n");
        for (ScheduleOrder.Target target : order.targets()) {
            text.append("• ").append(Networks.label(target.network())).append(": ")
                    .append(target.profiles().stream().map(p -> Mrkdwn.escape(p.name())).collect(Collectors.joining(", ")))
                    .append('\n');
        }
        if (order.workflowId() != null) {
            text.append("Sent for approval in *").append(Mrkdwn.escape(order.workflowName()))
                    .append("*; the posts go out once they are approved.\n");
        }
        if (!order.mediaIds().isEmpty()) {
            long videos = order.files().stream().filter(f -> f.video()).count();
            text.append("With ").append(media(order.mediaIds().size() - (int) videos, (int) videos)).append(" from Slack.\n");
        }
        text.append("> ").append(Mrkdwn.escape(Mrkdwn.snippet(order.text(), TEXT_PREVIEW)));
        return text.toString();
    }

    /** An image or video could not be uploaded, so no message or post was made. */
    static String mediaFailed(String reason) {
        return ":warning: Your post was *not* scheduled: " + reason
                + "\nNothing was created in Oktopost (files it had already taken were deleted again).";
    }

    private static String media(int images, int videos) {
        if (videos == 0) {
            return count(images, "image");
        }
        return images == 0 ? count(videos, "video") : count(images, "image") + " and " + count(videos, "video");
    }

    /**
     * @param reason    why, from {@code UserMessages}
     * @param step      what was under way, e.g. "creating the LinkedIn posts"
     * @param remains   what could not be removed again, one entry each
     */
    static String failed(String reason, @Nullable String step, int removedMessages, int removedPosts, List<String> remains) {
        StringBuilder text = new StringBuilder(":warning: Your post was *not* scheduled");
        text.append(step == null ? "" : " (this happened while " + step + ")").append(". ").append(reason).append('\n');
        if (removedMessages + removedPosts == 0 && remains.isEmpty()) {
            text.append("Nothing was created in Oktopost.");
        } else if (remains.isEmpty()) {
            text.append("I removed what had been created (").append(count(removedMessages, "message")).append(", ")
                    .append(count(removedPosts, "post")).append("), so nothing is left over in Oktopost.");
        } else {
            if (removedMessages + removedPosts > 0) {
                text.append("I removed ").append(count(removedMessages, "message")).append(" and ")
                        .append(count(removedPosts, "post")).append(", but ");
            }
            text.append(removedMessages + removedPosts > 0 ? "these" : "These")
                    .append(" are still in Oktopost and need deleting there:\n");
            remains.forEach(r -> text.append("• ").append(r).append('\n'));
        }
        return text.toString().strip();
    }

    static String count(int n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }
}
