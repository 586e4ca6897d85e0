package com.oktoslack.results;

import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.oktopost.OktopostException;
import com.oktoslack.oktopost.PostLog;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Why posts failed, in Oktopost's words: the reason already stored for the app's own posts (told when they
 * failed), else read from the post log, for at most {@link #LOOKUPS} posts a time and each post once (a failed
 * post's reason does not change), so a digest of many failures costs a few calls more, not one per post.
 */
@Singleton
public class FailureReasons {

    static final int LOOKUPS = 5;
    private static final int REMEMBERED = 500;
    private static final Logger LOG = LoggerFactory.getLogger(FailureReasons.class);

    private final PostResultRepository results;
    private final Oktopost oktopost;
    private final Map<String, String> read = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    FailureReasons(PostResultRepository results, Oktopost oktopost) {
        this.results = results;
        this.oktopost = oktopost;
    }

    /** The reasons known or found for these posts, by post id; a post without one is left out. */
    public synchronized Map<String, String> of(Collection<String> postIds) {
        Set<String> wanted = new LinkedHashSet<>(postIds);
        Map<String, String> reasons = new LinkedHashMap<>();
        results.findByPostIdIn(wanted).stream()
                .filter(r -> r.reason() != null && !r.reason().isBlank())
                .forEach(r -> reasons.put(r.postId(), r.reason()));
        int lookups = 0;
        for (String postId : wanted) {
            if (reasons.containsKey(postId)) {
                continue;
            }
            if (read.containsKey(postId)) {
                if (!read.get(postId).isEmpty()) {
                    reasons.put(postId, read.get(postId));
                }
                continue;
            }
            if (lookups++ >= LOOKUPS) {
                break;
            }
            try {
                String reason = reasonIn(oktopost.postLogs(postId));
                // Remembered even when the log gives none, so a post without a reason is not read every day.
                read.put(postId, reason == null ? "" : reason);
                if (reason != null) {
                    reasons.put(postId, reason);
                }
            } catch (OktopostException e) {
                LOG.info("Could not read why post {} failed: {}", postId, e.getMessage());
            }
        }
        return reasons;
    }

    private static String reasonIn(List<PostLog> logs) {
        return logs.stream().filter(PostLog::failed).map(PostLog::error)
                .filter(e -> e != null && !e.isBlank()).map(String::strip).distinct()
                .reduce((a, b) -> a + "; " + b).orElse(null);
    }
}
