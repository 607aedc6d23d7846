package io.snapshotbatch.snapshot;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.snapshotbatch.ledger.LedgerRow;
import io.snapshotbatch.ledger.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Launch the same command again" when the service denies some rows: the rows that come first in the
 * input may be the denied ones. Ten denials in a row before any accepted call look like a missing
 * permission and stop the launch with the rows PENDING; the next launch must not trip on the same rows
 * again, or a scheduler that relaunches on exit 4 loops forever while only some rows are denied.
 * Launches are simulated over one partition, row by row in line order and in passes, as the reader
 * hands them out; the processor is the real one, the service a fake that denies chosen lines.
 */
class AccessDeniedLaunchesTests {

    private static final int STOP_AFTER_DENIED = 10;

    private static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");

    @Test
    void deniedRowsAtTheHeadOfTheInputFailOnceALaterLaunchGetsACallAcceptedInsteadOfStoppingEveryLaunch() {
        // given: 40 rows, the first 25 denied (an account the job may not snapshot, sorted first)
        Map<Integer, LedgerRow> ledger = rows(40);
        Set<Integer> denied = lines(1, 25);

        // when: the same command, launched again after each exit 4, at most 5 times
        int launches = 0;
        boolean stopped = true;
        while (stopped && launches < 5) {
            stopped = launch(ledger, denied);
            launches++;
        }

        // then: the night finishes; exactly the denied rows FAILED, every other row CREATED
        assertThat(stopped).as("still stopping after %d launches", launches).isFalse();
        assertThat(linesWith(ledger, Outcome.FAILED)).isEqualTo(denied);
        assertThat(linesWith(ledger, Outcome.CREATED)).isEqualTo(lines(26, 40));
    }

    @Test
    void rerunFailedOfDeniedRowsWhoseFirstOnesAreStillDeniedFailsThoseAndCreatesTheOthersInsteadOfStoppingEveryLaunch() {
        // given: 40 rows an earlier launch saw denied (rerun-failed made them PENDING again), access since
        // granted to lines 26-40 only; every row to send was denied before, so none can be sent first
        Map<Integer, LedgerRow> ledger = rows(40);
        ledger.replaceAll((line, row) -> recorded(row, new RowResult(row.runId(), line, Outcome.PENDING, null, null,
                "AccessDeniedException", "not authorized", 1, 0, NOW)));
        Set<Integer> denied = lines(1, 25);

        // when: the same command, launched again after each exit 4, at most 5 times
        int launches = 0;
        boolean stopped = true;
        while (stopped && launches < 5) {
            stopped = launch(ledger, denied);
            launches++;
        }

        // then: the still denied rows FAILED, the others CREATED
        assertThat(stopped).as("still stopping after %d launches", launches).isFalse();
        assertThat(linesWith(ledger, Outcome.FAILED)).isEqualTo(denied);
        assertThat(linesWith(ledger, Outcome.CREATED)).isEqualTo(lines(26, 40));
    }

    @Test
    void aDenialOfEveryCallStillStopsEachLaunchAfterTenCallsWithEveryRowPending() {
        // given: a missing permission
        Map<Integer, LedgerRow> ledger = rows(40);
        Set<Integer> denied = lines(1, 40);

        for (int launch = 1; launch <= 3; launch++) {
            // when
            Calls calls = new Calls();
            boolean stopped = launch(ledger, denied, calls);

            // then
            assertThat(stopped).as("launch %d", launch).isTrue();
            assertThat(calls.count).as("launch %d", launch).isEqualTo(STOP_AFTER_DENIED);
            assertThat(linesWith(ledger, Outcome.PENDING)).hasSize(40);
        }
        // and once the permission is granted, the same command creates every row
        assertThat(launch(ledger, Set.of())).isFalse();
        assertThat(linesWith(ledger, Outcome.CREATED)).hasSize(40);
    }

    private static boolean launch(Map<Integer, LedgerRow> ledger, Set<Integer> denied) {
        return launch(ledger, denied, new Calls());
    }

    /** One launch: passes over the PENDING rows in line order, results written back; true when it stopped. */
    private static boolean launch(Map<Integer, LedgerRow> ledger, Set<Integer> denied, Calls calls) {
        RunStopSignal stop = new RunStopSignal();
        SnapshotItemProcessor processor = new SnapshotItemProcessor(new FakeCaller(denied, calls), stop,
                new SimpleMeterRegistry(), 10, STOP_AFTER_DENIED);
        for (int pass = 1; pass <= 5 && !stop.isStopped(); pass++) {
            for (LedgerRow row : ledger.values().stream().filter((r) -> r.outcome() == Outcome.PENDING).toList()) {
                if (stop.isStopped()) {
                    break;
                }
                RowResult result = processor.process(row);
                if (result != null) {
                    ledger.put(row.line(), recorded(row, result));
                }
            }
            if (linesWith(ledger, Outcome.PENDING).isEmpty()) {
                break;
            }
        }
        return stop.isStopped();
    }

    private static LedgerRow recorded(LedgerRow row, RowResult result) {
        return new LedgerRow(row.runId(), row.line(), row.catalog(), row.engagementId(), row.resourceType(),
                row.resourceId(), row.template(), row.clientToken(), row.tokenGeneration(), result.outcome(), null,
                result.snapshotArn(), result.revision(), result.errorCode(), result.errorMessage(),
                row.attempts() + result.attempts(), 0, null, null, NOW);
    }

    private static Map<Integer, LedgerRow> rows(int count) {
        Map<Integer, LedgerRow> rows = new TreeMap<>();
        for (int line = 1; line <= count; line++) {
            rows.put(line, new LedgerRow(1, line, "Sandbox", "eng-aaaaaaaaaa%04d".formatted(line), "Opportunity",
                    "O" + (1000 + line), "OpportunitySummaryView", "token-" + line, 0, Outcome.PENDING, null, null,
                    null, null, null, 0, 0, null, null, NOW));
        }
        return rows;
    }

    private static Set<Integer> lines(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().collect(Collectors.toSet());
    }

    private static Set<Integer> linesWith(Map<Integer, LedgerRow> ledger, Outcome outcome) {
        return ledger.values().stream().filter((r) -> r.outcome() == outcome).map(LedgerRow::line)
            .collect(Collectors.toSet());
    }

    private static final class Calls {

        int count;

    }

    /** The service: AccessDeniedException for the denied lines, a snapshot for the others. */
    private static final class FakeCaller extends SnapshotCaller {

        private final Set<Integer> denied;

        private final Calls calls;

        FakeCaller(Set<Integer> denied, Calls calls) {
            super(null, Clock.systemUTC());
            this.denied = denied;
            this.calls = calls;
        }

        @Override
        public Sent send(LedgerRow row) {
            this.calls.count++;
            if (this.denied.contains(row.line())) {
                ApiFailure failure = new ApiFailure("AccessDeniedException", "not authorized",
                        ApiFailure.Disposition.DENIED);
                return new Sent(new RowResult(row.runId(), row.line(), Outcome.PENDING, null, null, failure.code(),
                        failure.message(), 1, 0, NOW), failure);
            }
            return new Sent(new RowResult(row.runId(), row.line(), Outcome.CREATED, "arn:" + row.line(), 1, null, null,
                    1, 0, NOW), null);
        }

    }

}
