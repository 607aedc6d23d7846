package io.snapshotbatch.cli;

import java.time.LocalDate;

import io.snapshotbatch.ledger.RunRepository;
import io.snapshotbatch.ledger.SnapshotRun;
import io.snapshotbatch.run.DatabaseTarget;

/** The run a command is about: a generation of the run date (the newest by default), or a usage error (exit 2). */
final class Runs {

    private Runs() {
    }

    static SnapshotRun latest(RunRepository runs, LocalDate runDate) {
        return runs.latest(runDate).orElseThrow(() -> new UsageException("no run for " + runDate + " in this database"));
    }

    static SnapshotRun latest(RunRepository runs, LocalDate runDate, DatabaseTarget database) {
        return runs.latest(runDate).orElseThrow(() -> new UsageException("no run for " + runDate + " in the database "
                + database.describe()));
    }

    static SnapshotRun generation(RunRepository runs, LocalDate runDate, Integer generation, DatabaseTarget database) {
        if (generation == null) {
            return latest(runs, runDate, database);
        }
        return runs.generation(runDate, generation).orElseThrow(() -> new UsageException("no generation " + generation
                + " of run " + runDate + " in the database " + database.describe()));
    }

}
