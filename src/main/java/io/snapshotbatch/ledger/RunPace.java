package io.snapshotbatch.ledger;

/**
 * How a run's pace ended, for its summary: the ceiling ({@code --rate}), the pace learned when it ended,
 * what held the pace back ({@code quota}, {@code ceiling}, {@code latency} or {@code budget}), and the
 * service's latency the last launch that sent observed (median and 95th percentile, milliseconds; a launch
 * that sent nothing keeps the figures of the one before).
 * Null fields are unknown (a run from before pacing was recorded, or one that never sent).
 */
public record RunPace(Double rateCeiling, Double rateEnd, String limitedBy, Double latencyP50Ms, Double latencyP95Ms) {

    public static final RunPace UNKNOWN = new RunPace(null, null, null);

    public RunPace(Double rateCeiling, Double rateEnd, String limitedBy) {
        this(rateCeiling, rateEnd, limitedBy, null, null);
    }

}
