package io.snapshotbatch.snapshot;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import io.snapshotbatch.ledger.LedgerRepository;
import io.snapshotbatch.ledger.RunRepository;
import io.snapshotbatch.ledger.RunStatus;
import io.snapshotbatch.ledger.SnapshotRun;
import io.snapshotbatch.report.ReconciliationReport;

/**
 * The last step of a run that got through all its rows: marks the run ended and writes its report.
 * (A run that stops early gets its report from {@link RunCompletionListener}.)
 */
public class WriteReportTasklet implements Tasklet {

    private static final Logger logger = LoggerFactory.getLogger(WriteReportTasklet.class);

    private final RunRepository runs;

    private final LedgerRepository ledger;

    private final ReconciliationReport report;

    private final SnapshotSettings settings;

    private final RunStopSignal stopSignal;

    private final Clock clock;

    public WriteReportTasklet(RunRepository runs, LedgerRepository ledger, ReconciliationReport report,
            SnapshotSettings settings, RunStopSignal stopSignal, Clock clock) {
        this.runs = runs;
        this.ledger = ledger;
        this.report = report;
        this.settings = settings;
        this.stopSignal = stopSignal;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long runId = chunkContext.getStepContext().getStepExecution().getJobParameters().getLong(SnapshotJobConfiguration.RUN_ID);
        boolean finished = !this.stopSignal.isStopped() && this.ledger.counts(runId).pending() == 0;
        RunStatus status = finished ? RunStatus.COMPLETED : RunStatus.STOPPED;
        String reason = this.stopSignal.reason();
        if (!finished && reason == null) {
            reason = LeftPending.reason(this.ledger, runId);
        }
        SnapshotRun run = this.runs.markEnded(runId, status, reason, this.clock.instant());
        logger.info("Report of run {} written to {}", run.runDate(), this.report.write(run, status, this.settings.reportDir()));
        return RepeatStatus.FINISHED;
    }

}
