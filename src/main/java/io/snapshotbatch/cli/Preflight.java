package io.snapshotbatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The configuration checks a command makes before its first call, so that a mistake found in the
 * first second is not found after thousands of snapshots were created: exit 2, one line, nothing sent.
 * In order, for {@code run} and {@code rerun-failed}:
 * <ol>
 * <li>the run date lies in its window ({@link RunDateWindowOption});</li>
 * <li>the report directory can be created and written ({@link #reportDirWritable});</li>
 * <li>the input is readable ({@code CsvPairSource.checkReadable});</li>
 * <li>{@code --metrics-push}: the address is well-formed (HOST:PORT) — its check belongs here, with the
 * others that need no database, once the option exists;</li>
 * <li>the database is reachable and migrated, then the AWS credentials resolve ({@link GuardedLaunch}).</li>
 * </ol>
 */
final class Preflight {

    private Preflight() {
    }

    /**
     * Proves that the run's report directory can be created and written, without leaving anything behind:
     * a file is created and deleted in the deepest directory of the path that exists now.
     */
    static void reportDirWritable(Path reportDir, LocalDate runDate) {
        Path target = reportDir.resolve(runDate.toString()).toAbsolutePath().normalize();
        Path existing = target;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new UsageException("--report-dir " + reportDir + " cannot be created: " + existing
                    + " is not a directory");
        }
        try {
            Path probe = Files.createTempFile(existing, ".snapshot-batch-write-check", ".tmp");
            Files.delete(probe);
        }
        catch (IOException | SecurityException ex) {
            throw new UsageException("--report-dir " + reportDir + " cannot be written: " + existing
                    + " does not let this user create files (" + ex.getClass().getSimpleName() + ")");
        }
    }

}
