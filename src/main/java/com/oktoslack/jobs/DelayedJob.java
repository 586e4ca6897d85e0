package com.oktoslack.jobs;

/**
 * One unit of work with an id of its own, due at a given time ({@link Jobs#schedule}), tried again after a
 * throw as its {@link Retry} says. A bean implementing it is registered with the engine by itself.
 *
 * @param <D> the job's data, a record stored as JSON
 */
public interface DelayedJob<D> {

    /** Lower-case and dotted, e.g. {@code results.stats}; unique among all jobs. */
    String kind();

    Class<D> dataType();

    default Retry retry() {
        return Retry.standard();
    }

    /** Throw to be tried again later. */
    void run(D data) throws Exception;

    /** The attempts are used up; the job is then listed as failed (in {@code /okto status}) until it is pruned. */
    default void exhausted(D data, Exception last) {
    }
}
