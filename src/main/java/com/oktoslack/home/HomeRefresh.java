package com.oktoslack.home;

import com.oktoslack.approvals.ApprovalItemChanged;
import com.oktoslack.people.People;
import com.oktoslack.people.PersonLink;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Async;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Republishes the Homes an item's change concerns: its approvers before and after, its author, and whoever's
 * Home shows it, among the people who have a Home (opened it once). Changes come inside their transaction, so
 * this runs apart from it.
 */
@Singleton
class HomeRefresh {

    private static final Logger LOG = LoggerFactory.getLogger(HomeRefresh.class);

    private final People people;
    private final HomeViewRepository homes;
    private final HomePublisher publisher;

    HomeRefresh(People people, HomeViewRepository homes, HomePublisher publisher) {
        this.people = people;
        this.homes = homes;
        this.publisher = publisher;
    }

    @EventListener
    @Async
    void changed(ApprovalItemChanged change) {
        try {
            Set<String> concerned = new LinkedHashSet<>(homes.findShowingLike("%," + change.entityId() + ",%"));
            List<String> linked = new ArrayList<>();
            people.byOktopostUsers(change.oktopostUserIds()).stream().map(PersonLink::slackUserId).forEach(linked::add);
            if (!linked.isEmpty()) {
                concerned.addAll(homes.findKnown(linked));
            }
            concerned.forEach(this::soon);
        } catch (RuntimeException e) {
            LOG.warn("The Homes showing item {} are updated on their next change or open: {}", change.entityId(), e.toString());
        }
    }

    void soon(String slackUserId) {
        try {
            publisher.publish(slackUserId, null);
        } catch (Exception e) {
            LOG.warn("The Home of {} was not republished: {}", slackUserId, e.toString());
        }
    }
}
