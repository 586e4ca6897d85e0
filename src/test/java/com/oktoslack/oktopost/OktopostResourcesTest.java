package com.oktoslack.oktopost;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oktoslack.testing.FakeOktopost.RecordedRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each facade method against the fake: the request it makes and the record it returns. */
@MicronautTest(transactional = false)
class OktopostResourcesTest extends OktopostTestBase {

    @Test
    void anItemGoesThroughApprovalStepByStep() {
        ObjectNode workflow = fake().addWorkflow("Marketing", "Review", "Legal");
        String workflowId = workflow.get("Id").asText();
        String review = fake().stepId(workflowId, 0);
        String legal = fake().stepId(workflowId, 1);
        String messageId = fake().addMessage("LinkedIn", "Launch day").get("Id").asText();

        WorkflowItem sent = okto.sendToWorkflow(messageId, workflowId);
        assertEquals(Map.of("entityId", messageId, "workflowId", workflowId), fake().last("POST", "/workflow-item").form());
        assertEquals(review, sent.stepId());
        assertTrue(sent.isPending());
        assertEquals(messageId, sent.entityId());
        assertEquals("message", sent.entityType());

        WorkflowItem reviewed = okto.decide(messageId, true, "Looks good", review);
        assertEquals(Map.of("isApprove", "1", "note", "Looks good", "stepId", review),
                fake().last("POST", "/workflow-item/" + messageId).form());
        assertEquals(legal, reviewed.stepId());

        WorkflowItem again = okto.decide(messageId, true, null, review);
        assertEquals(reviewed, again, "a stale step changes nothing");
        assertFalse(fake().last("POST", "/workflow-item").form().containsKey("note"), "no empty note is sent");

        WorkflowItem approved = okto.decide(messageId, true, null, legal);
        assertEquals(WorkflowItem.APPROVED, approved.status());

        String otherId = fake().addMessage("LinkedIn", "Too bold").get("Id").asText();
        okto.sendToWorkflow(otherId, workflowId);
        WorkflowItem rejected = okto.decide(otherId, false, "Tone it down", null);
        assertEquals(WorkflowItem.REJECTED, rejected.status());
        assertEquals("0", fake().last("POST", "/workflow-item").form().get("isApprove"));
        assertEquals("Tone it down", fake().workflowItem(otherId).orElseThrow().get("History").get(1).get("Note").asText());
    }

    @Test
    void anItemCanBeTakenOutOfApproval() {
        String workflowId = fake().addWorkflow("Marketing", "Review").get("Id").asText();
        String messageId = fake().addMessage("LinkedIn", "Draft me").get("Id").asText();
        fake().addWorkflowItem(messageId, workflowId);

        okto.removeFromWorkflow(messageId);

        assertTrue(fake().workflowItem(messageId).isEmpty());
        assertThrows(OktopostException.NotFound.class, () -> okto.decide(messageId, true, null, null));
    }

    @Test
    void sendingTwiceIsRejectedWithOktopostsReason() {
        String workflowId = fake().addWorkflow("Marketing", "Review").get("Id").asText();
        String messageId = fake().addMessage("LinkedIn", "Once").get("Id").asText();
        okto.sendToWorkflow(messageId, workflowId);
        OktopostException.Rejected e = assertThrows(OktopostException.Rejected.class,
                () -> okto.sendToWorkflow(messageId, workflowId));
        assertEquals("entityId: The item is already pending approval", e.getMessage());
    }

    @Test
    void workflowAndStepsComeFromTheirOwnEndpoints() {
        String workflowId = fake().addWorkflow("Marketing", "Review", "Legal").get("Id").asText();
        fake().addWorkflow("Other", "Only");

        Workflow workflow = okto.workflow(workflowId);
        assertEquals("Marketing", workflow.name());
        assertEquals(2, workflow.steps().size());
        assertEquals("1", fake().last("GET", "/workflow/" + workflowId).query().get("withSteps"));

        WorkflowStep legal = okto.step(fake().stepId(workflowId, 1));
        assertEquals("Legal", legal.name());
        assertEquals(workflowId, legal.workflowId());

        assertEquals(2, okto.steps(workflowId).size());
        assertEquals(3, okto.steps(null).size());
    }

    @Test
    void workflowItemsNameTheirEntityWhicheverWayOktopostDoes() {
        assertEquals("004", item("004", null, null, null).entityId());
        assertEquals("post", item("004", "005", null, null).entityType());
        assertEquals("005", item(null, "005", null, null).entityId());
        assertEquals("0AS", item(null, null, "0AS", null).entityId());
        assertEquals("x", item(null, null, null, "x").entityId());
        assertNull(item("", null, null, null).entityId());
    }

