package io.snapshotbatch.cli;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --run-date YYYY-MM-DD}, today in UTC by default. */
public class RunDateOption {

    @Option(names = "--run-date", paramLabel = "YYYY-MM-DD", converter = IsoDate.class,
            description = "The run (default: today, UTC)")
    LocalDate runDate;

    public LocalDate runDate() {
        return (this.runDate != null) ? this.runDate : LocalDate.now(ZoneOffset.UTC);
    }

    static final class IsoDate implements ITypeConverter<LocalDate> {

        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value);
            }
            catch (DateTimeParseException ex) {
                throw new TypeConversionException("'" + value + "' is not a date of the form YYYY-MM-DD");
            }
        }

    }

}
