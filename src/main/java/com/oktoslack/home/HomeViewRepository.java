package com.oktoslack.home;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI) // the SQL both SQLite and PostgreSQL accept: see storage/DatabaseVendor
interface HomeViewRepository extends CrudRepository<HomeView, String> {

    /** The people whose Home shows this item. */
    @Query("SELECT slack_user_id FROM home_view WHERE shown LIKE :pattern")
    List<String> findShowingLike(String pattern);

    @Query("SELECT slack_user_id FROM home_view WHERE slack_user_id IN (:slackUserIds)")
    List<String> findKnown(List<String> slackUserIds);
}
