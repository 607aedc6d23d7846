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

    @Test
    void temporaryFilesOfAReportKilledWhileMovedIntoPlaceAreRemovedByTheNextWrite() throws IOException {
        // given: a process killed after moving reconciliation.csv, before summary.csv and report.html
        Path directory = this.reportDir.resolve(RUN_DATE.toString());
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("reconciliation.csv"), "line,catalog\r\n");
        Path summary = directory.resolve(".summary.csv.0f8fad5b-d9cb-469f-a165-70867728950e.tmp");
        Path html = directory.resolve(".report.html.7c9e6679-7425-40de-944b-e07fc1f90ae7.tmp");
        Path someoneElses = directory.resolve(".notes.txt.tmp");
        for (Path leftover : java.util.List.of(summary, html, someoneElses)) {
            Files.writeString(leftover, "half of a fi");
            Files.setLastModifiedTime(leftover, java.nio.file.attribute.FileTime.fromMillis(0));
        }
        // when
        this.report.write(this.run, RunStatus.COMPLETED, this.reportDir);
        // then: the report is whole, the report's leftovers are gone, other files are left alone
        assertThat(directory.resolve("summary.csv")).content().contains("status,COMPLETED");
        assertThat(directory.resolve("reconciliation.csv")).content().startsWith("line,catalog,engagement_id");
        assertThat(summary).doesNotExist();
        assertThat(html).doesNotExist();
        assertThat(someoneElses).exists();
    }

}
