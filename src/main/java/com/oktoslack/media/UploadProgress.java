package com.oktoslack.media;

import com.oktoslack.oktopost.Network;
import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.oktopost.OktopostException;
import com.oktoslack.oktopost.Upload;
import com.oktoslack.slack.Mrkdwn;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One look at a submission's uploads: starts those not started ({@code POST /upload} with the file's public
 * path), reads the others ({@code GET /upload/{id}}), checks a finished video against the networks picked
 * ({@code GET /video-validate/{mediaId}}), and says whether all are in, one failed, or some are still on their way.
 * A failure removes what the batch already put in Oktopost's media library.
 */
@Singleton
class UploadProgress {

    sealed interface Outcome {
    }

    record Waiting() implements Outcome {
    }

    record Ready(List<String> mediaIds) implements Outcome {
    }

    record Failed(String reason) implements Outcome {
    }

    private static final Logger LOG = LoggerFactory.getLogger(UploadProgress.class);
    /** Uploads are asked for within this long of the files being lent (Oktopost's budget may make them wait 30 s). */
    private static final Duration START_WITHIN = Duration.ofMinutes(2);

    private final MediaUploadRepository uploads;
    private final Oktopost oktopost;
    private final PublicAddress address;
    private final Clock clock;

    UploadProgress(MediaUploadRepository uploads, Oktopost oktopost, PublicAddress address, Clock clock) {
        this.uploads = uploads;
        this.oktopost = oktopost;
        this.address = address;
        this.clock = clock;
    }

    /** Starts the uploads of freshly lent files; a refusal fails the batch at once. */
    Outcome start(String batchId, List<MediaShares.Lent> lent) {
        for (MediaShares.Lent file : lent) {
            MediaUpload row = file.row();
            try {
                Upload upload = oktopost.startUpload(address.fileUrl(file.token()), row.name(), row.mimeType());
                uploads.started(row.tokenHash(), upload.id());
            } catch (OktopostException.Rejected | OktopostException.NotFound | OktopostException.Forbidden refused) {
                return fail(batchId, "Oktopost refused " + name(row) + ": " + Mrkdwn.escape(refused.getMessage()));
            } catch (RuntimeException e) {
                LOG.warn("The upload of {} (batch {}) could not be started", row.slackFileId(), batchId, e);
                return fail(batchId, "Oktopost did not take " + name(row) + " (" + Mrkdwn.escape(e.getMessage()) + ")");
            }
        }
        return new Waiting();
    }

    /** Throws when Oktopost cannot be asked now (the look is tried again later). */
    Outcome look(String batchId, List<Network> networks) {
        List<MediaUpload> rows = uploads.findByBatchIdOrderByPosition(batchId);
        if (rows.isEmpty()) {
            return new Failed("The files are no longer known to the app.");
        }
        Optional<MediaUpload> failed = rows.stream().filter(MediaUpload::failed).findFirst();
        if (failed.isPresent()) {
            return new Failed(reason(failed.get(), null));
        }
        List<String> mediaIds = new ArrayList<>();
        boolean waiting = false;
        for (MediaUpload row : rows) {
            if (row.complete()) {
                mediaIds.add(row.mediaId());
                continue;
            }
            if (row.uploadId() == null) {
                // Asked for after the ack; only a process that stopped first leaves it unasked for this long.
                if (row.createdAt().plus(START_WITHIN).isBefore(clock.instant())) {
                    return fail(batchId, "The upload of " + name(row) + " was interrupted; schedule the post again.");
                }
                waiting = true;
                continue;
            }
            Upload upload;
            try {
                upload = oktopost.upload(row.uploadId());
            } catch (OktopostException.NotFound gone) {
                return fail(batchId, "Oktopost lost the upload of " + name(row) + ".");
            }
            if (upload.failed()) {
                return fail(batchId, reason(row, upload.lastError()));
            }
            if (!upload.complete()) {
                waiting = true;
                continue;
            }
            uploads.completed(row.tokenHash(), upload.mediaId(), clock.instant());
            if (row.video()) {
                Optional<String> unsuitable = unsuitable(upload.mediaId(), networks);
                if (unsuitable.isPresent()) {
                    return fail(batchId, "Oktopost says " + name(row) + " does not suit " + unsuitable.get());
                }
            }
            mediaIds.add(upload.mediaId());
        }
        return waiting ? new Waiting() : new Ready(List.copyOf(mediaIds));
    }

    /** Gives the batch up: its paths stop answering and what reached the media library is deleted. */
    Failed fail(String batchId, String reason) {
        List<MediaUpload> rows = uploads.findByBatchIdOrderByPosition(batchId);
        uploads.failBatch(batchId, reason, clock.instant());
        for (MediaUpload row : rows) {
            if (row.mediaId() != null) {
                try {
                    oktopost.deleteMedia(row.mediaId());
                } catch (OktopostException.NotFound gone) {
                    // Already gone.
                } catch (RuntimeException e) {
                    LOG.warn("Media {} of a failed batch {} could not be deleted", row.mediaId(), batchId, e);
                }
            }
        }
        return new Failed(reason);
    }

    private Optional<String> unsuitable(String mediaId, List<Network> networks) {
        var check = oktopost.validateVideo(mediaId);
        for (Network network : networks) {
            Optional<String> problem = check.problem(network);
            if (problem.isPresent()) {
                return Optional.of(network.label() + ": " + problem.get());
            }
        }
        return Optional.empty();
    }

    private static String reason(MediaUpload row, String oktopostError) {
        StringBuilder reason = new StringBuilder("Oktopost could not take " + name(row));
        if (row.error() != null) {
            reason.append(": ").append(Mrkdwn.escape(row.error()));
        }
        if (oktopostError != null && !oktopostError.isBlank()) {
            reason.append(row.error() == null ? ": " : "; Oktopost said: ").append(Mrkdwn.escape(oktopostError.strip()));
        }
        return reason.append('.').toString();
    }

    private static String name(MediaUpload row) {
        return "*" + Mrkdwn.escape(row.name()) + "*";
    }
}
