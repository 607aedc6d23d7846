package io.snapshotbatch.staging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.snapshotbatch.input.CsvPairSource;
import io.snapshotbatch.input.PairSource;
import io.snapshotbatch.input.RowDefaults;
import io.snapshotbatch.input.SnapshotKey;
import io.snapshotbatch.ledger.ClientTokens;
import io.snapshotbatch.ledger.LedgerRow;
import io.snapshotbatch.ledger.Outcome;
import io.snapshotbatch.ledger.SnapshotRun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** What each staged row gets: its outcome (pending, rejected, duplicate), defaults, client token and error. */
class InputStagerOutcomeTests extends InputStagerTestSupport {

    @TempDir
    Path dir;

    @Test
    void everyRowIsStagedOnceWithItsOutcome() {
        // given
        SnapshotRun run = newRun(0);
        PairSource source = rows(
                row(2, null, ENG_1, null, "O1", null), // valid, defaults applied
                row(3, null, "eng-bad", null, "O2", null), // invalid engagement
                row(4, "Sandbox", ENG_1, "Opportunity", "O1", "OpportunitySummaryView"), // same request as line 2
                row(5, "AWS", ENG_1, null, "O1", null), // other catalog: not a duplicate
                row(6, null, ENG_1, null, "O1", "OtherView"), // other template: not a duplicate
                row(7, null, ENG_2, null, "O1", null), // other engagement
                row(8, null, ENG_1, null, "O2", null), // other opportunity
                row(9, null, ENG_1, null, "O1", null)); // duplicate of line 2 again

        // when
        int staged = this.stager.stage(run, source, DEFAULTS);

        // then
        List<LedgerRow> ledger = ledger(run);
        assertThat(staged).isEqualTo(8);
        assertThat(ledger).extracting(LedgerRow::line, LedgerRow::outcome, LedgerRow::duplicateOf, LedgerRow::errorCode)
            .containsExactly(tuple(2, Outcome.PENDING, null, null),
                    tuple(3, Outcome.REJECTED, null, "INVALID_ENGAGEMENT_ID"),
                    tuple(4, Outcome.DUPLICATE, 2, null),
                    tuple(5, Outcome.PENDING, null, null),
                    tuple(6, Outcome.PENDING, null, null),
                    tuple(7, Outcome.PENDING, null, null),
                    tuple(8, Outcome.PENDING, null, null),
                    tuple(9, Outcome.DUPLICATE, 2, null));
        assertThat(ledger).allSatisfy((row) -> {
            assertThat(row.runId()).isEqualTo(run.runId());
            assertThat(row.updatedAt()).isEqualTo(NOW);
            assertThat(row.attempts()).isZero();
            assertThat(row.tokenGeneration()).isZero();
            assertThat(row.snapshotArn()).isNull();
            assertThat(row.revision()).isNull();
        });
        assertThat(db.runs().find(run.runId()).orElseThrow())
            .satisfies((stored) -> assertThat(stored.staged()).isTrue())
            .satisfies((stored) -> assertThat(stored.inputRows()).isEqualTo(8));
    }

    @Test
    void defaultsAreStoredOnTheRow() {
        // given
        SnapshotRun run = newRun(0);

        // when
        this.stager.stage(run, rows(row(2, null, ENG_1, null, "O1", null)), new RowDefaults("AWS", "MyView"));

        // then
        assertThat(ledger(run)).extracting(LedgerRow::key)
            .containsExactly(new SnapshotKey("AWS", ENG_1, "Opportunity", "O1", "MyView"));
    }

    @Test
    void pendingRowsCarryTheirOwnDerivedToken() {
        // given
        SnapshotRun run = newRun(0);
        PairSource source = rows(row(2, null, ENG_1, null, "O1", null), row(3, null, ENG_1, null, "O2", null),
                row(4, "AWS", ENG_1, null, "O1", null), row(5, null, ENG_2, null, "O1", null));

        // when
        this.stager.stage(run, source, DEFAULTS);

        // then
        List<LedgerRow> pending = db.ledger().rowsWithOutcome(run.runId(), Outcome.PENDING, Integer.MIN_VALUE, 100);
        assertThat(pending).hasSize(4);
        assertThat(pending).allSatisfy((row) -> assertThat(row.clientToken())
            .isEqualTo(ClientTokens.derive(RUN_DATE, 0, row.key(), 0))
            .matches("[!-~]{1,64}"));
        assertThat(new HashSet<>(pending.stream().map(LedgerRow::clientToken).toList())).hasSize(4);
    }

    @Test
    void aForcedNewRunGetsNewTokensForTheSameInput() {
        // given the same input in generation 0 and generation 1 of one run date
        SnapshotRun first = newRun(0);
        SnapshotRun second = newRun(1);
        PairSource source = rows(row(2, null, ENG_1, null, "O1", null));

        // when
        this.stager.stage(first, source, DEFAULTS);
        this.stager.stage(second, source, DEFAULTS);

        // then
        String firstToken = ledger(first).get(0).clientToken();
        String secondToken = ledger(second).get(0).clientToken();
        assertThat(secondToken).isNotEqualTo(firstToken)
            .isEqualTo(ClientTokens.derive(RUN_DATE, 1, ledger(second).get(0).key(), 0));
    }

