package io.snapshotbatch.support;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Run dates for tests, relative to today (UTC): the commands that send refuse a run date outside a
 * year back to a day ahead, so a fixed date in a test would start failing as the calendar moves on.
 */
public final class RunDates {

    private RunDates() {
    }

    /** Today minus {@code days}, as {@code --run-date} takes it. */
    public static String daysAgo(int days) {
        return LocalDate.now(ZoneOffset.UTC).minusDays(days).toString();
    }

}
