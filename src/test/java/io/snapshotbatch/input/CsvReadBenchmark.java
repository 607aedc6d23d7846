package io.snapshotbatch.input;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not a test: writes an Excel-like Windows-1252 CSV of N rows (accents on every line, quoted commas,
 * CRLF) and reads it with {@link CsvPairSource} three times, printing the time of each read. Run with a
 * small heap to see that the file is streamed: {@code java -Xmx32m -cp "$CP" io.snapshotbatch.input.CsvReadBenchmark
 * 1000000 target/pairs-1m.csv}. The same file staged by the jar: {@code java -Xmx256m -jar
 * target/snapshot-batch.jar run --input target/pairs-1m.csv --endpoint emulator ...}.
 */
public final class CsvReadBenchmark {

    private static final String[] CUSTOMERS = { "Caf\u00e9 Lumi\u00e8re", "M\u00fcller GmbH",
            "Soci\u00e9t\u00e9 G\u00e9n\u00e9rale", "\"Smith, Jones & Co\"", "Contoso", "\u20acuro Trading \u2013 Ltd",
            "Zo\u00eb's Bakery", "Northwind" };

    private CsvReadBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rows = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]);
        if (!Files.exists(file)) {
            try (BufferedWriter out = Files.newBufferedWriter(file, CsvCorpus.WINDOWS_1252)) {
                out.write("Customer,engagement_id,opportunity_id,catalog\r\n");
                for (int n = 1; n <= rows; n++) {
                    out.write(CUSTOMERS[n % CUSTOMERS.length] + ",eng-bench%09d,O%d,Sandbox\r\n".formatted(n, 1_000_000 + n));
                }
            }
        }
        for (int round = 1; round <= 3; round++) {
            long start = System.nanoTime();
            long[] count = { 0 };
            CsvPairSource source = new CsvPairSource(file);
            source.read((row) -> count[0]++);
            System.out.printf("read %d rows (%s) in %d ms%n", count[0], source.inputEncoding(),
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

}
