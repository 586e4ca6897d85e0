package com.oktoslack.approvals;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI) // the SQL both SQLite and PostgreSQL accept: see storage/DatabaseVendor
interface ApprovalDecisionIntentRepository extends CrudRepository<ApprovalDecisionIntent, String> {

    /** 1 when this is now the live decision on the item at this step, 0 when another one is live. */
    @Query("""
            INSERT INTO approval_intent (id, entity_id, round, step_id, slot, slack_user_id, approve, note, answer_channel,
                                         confirm, status, owner, lease_until, attempts, created_at, updated_at)
            VALUES (:id, :entityId, :round, :stepId, 'live', :slackUserId, :approve, :note, :answerChannel,
                    :confirm, 'open', :owner, :leaseUntil, 0, :now, :now)
            ON CONFLICT (entity_id, round, step_id, slot) DO NOTHING""")
    int insertLive(String id, String entityId, int round, String stepId, String slackUserId, boolean approve,
                   @Nullable String note, @Nullable String answerChannel, boolean confirm, String owner,
                   Instant leaseUntil, Instant now);

    @Query("SELECT * FROM approval_intent WHERE entity_id = :entityId AND round = :round AND step_id = :stepId AND slot = 'live'")
    Optional<ApprovalDecisionIntent> findLive(String entityId, int round, String stepId);

    @Query("SELECT COUNT(*) FROM approval_intent WHERE entity_id = :entityId AND slot = 'live'")
    long countLive(String entityId);

    List<ApprovalDecisionIntent> findBySlot(String slot);

    long countByStatusAndOutcome(String status, String outcome);

    /** The replica running the decision's job holds it; its markSending and postpone name it. */
    @Query("UPDATE approval_intent SET owner = :owner, updated_at = :now WHERE id = :id AND slot = 'live'")
    int hold(String id, String owner, Instant now);

    /** Just before the decision call; 0 when this process no longer holds the decision. */
    @Query("""
            UPDATE approval_intent SET status = 'sending', attempts = attempts + 1, updated_at = :now
            WHERE id = :id AND owner = :owner AND slot = 'live'""")
    int markSending(String id, String owner, Instant now);

    /** Oktopost gave no answer: the lease is let go, to be taken again after {@code retryAt}. */
    @Query("UPDATE approval_intent SET owner = NULL, lease_until = :retryAt WHERE id = :id AND owner = :owner AND slot = 'live'")
    int postpone(String id, String owner, Instant retryAt);

    /** Frees the slot: the next click on the item at this step is a new decision. */
    @Query("""
            UPDATE approval_intent SET slot = id, status = :status, outcome = :outcome, owner = NULL, lease_until = NULL,
                                       updated_at = :now
            WHERE id = :id AND slot = 'live'""")
    int finish(String id, String status, String outcome, Instant now);
}
