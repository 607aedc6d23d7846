package io.snapshotbatch.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.snapshotbatch.ledger.RunStatus;
import io.snapshotbatch.ledger.SnapshotRun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where each generation's report goes, with which permissions, and what the report knows it wrote. */
class ReconciliationReportPlacementTests extends ReconciliationReportTestSupport {

    @Test
    void eachGenerationHasItsOwnDirectoryAndTheFirstKeepsTheContractsPlace() {
        // given
        SnapshotRun next = db.runs().create(RUN_DATE, 1, "csv:/data/pairs.csv", STARTED);
        // when
        Path first = this.report.write(this.run, RunStatus.COMPLETED, this.reportDir);
        Path second = this.report.write(next, RunStatus.COMPLETED, this.reportDir);
        // then
        assertThat(first).isEqualTo(this.reportDir.resolve(RUN_DATE.toString()));
        assertThat(second).isEqualTo(first.resolve("generation-1"));
        assertThat(first.resolve("summary.csv")).content().contains("generation,0");
        assertThat(second.resolve("summary.csv")).content().contains("generation,1");
    }

    @Test
    void reportFilesGetThePermissionsOfAnyNewFileNotPrivateOnes() throws IOException {
        // given: what the umask gives a new file here
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(Files.createFile(this.reportDir.resolve("plain")));
        // when
        Path directory = this.report.write(this.run, RunStatus.COMPLETED, this.reportDir);
        // then
        assertThat(Files.getPosixFilePermissions(directory.resolve("reconciliation.csv"))).isEqualTo(usual);
        assertThat(Files.getPosixFilePermissions(directory.resolve("summary.csv"))).isEqualTo(usual);
    }

    @Test
    void onlyAReportWrittenWholeIsAnnounced() throws IOException {
        // given
        assertThat(this.report.writtenTo(this.run)).isEmpty();
        Path written = this.report.write(this.run, RunStatus.STOPPED, this.reportDir);
        assertThat(this.report.writtenTo(this.run)).contains(written);
        // when: a later write fails (the directory became a file)
        Path elsewhere = this.reportDir.resolve("blocked");
        Files.writeString(elsewhere, "a file, not a directory");
        // then
        assertThatThrownBy(() -> this.report.write(this.run, RunStatus.COMPLETED, elsewhere)).isInstanceOf(
                java.io.UncheckedIOException.class);
        assertThat(this.report.writtenTo(this.run)).isEmpty();
    }

}
