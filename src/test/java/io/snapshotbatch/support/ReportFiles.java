package io.snapshotbatch.support;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a run's report back as a spreadsheet user (or a script) would. */
public record ReportFiles(List<Map<String, String>> rows, List<String> header, Map<String, String> summary) {

    public static ReportFiles read(Path reportDir, String runDate) throws IOException {
        Path directory = reportDir.resolve(runDate);
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> header;
        try (Reader reader = Files.newBufferedReader(directory.resolve("reconciliation.csv"), StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            header = parser.getHeaderNames();
            for (CSVRecord record : parser) {
                rows.add(new LinkedHashMap<>(record.toMap()));
            }
        }
        Map<String, String> summary = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(directory.resolve("summary.csv"), StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            for (CSVRecord record : parser) {
                summary.put(record.get("metric"), record.get("value"));
            }
        }
        return new ReportFiles(rows, header, summary);
    }

    public List<Map<String, String>> withOutcome(String outcome) {
        return this.rows.stream().filter((row) -> outcome.equals(row.get("outcome"))).toList();
    }

    public long summaryCount(String metric) {
        return Long.parseLong(this.summary.get(metric));
    }

    /** input_rows = created + failed + rejected + duplicates + pending + unchanged, as the contract promises. */
    public boolean balances() {
        long unchanged = this.summary.containsKey("unchanged") ? summaryCount("unchanged") : 0;
        return summaryCount("input_rows") == summaryCount("created") + summaryCount("failed") + summaryCount("rejected")
                + summaryCount("duplicates") + summaryCount("pending") + unchanged
                && summaryCount("input_rows") == this.rows.size();
    }

}
