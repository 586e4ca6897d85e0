package com.oktoslack.results;

import com.oktoslack.oktopost.Network;
import com.oktoslack.oktopost.PostLog;
import com.oktoslack.slack.Mrkdwn;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What became of one post, told in lines, one per profile: "Live on LinkedIn (Acme LinkedIn Page): link", or
 * "Failed on …" with Oktopost's reason, escaped for Slack.
 */
record Outcome(String status, String text, @Nullable String remoteUrl, @Nullable String label, @Nullable String reason) {

    /** From the post's social posts that are decided; {@code names} gives a profile's name by credential id. */
    static Outcome of(List<PostLog> logs, Function<String, String> names) {
        List<String> lines = new ArrayList<>();
        String firstUrl = null;
        String firstLabel = null;
        String reason = null;
        for (PostLog log : logs) {
            String where = where(log.network(), names.apply(log.credentialId()));
            if (log.sent()) {
                String url = log.remoteUrl() == null ? "" : log.remoteUrl().strip();
                lines.add(":white_check_mark: Live on " + Mrkdwn.escape(where) + (Mrkdwn.isWebUrl(url)
                        ? ": " + Mrkdwn.link(url, url) : " (Oktopost gave no link)"));
                if (firstUrl == null && Mrkdwn.isWebUrl(url)) {
                    firstUrl = url;
                    firstLabel = where;
                }
                if (firstLabel == null) {
                    firstLabel = where;
                }
            } else {
                String why = log.error() == null || log.error().isBlank() ? null : log.error().strip();
                reason = reason == null ? why : reason;
                lines.add(":warning: Failed on " + Mrkdwn.escape(where) + ": "
                        + (why == null ? "Oktopost gave no reason." : Mrkdwn.escape(why)));
            }
        }
        boolean live = firstLabel != null;
        return new Outcome(live ? PostResult.LIVE : PostResult.FAILED, String.join("\n", lines), firstUrl, firstLabel,
                reason);
    }

    /** "LinkedIn (Acme LinkedIn Page)", or the network alone when the profile's name is unknown. */
    static String where(@Nullable String network, @Nullable String profile) {
        String label = Network.of(network).map(Network::label).orElse(network == null || network.isBlank() ? "the network" : network);
        return profile == null || profile.isBlank() ? label : label + " (" + profile + ")";
    }
}
