package com.oktoslack.slack;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

@JdbcRepository(dialect = Dialect.ANSI) // the SQL both SQLite and PostgreSQL accept: see storage/DatabaseVendor
interface SeenRequestRepository extends GenericRepository<SeenRequest, String> {

    /** 1 when the key is new, 0 when it was seen already. */
    @Query("INSERT INTO slack_request_seen (request_key, seen_at) VALUES (:key, :now) ON CONFLICT (request_key) DO NOTHING")
    int claim(String key, long now);

    @Query("DELETE FROM slack_request_seen WHERE request_key = :key")
    int forget(String key);

    @Query("DELETE FROM slack_request_seen WHERE seen_at < :before")
    int forgetBefore(long before);
}
