package io.snapshotbatch.staging;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.snapshotbatch.input.InputException;
import io.snapshotbatch.input.PairRecord;
import io.snapshotbatch.input.PairSource;
import io.snapshotbatch.ledger.LedgerRow;
import io.snapshotbatch.ledger.OutcomeCounts;
import io.snapshotbatch.ledger.SnapshotRun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Staging a whole run: batches, staging a staged or half-staged run again, other runs untouched, balanced counts. */
class InputStagerRunTests extends InputStagerTestSupport {

    @Test
    void manyRowsAreStagedAcrossBatches() {
        // given 2,500 distinct valid rows (more than two insert batches)
        SnapshotRun run = newRun(0);
        List<PairRecord> input = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            input.add(row(i + 2, null, ENG_1, null, "O" + i, null));
        }

        // when
        int staged = this.stager.stage(run, rows(input.toArray(PairRecord[]::new)), DEFAULTS);

        // then
        List<LedgerRow> ledger = ledger(run);
        assertThat(staged).isEqualTo(2500);
        assertThat(ledger).hasSize(2500);
        assertThat(ledger).extracting(LedgerRow::line).containsExactlyElementsOf(input.stream().map(PairRecord::line).toList());
        assertThat(new HashSet<>(ledger.stream().map(LedgerRow::clientToken).toList())).hasSize(2500);
        assertThat(db.ledger().counts(run.runId()).pending()).isEqualTo(2500);
    }

    @Test
    void aStopWhileStagingEndsItWithinABatchAndLeavesTheRunUnstaged() {
        // given 5,000 rows, and a stop that arrives once the third batch has been read
        SnapshotRun run = newRun(0);
        List<PairRecord> input = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            input.add(row(i + 2, null, ENG_1, null, "O" + i, null));
        }
        int[] checks = new int[1];

        // when
        int staged = this.stager.stage(run, rows(input.toArray(PairRecord[]::new)), DEFAULTS,
                () -> (++checks[0] >= 3) ? "SIGTERM" : null);

        // then: nothing of it stays, the run can be staged whole by the next launch
        assertThat(staged).isEqualTo(-1);
        assertThat(checks[0]).isEqualTo(3);
        assertThat(ledger(run)).isEmpty();
        SnapshotRun after = db.runs().find(run.runId()).orElseThrow();
        assertThat(after.staged()).isFalse();
        assertThat(this.stager.stage(after, rows(input.toArray(PairRecord[]::new)), DEFAULTS)).isEqualTo(5000);
        assertThat(ledger(run)).hasSize(5000);
    }

    @Test
    void anAlreadyStagedRunIsNotStagedAgain() {
        // given a staged run
        SnapshotRun run = newRun(0);
        this.stager.stage(run, rows(row(2, null, ENG_1, null, "O1", null), row(3, null, "bad", null, "O2", null)),
                DEFAULTS);
        List<LedgerRow> before = ledger(run);
        SnapshotRun staged = db.runs().find(run.runId()).orElseThrow();

        // when staged again, with other input and a later clock
        InputStager later = new InputStager(db.ledger(), db.runs(),
                Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC));
        int rows = later.stage(staged, rows(row(2, null, ENG_2, null, "O9", null)), DEFAULTS);

        // then
        assertThat(rows).isEqualTo(2);
        assertThat(ledger(run)).isEqualTo(before);
    }

    @Test
    void anAlreadyStagedRunDoesNotEvenReadItsInput() {
        // given
        SnapshotRun run = newRun(0);
        this.stager.stage(run, rows(row(2, null, ENG_1, null, "O1", null)), DEFAULTS);
        SnapshotRun staged = db.runs().find(run.runId()).orElseThrow();
        PairSource unreadable = failingAfter(List.of(), "the file is gone");

        // when
        int rows = this.stager.stage(staged, unreadable, DEFAULTS);

        // then
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void aPartiallyStagedRunIsStagedAgainCleanly() {
        // given a staging that died after the first insert batch was written (no transaction here)
        SnapshotRun run = newRun(0);
        List<PairRecord> input = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            input.add(row(i + 2, null, ENG_1, null, "O" + i, null));
        }
        assertThatThrownBy(() -> this.stager.stage(run, failingAfter(input, "disk on fire"), DEFAULTS))
            .isInstanceOf(InputException.class);
        assertThat(ledger(run)).isNotEmpty().hasSizeLessThan(1500);
        SnapshotRun unfinished = db.runs().find(run.runId()).orElseThrow();
        assertThat(unfinished.staged()).isFalse();

        // when the next launch stages it again
        int staged = this.stager.stage(unfinished, rows(input.toArray(PairRecord[]::new)), DEFAULTS);

        // then every row is there exactly once
        assertThat(staged).isEqualTo(1500);
        assertThat(ledger(run)).extracting(LedgerRow::line)
            .containsExactlyElementsOf(input.stream().map(PairRecord::line).toList());
        assertThat(db.runs().find(run.runId()).orElseThrow().inputRows()).isEqualTo(1500);
    }

    @Test
    void stagingOneRunLeavesOtherRunsAlone() {
        // given another run with rows
        SnapshotRun other = newRun(0);
        this.stager.stage(other, rows(row(2, null, ENG_1, null, "O1", null)), DEFAULTS);
        SnapshotRun run = db.runs().create(RUN_DATE.plusDays(1), 0, "test", NOW);

        // when
        this.stager.stage(run, rows(row(2, null, ENG_2, null, "O2", null)), DEFAULTS);

        // then
        assertThat(ledger(other)).extracting(LedgerRow::resourceId).containsExactly("O1");
        assertThat(ledger(run)).extracting(LedgerRow::resourceId).containsExactly("O2");
    }

    @Test
    void countsBalanceWithTheInputRows() {
        // given a mix of every staged outcome
        SnapshotRun run = newRun(0);
        PairSource source = rows(row(2, null, ENG_1, null, "O1", null), row(3, null, ENG_1, null, "O1", null),
                row(4, null, ENG_1, null, "O2", null), row(5, null, "x", null, "O1", null),
                row(6, null, ENG_1, null, "O2", null), row(7, null, null, null, null, null));

        // when
        int staged = this.stager.stage(run, source, DEFAULTS);
        OutcomeCounts counts = db.ledger().counts(run.runId());

        // then
        assertThat(counts.pending()).isEqualTo(2);
        assertThat(counts.duplicates()).isEqualTo(2);
        assertThat(counts.rejected()).isEqualTo(2);
        assertThat(counts.created()).isZero();
        assertThat(counts.failed()).isZero();
        assertThat(counts.apiCalls()).isZero();
        assertThat(counts.inputRows()).isEqualTo(staged)
            .isEqualTo(counts.created() + counts.failed() + counts.rejected() + counts.duplicates() + counts.pending());
    }

    @Test
    void countsStillBalanceAfterResultsAreRecorded() {
        // given a staged run where the service answered some rows
        SnapshotRun run = newRun(0);
        this.stager.stage(run, rows(row(2, null, ENG_1, null, "O1", null), row(3, null, ENG_1, null, "O2", null),
                row(4, null, ENG_1, null, "O3", null), row(5, null, "x", null, "O1", null)), DEFAULTS);
        db.jdbc().sql(io.snapshotbatch.ledger.LedgerRepository.RECORD_RESULT_SQL)
            .param("outcome", "CREATED").param("snapshotArn", "arn:x").param("revision", 1)
            .param("errorCode", null).param("errorMessage", null).param("attempts", 3).param("throttledCalls", 2)
            .param("updatedAt", NOW.atOffset(ZoneOffset.UTC)).param("runId", run.runId()).param("line", 2)
            .update();
        db.jdbc().sql(io.snapshotbatch.ledger.LedgerRepository.RECORD_RESULT_SQL)
            .param("outcome", "FAILED").param("snapshotArn", null).param("revision", null)
            .param("errorCode", "ValidationException").param("errorMessage", "no").param("attempts", 1)
            .param("throttledCalls", 0).param("updatedAt", NOW.atOffset(ZoneOffset.UTC)).param("runId", run.runId())
            .param("line", 3)
            .update();

        // when
        OutcomeCounts counts = db.ledger().counts(run.runId());

        // then
        assertThat(counts).isEqualTo(new OutcomeCounts(1, 1, 1, 0, 1, 4, 2));
        assertThat(counts.inputRows()).isEqualTo(4);
        assertThat(counts.hasProblems()).isTrue();
    }

    private static PairSource failingAfter(List<PairRecord> records, String problem) {
        return new PairSource() {

            @Override
            public void read(Consumer<PairRecord> sink) {
                records.forEach(sink);
                throw new InputException(problem);
            }

            @Override
            public String describe() {
                return "failing rows";
            }

        };
    }

}
