package com.oktoslack.oktopost;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oktoslack.testing.FakeOktopost.RecordedRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Batching, paging and caching: how few calls the facade makes for what features ask. */
@MicronautTest(transactional = false)
class OktopostListsTest extends OktopostTestBase {

    @Test
    void messagesAreFetchedHundredIdsPerCall() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            ids.add(fake().addMessage("LinkedIn", "message " + i).get("Id").asText());
        }
        List<String> asked = new ArrayList<>(ids);
        asked.add(ids.get(0));
        asked.add("005999999999999");

        List<Message> messages = okto.messages(asked);

        assertEquals(250, messages.size(), "duplicates asked once, unknown ids simply missing");
        assertEquals(Set.copyOf(ids), messages.stream().map(Message::id).collect(Collectors.toSet()));
        List<RecordedRequest> calls = fake().requests("GET", "/message");
        assertEquals(3, calls.size());
        assertEquals(List.of(100, 100, 51), calls.stream().map(r -> r.query().get("ids").split(",").length).toList());
        assertEquals(List.of("100", "100", "100"), calls.stream().map(r -> r.query().get("_count")).toList(),
                "an ids= list pages at 25 unless asked for more");
        assertEquals(List.of(), okto.messages(List.of()));
        assertEquals(3, fake().count("GET", "/message"), "nothing asked, nothing called");
    }

    @Test
    void messagesAListLeavesOutAreReadNextPageThenByIdAndTheRestAreSaidNotFound() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(fake().addMessage("LinkedIn", "message " + i).get("Id").asText());
        }
        fake().hide(ids.get(7));
        // A list that keeps to 25 per page whatever _count asks.
        fake().on("GET", "/message", r -> {
            if (!r.query().containsKey("ids")) {
                return null;
            }
            List<String> wanted = List.of(r.query().get("ids").split(","));
            List<ObjectNode> listed = fake().messages().stream()
                    .filter(m -> wanted.contains(m.get("Id").asText()) && !m.get("Id").asText().equals(ids.get(7)))
                    .toList();
            int page = Integer.parseInt(r.query().getOrDefault("_page", "0"));
            ObjectNode body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("Result", true)
                    .put("Total", listed.size());
            listed.subList(Math.min(listed.size(), page * 25), Math.min(listed.size(), page * 25 + 25))
                    .forEach(body.putArray("Items")::add);
            return com.oktoslack.testing.FakeOktopost.Reply.ok(body);
        });
        List<String> asked = new ArrayList<>(ids);
        asked.add("005999999999999");

        ByIds<Message> read = okto.messagesById(asked);

        assertEquals(59, read.found().size());
        assertEquals(Set.of(ids.get(7), "005999999999999"), read.notFound());
        assertEquals(List.of("0", "1", "2"), fake().requests("GET", "/message").stream()
                .filter(r -> r.query().containsKey("ids")).map(r -> r.query().get("_page")).toList(),
                "pages walked until the list's Total");
    }

    @Test
    void numbersAndBooleansMayComeAsStrings() {
        fake().readings().scalarsAsStrings(true);
        try {
            ObjectNode workflow = fake().addWorkflow("Strings", "Everyone");
            String stepId = fake().stepId(workflow.get("Id").asText(), 0);
            fake().stepsOf(workflow.get("Id").asText()).get(0).put("MustBeApprovedByEveryone", true);
            fake().addWebhook("newApprovalItem", "https://okto.example/oktopost/webhooks");
            for (int i = 0; i < 3; i++) {
                fake().addWorkflowItem(fake().addMessage("LinkedIn", "m" + i).get("Id").asText(), workflow.get("Id").asText());
            }

            assertTrue(okto.step(stepId).mustBeApprovedByEveryone());
            assertTrue(okto.webhooks().get(0).enabled());
            WorkflowItemPage page = okto.workflowItems(new WorkflowItemQuery(workflow.get("Id").asText(), null, 0, 2, true, false, false));
            assertEquals(3, page.total(), "\"3\" read as 3");
            assertTrue(page.steps().get(stepId).mustBeApprovedByEveryone(), "\"1\" read as true");
            assertTrue(fake().last("GET", "/workflow-step").path().startsWith("/workflow-step/"));
        } finally {
            fake().readings().strict();
        }
    }

    @Test
    void workflowsAreCached() {
        ObjectNode workflow = fake().addWorkflow("Marketing", "Review", "Legal");
        String userId = fake().addUser("Ann Approver", "ann@example.com").get("Id").asText();
        fake().addApprover(fake().stepId(workflow.get("Id").asText(), 0), userId);

        List<Workflow> first = okto.workflows();
        List<Workflow> second = okto.workflows();

        assertEquals(first, second);
        assertEquals(1, fake().count("GET", "/workflow"));
        assertEquals("1", fake().last("GET", "/workflow").query().get("withSteps"));
        Workflow marketing = first.get(0);
        assertEquals(List.of("Review", "Legal"), marketing.steps().stream().map(WorkflowStep::name).toList());
        assertTrue(marketing.steps().get(0).isApprover(userId));
        assertTrue(marketing.isLastStep(marketing.steps().get(1).id()));
        assertEquals(2, marketing.stepNumber(marketing.steps().get(1).id()));

        okto.forgetCachedLists();
        okto.workflows();
        assertEquals(2, fake().count("GET", "/workflow"));
    }

    @Test
    void usersArePagedOnceAndLookedUpByEmailFromTheCache() {
        for (int i = 0; i < 130; i++) {
            fake().addUser("User " + i, "user" + i + "@example.com");
        }

        assertEquals(131, okto.users().size(), "130 plus the API user");
        assertEquals(2, fake().count("GET", "/user"));
        assertEquals("100", fake().requests("GET", "/user").get(0).query().get("_count"));
        assertEquals("User 42", okto.userByEmail("  USER42@Example.com ").orElseThrow().name());
        assertTrue(okto.userByEmail("nobody@example.com").isEmpty());
        assertEquals(2, fake().count("GET", "/user"), "served from the cache");
    }

    @Test
    void campaignsAreFilteredFromOneCachedListOfActiveOnes() {
        fake().addCampaign("Spring Launch");
        fake().addCampaign("Spring Webinar");
        fake().addCampaign("Old Stuff").put("Status", "archived");

        assertEquals(List.of("Spring Launch", "Spring Webinar"), okto.campaigns(null).stream().map(Campaign::name).toList());
        assertEquals(List.of("Spring Webinar"), okto.campaigns("webi").stream().map(Campaign::name).toList());
        assertEquals(List.of(), okto.campaigns("old"));
        assertEquals(1, fake().count("GET", "/campaign"));
        assertEquals("active", fake().last("GET", "/campaign").query().get("status"));
    }

    @Test
    void credentialsAreValidOnesFilteredByNetwork() {
        fake().addCredential("LinkedIn", "Okto Page");
        fake().addCredential("Twitter", "Okto X");
        fake().addCredential("LinkedIn", "Broken").put("Status", "invalid");

        assertEquals(List.of("Okto Page"), okto.credentials("linkedin").stream().map(Credential::name).toList());
        assertEquals(2, okto.credentials(null).size());
        assertEquals(1, fake().count("GET", "/credential"));
    }

    @Test
    void boardsAreCached() {
        fake().addBoard("Employees");
        assertEquals("Employees", okto.boards().get(0).name());
        okto.boards();
        assertEquals(1, fake().count("GET", "/board"));
    }

    @Test
    void allPostsPagesUntilDone() {
        ObjectNode campaign = fake().addCampaign("Launch");
        String messageId = fake().addMessage(campaign.get("Id").asText(), "Twitter", "hi").get("Id").asText();
        String credentialId = fake().addCredential("Twitter", "Okto").get("Id").asText();
        Instant start = Instant.parse("2025-05-01T08:00:00Z");
        for (int i = 0; i < 120; i++) {
            fake().addPost(messageId, credentialId, start.plusSeconds(60L * i), "pending");
        }
        PostQuery query = PostQuery.all().withCampaignId(campaign.get("Id").asText()).withCount(50).orderBy("startDateTime,1");

        List<Post> posts = okto.allPosts(query);

        assertEquals(120, posts.size());
        assertEquals(120, new LinkedHashSet<>(posts.stream().map(Post::id).toList()).size());
        assertEquals(start, posts.get(0).startAt());
        assertEquals(3, fake().count("GET", "/post"));
        assertEquals(List.of("0", "1", "2"), fake().requests("GET", "/post").stream().map(r -> r.query().get("_page")).toList());

        Page<Post> page = okto.posts(query.withPage(2));
        assertEquals(20, page.items().size());
        assertEquals(120, page.total());
    }

    @Test
    void postsBetweenTwoInstantsAskWithOktopostDates() {
        Instant from = Instant.parse("2025-05-01T00:00:00Z");
        okto.posts(PostQuery.scheduledBetween(from, from.plusSeconds(86_400)).withStatus("pending"));

        RecordedRequest request = fake().last("GET", "/post");
        assertEquals("2025-05-01 00:00:00", request.query().get("after"));
        assertEquals("2025-05-02 00:00:00", request.query().get("before"));
        assertEquals("startDateTime,1", request.query().get("_order"));
        assertEquals("pending", request.query().get("status"));
        assertEquals("100", request.query().get("_count"));
    }

    @Test
    void allWorkflowItemsComeThousandPerCallWithAuthorsAndSteps() {
        String workflowId = fake().addWorkflow("Marketing", "Review").get("Id").asText();
        String author = fake().addUser("Writer", "writer@example.com").get("Id").asText();
        for (int i = 0; i < 1200; i++) {
            fake().addWorkflowItem(fake().addMessage("LinkedIn", "m" + i).get("Id").asText(), workflowId, author);
        }
        String other = fake().addWorkflow("Legal", "Check").get("Id").asText();
        fake().addWorkflowItem(fake().addMessage("LinkedIn", "elsewhere").get("Id").asText(), other);

        List<WorkflowItem> items = okto.allWorkflowItems(workflowId);
        assertEquals(1200, items.size());
        List<RecordedRequest> calls = fake().requests("GET", "/workflow-item");
        assertEquals(2, calls.size());
        RecordedRequest first = calls.get(0);
        assertEquals("1000", first.query().get("count"));
        assertEquals("0", first.query().get("page"));
        assertEquals("1", first.query().get("withSteps"));
        assertEquals("1", first.query().get("withAuthors"));
        assertEquals(workflowId, first.query().get("workflowId"));
        assertEquals("1", calls.get(1).query().get("page"));

        WorkflowItemPage pending = okto.allPendingItems(null);
        assertEquals(1201, pending.items().size());
        WorkflowItem item = pending.items().get(0);
        assertEquals("Writer", pending.author(item).orElseThrow().name());
        assertEquals("Review", pending.step(item).orElseThrow().name());
        assertEquals(2, pending.steps().size());
    }

    @Test
    void oneWorkflowItemPageAsAsked() {
        String workflowId = fake().addWorkflow("Marketing", "Review", "Legal").get("Id").asText();
        for (int i = 0; i < 5; i++) {
            fake().addWorkflowItem(fake().addMessage("LinkedIn", "m" + i).get("Id").asText(), workflowId);
        }
        WorkflowItemPage page = okto.workflowItems(new WorkflowItemQuery(workflowId, null, 1, 2, false, false, true));

        assertEquals(2, page.items().size());
        assertEquals(5, page.total());
        assertTrue(page.authors().isEmpty());
        assertTrue(page.steps().isEmpty());
        assertTrue(page.items().get(0).history().isArray(), "history was asked for");
        RecordedRequest request = fake().last("GET", "/workflow-item");
        assertEquals("1", request.query().get("withHistory"));
        assertEquals(null, request.query().get("withSteps"));
    }
}
