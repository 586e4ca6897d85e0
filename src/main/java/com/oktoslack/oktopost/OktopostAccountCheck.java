package com.oktoslack.oktopost;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Start-up check that the configured credentials open the Oktopost account, in one clear line if not. */
@Singleton
public class OktopostAccountCheck {

    /** Oktopost gave no answer at all: possibly the network for now, so worth trying again later. */
    public static final class Unreachable extends IllegalStateException {
        Unreachable(String message) {
            super(message);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(OktopostAccountCheck.class);

    private final Oktopost oktopost;
    private final OktopostSettings settings;

    OktopostAccountCheck(Oktopost oktopost, OktopostSettings settings) {
        this.oktopost = oktopost;
        this.settings = settings;
    }

    /**
     * Any other trouble (Oktopost busy, failing, or the account's call limit reached) is only logged: the app
     * still starts, so that webhooks are stored and Slack is answered while Oktopost recovers.
     *
     * @throws IllegalStateException when Oktopost refuses the credentials or has no such API at the address
     * @throws Unreachable when Oktopost cannot be reached
     */
    public void verify() {
        Me me;
        try {
            me = oktopost.me();
        } catch (OktopostException.Unauthorized | OktopostException.Forbidden e) {
            throw new IllegalStateException("Oktopost rejected OKTOPOST_ACCOUNT_ID / OKTOPOST_API_KEY ("
                    + e.status() + "): " + e.getMessage());
        } catch (OktopostException.Unreachable e) {
            throw new Unreachable("Oktopost is not reachable at " + settings.baseUrl()
                    + " (check OKTOPOST_BASE_URL and the network): " + rootMessage(e));
        } catch (OktopostException.NotFound e) {
            throw new IllegalStateException("Oktopost has no GET /me at " + settings.baseUrl()
                    + " (OKTOPOST_BASE_URL must end in /v2)");
        } catch (OktopostException e) {
            LOG.warn("Oktopost could not confirm the account at start-up ({}); starting anyway", e.getMessage());
            return;
        }
        LOG.info("Connected to Oktopost account {} ({}) as {} {}", me.account().name(), me.account().id(),
                me.user().name(), me.user().email());
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
