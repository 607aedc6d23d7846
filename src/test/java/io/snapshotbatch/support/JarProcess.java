package io.snapshotbatch.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.snapshotbatch.run.DatabaseTarget;

/**
 * The built jar ({@code target/snapshot-batch.jar}) run as a child JVM, as a scheduler runs it: real
 * process, real exit code, real signals ({@link #terminate()} is SIGTERM, {@link #kill()} SIGKILL).
 */
public final class JarProcess {

    public static final Path JAR = Path.of("target", "snapshot-batch.jar");

    private final Process process;

    private final Path log;

    private JarProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code java -jar target/snapshot-batch.jar args...} in {@code workDir}; output goes to a log file there. */
    public static JarProcess start(Path workDir, Map<String, String> environment, List<String> args) throws IOException {
        return start(workDir, environment, List.of(), args);
    }

    /** The same with JVM options before {@code -jar}, e.g. {@code -Xmx128m}. */
    public static JarProcess start(Path workDir, Map<String, String> environment, List<String> jvmOptions,
            List<String> args) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: integration tests run after 'mvn package'");
        }
        List<String> command = new ArrayList<>();
        if (sigintIgnored()) {
            // Started in the background by a shell (`nohup`, `&`), this JVM ignores SIGINT and so would the jar:
            // give it the terminal's default back, as a user's Ctrl-C would find it.
            command.addAll(List.of("env", "--default-signal=INT"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        command.addAll(args);
        Path log = Files.createTempFile(workDir, "jar-" + args.get(0) + "-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
        builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDTESTS");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "test-secret");
        builder.environment().put("AWS_REGION", "us-east-1");
        builder.environment().putAll(environment);
        return new JarProcess(builder.start(), log);
    }

    /** Adds {@code --db} (and {@code --db-user}) for the database to a command line. */
    public static List<String> withDatabase(DatabaseTarget database, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--db");
        all.add(database.url());
        if (database.user() != null) {
            all.add("--db-user");
            all.add(database.user());
        }
        return all;
    }

    /** Waits for the exit code; fails the test if the process does not end in time. */
    public int waitFor(Duration timeout) throws Exception {
        if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            this.process.destroyForcibly();
            throw new AssertionError("The jar did not finish within " + timeout + "; its output:\n" + output());
        }
        return this.process.exitValue();
    }

    public void terminate() {
        this.process.destroy();
    }

    /** SIGINT, what Ctrl-C sends. */
    public void interrupt() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(this.process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -INT " + this.process.pid() + " failed");
        }
    }

    /** Whether this JVM ignores SIGINT (bit 2 of SigIgn in /proc/self/status): its children would inherit that. */
    private static boolean sigintIgnored() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16) & 0x2) != 0;
                }
            }
        }
        catch (IOException | NumberFormatException ex) {
            // Not Linux: nothing to correct.
        }
        return false;
    }

    public void kill() throws InterruptedException {
        this.process.destroyForcibly();
        this.process.waitFor(30, TimeUnit.SECONDS);
    }

    public boolean isAlive() {
        return this.process.isAlive();
    }

    public long pid() {
        return this.process.pid();
    }

    public String output() throws IOException {
        return Files.readString(this.log);
    }

}
