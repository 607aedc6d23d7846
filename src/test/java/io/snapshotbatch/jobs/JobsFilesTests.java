package io.snapshotbatch.jobs;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every file in jobs/ is checked the way its consumer reads it: shell scripts with {@code bash -n}, YAML
 * parsed, JSON parsed, systemd units with {@code systemd-analyze verify} (skipped, saying so, where that
 * tool is missing), cron lines field by field. A file of a kind nobody checks fails, so a new scheduler
 * file cannot slip in unchecked.
 */
class JobsFilesTests {

    static final Path JOBS = Path.of("jobs");

    /** Where the units expect the wrapper once installed; replaced by the repository's copy to verify them here. */
    static final String INSTALLED_WRAPPER = "/opt/snapshot-batch/snapshot-batch-nightly.sh";

    /** A cron time field: *, numbers, ranges, lists, steps, or names of months and days. */
    static final Pattern CRON_FIELD = Pattern.compile("(\\*|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(/[0-9]+)?(,(\\*|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(/[0-9]+)?)*");

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> everyFileInJobsIsChecked() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(JOBS)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).as("files in jobs/").isNotEmpty();
        return files.stream().map((file) -> DynamicTest.dynamicTest(file.toString(), () -> check(file)));
    }

    private void check(Path file) throws Exception {
        String name = file.getFileName().toString();
        if (name.endsWith(".sh")) {
            assertThat(Files.isExecutable(file)).as(file + " is executable").isTrue();
            assertThat(run(List.of("bash", "-n", file.toString()))).as("bash -n " + file).isEmpty();
        }
        else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                List<Object> documents = new ArrayList<>();
                new Yaml().loadAll(reader).forEach(documents::add);
                assertThat(documents).as(file + " has YAML documents").isNotEmpty().doesNotContainNull();
            }
        }
        else if (name.endsWith(".json")) {
            assertThat(new ObjectMapper().readTree(file.toFile()).isObject()).as(file + " is a JSON object").isTrue();
        }
        else if (name.endsWith(".service") || name.endsWith(".timer")) {
            verifySystemdUnit(file);
        }
        else if (name.endsWith(".cron")) {
            checkCron(file);
        }
        else {
            fail("No check for " + file + ": add one to JobsFilesTests");
        }
    }

    /** systemd-analyze verify, with the unit's sibling units next to it and the wrapper where the repository has it. */
    private void verifySystemdUnit(Path unit) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-analyze")) || onPath("systemd-analyze"),
                "systemd-analyze is not installed here: " + unit + " is not verified (install the systemd package)");
        Path dir = Files.createDirectories(this.work.resolve("units"));
        try (Stream<Path> siblings = Files.list(unit.getParent())) {
            for (Path sibling : siblings.toList()) {
                String text = Files.readString(sibling, StandardCharsets.UTF_8)
                    .replace(INSTALLED_WRAPPER, JOBS.resolve("snapshot-batch-nightly.sh").toAbsolutePath().toString());
                Files.writeString(dir.resolve(sibling.getFileName()), text, StandardCharsets.UTF_8);
            }
        }
        String output = run(List.of("systemd-analyze", "verify", "--man=no", dir.resolve(unit.getFileName()).toString()));
        assertThat(output).as("systemd-analyze verify " + unit).isEmpty();
    }

    /** /etc/cron.d format: comments, VAR=value, or five time fields, a user and a bash command. */
    private static void checkCron(Path file) throws Exception {
        int entries = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                continue;
            }
            String[] fields = trimmed.split("\\s+", 7);
            assertThat(fields).as("cron line needs 5 time fields, a user and a command: " + line).hasSize(7);
            for (int i = 0; i < 5; i++) {
                assertThat(fields[i]).as("time field %d of: %s", i + 1, line).matches(CRON_FIELD);
            }
            assertThat(fields[5]).as("user of: " + line).matches("[a-z_][a-z0-9_-]*");
            assertThat(run(List.of("bash", "-n", "-c", fields[6]))).as("bash -n of the command of: " + line).isEmpty();
            entries++;
        }
        assertThat(entries).as(file + " schedules something").isPositive();
    }

    /** Runs a check; returns its output when it fails, empty when it passes. */
    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return "timed out: " + output;
        }
        return (process.exitValue() == 0) ? "" : "exit " + process.exitValue() + ": " + output;
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).anyMatch((dir) -> Files.isExecutable(Path.of(dir, tool)));
    }

}
