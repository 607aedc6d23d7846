package io.snapshotbatch.throttle;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A discrete-event simulation of a run on a fake clock, with the real {@link PaceController} and
 * {@link Pacer}: partitions take permits, send after the pacer allows, and the service (a token bucket
 * holding one second's worth of calls, like the emulator) accepts or throttles; a throttled attempt
 * backs off briefly and is retried, six attempts per call. Used by the controller's tests to check
 * whole scenarios in milliseconds; {@link #main} prints them.
 */
final class PaceSimulation {

    private static final long MS = 1_000_000L;

    private static final long SECOND = 1_000_000_000L;

    /** One step of the service's quota: from {@code atSecond} on, {@code rate} calls per second. */
    record Quota(double atSecond, double rate) {
    }

    /** What happened: accepted and throttled calls per simulated second, and the pace at each second. */
    record Result(long[] acceptedPerSecond, long[] throttledPerSecond, double[] pacePerSecond, long rowsDone,
            double endSecond, PaceController controller) {

        long accepted() {
            long sum = 0;
            for (long n : this.acceptedPerSecond) {
                sum += n;
            }
            return sum;
        }

        long throttled() {
            long sum = 0;
            for (long n : this.throttledPerSecond) {
                sum += n;
            }
            return sum;
        }

        /** Accepted calls per second between two seconds of the run. */
        double acceptedRate(int fromSecond, int toSecond) {
            long sum = 0;
            for (int s = fromSecond; s < Math.min(toSecond, this.acceptedPerSecond.length); s++) {
                sum += this.acceptedPerSecond[s];
            }
            return sum / (double) (toSecond - fromSecond);
        }

    }

    private record Event(long at, long seq, Runnable action) {
    }

    private final PriorityQueue<Event> events = new PriorityQueue<>(
            (a, b) -> (a.at != b.at) ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));

    private final Random random = new Random(7);

    private long now;

    private long seq;

    private int rowsLeft;

    private long rowsDone;

    private final List<Quota> quotas;

    private final long latency;

    private final long[] accepted;

    private final long[] throttled;

    private final double[] pace;

    private final PaceController controller;

    private final Pacer pacer;

    private double serviceRate;

    private double tokens;

    private long refilledAt;

    private PaceSimulation(PaceSettings settings, Double startPace, List<Quota> quotas, long latencyMs, int rows,
            int seconds) {
        this.quotas = quotas;
        this.latency = latencyMs * MS;
        this.rowsLeft = rows;
        this.accepted = new long[seconds];
        this.throttled = new long[seconds];
        this.pace = new double[seconds];
        this.controller = new PaceController(settings, () -> this.now);
        this.controller.startFrom(startPace);
        this.pacer = new Pacer(this.controller, () -> this.now);
        this.serviceRate = quotas.get(0).rate();
        this.tokens = Math.max(1, this.serviceRate);
    }

    static Result run(PaceSettings settings, Double startPace, List<Quota> quotas, int partitions, long latencyMs,
            int rows, int seconds) {
        PaceSimulation simulation = new PaceSimulation(settings, startPace, quotas, latencyMs, rows, seconds);
        return simulation.simulate(partitions, seconds);
    }

    private Result simulate(int partitions, int seconds) {
        for (int p = 0; p < partitions; p++) {
            if (this.rowsLeft > 0) {
                this.rowsLeft--;
                this.inFlightRows++;
                at(0, () -> acquire(1));
            }
        }
        for (int s = 0; s < seconds; s++) {
            int second = s;
            at(s * SECOND, () -> this.pace[second] = this.controller.rate());
        }
        long end = seconds * SECOND;
        while (!this.events.isEmpty() && this.events.peek().at < end) {
            Event event = this.events.poll();
            this.now = event.at;
            event.action.run();
            if (this.rowsLeft == 0 && this.inFlightRows == 0) {
                break;
            }
        }
        return new Result(this.accepted, this.throttled, this.pace, this.rowsDone, this.now / (double) SECOND,
                this.controller);
    }

    private int inFlightRows;

    private void acquire(int attempt) {
        long wait = this.pacer.tryAcquire();
        if (wait > 0) {
            at(this.now + wait, () -> acquire(attempt));
            return;
        }
        long sentAt = this.now;
        boolean ok = serviceTakes();
        at(this.now + this.latency, () -> answered(ok, sentAt, attempt));
    }

    private void answered(boolean ok, long sentAt, int attempt) {
        int second = (int) (this.now / SECOND);
        if (ok) {
            this.controller.onAccepted();
            count(this.accepted, second);
            this.rowsDone++;
            nextRow();
            return;
        }
        this.controller.onThrottled(sentAt);
        count(this.throttled, second);
        if (attempt >= 6) {
            nextRow();
            return;
        }
        // The SDK's throttling backoff as configured: 25 ms base, full jitter.
        long backoff = (long) (this.random.nextDouble() * Math.min(1000, 25 * (1L << attempt)) * MS);
        at(this.now + backoff, () -> acquire(attempt + 1));
    }

    private void nextRow() {
        this.inFlightRows--;
        if (this.rowsLeft > 0) {
            this.rowsLeft--;
            this.inFlightRows++;
            // Recording the row and reading the next costs about a millisecond.
            at(this.now + MS, () -> acquire(1));
        }
    }

    private boolean serviceTakes() {
        double rate = quotaAt(this.now);
        double capacity = Math.max(1, rate);
        if (rate != this.serviceRate) {
            this.serviceRate = rate;
            this.tokens = Math.min(this.tokens, capacity);
        }
        this.tokens = Math.min(capacity, this.tokens + (this.now - this.refilledAt) * rate / SECOND);
        this.refilledAt = this.now;
        if (this.tokens >= 1) {
            this.tokens -= 1;
            return true;
        }
        return false;
    }

    private double quotaAt(long nanos) {
        double rate = this.quotas.get(0).rate();
        for (Quota quota : this.quotas) {
            if (quota.atSecond() * SECOND <= nanos) {
                rate = quota.rate();
            }
        }
        return rate;
    }

    private void at(long when, Runnable action) {
        this.events.add(new Event(when, this.seq++, action));
    }

    private static void count(long[] perSecond, int second) {
        if (second < perSecond.length) {
            perSecond[second]++;
        }
    }

    public static void main(String[] args) {
        report("P1 quota 20, --rate 20, 600 rows", run(PaceSettings.of(20), null, List.of(new Quota(0, 20)), 4, 50, 600, 60));
        report("P2 quota 10, --rate 20, 600 rows", run(PaceSettings.of(20), null, List.of(new Quota(0, 10)), 4, 50, 600, 90));
        report("P2 quota 10, --rate 20, 200 rows", run(PaceSettings.of(20), null, List.of(new Quota(0, 10)), 4, 50, 200, 60));
        Result moving = run(PaceSettings.of(15), null, List.of(new Quota(0, 12), new Quota(20, 4), new Quota(40, 12)), 4, 50,
                100_000, 60);
        report("P2b 12/4/12, --rate 15", moving);
        System.out.printf("   windows: %.1f %.1f %.1f /s (%.0f%% %.0f%% %.0f%%)%n", moving.acceptedRate(0, 20),
                moving.acceptedRate(20, 40), moving.acceptedRate(40, 60), 100 * moving.acceptedRate(0, 20) / 12,
                100 * moving.acceptedRate(20, 40) / 4, 100 * moving.acceptedRate(40, 60) / 12);
        for (double q : new double[] { 1, 4, 10, 20, 50 }) {
            report("steady quota " + q + ", --rate " + 2 * q + ", 10 min", run(PaceSettings.of(2 * q), q * 0.9,
                    List.of(new Quota(0, q)), 4, 50, 1_000_000, 600));
        }
        report("quota spent at once, --rate 10", run(PaceSettings.of(10).withQuotaSpentAfter(java.time.Duration.ofMinutes(5)),
                null, List.of(new Quota(0, 10), new Quota(10, 0.0001)), 4, 50, 1_000_000, 600));
    }

    private static void report(String name, Result result) {
        double seconds = result.endSecond();
        System.out.printf("%-45s %6.1f s  accepted %6d (%.2f/s)  throttled %5d (%.1f%%)  decreases %d  learned %.2f%n",
                name, seconds, result.accepted(), result.accepted() / seconds, result.throttled(),
                100.0 * result.throttled() / Math.max(1, result.accepted()), result.controller().decreases(),
                result.controller().learnedPace());
        StringBuilder paces = new StringBuilder("   pace:");
        for (int s = 0; s < Math.min(60, result.pacePerSecond().length); s++) {
            paces.append(" %.1f".formatted(result.pacePerSecond()[s]));
        }
        System.out.println(paces);
    }

}
