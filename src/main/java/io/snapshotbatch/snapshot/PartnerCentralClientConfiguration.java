package io.snapshotbatch.snapshot;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.snapshotbatch.emulator.EmulatorSettings;
import io.snapshotbatch.emulator.PartnerCentralEmulator;
import io.snapshotbatch.input.InputException;
import io.snapshotbatch.metrics.RunMetrics;
import io.snapshotbatch.nightly.ReadGate;
import io.snapshotbatch.throttle.CallBudget;
import io.snapshotbatch.throttle.CallGate;
import io.snapshotbatch.throttle.CallLatency;
import io.snapshotbatch.throttle.CallLog;
import io.snapshotbatch.throttle.PaceController;
import io.snapshotbatch.throttle.PaceSettings;
import io.snapshotbatch.throttle.Pacer;
import io.snapshotbatch.throttle.RollingQuota;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;

/**
 * The one {@link PartnerCentralSellingClient} every partition shares: real SDK, Apache HTTP pool sized
 * from the cap on calls in flight, the SDK's standard retry strategy, and the {@link CallGate} on every attempt, which
 * holds the run's one {@link PaceController} and its {@link Pacer}.
 * {@code --endpoint emulator} starts the built-in emulator in-process and points the client at it.
 */
@Configuration(proxyBeanMethods = false)
public class PartnerCentralClientConfiguration {

    private static final Logger logger = LoggerFactory.getLogger(PartnerCentralClientConfiguration.class);

    /** Throttling backoff: 25 ms, 50 ms, 100 ms... at most 1 s, full jitter. */
    static final BackoffStrategy THROTTLING_BACKOFF = BackoffStrategy.exponentialDelay(Duration.ofMillis(25),
            Duration.ofSeconds(1));

    /** Keeps an in-process emulator alive as long as the client, and stops it with the context. */
    public record EmulatorHandle(PartnerCentralEmulator emulator) implements AutoCloseable {

        @Override
        public void close() {
            if (this.emulator != null) {
                this.emulator.close();
            }
        }

    }

    @Bean(destroyMethod = "close")
    EmulatorHandle emulatorHandle(SnapshotSettings settings) throws Exception {
        if (!settings.usesEmulator()) {
            return new EmulatorHandle(null);
        }
        PartnerCentralEmulator emulator = PartnerCentralEmulator.start(EmulatorSettings.defaults().withPort(0));
        logger.info("Started the built-in Partner Central emulator on {}", emulator.endpoint());
        return new EmulatorHandle(emulator);
    }

    @Bean
    CallBudget callBudget(SnapshotSettings settings, RunStopSignal stopSignal) {
        CallBudget budget = (settings.dailyBudget() > 0) ? CallBudget.of(settings.dailyBudget()) : CallBudget.unlimited();
        budget.onSpent(stopSignal::stop);
        return budget;
    }

    @Bean(destroyMethod = "close")
    RollingQuota rollingQuota(SnapshotSettings settings, CallLog callLog, Clock clock, RunStopSignal stopSignal) {
        RollingQuota quota = new RollingQuota(settings.quota24h(), callLog, clock);
        quota.onReached(stopSignal::stop);
        return quota;
    }

    @Bean
    PaceController paceController(SnapshotSettings settings, MeterRegistry meters) {
        PaceSettings pace = PaceSettings.of(settings.rate())
            .withFloor(settings.paceFloor())
            .withQuotaSpentAfter(settings.quotaSpentAfter());
        PaceController controller = new PaceController(pace, System::nanoTime);
        // The pace the metrics push as snapshot_batch_rate_calls_per_second.
        Gauge.builder(RunMetrics.PACE_GAUGE, controller, PaceController::rate)
            .description("the pace the job sends at, calls per second")
            .register(meters);
        return controller;
    }

    @Bean
    CallLatency callLatency() {
        return new CallLatency();
    }

    @Bean
    CallsInFlight callsInFlight(SnapshotSettings settings) {
        return new CallsInFlight(settings.inFlightCap());
    }

    @Bean
    Pacer pacer(PaceController paceController, RunStopSignal stopSignal) {
        Pacer pacer = new Pacer(paceController, System::nanoTime);
        // A stop ends every wait for a permit at once (SIGTERM at a very low pace included).
        stopSignal.onStop(pacer::wakeAll);
        return pacer;
    }

    @Bean
    AwsCredentialsProvider awsCredentialsProvider(SnapshotSettings settings, EmulatorHandle emulator) {
        return credentials(settings, emulator);
    }

    /**
     * Resolves the credentials once before a run sends anything, so that missing credentials are a
     * configuration error (exit 2) instead of a FAILED row per input row. Says why, never what.
     */
    @Bean
    CredentialsCheck credentialsCheck(AwsCredentialsProvider awsCredentialsProvider) {
        return () -> {
            try {
                awsCredentialsProvider.resolveCredentials();
                return null;
            }
            catch (RuntimeException ex) {
                return "No AWS credentials: " + ex.getMessage();
            }
        };
    }

    /** Returns why credentials cannot be had, or {@code null} when they can. */
    @FunctionalInterface
    public interface CredentialsCheck {

        String problem();

    }