    @Test
    void rejectedRowsHaveNoTokenAndTheFirstFailureAsCode() {
        // given
        SnapshotRun run = newRun(0);
        PairSource source = rows(row(2, "aws", "ENG-X", "Lead", "123", "x"), row(3, null, null, null, null, null),
                row(4, null, ENG_1, null, "O12345678901234567890", null));

        // when
        this.stager.stage(run, source, DEFAULTS);

        // then
        List<LedgerRow> ledger = ledger(run);
        assertThat(ledger).extracting(LedgerRow::outcome).containsOnly(Outcome.REJECTED);
        assertThat(ledger).extracting(LedgerRow::clientToken).containsOnlyNulls();
        assertThat(ledger).extracting(LedgerRow::errorCode)
            .containsExactly("INVALID_ENGAGEMENT_ID", "MISSING_ENGAGEMENT_ID", "INVALID_RESOURCE_ID");
        // every failure is explained, not only the first
        assertThat(ledger.get(0).errorMessage()).contains("engagement id", "opportunity id", "catalog",
                "resource type", "template");
        assertThat(ledger.get(1).errorMessage()).contains("engagement id is empty", "opportunity id is empty");
        // the row keeps what the user wrote, with the defaults applied
        assertThat(ledger.get(1).key()).isEqualTo(new SnapshotKey("Sandbox", null, "Opportunity", null,
                "OpportunitySummaryView"));
    }

    @Test
    void duplicatesAreOnlyDetectedAmongValidRows() {
        // given the same invalid row twice, then a valid row twice
        SnapshotRun run = newRun(0);
        PairSource source = rows(row(2, null, "eng-bad", null, "O1", null), row(3, null, "eng-bad", null, "O1", null),
                row(4, null, ENG_1, null, "O1", null), row(5, null, ENG_1, null, "O1", null));

        // when
        this.stager.stage(run, source, DEFAULTS);

        // then
        assertThat(ledger(run)).extracting(LedgerRow::line, LedgerRow::outcome, LedgerRow::duplicateOf)
            .containsExactly(tuple(2, Outcome.REJECTED, null), tuple(3, Outcome.REJECTED, null),
                    tuple(4, Outcome.PENDING, null), tuple(5, Outcome.DUPLICATE, 4));
    }

    @Test
    void aDuplicatePointsAtTheFirstLineAndCarriesItsRequestsToken() {
        // given
        SnapshotRun run = newRun(0);
        PairSource source = rows(row(10, null, ENG_1, null, "O1", null), row(20, null, ENG_1, null, "O1", null));

        // when
        this.stager.stage(run, source, DEFAULTS);

        // then
        List<LedgerRow> ledger = ledger(run);
        LedgerRow duplicate = ledger.get(1);
        assertThat(duplicate.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(duplicate.duplicateOf()).isEqualTo(10);
        assertThat(duplicate.errorMessage()).contains("10");
        assertThat(duplicate.clientToken()).isEqualTo(ledger.get(0).clientToken());
    }

    @Test
    void overlongValuesAreKeptShortenedAndRejected() {
        // given
        SnapshotRun run = newRun(0);
        String huge = "eng-" + "x".repeat(5000);

        // when
        this.stager.stage(run, rows(row(2, null, huge, null, "O1", "t".repeat(3000))), DEFAULTS);

        // then
        LedgerRow row = ledger(run).get(0);
        assertThat(row.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(row.engagementId()).hasSize(1024).startsWith("eng-xxx").endsWith("...");
        assertThat(row.template()).hasSize(1024);
        assertThat(row.errorMessage()).hasSizeLessThanOrEqualTo(2000);
    }

    @Test
    void csvLinesReachTheLedgerAsWritten() throws IOException {
        // given a CSV with a blank line and a multi-line quoted field
        Path csv = this.dir.resolve("pairs.csv");
        Files.writeString(csv, "\uFEFFengagement_id,opportunity_id,notes\r\n"
                + ENG_1 + ",O1,\"two\r\nlines\"\r\n"
                + "\r\n"
                + ENG_1 + ",O1,dup\r\n"
                + "=cmd,O2,bad\r\n", StandardCharsets.UTF_8);
        SnapshotRun run = newRun(0);

        // when
        this.stager.stage(run, new CsvPairSource(csv), DEFAULTS);

        // then
        assertThat(ledger(run)).extracting(LedgerRow::line, LedgerRow::outcome, LedgerRow::duplicateOf)
            .containsExactly(tuple(2, Outcome.PENDING, null), tuple(5, Outcome.DUPLICATE, 2),
                    tuple(6, Outcome.REJECTED, null));
    }

}
