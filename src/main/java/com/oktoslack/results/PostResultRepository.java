package com.oktoslack.results;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI) // the SQL both SQLite and PostgreSQL accept: see storage/DatabaseVendor
interface PostResultRepository extends CrudRepository<PostResult, String> {

    @Query("""
            INSERT INTO post_result (post_id, slack_user_id, source, status, told, stats_told, created_at, updated_at)
            VALUES (:postId, :slackUserId, :source, 'waiting', :no, :no, :now, :now)
            ON CONFLICT (post_id) DO NOTHING""")
    int insertIfAbsent(String postId, @Nullable String slackUserId, String source, boolean no, Instant now);

    /** The posts made from Slack by this person that Oktopost has not sent yet. */
    @Query("SELECT post_id FROM post_result WHERE slack_user_id = :slackUserId AND status = 'waiting'")
    List<String> findWaitingPostIdsOf(String slackUserId);

    /** 1 for the one handler that settles the post; what it settled is then told. */
    @Query("""
            UPDATE post_result SET status = :status, outcome = :outcome, remote_url = :remoteUrl, label = :label,
                reason = :reason, sent_at = :sentAt, updated_at = :now
            WHERE post_id = :postId AND status = 'waiting'""")
    int settle(String postId, String status, String outcome, @Nullable String remoteUrl, @Nullable String label,
               @Nullable String reason, Instant sentAt, Instant now);

    @Query("UPDATE post_result SET told = :yes, updated_at = :now WHERE post_id = :postId")
    int markTold(String postId, boolean yes, Instant now);

    @Query("UPDATE post_result SET stats = :stats, stats_told = :yes, updated_at = :now WHERE post_id = :postId")
    int markStatsTold(String postId, String stats, boolean yes, Instant now);

    List<PostResult> findByPostIdIn(Collection<String> postIds);
}
