package io.snapshotbatch.input;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;

/** Shared by the CsvPairSource tests: sample engagement ids, a temporary directory, writing and reading a CSV. */
abstract class CsvPairSourceTestSupport {

    static final String ENG_1 = "eng-aaaaaaaaaaaaa1";

    static final String ENG_2 = "eng-bbbbbbbbbbbbb2";

    static final String ENG_3 = "eng-ccccccccccccc3";

    @TempDir
    Path dir;

    Path write(String content) throws IOException {
        return write("input.csv", content);
    }

    Path write(String name, String content) throws IOException {
        Path file = this.dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    static List<PairRecord> read(Path file) {
        List<PairRecord> rows = new ArrayList<>();
        new CsvPairSource(file).read(rows::add);
        return rows;
    }

}
