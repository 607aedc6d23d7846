package io.snapshotbatch.run;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.snapshotbatch.emulator.EmulatorSettings;
import io.snapshotbatch.emulator.PartnerCentralEmulator;
import io.snapshotbatch.support.RunDates;
import io.snapshotbatch.support.FlakyGateway;
import io.snapshotbatch.support.FlakyGateway.Fault;
import io.snapshotbatch.support.InProcessCli;
import io.snapshotbatch.support.InputFiles;
import io.snapshotbatch.support.ReportFiles;
import io.snapshotbatch.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rerun-failed --error-code} and {@code --lines}: only the chosen slice of the FAILED rows is
 * re-sent; the other FAILED rows stay as they were, and the rewritten report shows both.
 */
@ExtendWith(OutputCaptureExtension.class)
class RerunFailedSliceTests {

    private static final String RUN_DATE = RunDates.daysAgo(1);

    private static final String PREFIX = "slic";

    /** Lines whose engagement the service does not know at first: ResourceNotFoundException. */
    private static final Set<Integer> NOT_FOUND = Set.of(3, 5, 7);

    /** Lines the service creates and answers with a 500 anyway: InternalServerException. */
    private static final Set<Integer> SERVER_ERROR = Set.of(10, 20);

    @TempDir
    Path work;

    @Test
    void onlyTheChosenCodesAndLinesAreResentAndTheOtherFailedRowsStay(CapturedOutput output) throws Exception {
        // given: a run whose FAILED rows have two error codes
        var db = TestDatabases.h2(this.work);
        Path reports = this.work.resolve("reports");
        try (PartnerCentralEmulator service = PartnerCentralEmulator.start(EmulatorSettings.defaults().withPort(0));
                PartnerCentralEmulator stale = PartnerCentralEmulator.start(EmulatorSettings.defaults()
                    .withPort(0)
                    .withKnownEngagements(Set.of("eng-zzzzzzzzzzzzzz")));
                FlakyGateway gateway = FlakyGateway.start(service.endpoint(), stale.endpoint())) {
            NOT_FOUND.forEach((line) -> gateway.inject(InputFiles.engagement(PREFIX, line - 1), Fault.OTHER_ENDPOINT));
            SERVER_ERROR.forEach((line) -> gateway.inject(InputFiles.engagement(PREFIX, line - 1), Fault.FAIL_AFTER_FORWARD));
            String[] common = { "--run-date", RUN_DATE, "--endpoint", gateway.endpoint(), "--rate", "100", "--report-dir",
                    reports.toString() };
            int runExit = InProcessCli.run(db, concat(new String[] { "run", "--input",
                    InputFiles.validPairs(this.work, PREFIX, 24).toString() }, common));
            assertThat(runExit).isEqualTo(ExitCodes.FINISHED_WITH_PROBLEMS);
            assertThat(failed(ReportFiles.read(reports, RUN_DATE))).isEqualTo(Map.of(3, "ResourceNotFoundException", 5,
                    "ResourceNotFoundException", 7, "ResourceNotFoundException", 10, "InternalServerException", 20,
                    "InternalServerException"));
            gateway.healAll();

            // when: the not-found rows of the first chunk of the input are re-sent
            int slice = InProcessCli.run(db, concat(new String[] { "rerun-failed", "--error-code",
                    "ResourceNotFoundException", "--lines", "2-6" }, common));

            // then
            ReportFiles afterSlice = ReportFiles.read(reports, RUN_DATE);
            assertThat(slice).isEqualTo(ExitCodes.FINISHED_WITH_PROBLEMS);
            assertThat(output.getOut()).contains("Re-sending 2 FAILED rows with error code ResourceNotFoundException on "
                    + "lines 2-6 (0 with their token: outcome unknown; 2 with a new token) of run " + RUN_DATE)
                .contains("3 other FAILED rows are left as they are");
            assertThat(failed(afterSlice)).isEqualTo(Map.of(7, "ResourceNotFoundException", 10, "InternalServerException", 20,
                    "InternalServerException"));
            assertThat(afterSlice.summary()).containsEntry("created", "21").containsEntry("failed", "3");
            assertThat(afterSlice.balances()).isTrue();

            // when: the rest, by their codes
            int rest = InProcessCli.run(db, concat(new String[] { "rerun-failed", "--error-code",
                    "InternalServerException,ResourceNotFoundException" }, common));

            // then
            ReportFiles afterRest = ReportFiles.read(reports, RUN_DATE);
            assertThat(rest).isEqualTo(ExitCodes.OK);
            assertThat(failed(afterRest)).isEmpty();
            assertThat(afterRest.summary()).containsEntry("created", "24");
            // the 500s had created their snapshot: re-sent with the same token, answered from the first create
            assertThat(service.stats().revisionsByKey()).hasSize(24).allSatisfy((key, revisions) -> assertThat(revisions).isEqualTo(1));
        }
    }

    @Test
    void aMalformedSliceIsAUsageErrorBeforeAnythingIsOpened(CapturedOutput output) {
        // given
        var db = TestDatabases.h2(this.work);

        // when
        int backwards = InProcessCli.run(db, "rerun-failed", "--run-date", RUN_DATE, "--lines", "90-10");
        int words = InProcessCli.run(db, "rerun-failed", "--run-date", RUN_DATE, "--lines", "first-chunk");
        int empty = InProcessCli.run(db, "rerun-failed", "--run-date", RUN_DATE, "--error-code", ",");

        // then
        assertThat(backwards).isEqualTo(ExitCodes.USAGE);
        assertThat(words).isEqualTo(ExitCodes.USAGE);
        assertThat(empty).isEqualTo(ExitCodes.USAGE);
        assertThat(output.getErr()).contains("snapshot-batch: --lines must be FROM-TO with FROM <= TO, e.g. 2-5000, got '90-10'")
            .contains("got 'first-chunk'")
            .contains("snapshot-batch: --error-code needs error codes separated by commas");
        assertThat(this.work.resolve("ledger.mv.db")).doesNotExist();
    }

    private static Map<Integer, String> failed(ReportFiles report) {
        Map<Integer, String> failed = new TreeMap<>();
        report.withOutcome("FAILED").forEach((row) -> failed.put(Integer.parseInt(row.get("line")), row.get("error_code")));
        return failed;
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

}
