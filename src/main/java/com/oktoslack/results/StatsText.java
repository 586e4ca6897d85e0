package com.oktoslack.results;

import com.oktoslack.oktopost.PostStats;
import com.oktoslack.slack.Mrkdwn;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** "Results after 24 hours on LinkedIn (Acme LinkedIn Page): 12 link clicks · 3 comments · …". */
final class StatsText {

    private StatsText() {
    }

    static String of(PostStats stats, @Nullable String label, @Nullable String remoteUrl, Duration after) {
        List<String> parts = new ArrayList<>();
        add(parts, stats.linkClicks(), "link click", "link clicks");
        add(parts, stats.comments(), "comment", "comments");
        add(parts, stats.likes(), "like", "likes");
        add(parts, stats.shares(), "share", "shares");
        add(parts, stats.impressionsAdded(), "impression", "impressions");
        String where = label == null ? "" : " on " + Mrkdwn.escape(label);
        String link = remoteUrl != null && Mrkdwn.isWebUrl(remoteUrl) ? " (" + Mrkdwn.link(remoteUrl, "the post") + ")" : "";
        String figures = parts.isEmpty() ? "Oktopost has no figures for this network." : String.join(" · ", parts);
        return ":bar_chart: Results after " + duration(after) + where + link + ": " + figures;
    }

    private static void add(List<String> parts, @Nullable Integer metric, String one, String many) {
        if (PostStats.available(metric)) {
            parts.add(String.format(Locale.ENGLISH, "%,d %s", metric, metric == 1 ? one : many));
        }
    }

    /** "24 hours", "90 minutes", "2 days". */
    static String duration(Duration d) {
        if (d.toDays() >= 2 && d.toHours() % 24 == 0) {
            return d.toDays() + " days";
        }
        if (d.toHours() >= 1 && d.toMinutes() % 60 == 0) {
            return d.toHours() == 1 ? "1 hour" : d.toHours() + " hours";
        }
        if (d.toMinutes() >= 1 && d.toSeconds() % 60 == 0) {
            return d.toMinutes() == 1 ? "1 minute" : d.toMinutes() + " minutes";
        }
        return d.toSeconds() == 1 ? "1 second" : d.toSeconds() + " seconds";
    }
}
