package com.oktoslack.approvals;

import com.oktoslack.jobs.DelayedJob;
import com.oktoslack.jobs.Retry;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * An item that changed while another thread or replica was updating its cards, and that the holder may have
 * read before the change: its cards are brought up to date once the hold is let go. Tried until the hold of a
 * replica that died has run out; after that the periodic catch-up remains.
 */
@Singleton
class HeldCardSync implements DelayedJob<HeldCardSync.Item> {

    static final String KIND = "approvals.card-sync";

    record Item(String entityId) {
    }

    /** Held now: tried again once the hold may be let go. */
    static final class StillHeld extends Exception {
        StillHeld(String entityId) {
            super("the cards of " + entityId + " are being updated elsewhere");
        }
    }

    private final CardUpdater updater;

    HeldCardSync(CardUpdater updater) {
        this.updater = updater;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Class<Item> dataType() {
        return Item.class;
    }

    /** 2 s doubling to 30 s: about three minutes in all, longer than a hold lasts. */
    @Override
    public Retry retry() {
        return new Retry(10, Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    @Override
    public void run(Item item) throws Exception {
        if (!updater.trySync(item.entityId(), true)) {
            throw new StillHeld(item.entityId());
        }
    }
}
