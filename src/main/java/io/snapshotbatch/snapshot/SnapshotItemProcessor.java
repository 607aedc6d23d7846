package io.snapshotbatch.snapshot;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import io.micrometer.core.instrument.MeterRegistry;
import io.snapshotbatch.ledger.LedgerRow;
import io.snapshotbatch.ledger.Outcome;
import io.snapshotbatch.nightly.ChangeCheck;

/**
 * Sends a PENDING row unless the run is stopping (then the row is filtered out and stays PENDING),
 * decides what the answer means for the row (see {@link ApiFailure.Disposition}), and whether it must
 * stop the whole run: a service that does not answer, or denies every call. Shared by all partitions:
 * stateless but for thread-safe counters of this launch.
 */
public class SnapshotItemProcessor implements ItemProcessor<LedgerRow, RowResult> {

    private static final Logger logger = LoggerFactory.getLogger(SnapshotItemProcessor.class);

    private final SnapshotCaller caller;

    private final RunStopSignal stopSignal;

    private final MeterRegistry meters;

    private final int stopAfterUnreachable;

    private final int stopAfterDenied;

    private final AtomicInteger unansweredInARow = new AtomicInteger();

    private final AtomicInteger deniedInARow = new AtomicInteger();

    private final AtomicBoolean anyAccepted = new AtomicBoolean();

    /** Rows that got a 5xx or a denial once in this launch: the second time, the row is FAILED. */
    private final Set<Integer> triedOnce = ConcurrentHashMap.newKeySet();

    /** Rows an earlier launch saw denied, left for a later pass of this one (see {@link #deniedBefore}). */
    private final Set<Integer> putBack = ConcurrentHashMap.newKeySet();

    /** With --skip-unchanged: reads whether the row changed before it is sent; null otherwise. */
    private ChangeCheck changeCheck;

    private Clock clock = Clock.systemUTC();

    public SnapshotItemProcessor(SnapshotCaller caller, RunStopSignal stopSignal, MeterRegistry meters,
            int stopAfterUnreachable, int stopAfterDenied) {
        this.caller = caller;
        this.stopSignal = stopSignal;
        this.meters = meters;
        this.stopAfterUnreachable = stopAfterUnreachable;
        this.stopAfterDenied = stopAfterDenied;
    }

    /** Checks every row never sent before whether it changed since its latest snapshot (--skip-unchanged). */
    public SnapshotItemProcessor withChangeCheck(ChangeCheck check, Clock resultClock) {
        this.changeCheck = check;
        this.clock = resultClock;
        return this;
    }

    @Override
    public RowResult process(LedgerRow row) {
        if (PendingRowReader.isPassEnd(row) || this.stopSignal.isStopped() || deniedBefore(row)) {
            return null;
        }
        // A row already sent once keeps its token and is sent again: its snapshot may be the one that call made.
        if (this.changeCheck != null && row.attempts() == 0) {
            ChangeCheck.Verdict verdict = this.changeCheck.check(row);
            if (verdict instanceof ChangeCheck.Unchanged unchanged) {
                this.meters.counter("snapshot.rows", "outcome", Outcome.UNCHANGED.name()).increment();
                return new RowResult(row.runId(), row.line(), Outcome.UNCHANGED, unchanged.arn(), unchanged.revision(),
                        null, unchanged.comparison(), 0, 0, this.clock.instant());
            }
            if (this.stopSignal.isStopped()) {
                return null;
            }
            logger.debug("Line {}: creating, {}", row.line(), ((ChangeCheck.Create) verdict).why());
        }
        SnapshotCaller.Sent sent = this.caller.send(row);
        RowResult result = decide(row, sent);
        this.meters.counter("snapshot.rows", "outcome", result.outcome().name()).increment();
        this.meters.counter("snapshot.calls").increment(result.attempts());
        this.meters.counter("snapshot.throttled.calls").increment(result.throttledCalls());
        if (sent.failure() != null) {
            logger.debug("Line {}: {} {}", row.line(), result.outcome(), sent.failure().code());
        }
        return result;
    }

    private RowResult decide(LedgerRow row, SnapshotCaller.Sent sent) {
        ApiFailure failure = sent.failure();
        RowResult result = sent.result();
        if (failure == null) {
            this.anyAccepted.set(true);
            this.unansweredInARow.set(0);
            this.deniedInARow.set(0);
            return result;
        }
        switch (failure.disposition()) {
            case FAILED, THROTTLED -> this.unansweredInARow.set(0);
            case NO_ANSWER -> unanswered(failure);
            case SERVICE_ERROR -> {
                unanswered(failure);
                return secondTime(row, result);
            }
            case DENIED -> {
                this.unansweredInARow.set(0);
                if (deniedInAnEarlierLaunch(row)) {
                    // Its second denial: FAILED. It does not count towards "denied to every call": when every row
                    // left to send was denied before (rerun-failed after access was granted to some), those still
                    // denied may all come first, and each relaunch would stop on them before reaching the others.
                    return result.withOutcome(Outcome.FAILED);
                }
                if (!this.anyAccepted.get() && this.deniedInARow.incrementAndGet() >= this.stopAfterDenied) {
                    this.stopSignal.stop("access denied to every call: " + this.stopAfterDenied
                            + " AccessDeniedExceptions in a row and no call of this launch accepted (" + failure.message()
                            + "); check the IAM policy (jobs/iam/snapshot-batch-policy.json), then the same command");
                }
                return this.anyAccepted.get() ? result.withOutcome(Outcome.FAILED) : secondTime(row, result);
            }
            case STOP_RUN -> {
                if (!"NotSent".equals(failure.code())) {
                    this.stopSignal.stop(failure.code() + ": " + failure.message());
                }
            }
        }
        return result;
    }

    /**
     * A row an earlier launch left PENDING after an AccessDeniedException is left (PENDING, not sent) for the
     * next pass while no call of this launch has been accepted: when the denied rows come first in the input,
     * sending them first again would trip the "denied to every call" stop in every launch, and a scheduler
     * that relaunches on exit 4 would loop. Once another row is accepted, the later pass fails them; if every
     * other call is denied too, ten new denials stop the launch as before.
     */
    private boolean deniedBefore(LedgerRow row) {
        return "AccessDeniedException".equals(row.errorCode()) && !this.anyAccepted.get() && this.putBack.add(row.line());
    }

    /** Denied when an earlier launch sent it (the ledger says so), not yet in this one. */
    private boolean deniedInAnEarlierLaunch(LedgerRow row) {
        return "AccessDeniedException".equals(row.errorCode()) && !this.triedOnce.contains(row.line());
    }

    /** PENDING the first time in this launch (a later pass tries again), FAILED the second, unless the run stops. */
    private RowResult secondTime(LedgerRow row, RowResult result) {
        boolean again = !this.triedOnce.add(row.line());
        return (again && !this.stopSignal.isStopped()) ? result.withOutcome(Outcome.FAILED) : result;
    }

    private void unanswered(ApiFailure failure) {
        if (this.unansweredInARow.incrementAndGet() >= this.stopAfterUnreachable) {
            this.stopSignal.stop("the service looks unreachable: " + this.stopAfterUnreachable
                    + " calls in a row failed, last with " + failure.code() + " (" + failure.message()
                    + "); their rows stay PENDING and the same command sends them again with their token");
        }
    }

}
