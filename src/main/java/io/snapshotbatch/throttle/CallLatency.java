package io.snapshotbatch.throttle;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The service's latency as this launch saw it: the time from an HTTP attempt leaving (after its permit)
 * to its answer, recorded by the {@link CallGate} from every thread that sends. Kept in HdrHistograms
 * (microseconds, three significant digits, up to 10 minutes): one for the whole launch (the summary's
 * {@code latency_p50_ms} and {@code latency_p95_ms}) and one emptied at each look (the progress line).
 */
public final class CallLatency {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final ConcurrentHistogram launch = new ConcurrentHistogram(HIGHEST_MICROS, 3);

    private final Recorder recent = new Recorder(HIGHEST_MICROS, 3);

    private Histogram recycled;

    /** Percentiles in milliseconds over {@code count} answers; both null when there was none. */
    public record Percentiles(long count, Double p50Ms, Double p95Ms) {

        static Percentiles of(Histogram histogram) {
            long count = histogram.getTotalCount();
            if (count == 0) {
                return new Percentiles(0, null, null);
            }
            return new Percentiles(count, histogram.getValueAtPercentile(50) / 1000.0,
                    histogram.getValueAtPercentile(95) / 1000.0);
        }

    }

    public void record(long nanos) {
        long micros = Math.min(HIGHEST_MICROS, Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos)));
        this.launch.recordValue(micros);
        this.recent.recordValue(micros);
    }

    /** Since this launch began. */
    public Percentiles launch() {
        return Percentiles.of(this.launch.copy());
    }

    /** Since the previous call of this method (one caller: the progress line). */
    public synchronized Percentiles sinceLastLook() {
        this.recycled = this.recent.getIntervalHistogram(this.recycled);
        return Percentiles.of(this.recycled);
    }

}
