package com.oktoslack.slack;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MrkdwnTest {

    @Test
    void cuttingNeverSplitsAnEmoji() {
        String text = "ab\uD83C\uDF85cd";
        assertEquals("ab…", Mrkdwn.cut(text, 4));
        assertEquals("ab\uD83C\uDF85…", Mrkdwn.cut(text, 5));
    }

    @Test
    void slackMarkupIsReadAsPlainText() {
        String message = "See <https://acme.example/x|our post> and <https://acme.example/y>, <@U1|ada>, <#C1|general> &amp; <!here>";

        assertEquals("See our post (https://acme.example/x) and https://acme.example/y, @ada, #general & @here",
                SlackMarkup.plain(message, id -> id));
        assertEquals("See our post and https://acme.example/y, @ada, #general & @here", SlackMarkup.plain(message, id -> id, false));
        assertEquals("https://acme.example/x", SlackMarkup.firstUrl(message).orElseThrow());
    }
}
