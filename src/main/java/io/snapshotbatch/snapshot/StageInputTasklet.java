package io.snapshotbatch.snapshot;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import io.snapshotbatch.input.InputException;
import io.snapshotbatch.ledger.RunRepository;
import io.snapshotbatch.ledger.SnapshotRun;
import io.snapshotbatch.staging.InputStager;

/** Stages the run's input into the ledger, all rows in the step's one transaction. */
public class StageInputTasklet implements Tasklet {

    private final InputStager stager;

    private final RunRepository runs;

    private final StagingInput input;

    private final RunStopSignal stopSignal;

    public StageInputTasklet(InputStager stager, RunRepository runs, StagingInput input, RunStopSignal stopSignal) {
        this.stager = stager;
        this.runs = runs;
        this.input = input;
        this.stopSignal = stopSignal;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long runId = chunkContext.getStepContext().getStepExecution().getJobParameters().getLong(SnapshotJobConfiguration.RUN_ID);
        SnapshotRun run = this.runs.find(runId).orElseThrow();
        if (run.staged()) {
            return RepeatStatus.FINISHED;
        }
        StagingInput.Input source = this.input.get();
        if (source == null) {
            throw new InputException("Run " + run.runDate() + " was never staged and this launch has no input");
        }
        // A stop while staging leaves the run unstaged (nothing to send); the report says it stopped, and the
        // same command stages the input again.
        int rows = this.stager.stage(run, source.source(), source.defaults(), this.stopSignal::reason);
        contribution.incrementWriteCount(Math.max(0, rows));
        return RepeatStatus.FINISHED;
    }

}
