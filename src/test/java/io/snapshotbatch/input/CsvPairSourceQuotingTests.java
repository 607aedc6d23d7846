package io.snapshotbatch.input;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Values spanning lines: notes are kept, quotes that swallow what looks like rows refuse the file. */
class CsvPairSourceQuotingTests extends CsvPairSourceTestSupport {

    @Test
    void aMultiLineNoteWithCommasAndAnIdInASentenceIsOneValue() throws IOException {
        // given a note line with commas, in a file with more columns than the note line has commas
        Path file = write("engagement_id,opportunity_id,owner,region,notes\n"
                + ENG_1 + ",O1,ann,emea,\"Met Bob, Alice\nsee " + ENG_3 + " too, later\"\n" + ENG_2 + ",O2,bo,us,\n");

        // when / then
        assertThat(read(file)).extracting(PairRecord::line).containsExactly(2, 4);
    }

    @Test
    void aSwallowedLineWithARowsDelimitersCountsAsARowEvenWithoutIds() throws IOException {
        // given a quote that takes in a padded total line
        Path file = write("engagement_id,opportunity_id,notes\n" + ENG_1 + ",O1,\"open\nTotal,,\"\n");

        // when / then
        assertThatThrownBy(() -> read(file)).isInstanceOf(InputException.class)
            .hasMessageStartingWith("Input file " + file + ", line 2: the quoted value that opens here, \"open...,")
            .hasMessageContaining("swallows line 3, which looks like a row of its own");
    }

    @Test
    void aQuoteThatTakesInTheRestOfItsOwnRowAndClosesAtTheNextLinesStartIsRefused() throws IOException {
        // given notes first: line 2's quote swallows its own ids, line 3's quote closes it
        Path file = write("notes,engagement_id,opportunity_id\n\"a," + ENG_1 + ",O1\n\"," + ENG_2 + ",O2\n");

        // when / then line 3's ids would have become line 2's row
        assertThatThrownBy(() -> read(file)).isInstanceOf(InputException.class)
            .hasMessageContaining(", line 2: the quoted value that opens here")
            .hasMessageContaining("swallows line 2, which looks like a row");
    }

    @Test
    void aRecordWithMoreFieldsThanTheHeaderAfterAValueSpanningLinesIsRefused() throws IOException {
        // given a quote closed on line 3 before the fields of line 3
        Path file = write("engagement_id,opportunity_id,notes\n" + ENG_1 + ",O1,\"open\nx\",y,z\n");

        // when / then
        assertThatThrownBy(() -> read(file)).isInstanceOf(InputException.class).hasMessageContaining("swallows line 3");
    }

    @Test
    void aQuoteThatNeverClosesInALargeFileIsRefusedWithoutReadingTheRestIntoMemory() throws IOException {
        // given a quote on line 3 followed by 2 MB of lines that hold no ids
        StringBuilder csv = new StringBuilder("engagement_id,opportunity_id,notes\n" + ENG_1 + ",O1,x\n"
                + ENG_2 + ",O2,\"open\n");
        while (csv.length() < 2_000_000) {
            csv.append("free text without a quote or an id\n");
        }
        Path file = write(csv.toString());

        // when / then
        assertThatThrownBy(() -> read(file)).isInstanceOf(InputException.class)
            .hasMessageStartingWith("Input file " + file + ", line 3: the row starting here runs on to line ")
            .hasMessageContaining("is never closed");
    }

    @Test
    void aRowLongerThanAMillionCharactersOnOneLineIsNotBlamedOnAQuote() throws IOException {
        // given a CRM export whose unquoted notes column holds 2 MB on line 3
        Path file = write("engagement_id,opportunity_id,notes\n" + ENG_1 + ",O1,x\n" + ENG_2 + ",O2,"
                + "y".repeat(2_000_000) + "\n");

        // when / then: the message names the line and what is wrong with it, and no quote (there is none)
        assertThatThrownBy(() -> read(file)).isInstanceOf(InputException.class)
            .hasMessageStartingWith("Input file " + file + ", line 3: the line is longer than a million characters")
            .hasMessageNotContaining("quote opened")
            .hasMessageNotContaining("line 3 and beyond");
    }

    @Test
    void aQuotedValueThatStartsAndEndsOnOneLineMayHoldDelimitersAndDoubledQuotes() throws IOException {
        // given
        Path file = write("engagement_id;opportunity_id;Customer\n" + ENG_1 + ";O1;\"The \"\"Best\"\"; Co\"\n");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).containsExactly(new PairRecord(2, null, ENG_1, null, "O1", null));
    }

    @Test
    void aFileWithoutLineBreaksIsRefusedBeforeItFillsTheMemory() throws IOException {
        // given 2 MB on one line
        Path file = write("x".repeat(2_000_000));

        // when / then
        assertThatThrownBy(() -> new CsvPairSource(file).checkReadable()).isInstanceOf(InputException.class)
            .hasMessage("Input file " + file + ", line 1: the file has no line break in its first million characters. "
                    + "This is not a CSV file with one row per line; check the file given to --input");
    }

}
