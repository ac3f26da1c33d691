package dev.salesplatform.analytics.service;

import java.util.List;

/**
 * The event log a rebuild replays (the three topics, read by messaging): every record from the start
 * of each partition up to the end it had when the replay began.
 */
public interface EventLog {

    /** Reads the log into {@code replay}, one poll at a time, on the calling thread. */
    void replay(Replay replay);

    /** What a replay is told as it reads. */
    interface Replay {

        /** Once, before the first batch: how many records there are to read. */
        void total(long records);

        /**
         * One poll: how many records it read, the events among them in log order, and the records that
         * are no events the projections can read (types the projections ignore are neither).
         */
        void batch(int records, List<LoggedEvent> events, List<Unreadable> unreadable);

        /** Whether to give up: the replay then fails. */
        boolean stopping();
    }

    /** A record that cannot be read, where it is and why. */
    record Unreadable(String where, Throwable reason) {
    }
}
