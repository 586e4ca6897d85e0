package com.oktoslack.oktopost;

import io.micronaut.core.annotation.Nullable;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The social networks Oktopost posts to, as its API spells them, with the names it has also used for them
 * ("X" for Twitter) and each one's text and media limits. Every feature matches networks through this type, so a profile
 * on "X" and a story message for "Twitter" are one network everywhere.
 */
public enum Network {
    LINKEDIN("LinkedIn", "LinkedIn", 3000, 9),
    TWITTER("Twitter", "X (Twitter)", 280, 4, "X"),
    FACEBOOK("Facebook", "Facebook", 63206, 18),
    INSTAGRAM("Instagram", "Instagram", 2200, 10),
    /** A video with a title; the text is its description. */
    YOUTUBE("Youtube", "YouTube", 5000, 1);

    /** X counts every link as this many characters, however long it is. */
    static final int TWITTER_LINK_LENGTH = 23;

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private final String oktopostName;
    private final String label;
    private final int textLimit;
    private final int mediaLimit;
    private final List<String> aliases;

    Network(String oktopostName, String label, int textLimit, int mediaLimit, String... aliases) {
        this.oktopostName = oktopostName;
        this.label = label;
        this.textLimit = textLimit;
        this.mediaLimit = mediaLimit;
        this.aliases = List.of(aliases);
    }

    /** The known network of a name as Oktopost or a person wrote it, in any case and by any of its names. */
    public static Optional<Network> of(@Nullable String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip();
        return Arrays.stream(values())
                .filter(n -> n.oktopostName.equalsIgnoreCase(wanted) || n.aliases.stream().anyMatch(wanted::equalsIgnoreCase))
                .findFirst();
    }

    /** A key equal for every name of one network, known or not: to match names Oktopost gives in different places. */
    public static String key(@Nullable String name) {
        return of(name).map(n -> n.oktopostName).orElse(name == null ? "" : name.strip())
                .toLowerCase(Locale.ROOT);
    }

    public static boolean same(@Nullable String a, @Nullable String b) {
        return key(a).equals(key(b));
    }

    /** The name Oktopost's API expects when posts are created. */
    public String oktopostName() {
        return oktopostName;
    }

    /** A label for people: X rather than Twitter. */
    public String label() {
        return label;
    }

    public int textLimit() {
        return textLimit;
    }

    /** Images and videos one message may carry (the reference's media limits; YouTube takes its one video). */
    public int mediaLimit() {
        return mediaLimit;
    }

    /** How long the network considers the text: characters as people see them, links weighted on X. */
    public int length(String text) {
        if (this != TWITTER) {
            return text.codePointCount(0, text.length());
        }
        Matcher links = LINK.matcher(text);
        StringBuilder withoutLinks = new StringBuilder();
        int count = 0;
        while (links.find()) {
            links.appendReplacement(withoutLinks, "");
            count++;
        }
        links.appendTail(withoutLinks);
        return withoutLinks.codePointCount(0, withoutLinks.length()) + count * TWITTER_LINK_LENGTH;
    }
}
