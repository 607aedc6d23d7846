package io.snapshotbatch.emulator;

import java.time.Instant;

/** One immutable revision of a resource view. */
record Snapshot(SnapshotKey key, int revision, Instant createdAt, String createdBy) {

    String arn() {
        return key.arn(revision);
    }
}
