package io.snapshotbatch.emulator;

import java.util.Set;

/**
 * How the emulator behaves. Zero means "off" for every limit, so {@link #defaults()} is a plain, instant,
 * fault-free service.
 *
 * @param port               loopback port; 0 picks a free one
 * @param ratePerSecond      token bucket per operation (burst = one second's worth); 0 = unlimited
 * @param dailyQuota         new snapshots allowed in any rolling 24 h; 0 = unlimited
 * @param latencyMs          delay added to every API call
 * @param faultRate          share of API calls (0..1) answered with a fault drawn from the enabled {@link FaultKind}s
 * @param statusProfile      HTTP statuses for errors
 * @param randomSeed         seed of the fault draws, so a fault sequence can be replayed
 * @param knownEngagements   if non-empty, any other engagement is ResourceNotFoundException
 * @param knownOpportunities if non-empty, any other opportunity is ResourceNotFoundException
 */
public record EmulatorSettings(int port, double ratePerSecond, long dailyQuota, int latencyMs,
        double faultRate, StatusProfile statusProfile, long randomSeed, Set<String> knownEngagements,
        Set<String> knownOpportunities) {

    public static final int DEFAULT_PORT = 4566;

    public EmulatorSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (ratePerSecond < 0 || Double.isNaN(ratePerSecond)) {
            throw new IllegalArgumentException("ratePerSecond must be >= 0: " + ratePerSecond);
        }
        if (dailyQuota < 0) {
            throw new IllegalArgumentException("dailyQuota must be >= 0: " + dailyQuota);
        }
        if (latencyMs < 0) {
            throw new IllegalArgumentException("latencyMs must be >= 0: " + latencyMs);
        }
        if (!(faultRate >= 0 && faultRate <= 1)) {
            throw new IllegalArgumentException("faultRate must be within 0..1: " + faultRate);
        }
        statusProfile = statusProfile == null ? StatusProfile.SMITHY : statusProfile;
        knownEngagements = knownEngagements == null ? Set.of() : Set.copyOf(knownEngagements);
        knownOpportunities = knownOpportunities == null ? Set.of() : Set.copyOf(knownOpportunities);
    }

    /** Port 4566, no limits, no latency, no faults, Smithy statuses, a seed that differs per call. */
    public static EmulatorSettings defaults() {
        return new EmulatorSettings(DEFAULT_PORT, 0, 0, 0, 0, StatusProfile.SMITHY,
                System.nanoTime() ^ Double.doubleToLongBits(Math.random()), Set.of(), Set.of());
    }

    public EmulatorSettings withPort(int port) {
        return new EmulatorSettings(port, ratePerSecond, dailyQuota, latencyMs, faultRate, statusProfile, randomSeed,
                knownEngagements, knownOpportunities);
    }

    public EmulatorSettings withRatePerSecond(double ratePerSecond) {
        return new EmulatorSettings(port, ratePerSecond, dailyQuota, latencyMs, faultRate, statusProfile, randomSeed,
                knownEngagements, knownOpportunities);
    }

    public EmulatorSettings withDailyQuota(long dailyQuota) {
        return new EmulatorSettings(port, ratePerSecond, dailyQuota, latencyMs, faultRate, statusProfile, randomSeed,
                knownEngagements, knownOpportunities);
    }

    public EmulatorSettings withLatencyMs(int latencyMs) {
        return new EmulatorSettings(port, ratePerSecond, dailyQuota, latencyMs, faultRate, statusProfile, randomSeed,
                knownEngagements, knownOpportunities);
    }

    public EmulatorSettings withFaultRate(double faultRate) {
        return new EmulatorSettings(port, ratePerSecond, dailyQuota, latencyMs, faultRate, statusProfile, randomSeed,
                knownEngagements, knownOpportunities);
    }

    public EmulatorSettings withStatusProfile(StatusProfile statusProfile) {
        return new EmulatorSettings(port, ratePerSecond, dailyQuota, latencyMs, faultRate, statusProfile, randomSeed,
                knownEngagements, knownOpportunities);
    }

    public EmulatorSettings withRandomSeed(long randomSeed) {
        return new EmulatorSettings(port, ratePerSecond, dailyQuota, latencyMs, faultRate, statusProfile, randomSeed,
                knownEngagements, knownOpportunities);
    }

    public EmulatorSettings withKnownEngagements(Set<String> knownEngagements) {
        return new EmulatorSettings(port, ratePerSecond, dailyQuota, latencyMs, faultRate, statusProfile, randomSeed,
                knownEngagements, knownOpportunities);
    }

    public EmulatorSettings withKnownOpportunities(Set<String> knownOpportunities) {
        return new EmulatorSettings(port, ratePerSecond, dailyQuota, latencyMs, faultRate, statusProfile, randomSeed,
                knownEngagements, knownOpportunities);
    }
}
