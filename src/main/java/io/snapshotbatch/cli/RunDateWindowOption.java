package io.snapshotbatch.cli;

import java.time.LocalDate;
import java.time.ZoneOffset;

import picocli.CommandLine.Option;

/**
 * The window of run dates the commands that create snapshots accept: up to one day ahead of today (UTC),
 * and one year back. A run date is part of every ClientToken, so a typo ({@code 9999-12-31},
 * {@code 1970-01-01}) would snapshot every row a second time with new tokens.
 */
public class RunDateWindowOption {

    @Option(names = "--allow-any-run-date",
            description = "Accept a --run-date outside the window of today (UTC) minus one year to plus one day")
    boolean allowAnyRunDate;

    void check(LocalDate runDate) {
        check(runDate, LocalDate.now(ZoneOffset.UTC));
    }

    void check(LocalDate runDate, LocalDate today) {
        LocalDate earliest = today.minusYears(1);
        LocalDate latest = today.plusDays(1);
        if (!this.allowAnyRunDate && (runDate.isBefore(earliest) || runDate.isAfter(latest))) {
            throw new UsageException("--run-date " + runDate + " is outside " + earliest + " to " + latest
                    + " (a year back to a day ahead of today, UTC): a mistyped date would snapshot every row again; "
                    + "give --allow-any-run-date if this date is meant");
        }
    }

}
