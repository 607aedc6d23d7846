package io.snapshotbatch.input;

import org.junit.jupiter.api.Test;

import io.snapshotbatch.ledger.LedgerRow;

import static io.snapshotbatch.input.CsvCorpus.eng;
import static io.snapshotbatch.input.CsvCorpus.opp;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Damaged files from the corpus: each is either refused with one line naming the line at fault and how
 * to fix it, or read with every data line accounted for as a row (REJECTED with a reason that shows
 * what was on the line, invisible characters included).
 */
class CsvCorpusDamageTests extends CsvCorpusTestSupport {

    @Test
    void anUnclosedQuoteInAnIgnoredColumnSwallowingRowsRefusesTheFile() {
        // when line 3 opens a quote that the inch mark on line 6 closes
        String message = refusal("unclosed-quote-ignored-column.csv", 3);

        // then nothing is staged and the user learns which lines were at stake
        assertThat(message).contains("swallows lines 4, 5 and 6", "look like rows", "Northwind (see note",
                "Close the quote on line 3");
    }

    @Test
    void aQuoteThatNeverClosesRefusesTheFileNamingWhereItOpens() {
        // when
        String message = refusal("unclosed-quote-to-the-end.csv", 4);

        // then
        assertThat(message).contains("never closed", "lines 4 to 6 (the end of the file)", "two quotes");
    }

    @Test
    void undoubledQuotesInsideAQuotedValueRefuseTheFileInPlainWords() {
        // when
        String message = refusal("quote-inside-quoted-value.csv", 3);

        // then no parser jargon or character offsets, but the line and the fix
        assertThat(message).contains("a quoted value is followed by more text", "\"The \"\"Best\"\" Co\"",
                "(line 3: " + eng(2));
    }

    @Test
    void utf16WithoutAByteOrderMarkIsRefusedWithTheOptionThatReadsIt() {
        // when
        String message = refusal("utf16-without-bom.csv", 1);

        // then
        assertThat(message).contains("has no engagement_id column", "\\u0000", "--encoding UTF-16LE");
    }

    @Test
    void aWindows1252ExportAppendedToAUtf8OneIsRefusedAtTheLineAndByte() {
        // when
        String message = refusal("utf8-bom-then-windows-1252.csv", 3);

        // then
        assertThat(message).contains("byte 0xE9 is not valid UTF-8, although the file starts with a UTF-8 byte order mark", "two exports joined",
                "Save As > CSV UTF-8");
    }

    @Test
    void theSameFileWithItsRealEncodingGivenIsRefusedForTheByteOrderMark() {
        // when
        java.nio.file.Path file = corpusFile("excel-unicode-text-utf16le.txt");
        InputException refused = org.assertj.core.api.Assertions.catchThrowableOfType(InputException.class,
                () -> new CsvPairSource(file, CsvOptions.parse("windows-1252", null)).checkReadable());

        // then
        assertOneLine(refused.getMessage(), file, 1);
        assertThat(refused.getMessage()).contains("UTF-16LE byte order mark", "Leave --encoding out");
    }

    @Test
    void invisibleCharactersInHeadersAreIgnoredAndInValuesTrimmedOrShownEscaped() {
        // when
        Staged staged = stage("pasted-invisible-characters.csv");

        // then NBSP, narrow NBSP and ideographic space around values are trimmed
        assertThat(staged.withOutcome("PENDING")).extracting(LedgerRow::line, LedgerRow::engagementId, LedgerRow::template)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(2, eng(1), "View1"),
                    org.assertj.core.groups.Tuple.tuple(3, eng(2), "View1"));
        // and a zero-width space or a BOM inside a value is shown where it is
        assertThat(staged.withOutcome("REJECTED")).extracting(LedgerRow::line, LedgerRow::errorCode, LedgerRow::errorMessage)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(4, "INVALID_ENGAGEMENT_ID",
                    "engagement id must match eng-[0-9a-z]{14}, got 'eng-corpus\\u200B00000003' (\\u200B at position 11)"),
                    org.assertj.core.groups.Tuple.tuple(5, "INVALID_RESOURCE_ID",
                            "opportunity id must match O[0-9]{1,19}, got '\\uFEFFO66599395' (\\uFEFF at position 1)"));
    }

    @Test
    void aTrailingTotalLineIsARejectedRowNotALostOne() {
        // when
        Staged staged = stage("trailing-total-line.csv");

        // then
        assertThat(staged.lines()).containsExactly(2, 3, 4, 5);
        assertThat(staged.withOutcome("REJECTED")).singleElement().satisfies((row) -> {
            assertThat(row.line()).isEqualTo(5);
            assertThat(row.errorCode()).isEqualTo("MISSING_ENGAGEMENT_ID");
            assertThat(row.errorMessage()).contains("engagement id is empty", "got 'Total'");
        });
    }

    @Test
    void concatenatedExportsRejectTheRepeatedHeaderAndReadOnWithItsColumns() {
        // when the second export (its BOM and header on line 4) has its columns in another order
        Staged staged = stage("concatenated-exports.csv");

        // then every line is a row of the report, and the rows after the second header are right
        assertThat(staged.lines()).containsExactly(2, 3, 4, 5, 6);
        assertThat(staged.withOutcome("REJECTED")).singleElement().satisfies((row) -> {
            assertThat(row.line()).isEqualTo(4);
            assertThat(row.errorCode()).isEqualTo("REPEATED_HEADER");
            assertThat(row.errorMessage()).contains("repeats the header");
        });
        assertThat(staged.withOutcome("PENDING")).extracting(LedgerRow::engagementId, LedgerRow::resourceId)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(eng(1), opp(1)),
                    org.assertj.core.groups.Tuple.tuple(eng(2), opp(2)),
                    org.assertj.core.groups.Tuple.tuple(eng(3), opp(3)),
                    org.assertj.core.groups.Tuple.tuple(eng(4), opp(4)));
    }

}
