package com.oktoslack.oktopost;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Network names as Oktopost gives them in different places, and the text lengths networks count. */
class NetworkTest {

    @Test
    void xAndTwitterAreOneNetworkInAnyCase() {
        assertEquals(Optional.of(Network.TWITTER), Network.of("X"));
        assertEquals(Optional.of(Network.TWITTER), Network.of(" twitter "));
        assertTrue(Network.same("x", "Twitter"));
        assertEquals("Twitter", Network.TWITTER.oktopostName(), "posts are created with the API's spelling");
        assertEquals("X (Twitter)", Network.TWITTER.label());
    }

    @Test
    void networksNotKnownStillMatchByName() {
        assertEquals(Optional.empty(), Network.of("Xing"));
        assertTrue(Network.same("Xing", "XING"));
        assertFalse(Network.same("Xing", "LinkedIn"));
        assertFalse(Network.same(null, "X"));
    }

    @Test
    void xCountsEveryLinkAsTwentyThreeCharactersAndOtherNetworksCountCharactersAsSeen() {
        String text = "Read 🎉 https://example.com/a/very/long/path/that/goes/on/and/on";
        assertEquals("Read 🎉 ".length() - 1 + 23, Network.TWITTER.length(text));
        assertEquals(text.codePointCount(0, text.length()), Network.LINKEDIN.length(text));
    }

    @Test
    void storiesOffTheBoardByStatusAreHiddenWhateverTheirDates() {
        assertTrue(story("archived").isHidden());
        assertTrue(story(" Draft ").isHidden());
        assertFalse(story("published").isHidden());
        assertFalse(story(null).isHidden());
    }

    @Test
    void onlyARoleOtherThanReadOnlyMayPublish() {
        assertTrue(new User("1", "A", null, "publisher", null).canPublish());
        assertFalse(new User("1", "A", null, " Read", null).canPublish());
        assertFalse(new User("1", "A", null, null, null).canPublish());
    }

    private static Story story(String status) {
        return new Story("1", "b", null, "T", null, status, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }
}
