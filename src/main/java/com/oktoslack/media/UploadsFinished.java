package com.oktoslack.media;

import java.util.List;

/**
 * Told when every file of a submission is in Oktopost's media library, or when one could not be. Called at least
 * once per outcome (again after a crash at the wrong moment), so the implementation must act once.
 */
public interface UploadsFinished {

    /** Oktopost's media ids, in the order the files were given. */
    void ready(String batchId, List<String> mediaIds);

    /** Nothing of the batch is left in Oktopost; {@code reason} is for the person. */
    void failed(String batchId, String reason);
}
