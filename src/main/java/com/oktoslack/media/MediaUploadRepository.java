package com.oktoslack.media;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI) // the SQL both SQLite and PostgreSQL accept: see storage/DatabaseVendor
interface MediaUploadRepository extends CrudRepository<MediaUpload, String> {

    List<MediaUpload> findByBatchIdOrderByPosition(String batchId);

    /** A file whose path still answers: not yet taken by Oktopost, nor given up, nor expired. */
    @Query("SELECT * FROM media_upload WHERE token_hash = :tokenHash AND status = 'uploading' AND expires_at > :now")
    Optional<MediaUpload> findLent(String tokenHash, Instant now);

    @Query("UPDATE media_upload SET upload_id = :uploadId WHERE token_hash = :tokenHash")
    int started(String tokenHash, String uploadId);

    /** Oktopost has the file: the path stops answering. */
    @Query("UPDATE media_upload SET status = 'complete', media_id = :mediaId, expires_at = :now WHERE token_hash = :tokenHash")
    int completed(String tokenHash, String mediaId, Instant now);

    /** The path could not give Oktopost the file; kept so the person is told why. */
    @Query("UPDATE media_upload SET error = :error WHERE token_hash = :tokenHash")
    int noteError(String tokenHash, String error);

    /** The batch is given up: every path stops answering. */
    @Query("UPDATE media_upload SET status = 'failed', error = COALESCE(error, :error), expires_at = :now WHERE batch_id = :batchId AND status <> 'failed'")
    int failBatch(String batchId, @Nullable String error, Instant now);

    @Query("DELETE FROM media_upload WHERE created_at < :before")
    int forgetOlderThan(Instant before);
}
