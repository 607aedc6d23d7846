package io.snapshotbatch.emulator;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition, for effects that happen after a call returns (delayed completions on a loaded machine). */
final class Eventually {

    private Eventually() {
    }

    static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
