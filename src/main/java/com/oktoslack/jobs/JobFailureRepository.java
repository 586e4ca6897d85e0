package com.oktoslack.jobs;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI) // the SQL both SQLite and PostgreSQL accept: see storage/DatabaseVendor
interface JobFailureRepository extends GenericRepository<JobFailure, JobFailure.Key> {

    @Query("""
            INSERT INTO job_failure (kind, job_id, attempts, reason, failed_at) VALUES (:kind, :jobId, :attempts, :reason, :failedAt)
            ON CONFLICT (kind, job_id) DO UPDATE SET attempts = EXCLUDED.attempts, reason = EXCLUDED.reason,
                                                     failed_at = EXCLUDED.failed_at""")
    void record(String kind, String jobId, int attempts, String reason, Instant failedAt);

    @Query("SELECT kind, COUNT(*) AS failed FROM job_failure GROUP BY kind")
    List<FailedCount> countByKind();

    @Query("DELETE FROM job_failure WHERE kind = :kind AND job_id = :jobId")
    void forget(String kind, String jobId);

    @Query("DELETE FROM job_failure WHERE failed_at < :before")
    int pruneBefore(Instant before);
}
