package com.oktoslack.oktopost;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** The budget of this process alone: what {@link OktopostBudget} falls back on while the database fails. */
class MemoryBudgetStore implements BudgetStore {

    private final ReentrantLock lock = new ReentrantLock();
    private final Deque<Instant> recent = new ArrayDeque<>();
    private final Map<LocalDate, Integer> perDay = new HashMap<>();
    private Instant blockedUntil = Instant.EPOCH;

    @Override
    public <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Instant> callsSince(Instant since) {
        return locked(() -> recent.stream().filter(at -> at.isAfter(since)).toList());
    }

    @Override
    public int callsOn(LocalDate day) {
        return locked(() -> perDay.getOrDefault(day, 0));
    }

    @Override
    public Instant blockedUntil() {
        return locked(() -> blockedUntil);
    }

    @Override
    public void recordCall(Instant at) {
        locked(() -> {
            Instant minuteAgo = at.minus(OktopostLimits.MINUTE);
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(minuteAgo)) {
                recent.removeFirst();
            }
            recent.addLast(at);
            perDay.merge(LocalDate.ofInstant(at, ZoneOffset.UTC), 1, Integer::sum);
            return null;
        });
    }

    @Override
    public void blockUntil(Instant until) {
        locked(() -> blockedUntil = until);
    }
}
