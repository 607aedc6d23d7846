package io.snapshotbatch.staging;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import io.snapshotbatch.input.PairRecord;
import io.snapshotbatch.input.PairSource;
import io.snapshotbatch.input.RowDefaults;
import io.snapshotbatch.ledger.LedgerDatabase;
import io.snapshotbatch.ledger.LedgerRow;
import io.snapshotbatch.ledger.SnapshotRun;

/** Shared by the InputStager tests: a migrated in-memory ledger emptied before each test, and rows to stage. */
abstract class InputStagerTestSupport {

    static final LocalDate RUN_DATE = LocalDate.of(2025, 3, 14);

    static final Instant NOW = Instant.parse("2025-03-14T01:02:03Z");

    static final RowDefaults DEFAULTS = new RowDefaults("Sandbox", "OpportunitySummaryView");

    static final String ENG_1 = "eng-aaaaaaaaaaaaa1";

    static final String ENG_2 = "eng-bbbbbbbbbbbbb2";

    static LedgerDatabase db;

    InputStager stager;

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
        this.stager = new InputStager(db.ledger(), db.runs(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    SnapshotRun newRun(int generation) {
        return db.runs().create(RUN_DATE, generation, "test input", NOW);
    }

    List<LedgerRow> ledger(SnapshotRun run) {
        List<LedgerRow> rows = new ArrayList<>();
        db.ledger().forEachRow(run.runId(), rows::add);
        return rows;
    }

    static PairRecord row(int line, String catalog, String engagement, String resourceType, String resource,
            String template) {
        return new PairRecord(line, catalog, engagement, resourceType, resource, template);
    }

    static PairSource rows(PairRecord... records) {
        return new PairSource() {

            @Override
            public void read(Consumer<PairRecord> sink) {
                for (PairRecord record : records) {
                    sink.accept(record);
                }
            }

            @Override
            public String describe() {
                return "test rows";
            }

        };
    }

}
