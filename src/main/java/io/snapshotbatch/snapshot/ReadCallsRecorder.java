package io.snapshotbatch.snapshot;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import io.snapshotbatch.ledger.RunRepository;
import io.snapshotbatch.nightly.ReadGate;

/**
 * Moves the read calls counted by the {@link ReadGate} into the run's total in the ledger: with each written chunk
 * of results (so a kill loses at most one chunk's count) and when a step ends (staging's listing included).
 */
public class ReadCallsRecorder implements StepExecutionListener {

    private final ReadGate gate;

    private final RunRepository runs;

    public ReadCallsRecorder(ReadGate gate, RunRepository runs) {
        this.gate = gate;
        this.runs = runs;
    }

    /** Writes the results with {@code delegate}, then the read calls made since the last record. */
    public ItemWriter<RowResult> after(ItemWriter<RowResult> delegate) {
        return (Chunk<? extends RowResult> chunk) -> {
            delegate.write(chunk);
            if (!chunk.isEmpty()) {
                this.runs.addReadCalls(chunk.getItems().get(0).runId(), this.gate.drain());
            }
        };
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        Long runId = stepExecution.getJobParameters().getLong(SnapshotJobConfiguration.RUN_ID);
        if (runId != null) {
            this.runs.addReadCalls(runId, this.gate.drain());
        }
        return null;
    }

}
