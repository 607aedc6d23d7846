package io.snapshotbatch.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.exporter.pushgateway.Format;
import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import io.snapshotbatch.ledger.LedgerRepository;
import io.snapshotbatch.ledger.OutcomeCounts;
import io.snapshotbatch.ledger.RunRepository;
import io.snapshotbatch.ledger.SnapshotRun;

/**
 * Pushes the registry to a Prometheus Pushgateway every {@code pushInterval} while a command runs, and
 * once more when it ends (also when it stops through SIGTERM or a spent budget: those end through
 * {@link #finish(int)} too). The client is driven directly rather than through Boot's scheduled
 * pusher: the exit code is only known after the job, and the last push must be sent before a SIGTERM
 * ends the process. Pushes use POST, which replaces only the metrics pushed, so the last success of
 * an earlier night stays in the Pushgateway after a night that stopped. A Pushgateway that cannot be
 * reached costs a warning, never the run.
 */
public class MetricsPusher implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(MetricsPusher.class);

    public static final String JOB = "snapshot_batch";

    /** The pusher of the command under way, for a command that ends through an exception (see {@link #finishActive}). */
    private static final AtomicReference<MetricsPusher> ACTIVE = new AtomicReference<>();

    private final MetricsSettings settings;

    private final PushGateway gateway;

    private final RunMetrics metrics;

    private final RunRepository runs;

    private final LedgerRepository ledger;

    private final Clock clock;

    private final AtomicBoolean finished = new AtomicBoolean();

    private final AtomicBoolean failing = new AtomicBoolean();

    private volatile LocalDate runDate;

    private ScheduledExecutorService scheduler;

    public MetricsPusher(MetricsSettings settings, PrometheusMeterRegistry registry, RunMetrics metrics, RunRepository runs,
            LedgerRepository ledger, Clock clock) {
        this.settings = settings;
        this.metrics = metrics;
        this.runs = runs;
        this.ledger = ledger;
        this.clock = clock;
        this.gateway = settings.pushes() ? PushGateway.builder()
            .address(PushAddress.parse(settings.push()).toString())
            .job(JOB)
            .groupingKey("command", settings.command())
            .registry(registry.getPrometheusRegistry())
            .format(Format.PROMETHEUS_TEXT)
            .connectionTimeout(Duration.ofSeconds(3))
            .readTimeout(Duration.ofSeconds(5))
            .build() : null;
    }

    /** Starts the pushes of a command about {@code runDate}'s run (its newest generation). */
    public synchronized void start(LocalDate runDate) {
        this.runDate = runDate;
        if (this.gateway == null || this.scheduler != null) {
            return;
        }
        ACTIVE.set(this);
        this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
            Thread thread = new Thread(task, "metrics-push");
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(1, this.settings.pushInterval().toMillis());
        this.scheduler.scheduleWithFixedDelay(() -> {
            refresh();
            push();
        }, interval, interval, TimeUnit.MILLISECONDS);
        logger.info("Pushing metrics to the Pushgateway {} every {} (job {}, command {})", this.settings.push(),
                this.settings.pushInterval(), JOB, this.settings.command());
    }

    /** The command ended with {@code exitCode}: the last push, with the exit code. Only the first call counts. */
    public void finish(int exitCode) {
        if (this.gateway == null || !this.finished.compareAndSet(false, true)) {
            return;
        }
        ACTIVE.compareAndSet(this, null);
        stopSchedule();
        refresh();
        this.metrics.ended(exitCode, this.clock.instant());
        push();
    }

    /**
     * Ends the pushes of the command under way, if any, with {@code exitCode}: for commands that end through an
     * exception, whose exit code only the command line's error handler decides.
     */
    public static void finishActive(int exitCode) {
        MetricsPusher active = ACTIVE.get();
        if (active != null) {
            active.finish(exitCode);
        }
    }

    @Override
    public void close() {
        stopSchedule();
    }

    private synchronized void stopSchedule() {
        if (this.scheduler != null) {
            this.scheduler.shutdown();
            try {
                // A push in flight finishes (bounded by the client's timeouts) before the last one is sent.
                this.scheduler.awaitTermination(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void refresh() {
        LocalDate date = this.runDate;
        if (date == null) {
            return;
        }
        try {
            SnapshotRun run = this.runs.latest(date).orElse(null);
            if (run != null) {
                OutcomeCounts counts = this.ledger.counts(run.runId());
                this.metrics.update(this.ledger.rowsByOutcome(run.runId()), counts.apiCalls(), counts.throttledCalls(),
                        counts.readCalls());
            }
        }
        catch (RuntimeException ex) {
            // The database may be gone (that is why the command is ending): push the last values read.
            logger.debug("Metrics not refreshed from the ledger: {}", ex.getMessage());
        }
    }

    private void push() {
        try {
            this.gateway.pushAdd();
            if (this.failing.compareAndSet(true, false)) {
                logger.info("Pushing metrics to {} works again", this.settings.push());
            }
        }
        catch (Exception ex) {
            // A warning once per stretch of failures, not one every interval; the run goes on either way.
            if (this.failing.compareAndSet(false, true)) {
                logger.warn("Cannot push metrics to the Pushgateway {}: {} (the run goes on without them)",
                        this.settings.push(), ex.getMessage());
            }
        }
    }

}
