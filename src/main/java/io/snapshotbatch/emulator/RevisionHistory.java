package io.snapshotbatch.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The revisions of one resource view. Appending under this object's monitor is what makes revision numbers
 * gap-free and unique under concurrent creates.
 */
final class RevisionHistory {

    private final List<Snapshot> revisions = new ArrayList<>();

    /** Appends revision n+1; the caller holds no other lock than the token's (see {@link SnapshotStore}). */
    synchronized Snapshot append(SnapshotKey key, Instant now, String createdBy, DailyQuota quota) {
        // Consuming the quota under the same monitor keeps "quota left" and "revision created" one atomic step.
        if (!quota.tryConsume()) {
            throw ServiceError.throttled();
        }
        Snapshot snapshot = new Snapshot(key, revisions.size() + 1, now, createdBy);
        revisions.add(snapshot);
        return snapshot;
    }

    synchronized int size() {
        return revisions.size();
    }

    /** Revision n (1-based), or null. */
    synchronized Snapshot revision(int n) {
        return n >= 1 && n <= revisions.size() ? revisions.get(n - 1) : null;
    }

    synchronized Snapshot latest() {
        return revisions.isEmpty() ? null : revisions.get(revisions.size() - 1);
    }

    /** Revisions after {@code afterRevision}, oldest first, as a copy. */
    synchronized List<Snapshot> after(int afterRevision) {
        int from = Math.min(Math.max(afterRevision, 0), revisions.size());
        return new ArrayList<>(revisions.subList(from, revisions.size()));
    }
}
