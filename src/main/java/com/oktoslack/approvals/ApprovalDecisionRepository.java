package com.oktoslack.approvals;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ApprovalDecisionRepository extends CrudRepository<ApprovalDecision, Long> {

    List<ApprovalDecision> findByEntityIdAndRoundOrderById(String entityId, int round);

    boolean existsByEntityIdAndRoundAndStepIdAndOutcomeAndSlackUserId(String entityId, int round, String stepId,
                                                                      String outcome, String slackUserId);
}
