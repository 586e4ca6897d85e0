package com.oktoslack.oktopost;

import jakarta.inject.Singleton;

/**
 * Whether Oktopost accepts the app's credentials, as its latest answers tell: a 401 means they fail until an
 * answer says otherwise. Readiness reads it, so replicas whose key was revoked stop taking traffic.
 */
@Singleton
public class OktopostHealth {

    private volatile boolean credentialsRejected;

    public boolean credentialsAccepted() {
        return !credentialsRejected;
    }

    void answered(int status) {
        if (status == 401) {
            credentialsRejected = true;
        } else if (status < 400) {
            credentialsRejected = false;
        }
    }
}
