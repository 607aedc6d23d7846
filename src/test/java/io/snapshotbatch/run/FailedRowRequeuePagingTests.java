package io.snapshotbatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.snapshotbatch.input.SnapshotKey;
import io.snapshotbatch.ledger.ClientTokens;
import io.snapshotbatch.ledger.LedgerDatabase;
import io.snapshotbatch.ledger.LedgerRepository;
import io.snapshotbatch.ledger.LedgerRow;
import io.snapshotbatch.ledger.Outcome;
import io.snapshotbatch.ledger.SnapshotRun;

/**
 * {@code rerun-failed} reads FAILED rows a page at a time ({@link LedgerRepository#PAGE_SIZE}) and
 * writes each page's re-queues in one batch: with several pages of FAILED rows between CREATED ones,
 * every FAILED row is re-queued exactly once, with the right token, and the rows a filter leaves out
 * stay FAILED.
 */
class FailedRowRequeuePagingTests {

    private static final LocalDate RUN_DATE = LocalDate.of(2026, 3, 14);

    private static final Instant NOW = Instant.parse("2026-03-14T02:00:00Z");

    /** Two and a half pages of FAILED rows, one row in three (CREATED rows in between). */
    private static final int ROWS = LedgerRepository.PAGE_SIZE * 15 / 2;

    private LedgerDatabase db;

    private SnapshotRun run;

    @BeforeEach
    void stage() {
        this.db = LedgerDatabase.create();
        this.run = this.db.runs().create(RUN_DATE, 0, "test input", NOW);
        List<LedgerRow> rows = new ArrayList<>();
        for (int line = 2; line < ROWS + 2; line++) {
            SnapshotKey key = new SnapshotKey("AWS", "eng-page%010d".formatted(line), "Opportunity", "O" + line,
                    "OpportunitySummaryView");
            String token = ClientTokens.derive(RUN_DATE, 0, key, 0);
            boolean failed = line % 3 == 0;
            // Even lines failed definitively (the service created nothing), odd ones with an unknown outcome.
            String code = !failed ? null : (line % 2 == 0) ? "ResourceNotFoundException" : "InternalServerException";
            rows.add(LedgerRow.staged(this.run.runId(), line, key, token, failed ? Outcome.FAILED : Outcome.CREATED, null,
                    code, null, NOW));
        }
        for (int from = 0; from < rows.size(); from += 1000) {
            this.db.ledger().insert(rows.subList(from, Math.min(rows.size(), from + 1000)));
        }
    }

    @AfterEach
    void close() {
        this.db.close();
    }

    @Test
    void everyFailedRowOfSeveralPagesIsRequeuedOnceWithTheRightToken() {
        // given
        long failed = this.db.ledger().counts(this.run.runId()).failed();
        assertThat(failed).isGreaterThan(2L * LedgerRepository.PAGE_SIZE);

        // when
        FailedRowRequeue.Requeued requeued = requeue().requeue(this.run);

        // then
        assertThat(requeued.total()).isEqualTo(failed);
        assertThat(requeued.leftFailed()).isZero();
        assertThat(this.db.ledger().counts(this.run.runId()).failed()).isZero();
        List<LedgerRow> all = new ArrayList<>();
        this.db.ledger().forEachRow(this.run.runId(), all::add);
        assertThat(all).filteredOn((row) -> row.line() % 3 == 0).allSatisfy((row) -> {
            assertThat(row.outcome()).isEqualTo(Outcome.PENDING);
            int generation = (row.line() % 2 == 0) ? 1 : 0;
            assertThat(row.tokenGeneration()).isEqualTo(generation);
            assertThat(row.clientToken()).isEqualTo(ClientTokens.derive(RUN_DATE, 0, row.key(), generation));
        });
        assertThat(all).filteredOn((row) -> row.line() % 3 != 0).allSatisfy((row) -> assertThat(row.outcome())
            .isEqualTo(Outcome.CREATED));
    }

    @Test
    void rowsTheFilterLeavesOutStayFailedOnEveryPage() {
        // when: only the unknown-outcome rows are re-sent
        FailedRowRequeue.Requeued requeued = requeue()
            .requeue(this.run, new FailedRowFilter(Set.of("InternalServerException"), null, null));

        // then
        assertThat(requeued.newToken()).isZero();
        assertThat(requeued.sameToken()).isEqualTo(requeued.leftFailed());
        assertThat(this.db.ledger().counts(this.run.runId()).failed()).isEqualTo(requeued.leftFailed());
        assertThat(this.db.ledger().counts(this.run.runId()).pending()).isEqualTo(requeued.sameToken());
    }

    private FailedRowRequeue requeue() {
        return new FailedRowRequeue(this.db.ledger(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

}
