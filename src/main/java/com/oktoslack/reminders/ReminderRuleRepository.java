package com.oktoslack.reminders;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI) // the SQL both SQLite and PostgreSQL accept: see storage/DatabaseVendor
interface ReminderRuleRepository extends CrudRepository<ReminderRule, String> {

    List<ReminderRule> findAllOrderByWorkflowName();
}
