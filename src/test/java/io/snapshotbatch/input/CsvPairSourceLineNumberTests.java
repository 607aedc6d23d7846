package io.snapshotbatch.input;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Physical line numbers across blank lines, whitespace-only lines and quoted fields spanning several lines. */
class CsvPairSourceLineNumberTests extends CsvPairSourceTestSupport {

    @Test
    void aBomFileInCrlfWithBlankLinesKeepsPhysicalLineNumbers() throws IOException {
        // given every feature at once
        Path file = write("\uFEFFEngagementIdentifier,ResourceIdentifier\r\n\r\n\"" + ENG_1 + "\",O1\r\n   \r\n"
                + ENG_2 + ",\"O2\"\r\n");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).containsExactly(new PairRecord(3, null, ENG_1, null, "O1", null),
                new PairRecord(5, null, ENG_2, null, "O2", null));
    }

    @Test
    void blankLinesBeforeTheHeaderStillCountForLineNumbers() throws IOException {
        // given the header on line 3
        Path file = write("\n\nengagement_id,opportunity_id\n" + ENG_1 + ",O1\n");

        // when
        List<PairRecord> rows = read(file);

        // then the row is reported on the line an editor shows it
        assertThat(rows).extracting(PairRecord::line).containsExactly(4);
    }

    @Test
    void aWhitespaceOnlyLastLineWithoutLineEndIsNotARow() throws IOException {
        // given
        Path file = write("engagement_id,opportunity_id\n" + ENG_1 + ",O1\n   ");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).extracting(PairRecord::line).containsExactly(2);
    }

    @Test
    void aRowWithANewlineInsideAQuotedFieldReportsTheLineItStartsOn() throws IOException {
        // given line 3 spans lines 3 to 5
        Path file = write("engagement_id,opportunity_id,notes\n"
                + ENG_1 + ",O1,plain\n"
                + ENG_2 + ",O2,\"first\nsecond\nthird\"\n"
                + ENG_3 + ",O3,after\n");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).extracting(PairRecord::line).containsExactly(2, 3, 6);
        assertThat(rows).extracting(PairRecord::resourceId).containsExactly("O1", "O2", "O3");
    }

    @Test
    void aQuotedFieldThatStartsWithANewlineStillReportsItsStartingLine() throws IOException {
        // given the row of line 2 starts with a quote and a line break inside the first field
        Path file = write("notes,engagement_id,opportunity_id\r\n"
                + "\"\r\nnote\r\n\"," + ENG_1 + ",O1\r\n"
                + "x," + ENG_2 + ",O2\r\n");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).extracting(PairRecord::line).containsExactly(2, 5);
    }

    @Test
    void aNewlineInsideAQuotedKeyFieldIsKeptInside() throws IOException {
        // given an opportunity id with a line break in it (it will be rejected later, but it is one row)
        Path file = write("engagement_id,opportunity_id\n" + ENG_1 + ",\"O1\nO2\"\n" + ENG_2 + ",O3\n");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).extracting(PairRecord::resourceId).containsExactly("O1\nO2", "O3");
        assertThat(rows).extracting(PairRecord::line).containsExactly(2, 4);
    }

    @Test
    void blankLinesAreNotRowsButStillCountForLineNumbers() throws IOException {
        // given empty lines (LF and CRLF) and whitespace-only lines between rows
        Path file = write("engagement_id,opportunity_id\n"
                + "\n"
                + ENG_1 + ",O1\n"
                + "   \n"
                + "\r\n"
                + "\t\n"
                + ENG_2 + ",O2\n"
                + "\n"
                + "\n");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).extracting(PairRecord::line, PairRecord::resourceId)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "O1"), org.assertj.core.groups.Tuple.tuple(7, "O2"));
    }

    @Test
    void blankLinesInACrlfFileStillCountForLineNumbers() throws IOException {
        // given
        Path file = write("engagement_id,opportunity_id\r\n\r\n\r\n" + ENG_1 + ",O1\r\n  \r\n" + ENG_2 + ",O2\r\n");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).extracting(PairRecord::line).containsExactly(4, 6);
    }

    @Test
    void aBlankLineAfterAMultiLineRowCountsToo() throws IOException {
        // given
        Path file = write("engagement_id,opportunity_id,notes\n"
                + ENG_1 + ",O1,\"a\n\nb\"\n"
                + "\n"
                + ENG_2 + ",O2,c\n");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).extracting(PairRecord::line).containsExactly(2, 6);
    }

    @Test
    void aRowOfOnlyCommasIsBlankAndNotARow() throws IOException {
        // given
        Path file = write("engagement_id,opportunity_id\n , \n" + ENG_1 + ",O1\n");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).extracting(PairRecord::line).containsExactly(3);
    }

}
