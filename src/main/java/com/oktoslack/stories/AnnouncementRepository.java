package com.oktoslack.stories;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI) // the SQL both SQLite and PostgreSQL accept: see storage/DatabaseVendor
interface AnnouncementRepository extends CrudRepository<Announcement, Long> {

    /** 1 when the story is now due in the channel, 0 when it already had a row there. */
    @Query("""
            INSERT INTO story_announcement (story_id, channel_id, board_id, status, due_at, created_at)
            VALUES (:storyId, :channelId, :boardId, 'due', :now, :now)
            ON CONFLICT (story_id, channel_id) DO NOTHING""")
    int insertIfAbsent(String storyId, String channelId, @Nullable String boardId, Instant now);

    @Query("SELECT * FROM story_announcement WHERE status = 'due' AND due_at <= :now ORDER BY id LIMIT :limit")
    List<Announcement> findDue(Instant now, int limit);

    List<Announcement> findByStatus(String status);

    Optional<Announcement> findByStoryIdAndChannelId(String storyId, String channelId);

    /** Takes a due row for posting, counting an attempt; 0 when someone else did, or it is no longer due. */
    @Query("""
            UPDATE story_announcement SET status = 'posting', attempted_at = :now, attempts = attempts + 1
            WHERE id = :id AND status = 'due'""")
    int claim(long id, Instant now);

    /** Rows 'posting' since before {@code before}: no post is under way for them any more. */
    @Query("SELECT * FROM story_announcement WHERE status = 'posting' AND attempted_at < :before ORDER BY id")
    List<Announcement> findInterrupted(Instant before);

    /** An interrupted row made due again, unless another run took it since ({@code attemptedAt} changed). */
    @Query("""
            UPDATE story_announcement SET status = 'due', due_at = :dueAt, note = :note
            WHERE id = :id AND status = 'posting' AND attempted_at = :attemptedAt""")
    int requeueInterrupted(long id, Instant attemptedAt, Instant dueAt, String note);

    @Query("""
            UPDATE story_announcement SET status = 'failed', note = :note
            WHERE id = :id AND status = 'posting' AND attempted_at = :attemptedAt""")
    int failInterrupted(long id, Instant attemptedAt, String note);

    /** Its attempts are used up: kept, with the reason, and shown as failed. */
    @Query("UPDATE story_announcement SET status = 'failed', note = :note WHERE id = :id")
    int markFailed(long id, String note);

    @Query("SELECT COUNT(*) FROM story_announcement WHERE status = :status")
    long countByStatusIs(String status);

    /** The due row that has waited longest. */
    @Query("SELECT * FROM story_announcement WHERE status = 'due' AND due_at <= :now ORDER BY due_at LIMIT 1")
    Optional<Announcement> findOldestDue(Instant now);

    @Query("UPDATE story_announcement SET status = 'posted', message_ts = :ts, note = NULL WHERE id = :id")
    int markPosted(long id, String ts);

    /** Posted, with what the card needs to be drawn again once the story has ended. */
    @Query("""
            UPDATE story_announcement SET status = 'posted', message_ts = :ts, note = NULL, title = :title,
            link_url = :linkUrl, expires_at = :expiresAt, checked_at = :now WHERE id = :id""")
    int markPosted(long id, String ts, String title, @Nullable String linkUrl, @Nullable Instant expiresAt, Instant now);

    /** Open cards whose story's expiry, as last read, has passed. */
    @Query("SELECT * FROM story_announcement WHERE status = 'posted' AND expires_at <= :now ORDER BY expires_at LIMIT :limit")
    List<Announcement> findExpired(Instant now, int limit);

    /** Open cards last checked against Oktopost at or before {@code before}, or never. */
    @Query("""
            SELECT COUNT(*) FROM story_announcement WHERE status = 'posted'
            AND (checked_at IS NULL OR checked_at <= :before)""")
    int countUncheckedSince(Instant before);

    /** Open cards, the longest unchecked first (never checked, NULL, sorts first). */
    @Query("SELECT * FROM story_announcement WHERE status = 'posted' ORDER BY checked_at, id LIMIT :limit")
    List<Announcement> findOpen(int limit);

    /** The story is still on the board: what was read of it, and when. */
    @Query("""
            UPDATE story_announcement SET title = :title, link_url = :linkUrl, expires_at = :expiresAt, checked_at = :now
            WHERE id = :id AND status = 'posted'""")
    int markChecked(long id, String title, @Nullable String linkUrl, @Nullable Instant expiresAt, Instant now);

    @Query("UPDATE story_announcement SET checked_at = :now WHERE id = :id AND status = 'posted'")
    int markCheckedAt(long id, Instant now);

    /** The story has ended; the card is to lose its Share button. */
    @Query("""
            UPDATE story_announcement SET status = 'closing', ended = :ended, checked_at = :now
            WHERE id = :id AND status = 'posted'""")
    int markClosing(long id, String ended, Instant now);

    @Query("UPDATE story_announcement SET status = 'closed', note = :note WHERE id = :id AND status = 'closing'")
    int markClosed(long id, @Nullable String note);

    @Query("UPDATE story_announcement SET status = 'skipped', note = :note WHERE id = :id")
    int markSkipped(long id, String note);

    @Query("UPDATE story_announcement SET status = 'due', due_at = :dueAt, note = :note WHERE id = :id")
    int markDue(long id, Instant dueAt, @Nullable String note);
}
