package io.snapshotbatch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.snapshotbatch.run.ExitCodes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code run} prints for an unusable CSV input found before the lock (encoding, header, quoting in
 * the head of the file) and for bad {@code --encoding}/{@code --delimiter}: exit 2 and one line, no
 * stack trace, nothing started (the database given does not even exist).
 */
class RunInputErrorsTests {

    @TempDir
    Path work;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "unclosed-quote-ignored-column.csv | 3 | swallows lines 4, 5 and 6",
            "unclosed-quote-to-the-end.csv | 4 | is never closed",
            "quote-inside-quoted-value.csv | 3 | write each quote as two quotes",
            "utf16-without-bom.csv | 1 | --encoding UTF-16LE",
            "utf8-bom-then-windows-1252.csv | 3 | byte 0xE9 is not valid UTF-8" })
    void aBrokenCorpusFileIsOneLineAndExitTwo(String name, int line, String words) throws IOException {
        // given
        Path input = corpusCopy(name);

        // when
        CommandLineResult result = run("run", "--input", input.toString());

        // then
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("snapshot-batch: Input file " + input + ", line " + line + ": ");
        assertThat(result.err()).contains(words).doesNotContain("\n", "\tat ", "Exception");
    }

    @Test
    void aHeaderInTheWrongSeparatorSaysWhatWasFoundAndWhatToGive() throws IOException {
        // given
        Path input = Files.writeString(this.work.resolve("pipes.csv"), "engagement_id|opportunity_id\n");

        // when
        CommandLineResult result = run("run", "--input", input.toString());

        // then
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("snapshot-batch: Input file " + input + ", line 1: the header has no "
                + "engagement_id column (found 1 column, comma-separated: 'engagement_id|opportunity_id')")
            .contains("--delimiter");
    }

    @Test
    void badEncodingAndDelimiterOptionsAreUsageErrors() throws IOException {
        // given
        Path input = corpusCopy("google-sheets.csv");

        // when
        CommandLineResult encoding = run("run", "--input", input.toString(), "--encoding", "klingon");
        CommandLineResult delimiter = run("run", "--input", input.toString(), "--delimiter", "::");
        CommandLineResult withSql = run("run", "--source-sql", "select 1", "--encoding", "UTF-8");

        // then
        assertThat(encoding.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(encoding.err()).startsWith("snapshot-batch: --encoding: unknown encoding 'klingon'");
        assertThat(delimiter.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(delimiter.err()).startsWith("snapshot-batch: --delimiter must be one character");
        assertThat(withSql.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(withSql.err()).isEqualTo("snapshot-batch: --encoding and --delimiter apply to --input only");
    }

    @Test
    void helpListsTheNewOptions() {
        // when
        CommandLineResult help = run("run", "--help");

        // then
        assertThat(help.out()).contains("--encoding=NAME", "--delimiter=C");
    }

    private static CommandLineResult run(String... args) {
        return CommandLineResult.executeWithoutDatabase(args);
    }

    private Path corpusCopy(String name) throws IOException {
        Path copy = this.work.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/csv-corpus/" + name)) {
            Files.copy(in, copy);
        }
        return copy;
    }

}
