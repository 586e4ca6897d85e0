package com.oktoslack.stories;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oktoslack.testing.FakeOktopost;
import com.oktoslack.testing.FakeSlack;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A board with one story (LinkedIn and Twitter messages, a link, an image, two topics) and an advocate,
 * Ada, whose Slack user has the same e-mail: valid LinkedIn, Twitter and Facebook profiles plus an expired one.
 */
final class StoryWorld {

    static final String ADA = "U0ADA";
    static final String ADA_EMAIL = "ada@acme.example";
    static final String ADA_ZONE = "Europe/Berlin";
    static final DateTimeFormatter OKTOPOST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    final String boardId;
    final String linkedInMessageId;
    final String twitterMessageId;
    final ObjectNode story;
    final String storyId;
    final String advocateId;
    final String linkedInProfileId;
    final String twitterProfileId;
    final String facebookProfileId;
    final String expiredProfileId;

    StoryWorld(FakeOktopost oktopost, FakeSlack slack) {
        boardId = oktopost.addBoard("Acme Advocates").get("Id").asText();
        ObjectNode linkedIn = oktopost.addMessage("LinkedIn", "Our 2026 report is out: what 500 marketers told us.");
        linkedIn.put("LinkUrl", "https://acme.example/report").put("LinkTitle", "The 2026 report")
                .put("Description", "Findings from 500 marketers").put("ImageUrl", "https://acme.example/cover.png");
        linkedInMessageId = linkedIn.get("Id").asText();
        twitterMessageId = oktopost.addMessage("Twitter", "Read the 2026 report #b2b").get("Id").asText();
        story = oktopost.addStory(boardId, "Acme report 2026", linkedInMessageId, twitterMessageId);
        story.put("Description", "What 500 marketers told us about <social> & more.")
                .put("ImageUrl", "https://acme.example/cover.png")
                .put("LinkUrl", "https://acme.example/report")
                .put("ExpirationDate", OKTOPOST_DATE.format(Instant.parse("2099-06-14T02:59:59Z")));
        story.putArray("Topics").add("Research").add("Marketing");
        storyId = story.get("ID").asText();

        advocateId = oktopost.addAdvocate("Ada Advocate", ADA_EMAIL).get("Id").asText();
        linkedInProfileId = oktopost.addProfile(advocateId, "LinkedIn", "Ada Lovelace").get("Id").asText();
        twitterProfileId = oktopost.addProfile(advocateId, "Twitter", "ada").get("Id").asText();
        facebookProfileId = oktopost.addProfile(advocateId, "Facebook", "Ada on Facebook").get("Id").asText();
        expiredProfileId = oktopost.addProfile(advocateId, "LinkedIn", "Ada (old)").put("Status", "expired").get("Id").asText();
        slack.addUser(ADA, ADA_EMAIL, "Ada Advocate", ADA_ZONE, false);
    }

    /** Another story on the board, published {@code age} ago. */
    static ObjectNode story(FakeOktopost oktopost, String boardId, String title, Duration age, String... messageIds) {
        ObjectNode story = oktopost.addStory(boardId, title, messageIds);
        story.put("PublishDate", OKTOPOST_DATE.format(Instant.now().minus(age)));
        return story;
    }
}
