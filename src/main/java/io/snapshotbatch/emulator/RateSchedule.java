package io.snapshotbatch.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A quota that moves during a run: {@code 12@0s,4@20s,12@40s} means 12 calls/s from the start, 4 from
 * 20 s on, 12 again from 40 s on. The clock starts at the first API call the emulator receives, so a
 * client's start-up time does not eat into the first step.
 */
final class RateSchedule {

    record Step(Duration at, double rate) {
    }

    private final List<Step> steps;

    private final AtomicBoolean started = new AtomicBoolean();

    RateSchedule(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /** Parses {@code RATE@OFFSET[,RATE@OFFSET...]}; an offset is seconds ({@code 20s} or {@code 20}) or milliseconds ({@code 500ms}). */
    static RateSchedule parse(String text) {
        List<Step> steps = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] rateAndOffset = part.trim().split("@");
            if (rateAndOffset.length != 2) {
                throw new IllegalArgumentException("a step must be RATE@OFFSET (e.g. 4@20s), got '" + part.trim() + "'");
            }
            try {
                double rate = Double.parseDouble(rateAndOffset[0].trim());
                String offset = rateAndOffset[1].trim().toLowerCase(java.util.Locale.ROOT);
                Duration at = offset.endsWith("ms") ? Duration.ofMillis(Long.parseLong(offset.substring(0, offset.length() - 2)))
                        : Duration.ofMillis(Math.round(1000 * Double.parseDouble(offset.replaceAll("s$", ""))));
                if (rate < 0 || at.isNegative()) {
                    throw new IllegalArgumentException("rates and offsets must not be negative, got '" + part.trim() + "'");
                }
                steps.add(new Step(at, rate));
            }
            catch (NumberFormatException ex) {
                throw new IllegalArgumentException("a step must be RATE@OFFSET (e.g. 4@20s), got '" + part.trim() + "'");
            }
        }
        steps.sort((a, b) -> a.at().compareTo(b.at()));
        return new RateSchedule(steps);
    }

    List<Step> steps() {
        return steps;
    }

    /** Applies the steps to the limiter from now on; only the first call does anything. */
    void startOnce(RateLimiter limiter, ScheduledExecutorService timer) {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        for (Step step : steps) {
            if (step.at().isZero()) {
                limiter.setRate(step.rate());
            } else {
                timer.schedule(() -> limiter.setRate(step.rate()), step.at().toNanos(), TimeUnit.NANOSECONDS);
            }
        }
    }
}
