package com.oktoslack.approvals;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI) // the SQL both SQLite and PostgreSQL accept: see storage/DatabaseVendor
interface ApprovalDecisionRepository extends CrudRepository<ApprovalDecision, Long> {

    List<ApprovalDecision> findByEntityIdAndRoundOrderById(String entityId, int round);

    /** Items still waiting at a step this Slack user has already approved (a step everyone must approve). */
    @Query("""
            SELECT d.entity_id FROM approval_decision d JOIN approval_item i
              ON i.entity_id = d.entity_id AND i.round = d.round AND i.step_id = d.step_id
            WHERE i.status = 'pending' AND d.outcome = 'approved' AND d.slack_user_id = :slackUserId""")
    List<String> findEntityIdsWaitingAtAStepApprovedBy(String slackUserId);

    boolean existsByEntityIdAndRoundAndStepIdAndOutcomeAndSlackUserId(String entityId, int round, String stepId,
                                                                      String outcome, String slackUserId);
}