    @Bean(destroyMethod = "close")
    PartnerCentralSellingClient partnerCentralSellingClient(SnapshotSettings settings, EmulatorHandle emulator,
            AwsCredentialsProvider awsCredentialsProvider, CallBudget callBudget, RollingQuota rollingQuota,
            PaceController paceController, Pacer pacer, RunStopSignal stopSignal, CallLatency callLatency) {
        PartnerCentralSellingClientBuilder builder = PartnerCentralSellingClient.builder()
            .region(Region.US_EAST_1)
            .credentialsProvider(awsCredentialsProvider)
            .httpClientBuilder(ApacheHttpClient.builder()
                // One connection per call that may be under way, so no call waits for a connection; a few
                // more for the reads of the same client (verify, --skip-unchanged).
                .maxConnections(Math.max(8, settings.inFlightCap() + settings.partitions()))
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(30)))
            .overrideConfiguration((o) -> o
                // The standard strategy, configured: the circuit breaker is off so that a long throttled
                // stretch keeps retrying instead of failing fast on every row, and the throttling backoff is
                // short (25 ms base instead of 1 s, full jitter): the pace controller, which every retry
                // waits for, sets the pace, not the backoff.
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy()
                    .toBuilder()
                    .maxAttempts(settings.maxAttempts())
                    .circuitBreakerEnabled(false)
                    .throttlingBackoffStrategy(THROTTLING_BACKOFF)
                    .build())
                .addExecutionInterceptor(new CallGate(pacer, paceController, callBudget, rollingQuota,
                        stopSignal::reason, stopSignal::stop, System::nanoTime, callLatency)));
        if (emulator.emulator() != null) {
            builder.endpointOverride(emulator.emulator().endpoint());
        }
        else if (!settings.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        return builder.build();
    }

    /** The read client (GetOpportunity, ListOpportunities, GetResourceSnapshot, ...), apart from the writes' one. */
    public record ReadClient(PartnerCentralSellingClient client) implements AutoCloseable {

        @Override
        public void close() {
            this.client.close();
        }

    }

    @Bean
    ReadGate readGate(SnapshotSettings settings, RunStopSignal stopSignal) {
        return new ReadGate(settings.readRate(), stopSignal::isStopped);
    }

    /**
     * Reads are paced by their own {@link ReadGate} ({@code --read-rate}) and never pass the write {@link CallGate}:
     * they neither take write permits nor count against the write budget or quota. Same endpoint, credentials
     * and retry strategy as the writes.
     */
    @Bean(destroyMethod = "close")
    ReadClient readClient(SnapshotSettings settings, EmulatorHandle emulator, AwsCredentialsProvider awsCredentialsProvider,
            ReadGate readGate) {
        PartnerCentralSellingClientBuilder builder = PartnerCentralSellingClient.builder()
            .region(Region.US_EAST_1)
            .credentialsProvider(awsCredentialsProvider)
            .httpClientBuilder(ApacheHttpClient.builder()
                .maxConnections(Math.max(8, settings.partitions() * 2))
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(30)))
            .overrideConfiguration((o) -> o
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy()
                    .toBuilder()
                    .maxAttempts(settings.maxAttempts())
                    .circuitBreakerEnabled(false)
                    .throttlingBackoffStrategy(THROTTLING_BACKOFF)
                    .build())
                .addExecutionInterceptor(readGate));
        endpoint(settings, emulator).ifPresent(builder::endpointOverride);
        return new ReadClient(builder.build());
    }

    /** The caller's AWS account (STS GetCallerIdentity), asked only when needed. */
    @FunctionalInterface
    public interface CallerAccount {

        /** @throws InputException when it cannot be learned (say --created-by instead) */
        String account();

    }

    /**
     * STS on the same endpoint as the other calls when one is given (the emulator answers GetCallerIdentity),
     * otherwise STS's us-east-1 endpoint. One call per run, only for {@code --from-service} without
     * {@code --created-by}, and only when the run is staged.
     */
    @Bean
    CallerAccount callerAccount(SnapshotSettings settings, EmulatorHandle emulator,
            AwsCredentialsProvider awsCredentialsProvider) {
        return () -> {
            StsClientBuilder builder = StsClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(awsCredentialsProvider)
                .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(5)));
            endpoint(settings, emulator).ifPresent(builder::endpointOverride);
            try (StsClient sts = builder.build()) {
                String account = sts.getCallerIdentity().account();
                logger.info("The caller's account (STS GetCallerIdentity) is {}", account);
                return account;
            }
            catch (RuntimeException ex) {
                throw new InputException("--from-service: cannot learn the caller's account from STS GetCallerIdentity ("
                        + ex.getClass().getSimpleName() + ": " + ex.getMessage()
                        + "); give the account whose associations to snapshot with --created-by ACCOUNT", ex);
            }
        };
    }

    /** Where the clients (STS included) send their calls: the emulator's or the given endpoint, else the service's. */
    static java.util.Optional<URI> endpoint(SnapshotSettings settings, EmulatorHandle emulator) {
        if (emulator.emulator() != null) {
            return java.util.Optional.of(emulator.emulator().endpoint());
        }
        if (!settings.endpoint().isBlank()) {
            return java.util.Optional.of(URI.create(settings.endpoint()));
        }
        return java.util.Optional.empty();
    }

    private static AwsCredentialsProvider credentials(SnapshotSettings settings, EmulatorHandle emulator) {
        if (emulator.emulator() != null) {
            // The emulator accepts any signature; these are not secrets.
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("EMULATOR", "emulator-secret"));
        }
        if (!settings.profile().isBlank()) {
            return ProfileCredentialsProvider.create(settings.profile());
        }
        return DefaultCredentialsProvider.builder().build();
    }

}
