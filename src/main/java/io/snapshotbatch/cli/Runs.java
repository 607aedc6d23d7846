package io.snapshotbatch.cli;

import java.time.LocalDate;

import io.snapshotbatch.ledger.RunRepository;
import io.snapshotbatch.ledger.SnapshotRun;

/** The run a command is about: the newest generation of the run date, or a usage error (exit 2). */
final class Runs {

    private Runs() {
    }

    static SnapshotRun latest(RunRepository runs, LocalDate runDate) {
        return runs.latest(runDate).orElseThrow(() -> new UsageException("no run for " + runDate + " in this database"));
    }

}