    private static WorkflowItem item(String postId, String messageId, String storyId, String entityId) {
        return new WorkflowItem("cwi1", null, "pending", null, null, messageId, postId, storyId, entityId, null, null, null);
    }

    @Test
    void messagesAreReadCreatedAndDeleted() {
        String id = okto.createMessage(NewMessage.text("Twitter", "002000000000001", "Hello")).id();
        Message message = okto.message(id);
        assertEquals("Hello", message.message());
        assertEquals("Twitter", message.network());
        assertTrue(message.createdAt() != null);

        okto.deleteMessage(id);
        assertTrue(fake().message(id).isEmpty());
    }

    @Test
    void postsAreCreatedOnePerProfileAndComeBackInEitherShape() {
        String messageId = fake().addMessage("LinkedIn", "Share this").get("Id").asText();
        String first = fake().addCredential("LinkedIn", "Company Page").get("Id").asText();
        String second = fake().addCredential("LinkedIn", "CEO").get("Id").asText();
        Instant at = Instant.parse("2025-06-01T09:30:00.400Z");

        List<Post> one = okto.createPosts(messageId, List.of(first), at, null);
        assertEquals(1, one.size());
        RecordedRequest request = fake().last("POST", "/post");
        assertEquals(Map.of("messageId", messageId, "credentialIds", first, "startDateTime", "1748770200"), request.form());
        assertEquals(Instant.parse("2025-06-01T09:30:00Z"), one.get(0).startAt());
        assertEquals(List.of(first), one.get(0).credentialIds());

        // The reference: one post naming both profiles.
        List<Post> both = okto.createPosts(messageId, List.of(first, second), at, "draft");
        assertEquals(1, both.size());
        assertEquals(List.of(first, second), both.get(0).credentialIds());
        assertEquals(first + "," + second, fake().last("POST", "/post").form().get("credentialIds"));
        assertEquals("draft", both.get(0).status());

        fake().readings().postAnswer(com.oktoslack.testing.FakeOktopost.Readings.PostAnswer.ONE_POST_PER_PROFILE);
        try {
            List<Post> two = okto.createPosts(messageId, List.of(first, second), at, "draft");
            assertEquals(2, two.size());
            assertEquals(List.of(List.of(first), List.of(second)), two.stream().map(Post::credentialIds).toList());
            assertEquals("draft", two.get(1).status());
        } finally {
            fake().readings().strict();
        }
    }

    @Test
    void aPostIsReadUpdatedAndDeleted() {
        String messageId = fake().addMessage("LinkedIn", "Share this").get("Id").asText();
        String credentialId = fake().addCredential("LinkedIn", "Company Page").get("Id").asText();
        String id = fake().addPost(messageId, credentialId, Instant.parse("2025-06-01T09:00:00Z"), "pending").get("Id").asText();

        assertEquals(messageId, okto.post(id).messageId());
        Post moved = okto.updatePost(id, Map.of("startDateTime", "1748775600"));
        assertEquals(Instant.ofEpochSecond(1748775600), moved.startAt());

        okto.deletePost(id);
        assertThrows(OktopostException.NotFound.class, () -> okto.post(id));
    }

    @Test
    void storiesAreReadListedAndCreated() {
        String boardId = fake().addBoard("Employees").get("Id").asText();
        String messageId = fake().addMessage("LinkedIn", "Read our blog").get("Id").asText();
        String seeded = fake().addStory(boardId, "Blog post", messageId).get("ID").asText();

        Story story = okto.story(seeded);
        assertEquals(seeded, story.id());
        assertEquals("Blog post", story.title());
        assertEquals("Read our blog", story.messageFor("linkedin").orElseThrow().message());
        assertTrue(story.expiresAt().isAfter(story.publishAt()));

        Page<Story> page = okto.stories(boardId, 0, 25);
        assertEquals(1, page.total());
        assertEquals(seeded, page.items().get(0).id());

        String workflowId = fake().addWorkflow("Stories", "Review").get("Id").asText();
        // Oktopost answers a bare Result (the default reading): the story is found on the board by title.
        CreatedStory created = okto.createStory(NewStory.of(boardId, "New + shiny", "Desc & more", "002000000000001")
                .withLink("https://example.com/?a=1&b=2").withMessageIds(List.of(messageId)).toApproval(workflowId));
        Map<String, String> form = fake().last("POST", "/story").form();
        assertEquals("New + shiny", form.get("title"));
        assertEquals("https://example.com/?a=1&b=2", form.get("link"));
        assertEquals(messageId, form.get("messageIds"));
        assertFalse(form.containsKey("isDraft"));
        assertEquals("New + shiny", created.title());
        assertEquals(1, fake().story(created.id()).orElseThrow().get("Messages").size());
        assertTrue(fake().workflowItem(created.id()).isPresent(), "sent to approval with the story");
        assertEquals(boardId, fake().last("GET", "/story").query().get("boardId"));
    }

