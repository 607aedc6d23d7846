package io.snapshotbatch.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.snapshotbatch.run.DatabaseTarget;

/**
 * A PostgreSQL cluster of its own (initdb + pg_ctl on a free loopback port, no fsync) that a test may
 * stop and start again mid-run without disturbing the machine's shared server. As root, the cluster is
 * created and run as the {@code postgres} user, since PostgreSQL refuses to run as root.
 */
public final class ThrowawayPostgres implements AutoCloseable {

    private final Path directory;

    private final Path bin;

    private final int port;

    private ThrowawayPostgres(Path directory, Path bin, int port) {
        this.directory = directory;
        this.bin = bin;
        this.port = port;
    }

    /** The directory holding {@code initdb} and {@code pg_ctl}, or null when PostgreSQL's server tools are not installed. */
    public static Path serverBinaries() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(java.io.File.pathSeparator)) {
                candidates.add(Path.of(entry));
            }
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            versions.sorted(Comparator.reverseOrder()).forEach((version) -> candidates.add(version.resolve("bin")));
        }
        catch (IOException none) {
            // Not a Debian-style installation.
        }
        return candidates.stream()
            .filter((dir) -> Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl")))
            .findFirst()
            .orElse(null);
    }

    public static ThrowawayPostgres create() throws Exception {
        Path bin = serverBinaries();
        if (bin == null) {
            throw new IllegalStateException("initdb/pg_ctl not found");
        }
        Path directory = Files.createTempDirectory("snapshot-batch-pg-");
        if (isRoot()) {
            UserPrincipal postgres = directory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(directory, postgres);
        }
        ThrowawayPostgres cluster = new ThrowawayPostgres(directory, bin, EmulatorProcess.freePort());
        cluster.exec(List.of(bin.resolve("initdb").toString(), "-D", directory.resolve("data").toString(), "-A", "trust",
                "--no-sync", "-U", "postgres", "-E", "UTF8"));
        cluster.start();
        return cluster;
    }

    public DatabaseTarget database() {
        return new DatabaseTarget("jdbc:postgresql://127.0.0.1:" + this.port + "/postgres", "postgres", null);
    }

    public void start() throws Exception {
        exec(List.of(this.bin.resolve("pg_ctl").toString(), "-D", this.directory.resolve("data").toString(), "-l",
                this.directory.resolve("server.log").toString(), "-w", "-o",
                "-c listen_addresses=127.0.0.1 -p " + this.port + " -c fsync=off -k " + this.directory, "start"));
    }

    /** A fast shutdown: open sessions are terminated, as in a failover or a database restart. */
    public void stop() throws Exception {
        exec(List.of(this.bin.resolve("pg_ctl").toString(), "-D", this.directory.resolve("data").toString(), "-w", "-m",
                "fast", "stop"));
    }

    @Override
    public void close() throws Exception {
        try {
            exec(List.of(this.bin.resolve("pg_ctl").toString(), "-D", this.directory.resolve("data").toString(), "-w",
                    "-m", "immediate", "stop"));
        }
        catch (IllegalStateException alreadyStopped) {
            // Nothing to stop.
        }
        try (Stream<Path> files = Files.walk(this.directory)) {
            files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
        }
    }

    private void exec(List<String> command) throws Exception {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Path log = this.directory.resolve("exec.log");
        Process process = new ProcessBuilder(full).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in 60 s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "):\n"
                    + Files.readString(log));
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

}
