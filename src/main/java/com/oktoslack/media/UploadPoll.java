package com.oktoslack.media;

import com.oktoslack.jobs.DelayedJob;
import com.oktoslack.jobs.Retry;
import com.oktoslack.oktopost.Network;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Looks at a batch's uploads until Oktopost has every file: each look that finds one still on its way throws, so
 * the engine's {@link Retry} spaces the looks out (no thread waits in between) and ends them after
 * {@code okto.media.poll-attempts}.
 */
@Singleton
class UploadPoll implements DelayedJob<UploadPoll.Batch> {

    static final String KIND = "media.uploads";

    /** A submission's files, and the networks they go to (whose video rules Oktopost checks). */
    record Batch(String batchId, List<String> networks) {
    }

    /** Not a failure: Oktopost is still fetching. */
    static final class StillUploading extends Exception {
        StillUploading() {
            super("Oktopost is still fetching the files", null, false, false);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(UploadPoll.class);

    private final UploadProgress progress;
    private final UploadsFinished finished;
    private final MediaSettings settings;
    private final MediaUploadRepository uploads;
    private final Clock clock;

    UploadPoll(UploadProgress progress, UploadsFinished finished, MediaSettings settings, MediaUploadRepository uploads,
               Clock clock) {
        this.progress = progress;
        this.finished = finished;
        this.settings = settings;
        this.uploads = uploads;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Class<Batch> dataType() {
        return Batch.class;
    }

    @Override
    public Retry retry() {
        return new Retry(settings.pollAttempts(), settings.pollFirst(), settings.pollMax());
    }

    @Override
    public void run(Batch batch) throws Exception {
        List<Network> networks = batch.networks().stream().map(Network::of).flatMap(Optional::stream).toList();
        UploadProgress.Outcome outcome = progress.look(batch.batchId(), networks);
        if (outcome instanceof UploadProgress.Waiting) {
            throw new StillUploading();
        }
        if (outcome instanceof UploadProgress.Ready ready) {
            finished.ready(batch.batchId(), ready.mediaIds());
        } else if (outcome instanceof UploadProgress.Failed failed) {
            finished.failed(batch.batchId(), failed.reason());
        }
        // Rows of finished batches are kept a day, for a look at what happened; their paths answer no more.
        uploads.forgetOlderThan(clock.instant().minus(Duration.ofDays(1)));
    }

    @Override
    public void exhausted(Batch batch, Exception last) {
        LOG.warn("Oktopost had not taken the files of batch {} after {} looks", batch.batchId(), settings.pollAttempts(), last);
        String reason = last instanceof StillUploading
                ? "Oktopost had not finished fetching the files after " + settings.pollAttempts() + " looks."
                : "Oktopost could not be asked about the files.";
        finished.failed(batch.batchId(), progress.fail(batch.batchId(), reason).reason());
    }
}
