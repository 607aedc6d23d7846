package io.snapshotbatch.throttle;

/**
 * Events per 100 ms slot over the last minute, so the pace controller can tell how many calls the
 * service accepted recently without keeping one entry per call. Not thread-safe: the controller
 * guards it.
 */
final class SlidingCount {

    static final long SLOT_NANOS = 100_000_000L;

    private static final int SLOTS = 600;

    private final long[] slotOf = new long[SLOTS];

    private final long[] counts = new long[SLOTS];

    SlidingCount() {
        java.util.Arrays.fill(this.slotOf, Long.MIN_VALUE);
    }

    void add(long nanos) {
        long slot = Math.floorDiv(nanos, SLOT_NANOS);
        int index = (int) Math.floorMod(slot, (long) SLOTS);
        if (this.slotOf[index] != slot) {
            this.slotOf[index] = slot;
            this.counts[index] = 0;
        }
        this.counts[index]++;
    }

    /** Events in the slots from the one holding {@code fromNanos} to the one holding {@code toNanos}. */
    long between(long fromNanos, long toNanos) {
        long last = Math.floorDiv(toNanos, SLOT_NANOS);
        long first = Math.max(Math.floorDiv(fromNanos, SLOT_NANOS), last - SLOTS + 1);
        long sum = 0;
        for (long slot = first; slot <= last; slot++) {
            int index = (int) Math.floorMod(slot, (long) SLOTS);
            if (this.slotOf[index] == slot) {
                sum += this.counts[index];
            }
        }
        return sum;
    }

    /** The longest span {@link #between} can see. */
    static long spanNanos() {
        return (SLOTS - 1) * SLOT_NANOS;
    }

}
