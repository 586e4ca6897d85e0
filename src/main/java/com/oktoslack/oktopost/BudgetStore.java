package com.oktoslack.oktopost;

import java.time.Instant;
import java.time.LocalDate;

/** Where the day's call count and Oktopost's block are kept so a restart does not forget them. */
interface BudgetStore {

    int callsOn(LocalDate day);

    /** The end of the latest block, or {@link Instant#EPOCH} when there never was one. */
    Instant blockedUntil();

    void save(LocalDate day, int calls, Instant blockedUntil);
}
