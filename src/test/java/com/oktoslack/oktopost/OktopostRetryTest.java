package com.oktoslack.oktopost;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** 5xx on GETs and DELETEs is retried (each attempt budgeted); calls that create or decide are not. */
@MicronautTest(transactional = false)
class OktopostRetryTest extends OktopostTestBase {

    @Test
    void aGetIsRetriedUntilItSucceeds() {
        String workflowId = fake().addWorkflow("Marketing", "Review").get("Id").asText();
        fake().failNext("GET", "/workflow-step", 503, 2);
        int callsBefore = okto.budget().callsToday();

        List<WorkflowStep> steps = okto.steps(workflowId);

        assertEquals(1, steps.size());
        assertEquals(3, fake().count("GET", "/workflow-step"));
        assertEquals(callsBefore + 3, okto.budget().callsToday(), "every attempt goes through the budget");
    }

    @Test
    void aGetGivesUpAfterTheConfiguredRetries() {
        fake().failNext(502, 10);
        assertThrows(OktopostException.ServerError.class, () -> okto.message("005000000000001"));
        assertEquals(4, fake().count("GET", "/message"), "the first attempt and 3 retries");
    }

    @Test
    void aDeleteIsRetried() {
        ObjectNode message = fake().addMessage("Twitter", "hello");
        ObjectNode post = fake().addPost(message.get("Id").asText(), fake().addCredential("Twitter", "Okto").get("Id").asText(),
                java.time.Instant.now().plusSeconds(3600), "pending");
        fake().failNext("DELETE", "/post", 500, 1);

        okto.deletePost(post.get("Id").asText());

        assertEquals(2, fake().count("DELETE", "/post"));
        assertEquals(0, fake().posts().size());
    }

    @Test
    void creatingIsNeverRetried() {
        fake().failNext("POST", "/message", 503, 1);
        assertThrows(OktopostException.ServerError.class,
                () -> okto.createMessage(NewMessage.text("Twitter", "002000000000001", "once")));
        assertEquals(1, fake().count("POST", "/message"));

        String messageId = fake().addMessage("Twitter", "hello").get("Id").asText();
        String credentialId = fake().addCredential("Twitter", "Okto").get("Id").asText();
        fake().failNext("POST", "/post", 503, 1);
        assertThrows(OktopostException.ServerError.class,
                () -> okto.createPosts(messageId, List.of(credentialId), null, null));
        assertEquals(1, fake().count("POST", "/post"));

        String workflowId = fake().addWorkflow("Marketing", "Review").get("Id").asText();
        fake().failNext("POST", "/workflow-item", 503, 1);
        assertThrows(OktopostException.ServerError.class, () -> okto.sendToWorkflow(messageId, workflowId));
        assertEquals(1, fake().count("POST", "/workflow-item"));
        assertEquals(0, fake().workflowItems().size());
    }

    @Test
    void decidingIsNotRetried() {
        String messageId = fake().addMessage("Twitter", "hello").get("Id").asText();
        fake().addWorkflowItem(messageId, fake().addWorkflow("Marketing", "Review").get("Id").asText());
        fake().failNext("POST", "/workflow-item", 503, 1);

        assertThrows(OktopostException.ServerError.class, () -> okto.decide(messageId, true, null, null));
        assertEquals(1, fake().count("POST", "/workflow-item"));
    }

    @Test
    void clientErrorsAreNotRetried() {
        assertThrows(OktopostException.NotFound.class, () -> okto.post("004000000000404"));
        assertEquals(1, fake().count("GET", "/post"));
    }
}
