package io.snapshotbatch.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Property: whatever random damage does to a file, the report has exactly one row per data line (a line
 * after the header with more than empty values), each on its own line, or the file is refused with one
 * line naming a line of the file. The rows are those staging receives (it writes one ledger row, hence
 * one report row, per record: InputStagerRunTests). Seeds are fixed and printed, so a failure can be
 * replayed; 5,000 seeds passed when this was written.
 */
class CsvRandomDamageTests {

    @TempDir
    Path dir;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noDataLineIsLostWithoutAnErrorThatSaysSo(long seed) throws IOException {
        // given a valid file, randomly damaged
        RandomDamage file = new RandomDamage(seed).damaged();
        Path input = Files.write(this.dir.resolve("damaged-" + seed + ".csv"), file.bytes());
        List<Integer> dataLines = file.dataLines();

        // when it is read as run reads it
        List<PairRecord> rows = new ArrayList<>();
        InputException refused = catchThrowableOfType(InputException.class,
                () -> new CsvPairSource(input).read(rows::add));

        // then
        if (refused != null) {
            System.out.printf("seed %d: %s -> refused: %s%n", seed, file.describe(), refused.getMessage());
            CsvCorpusTestSupport.assertOneLine(refused.getMessage(), input, lineOf(refused.getMessage()));
            assertThat(lineOf(refused.getMessage())).isBetween(1, file.lines().size() + 1);
        }
        else {
            System.out.printf("seed %d: %s -> %d data lines, %d rows%n", seed, file.describe(), dataLines.size(),
                    rows.size());
            assertThat(rows).extracting(PairRecord::line).as("row lines of seed %d (%s)", seed, file.describe())
                .isEqualTo(dataLines);
        }
    }

    private static int lineOf(String message) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(", line (\\d+): ").matcher(message);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

}
