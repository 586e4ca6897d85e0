package com.oktoslack.oktopost;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** How much of the account's daily API allowance is used, and until when calls are held back, if they are. */
public record BudgetStatus(int callsToday, int remaining, int dailyLimit, @Nullable Instant blockedUntil) {

    public boolean blocked() {
        return blockedUntil != null;
    }
}
