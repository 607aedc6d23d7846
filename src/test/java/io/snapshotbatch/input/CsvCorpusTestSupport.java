package io.snapshotbatch.input;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import io.snapshotbatch.ledger.LedgerDatabase;
import io.snapshotbatch.ledger.LedgerRow;
import io.snapshotbatch.ledger.SnapshotRun;
import io.snapshotbatch.staging.InputStager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Shared by the corpus tests: a corpus file staged through {@link CsvPairSource} and {@link InputStager}
 * into a migrated in-memory ledger, as {@code run} stages it, or the one-line error that refuses it.
 */
abstract class CsvCorpusTestSupport {

    static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");

    static final RowDefaults DEFAULTS = new RowDefaults("Sandbox", "OpportunitySummaryView");

    static LedgerDatabase db;

    private static int generation;

    @BeforeAll
    static void migrate() {
        db = LedgerDatabase.create();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @BeforeEach
    void emptyLedger() {
        db.reset();
    }

    /** What staging a file left in the ledger, and the encoding the run keeps for its summary. */
    record Staged(List<LedgerRow> rows, String inputEncoding) {

        List<Integer> lines() {
            return this.rows.stream().map(LedgerRow::line).toList();
        }

        List<LedgerRow> withOutcome(String outcome) {
            return this.rows.stream().filter((row) -> row.outcome().name().equals(outcome)).toList();
        }

    }

    static Path corpusFile(String name) {
        try {
            return Path.of(CsvCorpusTestSupport.class.getResource("/csv-corpus/" + name).toURI());
        }
        catch (URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static Staged stage(Path file, CsvOptions options) {
        SnapshotRun run = db.runs().create(LocalDate.of(2026, 11, 20), generation++, "corpus", NOW);
        InputStager stager = new InputStager(db.ledger(), db.runs(), Clock.fixed(NOW, ZoneOffset.UTC));
        stager.stage(run, new CsvPairSource(file, options), DEFAULTS);
        List<LedgerRow> rows = new ArrayList<>();
        db.ledger().forEachRow(run.runId(), rows::add);
        return new Staged(rows, db.runs().find(run.runId()).orElseThrow().inputEncoding());
    }

    static Staged stage(String corpusName) {
        Path file = corpusFile(corpusName);
        // The check run before the lock accepts what staging accepts.
        new CsvPairSource(file).checkReadable();
        return stage(file, CsvOptions.DETECT);
    }

    /**
     * The error a corpus file is refused with, by the check before the lock and by staging alike: one line
     * (what a user reads after {@code snapshot-batch: }), naming the file and the line at fault.
     */
    static String refusal(String corpusName, int line) {
        Path file = corpusFile(corpusName);
        InputException early = catchThrowableOfType(InputException.class, () -> new CsvPairSource(file).checkReadable());
        InputException staging = catchThrowableOfType(InputException.class, () -> stage(file, CsvOptions.DETECT));
        assertThat(early).as("refused by the check before the lock").isNotNull();
        assertThat(staging).as("refused while staging").isNotNull();
        assertThat(staging.getMessage()).isEqualTo(early.getMessage());
        assertOneLine(staging.getMessage(), file, line);
        return staging.getMessage();
    }

    static void assertOneLine(String message, Path file, int line) {
        assertThat(message).doesNotContain("\n", "\r", "\tat ", "Exception", "position:")
            .startsWith("Input file " + file + ", line " + line + ": ");
        assertThat(message.length()).isLessThan(600);
    }

}
