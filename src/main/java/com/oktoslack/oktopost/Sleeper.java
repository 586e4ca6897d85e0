package com.oktoslack.oktopost;

import jakarta.inject.Singleton;

import java.time.Duration;

/** How a call waits for room in the limits; tests swap it for one that moves their clock. */
interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    @Singleton
    class ThreadSleeper implements Sleeper {
        @Override
        public void sleep(Duration duration) throws InterruptedException {
            Thread.sleep(duration.toMillis(), (int) (duration.toNanosPart() % 1_000_000));
        }
    }
}
