package com.oktoslack.scheduling;

import com.oktoslack.oktopost.Credential;
import com.oktoslack.oktopost.Network;
import com.oktoslack.oktopost.Workflow;

import java.util.Comparator;
import java.util.List;

/** What can be picked in the modal: the valid profiles of the offered networks, and the workflows. */
record ScheduleChoices(List<Credential> profiles, List<Workflow> workflows) {

    ScheduleChoices {
        profiles = profiles.stream()
                .filter(Credential::isValid)
                .filter(p -> Networks.offered(p.network()).isPresent())
                .sorted(Comparator.comparing((Credential p) -> Networks.all().indexOf(Networks.offered(p.network()).orElseThrow()))
                        .thenComparing(ScheduleChoices::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
        workflows = List.copyOf(workflows);
    }

    /** The networks with at least one valid profile, in {@link Networks} order. */
    List<String> networks() {
        return profiles.stream().map(p -> Networks.offered(p.network()).orElseThrow()).distinct().toList();
    }

    /** Without YouTube when no video can be attached, as its posts are videos. */
    ScheduleChoices suitedTo(MediaOffer media) {
        if (media.suitsYouTube()) {
            return this;
        }
        return new ScheduleChoices(profiles.stream().filter(p -> !Networks.isYouTube(p.network())).toList(), workflows);
    }

    List<Credential> profilesOf(String network) {
        return profiles.stream().filter(p -> Network.same(network, p.network())).toList();
    }

    static String name(Credential profile) {
        if (profile.displayName() != null && !profile.displayName().isBlank()) {
            return profile.displayName();
        }
        if (profile.name() != null && !profile.name().isBlank()) {
            return profile.name();
        }
        return profile.networkUsername() != null ? profile.networkUsername() : profile.id();
    }
}
