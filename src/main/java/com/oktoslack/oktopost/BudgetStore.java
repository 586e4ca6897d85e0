package com.oktoslack.oktopost;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where the budget is kept: the calls of the last minute, the calls per UTC day and the end of Oktopost's
 * block. In the database it is shared by every replica; reads and writes that decide a call run inside
 * {@link #locked} so that two replicas never both take the last free call of a window.
 */
interface BudgetStore {

    /** Runs {@code work} while every other budget on this store waits: one transaction holding one lock. */
    <T> T locked(Supplier<T> work);

    /** Start times of the calls after {@code since}, oldest first. */
    List<Instant> callsSince(Instant since);

    int callsOn(LocalDate day);

    /** The end of the latest block, or {@link Instant#EPOCH} when there never was one. */
    Instant blockedUntil();

    /** Counts a call in the windows and in its UTC day; calls older than the longest window may be forgotten. */
    void recordCall(Instant at);

    void blockUntil(Instant until);
}
