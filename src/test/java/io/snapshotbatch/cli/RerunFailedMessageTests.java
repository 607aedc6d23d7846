package io.snapshotbatch.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.snapshotbatch.ledger.RunStatus;
import io.snapshotbatch.ledger.SnapshotRun;
import io.snapshotbatch.run.FailedRowFilter;
import io.snapshotbatch.run.FailedRowRequeue.Requeued;

import static org.assertj.core.api.Assertions.assertThat;

/** The first line {@code rerun-failed} prints: what it sends, and never "no FAILED rows" when there are some. */
class RerunFailedMessageTests {

    private static final FailedRowFilter NOT_FOUND = new FailedRowFilter(Set.of("ResourceNotFoundException"), null, null);

    @Test
    void aSliceThatSelectsNoneOfTheFailedRowsSaysSoInsteadOfClaimingThereAreNone() {
        // given: 50 FAILED rows, none of them with the chosen code, nothing PENDING
        SnapshotRun run = run();

        // when
        String line = RerunFailedCommand.describe(run, new Requeued(0, 0, 50), 0, NOT_FOUND);

        // then
        assertThat(line).doesNotContain("has no FAILED or PENDING rows")
            .contains("has no FAILED rows with error code ResourceNotFoundException (it has 50 other FAILED rows)")
            .contains("nothing to send");
    }

    @Test
    void aSliceThatSelectsNothingWhileRowsArePendingSendsThePendingOnes() {
        // given
        SnapshotRun run = run();

        // when
        String line = RerunFailedCommand.describe(run, new Requeued(0, 0, 5), 7, NOT_FOUND);

        // then
        assertThat(line).contains("has no FAILED rows with error code ResourceNotFoundException (it has 5 other FAILED rows)")
            .contains("sending its 7 PENDING rows a stopped or killed run left");
    }

    @Test
    void aRunWithoutFailedOrPendingRowsStillSaysSo() {
        assertThat(RerunFailedCommand.describe(run(), new Requeued(0, 0, 0), 0,
                FailedRowFilter.ALL)).contains("has no FAILED or PENDING rows: nothing to send");
    }

    private static SnapshotRun run() {
        return new SnapshotRun(1, LocalDate.of(2026, 3, 1), 0, "csv:pairs.csv", RunStatus.COMPLETED, true, 1, 50, null,
                Instant.parse("2026-03-01T02:00:00Z"), Instant.parse("2026-03-01T03:00:00Z"), "UTF-8");
    }

}
