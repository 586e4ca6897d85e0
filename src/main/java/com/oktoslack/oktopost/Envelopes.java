package com.oktoslack.oktopost;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * Oktopost's response envelopes. Every one carries {@code Result} and, on failure, {@code Errors}. Where
 * the documentation leaves a shape open (maps that may arrive as empty arrays, create calls that may
 * answer with one object or a list) the field stays raw JSON and the facade reads it.
 */
interface Envelopes {

    /** What every envelope has. */
    interface Reply {
        @Nullable Boolean result();

        @Nullable JsonNode errors();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record Ack(@Nullable Boolean result, @Nullable JsonNode errors) implements Reply {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record MeReply(@Nullable Boolean result, @Nullable JsonNode errors, User user, Account account) implements Reply {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record ListReply<T>(@Nullable Boolean result, @Nullable JsonNode errors, @Nullable List<T> items,
                        @Nullable Integer total) implements Reply {

        List<T> itemsOrEmpty() {
            return items == null ? List.of() : items;
        }

        int totalOr(int fallback) {
            return total == null ? fallback : total;
        }
    }

    /** {@code GET /workflow/{id}} answers with the workflow's fields at the root. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record WorkflowReply(@Nullable Boolean result, @Nullable JsonNode errors, String id, String name,
                         @Nullable String status, @Nullable List<WorkflowStep> steps) implements Reply {

        Workflow workflow() {
            return new Workflow(id, name, status, steps);
        }
    }

    /** {@code GET /workflow-step/{id}} answers with the step's fields at the root. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record StepReply(@Nullable Boolean result, @Nullable JsonNode errors, String id, @Nullable String workflowId,
                     String name, boolean mustBeApprovedByEveryone, @Nullable List<Person> approvers) implements Reply {

        WorkflowStep step() {
            return new WorkflowStep(id, workflowId, name, mustBeApprovedByEveryone, approvers);
        }
    }

    /** Authors and Steps are objects keyed by id, or absent (or an empty array) when not asked for. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record WorkflowItemsReply(@Nullable Boolean result, @Nullable JsonNode errors, @Nullable List<WorkflowItem> items,
                              @Nullable Integer total, @Nullable JsonNode authors, @Nullable JsonNode steps)
            implements Reply {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record WorkflowItemReply(@Nullable Boolean result, @Nullable JsonNode errors, @Nullable WorkflowItem data)
            implements Reply {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record MessageReply(@Nullable Boolean result, @Nullable JsonNode errors, @Nullable Message message) implements Reply {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record PostReply(@Nullable Boolean result, @Nullable JsonNode errors, @Nullable Post post) implements Reply {
    }

    /** Create and update "return a response similar to GET": one Post, or a list when several were made. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record PostsReply(@Nullable Boolean result, @Nullable JsonNode errors, @Nullable JsonNode post,
                      @Nullable JsonNode posts, @Nullable JsonNode items, @Nullable JsonNode data) implements Reply {
    }

    /** {@code GET /story/{id}} wraps the story in {@code Item}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record StoryReply(@Nullable Boolean result, @Nullable JsonNode errors, @Nullable Story item) implements Reply {
    }

    /**
     * The reference does not show what {@code POST /story} answers; the story, or at least its id, is
     * looked for under Item, Story or Data, or at the root.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record StoryCreatedReply(@Nullable Boolean result, @Nullable JsonNode errors, @Nullable JsonNode item,
                             @Nullable JsonNode story, @Nullable JsonNode data,
                             @JsonProperty("ID") @JsonAlias("Id") @Nullable String id) implements Reply {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record AdvocateReply(@Nullable Boolean result, @Nullable JsonNode errors, @Nullable Advocate advocate)
            implements Reply {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record WebhookReply(@Nullable Boolean result, @Nullable JsonNode errors, @Nullable Webhook webhook)
            implements Reply {
    }

    // ---- what became of posts (postlog, stats)

    /**
     * {@code GET /postlog?postId=}: the reference answers {@code Postlogs} (without a Total); the getting-started
     * page says every list answers {@code Items} and {@code Total}. Either is read.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record PostLogsReply(@Nullable Boolean result, @Nullable JsonNode errors, @Nullable List<PostLog> postlogs,
                         @Nullable List<PostLog> items, @Nullable Integer total) implements Reply {

        List<PostLog> itemsOrEmpty() {
            return postlogs != null ? postlogs : items != null ? items : List.of();
        }
    }

    /** {@code GET /post/{id}?stats=1}: the post, and its {@code Stats} beside it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record PostStatsReply(@Nullable Boolean result, @Nullable JsonNode errors, @Nullable Post post,
                          @Nullable PostStats stats) implements Reply {
    }

    // ---- media from Slack

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record UploadReply(@Nullable Boolean result, @Nullable JsonNode errors, @Nullable Upload upload) implements Reply {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record VideoValidationReply(@Nullable Boolean result, @Nullable JsonNode errors, @Nullable JsonNode validations)
            implements Reply {
    }
}
