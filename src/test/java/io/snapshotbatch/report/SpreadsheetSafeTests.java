package io.snapshotbatch.report;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetSafeTests {

    @ParameterizedTest
    @ValueSource(strings = { "=", "+", "-", "@", "\t", "\r" })
    void everyDangerousLeadingCharacterGetsAQuoteInFront(String first) {
        // given
        String value = first + "HYPERLINK(\"http://evil\",\"x\")";

        // when
        String cell = SpreadsheetSafe.cell(value);

        // then the value is kept whole behind the quote
        assertThat(cell).isEqualTo("'" + value);
    }

    @ParameterizedTest
    @ValueSource(strings = { "=", "+", "-", "@", "\t", "\r" })
    void aDangerousCharacterAloneIsNeutralisedToo(String value) {
        assertThat(SpreadsheetSafe.cell(value)).isEqualTo("'" + value);
    }

    @ParameterizedTest
    @ValueSource(strings = { "eng-0123456789abcd", "O123", "OpportunitySummaryView", "Sandbox", "a=b", "1+1", "x-y",
            "user@example.com", "ValidationException", "arn:aws:partnercentral:us-east-1::catalog/Sandbox", "'=quoted",
            "42", "Müller", "cc85cab3-c265-3fb4-b381-66593cf6474b", "line one\nline two", "\"quoted\"" })
    void safeValuesAreUntouched(String value) {
        assertThat(SpreadsheetSafe.cell(value)).isEqualTo(value);
    }

    @Test
    void nullAndEmptyAreEmptyCells() {
        assertThat(SpreadsheetSafe.cell(null)).isEmpty();
        assertThat(SpreadsheetSafe.cell("")).isEmpty();
    }

    @Test
    void nonTextValuesAreNeutralisedByTheirTextToo() {
        // given / when / then
        assertThat(SpreadsheetSafe.cell(-5)).isEqualTo("'-5");
        assertThat(SpreadsheetSafe.cell(7)).isEqualTo("7");
        assertThat(SpreadsheetSafe.cell(Instant.parse("2025-03-14T01:02:03Z"))).isEqualTo("2025-03-14T01:02:03Z");
    }

}
