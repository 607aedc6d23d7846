package io.snapshotbatch.jobs;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.snapshotbatch.support.JarProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * jobs/snapshot-batch-nightly.sh run for real, as a scheduler runs it, on the built jar against the built-in
 * emulator and an H2 ledger: its default JVM options, and the class data sharing archive it keeps in
 * {@code SNAPSHOT_CDS_DIR} (made once, used on the next nights, made again when damaged, never in the way).
 */
class NightlyWrapperIntegrationTests {

    static final Path WRAPPER = JobsFilesTests.JOBS.resolve("snapshot-batch-nightly.sh");

    @TempDir
    Path work;

    private final Map<String, String> environment = new HashMap<>();

    private LocalDate night = LocalDate.now(ZoneOffset.UTC).minusDays(10);

    @BeforeEach
    void configureTheWrapperAsAnEnvironmentFileWould() throws IOException {
        Path input = Files.writeString(this.work.resolve("pairs.csv"), """
                engagement_id,opportunity_id
                eng-wrapper0000001,O7000001
                eng-wrapper0000002,O7000002
                eng-wrapper0000003,O7000003
                """, StandardCharsets.UTF_8);
        this.environment.put("SNAPSHOT_JAR", JarProcess.JAR.toAbsolutePath().toString());
        this.environment.put("SNAPSHOT_INPUT", input.toString());
        this.environment.put("SNAPSHOT_DB_URL", "jdbc:h2:file:" + this.work.resolve("ledger/snapshot-batch"));
        this.environment.put("SNAPSHOT_RATE", "50");
        this.environment.put("SNAPSHOT_REPORT_DIR", this.work.resolve("reports").toString());
        this.environment.put("SNAPSHOT_EXTRA_ARGS", "--endpoint emulator --quiet");
        this.environment.put("AWS_ACCESS_KEY_ID", "AKIDTESTS");
        this.environment.put("AWS_SECRET_ACCESS_KEY", "test-secret");
        this.environment.put("AWS_REGION", "us-east-1");
        // The JVM the tests run on, first on the PATH, as on a machine with one Java.
        this.environment.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
    }

    @Test
    void theFirstNightMakesTheArchiveAndTheNextNightStartsFromIt() throws Exception {
        // given a directory kept between nights
        Path cache = this.work.resolve("cache");
        this.environment.put("SNAPSHOT_CDS_DIR", cache.toString());

        // when the first night runs
        Night first = nextNight();

        // then it ran, and left the jar extracted with its archive
        assertThat(first.exitCode()).as(first.output()).isZero();
        Path kept = onlyKeptCopy(cache);
        assertThat(kept.resolve("app/snapshot-batch.jar")).isRegularFile();
        assertThat(kept.resolve("snapshot-batch.jsa")).isNotEmptyFile();

        // when the next night runs with a JVM that refuses to start unless it can use the archive
        this.environment.put("JAVA_OPTS", "-Xshare:on -XX:+VerifySharedSpaces");
        Night second = nextNight();

        // then it started from the archive, and did not make another
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).doesNotContain("[cds").doesNotContain("class data sharing");
        assertThat(onlyKeptCopy(cache)).isEqualTo(kept);
    }

    @Test
    void aDamagedArchiveIsMadeAgainInsteadOfCrashingTheJvm() throws Exception {
        // given an archive whose bytes were damaged after it was made (a JVM given it unchecked aborts)
        Path cache = this.work.resolve("cache");
        this.environment.put("SNAPSHOT_CDS_DIR", cache.toString());
        assertThat(nextNight().exitCode()).isZero();
        Path archive = onlyKeptCopy(cache).resolve("snapshot-batch.jsa");
        archive.toFile().setWritable(true);
        try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
            file.seek(100_000);
            file.write(damage());
        }

        // when the next night runs, requiring the archive
        this.environment.put("JAVA_OPTS", "-Xshare:on");
        Night night = nextNight();

        // then the archive was made again and used
        assertThat(night.exitCode()).as(night.output()).isZero();
        try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "r")) {
            byte[] bytes = new byte[4096];
            file.seek(100_000);
            file.readFully(bytes);
            assertThat(bytes).as("the damaged stretch").isNotEqualTo(damage());
        }
    }

    @Test
    void anUnusableCacheDirectoryCostsOnlyTheFasterStart() throws Exception {
        // given a cache "directory" that is a file
        Path notADirectory = Files.writeString(this.work.resolve("cache"), "x");
        this.environment.put("SNAPSHOT_CDS_DIR", notADirectory.toString());

        // when the night runs
        Night night = nextNight();

        // then it ran without the archive, saying so in one line
        assertThat(night.exitCode()).as(night.output()).isZero();
        assertThat(night.output()).contains("snapshot-batch-nightly: no class data sharing archive in " + notADirectory
                + "; starting without it");
    }

    @Test
    void theDefaultJvmOptionsGiveWayToACollectorChosenInJavaOpts() throws Exception {
        // given no cache directory, and JAVA_OPTS that choose another collector and print the JVM's flags
        this.environment.put("JAVA_OPTS", "-XX:+UseParallelGC -XX:+PrintFlagsFinal");

        // when the night runs
        Night night = nextNight();

        // then the JVM started (two collectors would have stopped it), with the C1 compiler only and the chosen collector
        assertThat(night.exitCode()).as(night.output()).isZero();
        assertThat(night.output()).containsPattern("TieredStopAtLevel\\s+= 1 ")
            .containsPattern("UseParallelGC\\s+= true ")
            .containsPattern("UseSerialGC\\s+= false ");
    }

    /** One night of the wrapper, on a run date of its own. */
    private Night nextNight() throws Exception {
        this.night = this.night.plusDays(1);
        this.environment.put("SNAPSHOT_RUN_DATE", this.night.toString());
        ProcessBuilder builder = new ProcessBuilder("bash", WRAPPER.toAbsolutePath().toString()).directory(this.work.toFile())
            .redirectErrorStream(true);
        builder.environment().keySet().removeIf((name) -> name.startsWith("SNAPSHOT_") || name.equals("JAVA_OPTS"));
        builder.environment().putAll(this.environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("The wrapper did not finish: " + output);
        }
        return new Night(process.exitValue(), output);
    }

    private static byte[] damage() {
        byte[] bytes = new byte[4096];
        java.util.Arrays.fill(bytes, (byte) 0x5A);
        return bytes;
    }

    private static Path onlyKeptCopy(Path cache) throws IOException {
        try (Stream<Path> kept = Files.list(cache)) {
            List<Path> copies = kept.toList();
            assertThat(copies).as("what the cache directory holds").hasSize(1);
            assertThat(copies.get(0).getFileName().toString()).startsWith("snapshot-batch-");
            return copies.get(0);
        }
    }

    record Night(int exitCode, String output) {
    }

}
