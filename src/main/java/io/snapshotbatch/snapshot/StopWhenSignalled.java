package io.snapshotbatch.snapshot;

import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Ends a partition as STOPPED (not COMPLETED) at the next chunk boundary once the run is stopping, so
 * the job ends STOPPED and a relaunch restarts it. One instance per partition (step scope).
 */
public class StopWhenSignalled implements StepExecutionListener, ChunkListener<Object, Object> {

    private final RunStopSignal stopSignal;

    private StepExecution stepExecution;

    public StopWhenSignalled(RunStopSignal stopSignal) {
        this.stopSignal = stopSignal;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        this.stepExecution = stepExecution;
    }

    @Override
    public void afterChunk(org.springframework.batch.infrastructure.item.Chunk<Object> chunk) {
        if (this.stopSignal.isStopped() && this.stepExecution != null) {
            this.stepExecution.setTerminateOnly();
        }
    }

}
