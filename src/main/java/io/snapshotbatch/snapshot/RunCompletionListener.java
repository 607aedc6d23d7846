package io.snapshotbatch.snapshot;

import java.time.Clock;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import io.snapshotbatch.ledger.DatabaseFailures;
import io.snapshotbatch.ledger.LedgerRepository;
import io.snapshotbatch.ledger.RunRepository;
import io.snapshotbatch.ledger.RunStatus;
import io.snapshotbatch.ledger.SnapshotRun;
import io.snapshotbatch.report.ReconciliationReport;

/**
 * Keeps the run's status in step with the job, and makes sure a run that stops or fails early still
 * has a report (with its PENDING rows) for the morning.
 */
public class RunCompletionListener implements JobExecutionListener {

    private static final Logger logger = LoggerFactory.getLogger(RunCompletionListener.class);

    private final RunRepository runs;

    private final ReconciliationReport report;

    private final SnapshotSettings settings;

    private final RunStopSignal stopSignal;

    private final Clock clock;

    private final LedgerRepository ledger;

    public RunCompletionListener(RunRepository runs, LedgerRepository ledger, ReconciliationReport report,
            SnapshotSettings settings, RunStopSignal stopSignal, Clock clock) {
        this.runs = runs;
        this.ledger = ledger;
        this.report = report;
        this.settings = settings;
        this.stopSignal = stopSignal;
        this.clock = clock;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        this.runs.markRunning(runId(jobExecution));
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        long runId = runId(jobExecution);
        try {
            SnapshotRun run = this.runs.find(runId).orElseThrow();
            if (jobExecution.getStatus() == BatchStatus.COMPLETED && run.status() == RunStatus.COMPLETED) {
                return;
            }
            // UNKNOWN: Spring Batch could not record how a step ended (the database went away at that moment).
            boolean failed = jobExecution.getStatus() == BatchStatus.FAILED || jobExecution.getStatus() == BatchStatus.UNKNOWN;
            // A lost database connection stops the run (exit 4): the same command continues it once the
            // database is back. Only other failures are internal errors.
            boolean databaseLost = failed
                    && jobExecution.getAllFailureExceptions().stream().anyMatch(DatabaseFailures::isConnectionLoss);
            RunStatus status = (failed && !databaseLost) ? RunStatus.FAILED : RunStatus.STOPPED;
            String reason = !failed ? this.stopSignal.reason()
                    : databaseLost ? "the database connection was lost: " + failureOf(jobExecution) : failureOf(jobExecution);
            if (status == RunStatus.STOPPED && (reason == null || reason.isBlank())) {
                // A STOPPED run always says why (contract): here, rows left PENDING without a stop signal.
                reason = LeftPending.reason(this.ledger, runId);
            }
            if (jobExecution.getStatus() == BatchStatus.COMPLETED) {
                // Every step finished, but rows are left: the run is resumable, not complete.
                jobExecution.setStatus(BatchStatus.STOPPED);
                jobExecution.setExitStatus(ExitStatus.STOPPED.addExitDescription(String.valueOf(reason)));
            }
            this.report.write(this.runs.markEnded(runId, status, reason, this.clock.instant()), status,
                    this.settings.reportDir());
        }
        catch (RuntimeException ex) {
            logger.error("Could not record the end of run {} or write its report: {}", runId, ex.getMessage());
        }
    }

    private static String failureOf(JobExecution jobExecution) {
        return jobExecution.getAllFailureExceptions()
            .stream()
            .map((ex) -> ex.getClass().getSimpleName() + ": " + ex.getMessage())
            .distinct()
            .collect(Collectors.joining("; "));
    }

    private static long runId(JobExecution jobExecution) {
        return jobExecution.getJobParameters().getLong(SnapshotJobConfiguration.RUN_ID);
    }

}
