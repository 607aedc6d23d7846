package io.snapshotbatch.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Generated CSV inputs whose rows are all valid and distinct, so a finished run exits 0. */
public final class InputFiles {

    private InputFiles() {
    }

    /**
     * Writes {@code rows} rows {@code eng-<prefix><zero-padded n>,O<n>}; the prefix (4 lower-case letters) keeps
     * one test's keys apart from another's in a shared emulator.
     */
    public static Path validPairs(Path directory, String prefix, int rows) throws IOException {
        if (!prefix.matches("[a-z]{4}")) {
            throw new IllegalArgumentException("prefix must be 4 lower-case letters: " + prefix);
        }
        List<String> lines = new ArrayList<>();
        lines.add("engagement_id,opportunity_id");
        for (int n = 1; n <= rows; n++) {
            lines.add(engagement(prefix, n) + "," + opportunity(n));
        }
        Path file = directory.resolve(prefix + "-" + rows + ".csv");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    public static String engagement(String prefix, int n) {
        return "eng-" + prefix + "%010d".formatted(n);
    }

    public static String opportunity(int n) {
        return "O" + (1000 + n);
    }

    /** The emulator's revision key of row {@code n} with the default catalog and template. */
    public static String revisionKey(String prefix, int n) {
        return "Sandbox|" + engagement(prefix, n) + "|Opportunity|" + opportunity(n) + "|OpportunitySummaryView";
    }

}
