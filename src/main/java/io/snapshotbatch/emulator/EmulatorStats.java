package io.snapshotbatch.emulator;

import java.util.Map;

/**
 * A live, thread-safe view of what the emulator has done since it started. Also served as JSON by
 * {@code GET /_emulator/stats} for tests that run the emulator in another process.
 */
public interface EmulatorStats {

    /** Outcome of a successful create that created a revision, or of any other successful call. */
    String SUCCESS = "Success";
    /** Outcome of a create answered from an earlier call with the same ClientToken: nothing was created. */
    String REPLAY = "Replay";
    /** Outcome of a call whose connection was closed without an answer. */
    String DROPPED_CONNECTION = "DroppedConnection";

    /**
     * Calls of an operation that ended with an outcome: {@link #SUCCESS}, {@link #REPLAY},
     * {@link #DROPPED_CONNECTION}, or an error name such as {@code ThrottlingException}.
     */
    long calls(String operation, String outcome);

    /** All calls of an operation, whatever their outcome. */
    long totalCalls(String operation);

    /** Calls per operation, then per outcome; a copy. */
    Map<String, Map<String, Long>> callsByOperation();

    /** How many faults of a kind were injected (a slow reply also counts under its final outcome). */
    long faultsInjected(FaultKind kind);

    /** How many revisions exist for the resource view. */
    int revisionsCreated(String catalog, String engagement, String resourceType, String resourceId, String template);

    /** Revisions per resource view, keyed {@code catalog|engagement|resourceType|resourceId|template}; a copy. */
    Map<String, Integer> revisionsByKey();
}
