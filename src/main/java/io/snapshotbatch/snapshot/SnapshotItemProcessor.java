package io.snapshotbatch.snapshot;

import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import io.micrometer.core.instrument.MeterRegistry;
import io.snapshotbatch.ledger.LedgerRow;

/**
 * Sends a PENDING row unless the run is stopping (then the row is filtered out and stays PENDING),
 * and decides whether a failure must stop the whole run. Shared by all partitions: stateless but
 * for thread-safe counters.
 */
public class SnapshotItemProcessor implements ItemProcessor<LedgerRow, RowResult> {

    private static final Logger logger = LoggerFactory.getLogger(SnapshotItemProcessor.class);

    private final SnapshotCaller caller;

    private final RunStopSignal stopSignal;

    private final MeterRegistry meters;

    private final int stopAfterUnreachable;

    private final AtomicInteger unknownInARow = new AtomicInteger();

    public SnapshotItemProcessor(SnapshotCaller caller, RunStopSignal stopSignal, MeterRegistry meters,
            int stopAfterUnreachable) {
        this.caller = caller;
        this.stopSignal = stopSignal;
        this.meters = meters;
        this.stopAfterUnreachable = stopAfterUnreachable;
    }

    @Override
    public RowResult process(LedgerRow row) {
        if (this.stopSignal.isStopped()) {
            return null;
        }
        SnapshotCaller.Sent sent = this.caller.send(row);
        RowResult result = sent.result();
        this.meters.counter("snapshot.rows", "outcome", result.outcome().name()).increment();
        this.meters.counter("snapshot.calls").increment(result.attempts());
        this.meters.counter("snapshot.throttled.calls").increment(result.throttledCalls());
        if (sent.failure() == null) {
            this.unknownInARow.set(0);
            return result;
        }
        switch (sent.failure().disposition()) {
            case STOP_RUN -> {
                if (!"NotSent".equals(sent.failure().code())) {
                    this.stopSignal.stop(sent.failure().code() + ": " + sent.failure().message());
                }
            }
            case FAILED_OUTCOME_UNKNOWN -> {
                if (this.unknownInARow.incrementAndGet() >= this.stopAfterUnreachable) {
                    this.stopSignal.stop("the service looks unreachable: " + this.stopAfterUnreachable
                            + " calls in a row failed, last with " + sent.failure().code());
                }
            }
            case FAILED -> this.unknownInARow.set(0);
        }
        logger.debug("Line {}: {} {}", row.line(), result.outcome(), sent.failure().code());
        return result;
    }

}
