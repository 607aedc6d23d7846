package io.snapshotbatch.support;

import io.snapshotbatch.cli.SnapshotBatchCli;
import io.snapshotbatch.run.DatabaseTarget;

/**
 * Runs the command line in this JVM, exactly as {@code main} does minus {@code System.exit}, so a
 * test can look at the emulator it started itself.
 */
public final class InProcessCli {

    static {
        // The SDK's default chain reads these; the emulator accepts any signature.
        System.setProperty("aws.accessKeyId", "AKIDTESTS");
        System.setProperty("aws.secretAccessKey", "test-secret");
    }

    private InProcessCli() {
    }

    public static int run(DatabaseTarget database, String... args) {
        return SnapshotBatchCli.execute(JarProcess.withDatabase(database, args).toArray(String[]::new));
    }

}
