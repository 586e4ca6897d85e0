package com.oktoslack.scheduling;

import com.oktoslack.oktopost.Network;

import java.util.List;
import java.util.Optional;

/**
 * The networks a post can be scheduled to from Slack, by Oktopost's spelling. YouTube only takes a video, so the
 * form offers it only where one can be attached ({@link MediaOffer}). Names, aliases and limits are {@link Network}'s.
 */
final class Networks {

    private static final List<Network> OFFERED = List.of(Network.LINKEDIN, Network.TWITTER, Network.FACEBOOK, Network.INSTAGRAM,
            Network.YOUTUBE);

    private Networks() {
    }

    /** The network as Oktopost spells it, when posts can be scheduled to it from Slack; "X" is Twitter. */
    static Optional<String> offered(String network) {
        return Network.of(network).filter(OFFERED::contains).map(Network::oktopostName);
    }

    static List<String> all() {
        return OFFERED.stream().map(Network::oktopostName).toList();
    }

    static int limit(String network) {
        return network(network).textLimit();
    }

    static int mediaLimit(String network) {
        return network(network).mediaLimit();
    }

    static boolean isYouTube(String network) {
        return Network.of(network).filter(Network.YOUTUBE::equals).isPresent();
    }

    static boolean isInstagram(String network) {
        return Network.of(network).filter(Network.INSTAGRAM::equals).isPresent();
    }

    static Network known(String network) {
        return network(network);
    }

    static int length(String network, String text) {
        return network(network).length(text);
    }

    /** A label for people: X rather than Twitter; names of networks not known are shown as they are. */
    static String label(String network) {
        return Network.of(network).map(Network::label).orElse(network);
    }

    private static Network network(String network) {
        return Network.of(network).orElseThrow(() -> new IllegalArgumentException("Not a network posts are scheduled to: " + network));
    }
}
