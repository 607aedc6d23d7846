package io.snapshotbatch.run;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import io.snapshotbatch.input.InputException;
import io.snapshotbatch.input.PairSource;
import io.snapshotbatch.input.RowDefaults;
import io.snapshotbatch.ledger.LedgerRepository;
import io.snapshotbatch.ledger.OutcomeCounts;
import io.snapshotbatch.ledger.RunRepository;
import io.snapshotbatch.ledger.SnapshotRun;
import io.snapshotbatch.snapshot.StagingInput;
import io.snapshotbatch.throttle.CallBudget;
import io.snapshotbatch.throttle.RollingQuota;

/**
 * Starts or continues the job of a run. The caller must hold the run date's {@link RunGuard}: any
 * execution still marked running is then known to be dead, and is recovered ({@link BatchRecovery}).
 */
@Component
public class RunLauncher {

    private static final Logger logger = LoggerFactory.getLogger(RunLauncher.class);

    private final JobOperator jobOperator;

    private final Job snapshotJob;

    private final RunRepository runs;

    private final LedgerRepository ledger;

    private final StagingInput stagingInput;

    private final CallBudget budget;

    private final RollingQuota quota;

    private final Clock clock;

    private final BatchRecovery recovery;

    public RunLauncher(JobOperator jobOperator, JobRepository jobRepository, Job snapshotJob, RunRepository runs,
            LedgerRepository ledger, StagingInput stagingInput, CallBudget budget, RollingQuota quota, Clock clock) {
        this.jobOperator = jobOperator;
        this.recovery = new BatchRecovery(jobOperator, jobRepository, runs);
        this.snapshotJob = snapshotJob;
        this.runs = runs;
        this.ledger = ledger;
        this.stagingInput = stagingInput;
        this.budget = budget;
        this.quota = quota;
        this.clock = clock;
    }

    /** {@code run}: a new run, the continuation of an unfinished one, or nothing for a completed one. */
    public RunEnd run(LocalDate runDate, boolean forceNewRun, PairSource source, RowDefaults defaults) throws Exception {
        Optional<SnapshotRun> latest = this.runs.latest(runDate);
        if (latest.isPresent() && latest.get().completed() && !forceNewRun) {
            SnapshotRun run = latest.get();
            return new RunEnd(run, this.ledger.counts(run.runId()), true, "Run " + runDate
                    + " already completed at " + run.finishedAt() + "; nothing to send (--force-new-run starts a new run)");
        }
        if (latest.isEmpty() || forceNewRun || !latest.get().staged()) {
            // A query that cannot run (a typo, a missing table) is a usage error before a run is created;
            // a run that is already staged never reads its source again, so it resumes whatever the source is now.
            source.check();
        }
        SnapshotRun run;
        // --force-new-run starts a generation only after the latest one completed: an unfinished one (the same
        // command stopped or killed) is continued, so relaunching that command never snapshots a row a third time.
        if (latest.isEmpty() || forceNewRun && latest.get().completed()) {
            int generation = latest.map((r) -> r.generation() + 1).orElse(0);
            run = this.runs.create(runDate, generation, source.describe(), this.clock.instant());
            logger.info("Starting run {} (generation {}) from {}", runDate, generation, source.describe());
        }
        else {
            run = latest.get();
            if (forceNewRun) {
                logger.info("--force-new-run: generation {} of run {} has not completed; continuing it, not starting another",
                        run.generation(), runDate);
            }
            logger.info("Continuing run {} (generation {}, started {}, last {}): {} rows still pending", runDate,
                    run.generation(), run.startedAt(), run.status(), this.ledger.counts(run.runId()).pending());
        }
        this.stagingInput.set(source, defaults);
        return launch(run);
    }

    /** Sends the run's PENDING rows again (after {@code rerun-failed} re-queued some) and rewrites its report. */
    public RunEnd resume(SnapshotRun run) throws Exception {
        return launch(run);
    }

    private RunEnd launch(SnapshotRun run) throws Exception {
        OutcomeCounts before = this.ledger.counts(run.runId());
        this.budget.startFrom(before.apiCalls());
        // Spent budget or quota: the stop is signalled before anything is sent, and the job only reports.
        this.quota.start();
        JobParameters parameters = this.recovery.parametersFor(run);
        JobExecution execution = this.jobOperator.start(this.snapshotJob, parameters);
        // An input that turned out unreadable while staging is a usage error (exit 2), not a crash;
        // the run stays unstaged and a launch with a corrected input stages it.
        Optional<InputException> badInput = execution.getAllFailureExceptions()
            .stream()
            .filter(InputException.class::isInstance)
            .map(InputException.class::cast)
            .findFirst();
        if (badInput.isPresent()) {
            throw badInput.get();
        }
        SnapshotRun after = this.runs.find(run.runId()).orElseThrow();
        OutcomeCounts counts = this.ledger.counts(run.runId());
        return new RunEnd(after, counts, false, describe(after, counts, execution));
    }

    private static String describe(SnapshotRun run, OutcomeCounts counts, JobExecution execution) {
        String line = "Run %s %s: %d rows, %d created, %d failed, %d rejected, %d duplicates, %d pending; %d calls (%d throttled)"
            .formatted(run.runDate(), run.status(), counts.inputRows(), counts.created(), counts.failed(),
                    counts.rejected(), counts.duplicates(), counts.pending(), counts.apiCalls(), counts.throttledCalls());
        if (counts.unchanged() > 0 || counts.readCalls() > 0) {
            line += "; %d unchanged, %d read calls".formatted(counts.unchanged(), counts.readCalls());
        }
        return (run.stopReason() != null) ? line + " - " + run.stopReason() : line;
    }

}
