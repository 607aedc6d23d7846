package io.snapshotbatch.cli;

import java.util.concurrent.Callable;

import io.snapshotbatch.emulator.EmulatorSettings;
import io.snapshotbatch.emulator.PartnerCentralEmulator;
import io.snapshotbatch.emulator.StatusProfile;
import io.snapshotbatch.run.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code emulator}: serve the local Partner Central emulator until stopped. */
@Command(name = "emulator", mixinStandardHelpOptions = true, sortOptions = false,
        description = { "Serve the local Partner Central emulator on 127.0.0.1 until stopped (Ctrl-C).",
                "Point the AWS SDK or CLI at it with --endpoint-url http://127.0.0.1:PORT." })
public class EmulatorCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "4566", description = "Loopback port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "0",
            description = "Calls per second per operation before ThrottlingException (default: unlimited)")
    double rate;

    @Option(names = "--daily-quota", paramLabel = "N", defaultValue = "0",
            description = "CreateResourceSnapshot calls per rolling 24 hours before ThrottlingException (default: none)")
    long dailyQuota;

    @Option(names = "--latency-ms", paramLabel = "N", defaultValue = "0", description = "Added latency per call (default: 0)")
    int latencyMs;

    @Option(names = "--fault-rate", paramLabel = "P", defaultValue = "0",
            description = "Share of calls (0..1) answered with throttling, 500s, dropped connections or slow replies")
    double faultRate;

    @Option(names = "--status-profile", paramLabel = "smithy|docs", defaultValue = "smithy",
            description = "HTTP status of errors: smithy (403/404/409/402/429/500) or docs (400 for every client error)")
    String statusProfile;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the fault generator, for repeatable faults")
    Long seed;

    @Option(names = "--rate-schedule", paramLabel = "RATE@OFFSET,...",
            description = "Move the rate during a run, e.g. 12@0s,4@20s,12@40s; offsets count from the first API call")
    String rateSchedule;

    @Option(names = "--deny", paramLabel = "REGEX",
            description = "Answer AccessDeniedException to creates whose engagement or opportunity matches (.* = all)")
    String deny;

    @Override
    public Integer call() throws Exception {
        if (this.faultRate < 0 || this.faultRate > 1) {
            throw new UsageException("--fault-rate must be between 0 and 1, got " + this.faultRate);
        }
        if (this.port < 0 || this.port > 65535) {
            throw new UsageException("--port must be between 0 and 65535, got " + this.port);
        }
        EmulatorSettings settings = EmulatorSettings.defaults()
            .withPort(this.port)
            .withRatePerSecond(this.rate)
            .withDailyQuota(this.dailyQuota)
            .withLatencyMs(this.latencyMs)
            .withFaultRate(this.faultRate)
            .withStatusProfile(profile(this.statusProfile));
        if (this.seed != null) {
            settings = settings.withRandomSeed(this.seed);
        }
        if (this.deny != null) {
            try {
                java.util.regex.Pattern.compile(this.deny);
            }
            catch (java.util.regex.PatternSyntaxException ex) {
                throw new UsageException("--deny must be a regular expression: " + ex.getDescription());
            }
        }
        try (PartnerCentralEmulator emulator = start(settings)) {
            if (this.rateSchedule != null) {
                try {
                    emulator.scheduleRates(this.rateSchedule);
                }
                catch (IllegalArgumentException ex) {
                    throw new UsageException("--rate-schedule: " + ex.getMessage());
                }
            }
            emulator.deny(this.deny);
            System.out.println("Partner Central emulator listening on " + emulator.endpoint() + " (Ctrl-C to stop)");
            System.out.flush();
            emulator.awaitTermination();
        }
        return ExitCodes.OK;
    }

    /** A port that is taken is configuration (exit 2), not the lost connection that a SocketException usually is. */
    private PartnerCentralEmulator start(EmulatorSettings settings) throws java.io.IOException {
        try {
            return PartnerCentralEmulator.start(settings);
        }
        catch (java.net.BindException ex) {
            throw new UsageException("cannot listen on 127.0.0.1:" + this.port + " (" + ex.getMessage()
                    + "): another process uses it; choose another --port (0 = any free port)");
        }
    }

    private static StatusProfile profile(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "smithy" -> StatusProfile.SMITHY;
            case "docs" -> StatusProfile.DOCS;
            default -> throw new UsageException("--status-profile must be smithy or docs, got " + name);
        };
    }

}
