package io.snapshotbatch.ledger;

/**
 * How a run's pace ended, for its summary: the ceiling ({@code --rate}), the pace learned when it ended,
 * and what held the pace back ({@code quota}, {@code ceiling}, {@code latency} or {@code budget}).
 * Null fields are unknown (a run from before pacing was recorded, or one that never sent).
 */
public record RunPace(Double rateCeiling, Double rateEnd, String limitedBy) {

    public static final RunPace UNKNOWN = new RunPace(null, null, null);

}
