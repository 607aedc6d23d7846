package io.snapshotbatch.metrics;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.snapshotbatch.run.DatabaseTarget;
import io.snapshotbatch.run.ExitCodes;
import io.snapshotbatch.support.RunDates;
import io.snapshotbatch.support.EmulatorProcess;
import io.snapshotbatch.support.InProcessCli;
import io.snapshotbatch.support.InputFiles;
import io.snapshotbatch.support.LedgerQueries;
import io.snapshotbatch.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/** A Pushgateway that is not there costs a warning, never the run; a malformed address costs the run before it starts. */
@ExtendWith(OutputCaptureExtension.class)
class MetricsPushTests {

    @TempDir
    Path work;

    @Test
    void anUnreachablePushgatewayIsAWarningAndTheRunFinishes(CapturedOutput output) throws Exception {
        // given: a loopback port nobody listens on
        DatabaseTarget db = TestDatabases.h2(this.work);
        String nobody = "127.0.0.1:" + EmulatorProcess.freePort();

        // when
        int exit = InProcessCli.run(db, "run", "--input", InputFiles.validPairs(this.work, "mtpa", 12).toString(),
                "--run-date", RunDates.daysAgo(1), "--endpoint", "emulator", "--rate", "100", "--metrics-push", nobody,
                "--report-dir", this.work.resolve("reports").toString());

        // then
        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(output.getOut()).containsOnlyOnce("Cannot push metrics to the Pushgateway " + nobody)
            .contains("the run goes on without them");
        assertThat(LedgerQueries.outcomes(db)).containsExactly(java.util.Map.entry("CREATED", 12L));
    }

    @Test
    void aMalformedAddressIsAUsageErrorAndNothingIsStaged(CapturedOutput output) throws Exception {
        // given
        DatabaseTarget db = TestDatabases.h2(this.work);

        // when
        int exit = InProcessCli.run(db, "rerun-failed", "--run-date", RunDates.daysAgo(1), "--endpoint", "emulator",
                "--metrics-push", "http://pushgateway.internal:9091");

        // then
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(output.getErr().strip()).isEqualTo("snapshot-batch: --metrics-push must be HOST:PORT, e.g. "
                + "pushgateway.internal:9091, got 'http://pushgateway.internal:9091' (no scheme: the push uses http)");
        assertThat(this.work.resolve("ledger.mv.db")).doesNotExist();
    }

}
