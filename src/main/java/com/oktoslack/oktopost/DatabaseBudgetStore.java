package com.oktoslack.oktopost;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

/**
 * The budget in the app's database, shared by all replicas on it. {@link #locked} first updates the one row
 * of oktopost_budget_lock: on PostgreSQL that row lock queues the other replicas' transactions until this
 * one commits, and SQLite's immediate transactions hold the whole file. Calls are kept as epoch millis.
 */
@Singleton
class DatabaseBudgetStore implements BudgetStore {

    private final BudgetDayRepository days;
    private final TransactionOperations<Connection> transactions;

    DatabaseBudgetStore(BudgetDayRepository days, TransactionOperations<Connection> transactions) {
        this.days = days;
        this.transactions = transactions;
    }

    @Override
    public <T> T locked(Supplier<T> work) {
        return transactions.executeWrite(status -> {
            days.takeLock();
            return work.get();
        });
    }

    @Override
    public List<Instant> callsSince(Instant since) {
        return days.callsAfter(since.toEpochMilli()).stream().map(Instant::ofEpochMilli).toList();
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
    public void recordCall(Instant at) {
        days.forgetCallsUpTo(at.minus(OktopostLimits.MINUTE).toEpochMilli());
        days.insertCall(at.toEpochMilli());
        days.countCall(LocalDate.ofInstant(at, ZoneOffset.UTC).toString());
    }

    @Override
    public void blockUntil(Instant until) {
        days.block(LocalDate.ofInstant(until, ZoneOffset.UTC).toString(), until.toEpochMilli());
    }
}
