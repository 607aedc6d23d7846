package io.snapshotbatch.input;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Delimiters (detected, sep=, forced), encodings (BOMs, automatic, forced) and the head-only check. */
class CsvPairSourceDialectTests extends CsvPairSourceTestSupport {

    @ParameterizedTest
    @ValueSource(strings = { ",", ";", "\t" })
    void theDelimiterIsDetectedFromTheHeader(String delimiter) throws IOException {
        // given values that contain the other candidates
        Path file = write(String.join(delimiter, "notes", "engagement_id", "opportunity_id") + "\n"
                + String.join(delimiter, "\"a,b;c\"", ENG_1, "O1") + "\n");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).containsExactly(new PairRecord(2, null, ENG_1, null, "O1", null));
        assertThat(new CsvPairSource(file).checkReadable().delimiter()).isEqualTo(delimiter.charAt(0));
    }

    @Test
    void theCandidateThatGivesTheRequiredColumnsWinsOverTheMostFrequentOne() throws IOException {
        // given header names that contain commas, separated by semicolons
        Path file = write("\"Owner, team\";\"Region, country\";engagement_id;opportunity_id\nx;y;" + ENG_1 + ";O1\n");

        // when / then
        assertThat(read(file)).extracting(PairRecord::engagementId).containsExactly(ENG_1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "sep=;", "SEP=;", "\"sep=;\"", "sep=;;;" })
    void excelsSepLineIsHonouredAndCounted(String sepLine) throws IOException {
        // given a sep line that contradicts what the header alone would suggest
        Path file = write(sepLine + "\r\nengagement_id;opportunity_id;notes\r\n" + ENG_1 + ";O1;\"x, y\"\r\n");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).containsExactly(new PairRecord(3, null, ENG_1, null, "O1", null));
        CsvLayout layout = new CsvPairSource(file).checkReadable();
        assertThat(layout.delimiter()).isEqualTo(';');
        assertThat(layout.headerLine()).isEqualTo(2);
    }

    @Test
    void aTabSepLineWorks() throws IOException {
        // when
        Path file = write("sep=\t\nengagement_id\topportunity_id\n" + ENG_1 + "\tO1\n");

        // then
        assertThat(read(file)).containsExactly(new PairRecord(3, null, ENG_1, null, "O1", null));
    }

    @Test
    void aForcedDelimiterWinsOverDetectionAndTheSepLine() throws IOException {
        // given a pipe-separated file with a misleading sep line
        Path file = write("sep=,\nengagement_id|opportunity_id|notes\n" + ENG_1 + "|O1|a,b;c\n");

        // when
        List<PairRecord> rows = new ArrayList<>();
        new CsvPairSource(file, CsvOptions.parse(null, "|")).read(rows::add);

        // then
        assertThat(rows).containsExactly(new PairRecord(3, null, ENG_1, null, "O1", null));
    }

    @Test
    void aPipeSeparatedFileWithoutDelimiterOptionIsRefusedWithTheOptionToGive() throws IOException {
        // given
        Path file = write("engagement_id|opportunity_id\n" + ENG_1 + "|O1\n");

        // when / then
        assertThatThrownBy(() -> new CsvPairSource(file).checkReadable()).isInstanceOf(InputException.class)
            .hasMessageStartingWith("Input file " + file + ", line 1: the header has no engagement_id column")
            .hasMessageContaining("'engagement_id|opportunity_id'")
            .hasMessageContaining("--delimiter");
    }

    @ParameterizedTest
    @ValueSource(strings = { "UTF-16BE", "UTF-16LE", "UTF-8" })
    void aByteOrderMarkDecidesTheEncoding(String name) throws IOException {
        // given
        Charset charset = Charset.forName(name);
        Path file = this.dir.resolve("bom.csv");
        Files.write(file, ("\uFEFFengagement_id,opportunity_id,template\n" + ENG_1 + ",O1,Caf\u00e9\n").getBytes(charset));

        // when
        CsvPairSource source = new CsvPairSource(file);
        List<PairRecord> rows = new ArrayList<>();
        source.read(rows::add);

        // then
        assertThat(rows).containsExactly(new PairRecord(2, null, ENG_1, null, "O1", "Caf\u00e9"));
        assertThat(source.inputEncoding()).isEqualTo(name);
    }

    @Test
    void aLateNonUtf8ByteMakesTheWholeFileWindows1252() throws IOException {
        // given "Ã©" (valid UTF-8 for é) on line 2 and a lone é byte far beyond the first buffers
        StringBuilder csv = new StringBuilder("engagement_id,opportunity_id,template\n" + ENG_1 + ",O1,\u00c3\u00a9\n");
        for (int i = 0; i < 5000; i++) {
            csv.append(ENG_2).append(",O").append(i + 2).append(",View\n");
        }
        csv.append(ENG_3).append(",O9999,Caf\u00e9\n");
        Path file = this.dir.resolve("late.csv");
        Files.write(file, csv.toString().getBytes(CsvCorpus.WINDOWS_1252));

        // when
        CsvPairSource source = new CsvPairSource(file);
        List<PairRecord> rows = new ArrayList<>();
        source.read(rows::add);

        // then the early bytes are not read as UTF-8: one encoding for the whole file
        assertThat(rows.get(0).template()).isEqualTo("\u00c3\u00a9");
        assertThat(rows.get(rows.size() - 1)).isEqualTo(new PairRecord(5003, null, ENG_3, null, "O9999", "Caf\u00e9"));
        assertThat(source.inputEncoding()).isEqualTo("windows-1252");
    }

    @Test
    void validUtf8WithAccentsStaysUtf8() throws IOException {
        // given
        Path file = write("engagement_id,opportunity_id,template\n" + ENG_1 + ",O1,\u00e9\u6771\ud83d\ude80\n");

        // when
        CsvPairSource source = new CsvPairSource(file);
        List<PairRecord> rows = new ArrayList<>();
        source.read(rows::add);

        // then
        assertThat(rows).extracting(PairRecord::template).containsExactly("\u00e9\u6771\ud83d\ude80");
        assertThat(source.inputEncoding()).isEqualTo("UTF-8");
    }

    @Test
    void aForcedUtf8FileWithAWindows1252ByteIsRefusedAtItsLine() throws IOException {
        // given
        Path file = this.dir.resolve("forced.csv");
        Files.write(file, ("engagement_id,opportunity_id\n" + ENG_1 + ",O1\n" + ENG_2 + ",O2 Caf\u00e9\n")
            .getBytes(CsvCorpus.WINDOWS_1252));

        // when / then
        assertThatThrownBy(() -> new CsvPairSource(file, CsvOptions.parse("UTF-8", null)).read((row) -> {
        })).isInstanceOf(InputException.class)
            .hasMessage("Input file " + file + ", line 3: byte 0xE9 is not valid UTF-8 (the encoding --encoding gives). "
                    + "Give the file's real encoding with --encoding, or leave it out to have it detected; or save the "
                    + "file again, in Excel: File > Save As > CSV UTF-8 (Comma delimited)");
    }

    @Test
    void notepadsNamesAndTabAreAcceptedAndNonsenseIsAUsageError() {
        assertThat(CsvOptions.parse("ANSI", "tab")).isEqualTo(new CsvOptions(CsvCorpus.WINDOWS_1252, '\t'));
        assertThat(CsvOptions.parse("Unicode", ";")).isEqualTo(new CsvOptions(StandardCharsets.UTF_16LE, ';'));
        assertThatThrownBy(() -> CsvOptions.parse("klingon", null)).isInstanceOf(InputException.class)
            .hasMessageContaining("--encoding: unknown encoding 'klingon'");
        assertThatThrownBy(() -> CsvOptions.parse(null, ";;")).isInstanceOf(InputException.class)
            .hasMessageContaining("--delimiter must be one character");
        assertThatThrownBy(() -> CsvOptions.parse(null, "\"")).isInstanceOf(InputException.class);
    }

    @Test
    void theCheckBeforeTheLockReadsOnlyTheHead() throws IOException {
        // given a broken quote 2 MB into the file
        StringBuilder csv = new StringBuilder("engagement_id,opportunity_id,notes\n");
        int line = 1;
        while (csv.length() < 2_000_000) {
            csv.append(ENG_1).append(",O").append(++line).append(",note\n");
        }
        csv.append(ENG_2).append(",O1,\"The \"Best\" Co\"\n");
        Path file = write(csv.toString());

        // when / then the check passes, reading the whole file does not
        assertThat(new CsvPairSource(file).checkReadable().headerLine()).isEqualTo(1);
        assertThatThrownBy(() -> read(file)).isInstanceOf(InputException.class)
            .hasMessageStartingWith("Input file " + file + ", line " + (line + 1) + ": a quoted value is followed");
    }

}
