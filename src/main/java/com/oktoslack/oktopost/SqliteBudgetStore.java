package com.oktoslack.oktopost;

import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;

@Singleton
class SqliteBudgetStore implements BudgetStore {

    private final BudgetDayRepository days;

    SqliteBudgetStore(BudgetDayRepository days) {
        this.days = days;
    }

    @Override
    public int callsOn(LocalDate day) {
        return days.findById(day.toString()).map(BudgetDay::calls).orElse(0);
    }

    @Override
    public Instant blockedUntil() {
        return Instant.ofEpochMilli(days.latestBlockedUntil());
    }

    @Override
    public void save(LocalDate day, int calls, Instant blockedUntil) {
        days.upsert(day.toString(), calls, blockedUntil.toEpochMilli());
    }
}
