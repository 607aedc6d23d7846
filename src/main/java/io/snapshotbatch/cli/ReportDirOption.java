package io.snapshotbatch.cli;

import java.nio.file.Path;
import java.util.Map;

import picocli.CommandLine.Option;

/** {@code --report-dir DIR}. */
public class ReportDirOption {

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "reports",
            description = "Where reports go: DIR/<run-date>/reconciliation.csv, summary.csv and report.html (default: ${DEFAULT-VALUE})")
    Path reportDir;

    Path path() {
        return this.reportDir;
    }

    Map<String, Object> springProperties() {
        return Map.of("snapshot.report-dir", this.reportDir.toAbsolutePath().toString());
    }

}
