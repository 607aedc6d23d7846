package io.snapshotbatch.snapshot;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.snapshotbatch.ledger.LedgerRow;
import io.snapshotbatch.ledger.Outcome;
import io.snapshotbatch.nightly.ChangeCheck;

import static org.assertj.core.api.Assertions.assertThat;

/** The look-ahead of --skip-unchanged never reads past the chunk and prefetches at most 20 rows per call. */
class PrefetchingRowReaderTests {

    /** Records what it was asked to prefetch; no service. */
    static final class RecordingCheck extends ChangeCheck {

        final List<List<Integer>> prefetched = new ArrayList<>();

        RecordingCheck() {
            super(null, () -> false);
        }

        @Override
        public void prefetch(Collection<LedgerRow> rows) {
            this.prefetched.add(rows.stream().map(LedgerRow::line).toList());
        }

    }

    @Test
    void readsAheadAtMostToTheEndOfTheChunkTwentyRowsAtATime() throws Exception {
        // given 60 pending rows, row 7 already sent once, chunks of 25
        Deque<LedgerRow> pending = new ArrayDeque<>();
        for (int line = 1; line <= 60; line++) {
            pending.add(row(line, (line == 7) ? 1 : 0));
        }
        int[] delegateReads = { 0 };
        RecordingCheck check = new RecordingCheck();
        PrefetchingRowReader reader = new PrefetchingRowReader(() -> {
            delegateReads[0]++;
            return pending.poll();
        }, check, 25);

        // when the first chunk's first row is read
        LedgerRow first = reader.read();

        // then 20 rows were read ahead, not past the chunk, and the row already sent is not checked
        assertThat(first.line()).isEqualTo(1);
        assertThat(delegateReads[0]).isEqualTo(20);
        assertThat(check.prefetched.get(0)).hasSize(19).doesNotContain(7);

        // when the rest of the chunk and the next chunk are read
        List<Integer> lines = new ArrayList<>(List.of(first.line()));
        for (LedgerRow row = reader.read(); row != null; row = reader.read()) {
            lines.add(row.line());
        }

        // then every row once, in order, prefetched 20 + 5 per chunk of 25
        assertThat(lines).hasSize(60).isSorted();
        assertThat(check.prefetched).extracting(List::size).containsExactly(19, 5, 20, 5, 10);
    }

    private static LedgerRow row(int line, int attempts) {
        return new LedgerRow(1, line, "Sandbox", "eng-aaaaaaaaaaaaaa", "Opportunity", "O" + line,
                "OpportunitySummaryView", "t" + line, 0, Outcome.PENDING, null, null, null, null, null, attempts, 0, null,
                null, Instant.now());
    }

}
