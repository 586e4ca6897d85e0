package com.oktoslack.media;

import com.oktoslack.jobs.Jobs;
import com.oktoslack.oktopost.Network;
import com.oktoslack.slack.AfterAck;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;

/**
 * Images and videos from Slack into Oktopost's media library, for the features that create messages. Slack's files
 * are private and Oktopost fetches from a public URL, so each file is lent under the app's public address
 * ({@code OKTO_PUBLIC_URL}) while Oktopost uploads it; without that address nothing can be passed on.
 */
@Singleton
public class MediaFromSlack {

    private static final Logger LOG = LoggerFactory.getLogger(MediaFromSlack.class);

    private final PublicAddress address;
    private final MediaShares shares;
    private final UploadProgress progress;
    private final UploadsFinished finished;
    private final Jobs jobs;
    private final AfterAck afterAck;
    private final MediaSettings settings;

    MediaFromSlack(PublicAddress address, MediaShares shares, UploadProgress progress, UploadsFinished finished, Jobs jobs,
                   AfterAck afterAck, MediaSettings settings) {
        this.address = address;
        this.shares = shares;
        this.progress = progress;
        this.finished = finished;
        this.jobs = jobs;
        this.afterAck = afterAck;
        this.settings = settings;
    }

    /** Whether files can be passed on: Oktopost can reach the app only at a public address. */
    public boolean available() {
        return address.known();
    }

    /** Why files cannot be passed on, for a form to show. */
    public static String unavailable() {
        return "Images and videos can't be passed on to Oktopost from here: Oktopost fetches each file from the app's "
                + "public address, and this app has none (`OKTO_PUBLIC_URL` is not set, as in Socket Mode without a "
                + "public address). Add them in Oktopost instead, for instance to posts saved as drafts.";
    }

    /**
     * Starts bringing a submission's files into Oktopost; {@link UploadsFinished} hears the outcome under
     * {@code batchId}. Quick enough for a request thread: the files are lent and the look at the uploads is
     * scheduled here, the uploads themselves are asked for after the ack. A process that stops before they are
     * asked for leaves the scheduled look to fail the batch, so the person always hears.
     */
    public void begin(String batchId, List<SlackFile> files, List<Network> networks) {
        if (!available()) {
            throw new IllegalStateException("Media from Slack needs OKTO_PUBLIC_URL");
        }
        List<MediaShares.Lent> lent = shares.lend(batchId, files);
        UploadPoll.Batch batch = new UploadPoll.Batch(batchId, networks.stream().map(Network::oktopostName).toList());
        // Job times are the system clock's, whatever the app's clock says (see Jobs).
        jobs.schedule(UploadPoll.KIND, batchId, batch, Instant.now().plus(settings.pollFirst()));
        afterAck.run(() -> {
            if (progress.start(batchId, lent) instanceof UploadProgress.Failed failure) {
                jobs.cancel(UploadPoll.KIND, batchId);
                finished.failed(batchId, failure.reason());
            }
        }, message -> LOG.warn("Uploads of batch {} could not be started: {}", batchId, message));
    }
}
