package io.snapshotbatch.input;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Trimming every Unicode space, header names that ignore invisible characters, reasons that show them. */
class UnicodeTextTests {

    @ParameterizedTest
    @ValueSource(strings = { "\u00a0", "\u202f", "\u2007", "\u3000", "\u2009", "\t", " ", "\u0085", "\r\n" })
    void everyUnicodeSpaceIsTrimmedFromBothEnds(String space) {
        assertThat(UnicodeText.trim(space + "eng-x" + space + space)).isEqualTo("eng-x");
        assertThat(UnicodeText.isBlank(space + space)).isTrue();
    }

    @Test
    void formatCharactersAndInnerSpacesAreNotTrimmedFromValues() {
        assertThat(UnicodeText.trim("\u200beng-x\u00a0y\ufeff")).isEqualTo("\u200beng-x\u00a0y\ufeff");
        assertThat(UnicodeText.isBlank("\u200b")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "Engagement\u00a0ID", "\u200bengagement_id", "\ufeffEngagementIdentifier", "Engage\u00adment ID",
            "Engagement\u2013Id", "\uff25\uff4e\uff47\uff41\uff47\uff45\uff4d\uff45\uff4e\uff54 ID", "ENGAGEMENT\u202fID " })
    void headerNamesIgnoreInvisibleCharactersDashesAndWidth(String header) {
        assertThat(InputColumn.forHeader(header)).contains(InputColumn.ENGAGEMENT);
    }

    @Test
    void aReasonShowsEveryCharacterOtherThanPrintableAsciiEscapedWithItsPosition() {
        assertThat(UnicodeText.quoteForReason("O66599395\u00a0")).isEqualTo("'O66599395\\u00A0' (\\u00A0 at position 10)");
        assertThat(UnicodeText.quoteForReason("\ufeffO1")).isEqualTo("'\\uFEFFO1' (\\uFEFF at position 1)");
        assertThat(UnicodeText.quoteForReason("O1\n")).isEqualTo("'O1\\n' (\\n at position 3)");
        assertThat(UnicodeText.quoteForReason("\ud83d\ude80x")).isEqualTo("'\\u{1F680}x' (\\u{1F680} at position 1)");
        assertThat(UnicodeText.quoteForReason("plain")).isEqualTo("'plain'");
    }

    @Test
    void aReasonListsAtMostFivePositions() {
        assertThat(UnicodeText.quoteForReason("\u00e9".repeat(8))).endsWith("\\u00E9 at position 5 and 3 more)");
    }

    @Test
    void headersInMessagesShowOnlyInvisibleCharactersEscaped() {
        assertThat(UnicodeText.escapeInvisible("Caf\u00e9\u00a0Name\u200b\t")).isEqualTo("Caf\u00e9\\u00A0Name\\u200B\\t");
    }

}
