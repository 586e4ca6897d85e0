package com.oktoslack.approvals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oktoslack.testing.FakeOktopost;
import com.oktoslack.testing.FakeSlack;

import java.time.Instant;

/**
 * Oktopost and Slack seeded for approvals: the workflow "Marketing" (Review → Manager Confirmation → Legal),
 * approvers Ann (Review), Bob (Review and Manager Confirmation) and Cat (Legal), the author Dan, and Eve, who
 * approves nothing. Each has a Slack user with the same e-mail; linking is up to the test.
 */
final class ApprovalWorld {

    static final String ANN = "U0ANN";
    static final String BOB = "U0BOB";
    static final String CAT = "U0CAT";
    static final String DAN = "U0DAN";
    static final String EVE = "U0EVE";
    static final String CHANNEL = "C0APPROVALS";

    final FakeOktopost oktopost;
    final String workflowId;
    final String review;
    final String manager;
    final String legal;
    final String annId;
    final String bobId;
    final String catId;
    final String danId;
    final String eveId;
    final String campaignId;
    final String linkedInPageId;

    ApprovalWorld(FakeOktopost oktopost, FakeSlack slack) {
        this.oktopost = oktopost;
        annId = person(oktopost, slack, ANN, "Ann Approver", "ann@acme.example");
        bobId = person(oktopost, slack, BOB, "Bob Boss", "bob@acme.example");
        catId = person(oktopost, slack, CAT, "Cat Counsel", "cat@acme.example");
        danId = person(oktopost, slack, DAN, "Dan Author", "dan@acme.example");
        eveId = person(oktopost, slack, EVE, "Eve Else", "eve@acme.example");
        workflowId = oktopost.addWorkflow("Marketing", "Review", "Manager Confirmation", "Legal").get("Id").asText();
        review = oktopost.stepId(workflowId, 0);
        manager = oktopost.stepId(workflowId, 1);
        legal = oktopost.stepId(workflowId, 2);
        oktopost.addApprover(review, annId);
        oktopost.addApprover(review, bobId);
        oktopost.addApprover(manager, bobId);
        oktopost.addApprover(legal, catId);
        campaignId = oktopost.addCampaign("Spring launch").get("Id").asText();
        linkedInPageId = oktopost.addCredential("LinkedIn", "Acme on LinkedIn").get("Id").asText();
    }

    /** A LinkedIn message by Dan, sent to the Marketing workflow; its entity id. */
    String messageItem(String text) {
        ObjectNode message = oktopost.addMessage(campaignId, "LinkedIn", text);
        message.put("CreatedBy", danId);
        String id = message.get("Id").asText();
        oktopost.addWorkflowItem(id, workflowId, danId);
        return id;
    }

    /** A post of a new LinkedIn message to the company page at {@code at}, sent to the workflow; its entity id. */
    String postItem(String text, Instant at) {
        ObjectNode message = oktopost.addMessage(campaignId, "LinkedIn", text);
        message.put("LinkUrl", "https://acme.example/spring").put("LinkTitle", "Spring is here");
        String id = oktopost.addPost(message.get("Id").asText(), linkedInPageId, at, "pending").get("Id").asText();
        oktopost.addWorkflowItem(id, workflowId, danId);
        return id;
    }

    private static String person(FakeOktopost oktopost, FakeSlack slack, String slackId, String name, String email) {
        slack.addUser(slackId, email, name, "Europe/Berlin", false);
        return oktopost.addUser(name, email).get("Id").asText();
    }
}
