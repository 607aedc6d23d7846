package io.snapshotbatch.cli;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The run dates the sending commands accept: a year back to a day ahead of today (UTC), or any with the option. */
class RunDateWindowOptionTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    @Test
    void datesFromAYearBackToADayAheadAreAccepted() {
        RunDateWindowOption window = new RunDateWindowOption();
        for (LocalDate date : new LocalDate[] { LocalDate.of(2025, 3, 1), TODAY, LocalDate.of(2026, 3, 2) }) {
            assertThatCode(() -> window.check(date, TODAY)).as(date.toString()).doesNotThrowAnyException();
        }
    }

    @Test
    void datesOutsideTheWindowAreAUsageErrorThatNamesTheWindowAndTheOption() {
        RunDateWindowOption window = new RunDateWindowOption();
        for (LocalDate date : new LocalDate[] { LocalDate.of(2025, 2, 28), LocalDate.of(2026, 3, 3),
                LocalDate.of(9999, 12, 31), LocalDate.of(1970, 1, 1) }) {
            assertThatThrownBy(() -> window.check(date, TODAY)).as(date.toString())
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("2025-03-01 to 2026-03-02")
                .hasMessageContaining("--allow-any-run-date");
        }
    }

    @Test
    void theOptionAcceptsAnyDate() {
        RunDateWindowOption window = new RunDateWindowOption();
        window.allowAnyRunDate = true;
        assertThatCode(() -> window.check(LocalDate.of(1970, 1, 1), TODAY)).doesNotThrowAnyException();
    }

}
