package io.snapshotbatch.emulator;

import java.util.Random;

/**
 * Draws faults from a seeded {@link Random}. The draw happens when a call arrives, before it touches any state, so
 * a faulted create never creates anything (no "created but reply lost" by default).
 */
final class FaultInjector {

    private final double faultRate;
    private final FaultKind[] kinds;
    private final Random random;
    private final long slowMinMillis;
    private final long slowMaxMillis;

    FaultInjector(EmulatorSettings settings, EmulatorTuning tuning) {
        this.faultRate = settings.faultRate();
        // Sorted so that one seed gives one fault sequence whatever the Set's iteration order.
        this.kinds = tuning.faultKinds().stream().sorted().toArray(FaultKind[]::new);
        this.random = new Random(settings.randomSeed());
        this.slowMinMillis = tuning.slowReplyMin().toMillis();
        this.slowMaxMillis = tuning.slowReplyMax().toMillis();
    }

    /** The fault for this call, or null for none. */
    FaultKind draw() {
        if (faultRate <= 0) {
            return null;
        }
        // java.util.Random is thread-safe; the order of draws across threads is, of course, not deterministic.
        if (random.nextDouble() >= faultRate) {
            return null;
        }
        return kinds[random.nextInt(kinds.length)];
    }

    long slowReplyMillis() {
        return slowMinMillis + (slowMaxMillis > slowMinMillis ? random.nextLong(slowMaxMillis - slowMinMillis + 1) : 0);
    }
}