    @Test
    void aCreatedStoryAnsweredInFullIsTakenFromTheAnswer() {
        String boardId = fake().addBoard("Employees").get("Id").asText();
        fake().readings().storyAnswer(com.oktoslack.testing.FakeOktopost.Readings.StoryAnswer.STORY);
        try {
            fake().reset();
            CreatedStory created = okto.createStory(NewStory.of(boardId, "Answered", "d", "002000000000001"));
            assertEquals("Answered", fake().story(created.id()).orElseThrow().get("Title").asText());
            assertEquals(0, fake().count("GET", "/story"));
        } finally {
            fake().readings().strict();
        }
    }

    @Test
    void aCreatedStoryKnownOnlyByItsIdKeepsThatId() {
        String boardId = fake().addBoard("Employees").get("Id").asText();
        String storyId = fake().addStory(boardId, "Already there").get("ID").asText();
        fake().on("POST", "/story", r -> com.oktoslack.testing.FakeOktopost.Reply.ok(
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("Result", true).put("Id", storyId)));

        CreatedStory story = okto.createStory(NewStory.of(boardId, "t", "d", "002000000000001"));

        assertEquals(storyId, story.id());
        assertEquals(0, fake().count("GET", "/story"));
    }

    @Test
    void advocatesComeWithTheirProfiles() {
        ObjectNode advocate = fake().addAdvocate("Jimmy McGill", "saul@goodman.com");
        String advocateId = advocate.get("Id").asText();
        fake().addProfile(advocateId, "LinkedIn", "Jimmy on LinkedIn");
        fake().addProfile(advocateId, "Twitter", "Jimmy on X").put("Status", "invalid");

        Advocate full = okto.advocate(advocateId, null);
        assertEquals("Jimmy McGill", full.name());
        assertEquals(2, full.profiles().size());
        assertEquals(List.of("Jimmy on LinkedIn"), full.validProfiles().stream().map(Profile::name).toList());
        assertEquals("jimmy_on_linkedin", full.validProfiles().get(0).networkUsername());

        List<Advocate> found = okto.advocatesByEmail("Saul@Goodman.com");
        assertEquals(List.of(advocateId), found.stream().map(Advocate::id).toList());
        assertEquals("Saul@Goodman.com", fake().last("GET", "/advocate").query().get("email"));
        assertEquals(List.of(), okto.advocatesByEmail("nobody@example.com"));
    }

    @Test
    void webhooksAreAddedWithTheirSecretUpdatedAndDeleted() {
        Webhook added = okto.addWebhook("newApprovalItem", "okto-slack", "Approvals to Slack", "https://okto.example.com/oktopost/webhooks");
        assertEquals(40, added.secret().length());
        assertTrue(added.enabled());
        assertEquals("1", fake().last("POST", "/webhook").form().get("isEnabled"));

        List<Webhook> listed = okto.webhooks();
        assertEquals(1, listed.size());
        assertNull(listed.get(0).secret(), "Oktopost shows the secret only once");
        assertEquals("newApprovalItem", listed.get(0).event());

        Webhook updated = okto.updateWebhook(added.id(), "approvalItemApproved", "okto-slack", "d", "https://okto.example.com/oktopost/webhooks", false);
        assertFalse(updated.enabled());
        assertEquals("approvalItemApproved", updated.event());

        okto.deleteWebhook(added.id());
        assertEquals(List.of(), okto.webhooks());
        assertFalse(added.toString().contains(added.secret()), "the secret stays out of logs");
    }

    @Test
    void theBudgetCountsEveryCall() {
        int before = okto.budget().callsToday();
        okto.me();
        okto.me();
        BudgetStatus status = okto.budget();
        assertEquals(before + 2, status.callsToday());
        assertEquals(status.dailyLimit() - status.callsToday(), status.remaining());
        assertFalse(status.blocked());
    }
}
