package io.snapshotbatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The report directory is checked before anything is sent, without leaving anything behind. */
class PreflightTests {

    private static final LocalDate RUN_DATE = LocalDate.of(2026, 3, 1);

    @TempDir
    Path work;

    @Test
    void aDirectoryThatCanBeCreatedPassesAndNothingIsLeftBehind() throws Exception {
        // when
        assertThatCode(() -> Preflight.reportDirWritable(this.work.resolve("reports/nested"), RUN_DATE))
            .doesNotThrowAnyException();
        // then
        try (Stream<Path> left = Files.list(this.work)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aFileInTheWayIsAUsageErrorNamingIt() throws Exception {
        // given
        Files.writeString(this.work.resolve("reports"), "a file");
        // then
        assertThatThrownBy(() -> Preflight.reportDirWritable(this.work.resolve("reports"), RUN_DATE))
            .isInstanceOf(UsageException.class)
            .hasMessageContaining("cannot be created")
            .hasMessageContaining(this.work.resolve("reports").toString());
    }

}
