package com.oktoslack.home;

import com.oktoslack.approvals.ApprovalItemChanged;
import com.oktoslack.jobs.DelayedJob;
import com.oktoslack.jobs.Jobs;
import com.oktoslack.jobs.Retry;
import com.oktoslack.people.People;
import com.oktoslack.people.PersonLink;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Republishes the Homes an item's change concerns (its approvers before and after, its author, and whoever's
 * Home shows it, among the people who have opened their Home), at most once per person per
 * {@code publish-delay}: the first change schedules the person's publish that far ahead, and the changes
 * until then are in it. Scheduled inside the change's transaction, so it is stored with the change.
 */
@Singleton
class HomeRefresh implements DelayedJob<HomeRefresh.Due> {

    static final String KIND = "home.publish";
    private static final Logger LOG = LoggerFactory.getLogger(HomeRefresh.class);

    /** Whose Home to publish. */
    record Due(String slackUserId) {
    }

    private final People people;
    private final HomeViewRepository homes;
    private final HomePublisher publisher;
    private final Jobs jobs;
    private final Duration delay;

    HomeRefresh(People people, HomeViewRepository homes, HomePublisher publisher, Jobs jobs,
                @Value("${okto.home.publish-delay}") Duration delay) {
        this.people = people;
        this.homes = homes;
        this.publisher = publisher;
        this.jobs = jobs;
        this.delay = delay;
    }

    @EventListener
    void changed(ApprovalItemChanged change) {
        try {
            Set<String> concerned = new LinkedHashSet<>(homes.findShowingLike("%," + change.entityId() + ",%"));
            List<String> linked = people.byOktopostUsers(change.oktopostUserIds()).stream().map(PersonLink::slackUserId).toList();
            if (!linked.isEmpty()) {
                concerned.addAll(homes.findKnown(linked));
            }
            concerned.forEach(this::soon);
        } catch (RuntimeException e) {
            // A Home left out of date is put right when it is opened; the change itself must not fail for it.
            LOG.warn("The Homes showing item {} are not republished: {}", change.entityId(), e.toString());
        }
    }

    /**
     * Once per person and {@code publish-delay}: a publish already waiting shows this change too. The id names
     * the window the change fell in, so a change made while that window's publish is running (and may have
     * read too early) gets a publish of its own in the next window. Job times are the wall clock's.
     */
    void soon(String slackUserId) {
        Instant now = Instant.now();
        long window = now.toEpochMilli() / Math.max(1, delay.toMillis());
        jobs.schedule(KIND, slackUserId + "@" + window, new Due(slackUserId), now.plus(delay));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Class<Due> dataType() {
        return Due.class;
    }

    @Override
    public Retry retry() {
        return new Retry(3, Duration.ofSeconds(5), Duration.ofMinutes(1));
    }

    @Override
    public void run(Due data) throws Exception {
        publisher.publish(data.slackUserId(), null);
    }
}
