package io.snapshotbatch.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.snapshotbatch.run.ExitCodes;
import io.snapshotbatch.support.RunDates;
import io.snapshotbatch.support.InputFiles;
import io.snapshotbatch.support.JarProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator sees at a terminal, with the built jar: a live progress bar when the output is a
 * terminal (a real pseudo-terminal through util-linux {@code script}), the progress log line when it is
 * not, neither with {@code --quiet}; {@code --version} from the jar's manifest; bash completion.
 */
class OperatorConsoleIntegrationTests {

    @TempDir
    Path work;

    @Test
    void aRunOnATerminalShowsALiveProgressBar() throws Exception {
        // when
        Result result = onATerminal(run("prog", 60));

        // then
        assertThat(result.exit()).as(result.output()).isEqualTo(ExitCodes.OK);
        assertThat(result.output()).contains("\r")
            .containsPattern("Sending +100% \\[=+\\] +60/60 rows \\(\\d+:\\d\\d:\\d\\d / \\d+:\\d\\d:\\d\\d\\) [0-9.]+ rows/s [0-9.]+ calls/s")
            .doesNotContain("Progress:");
    }

    @Test
    void ctrlCWhileTheBarIsDrawnStopsTheRunCleanlyWithExitFour() throws Exception {
        // given: a run on a terminal that lasts a while (the bar's terminal library must leave SIGINT to the job)
        List<String> args = new ArrayList<>(run("ctrc", 600));
        args.set(args.indexOf("20"), "10");

        // when: Ctrl-C (SIGINT) once the bar is drawn
        Result result = onATerminal(args, (process, output) -> {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (!Files.readString(output).contains("Sending ") && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Thread.sleep(1500);
            for (ProcessHandle java : process.descendants().filter((p) -> p.info().command().orElse("").endsWith("java")).toList()) {
                new ProcessBuilder("kill", "-INT", String.valueOf(java.pid())).inheritIO().start().waitFor();
            }
        });

        // then: the graceful stop, not a JVM killed by the signal
        assertThat(result.exit()).as(result.output()).isEqualTo(ExitCodes.STOPPED);
        assertThat(result.output()).contains("STOPPED").contains("interrupted by a signal (SIGINT, Ctrl-C)");
    }

    @Test
    void withoutATerminalARunLogsProgressLinesAndDrawsNoBar() throws Exception {
        // when
        JarProcess process = JarProcess.start(this.work, java.util.Map.of("SNAPSHOT_PROGRESSINTERVAL", "1s"), run("nott", 60));
        int exit = process.waitFor(Duration.ofMinutes(3));

        // then
        assertThat(exit).as(process.output()).isEqualTo(ExitCodes.OK);
        assertThat(process.output()).contains("Progress: ").doesNotContain("\r").doesNotContain("Sending ");
    }

    @Test
    void quietShowsNeitherBarNorProgressLine() throws Exception {
        // given
        List<String> args = new ArrayList<>(run("quie", 40));
        args.add("--quiet");

        // when
        Result result = onATerminal(args);

        // then
        assertThat(result.exit()).as(result.output()).isEqualTo(ExitCodes.OK);
        assertThat(result.output()).doesNotContain("Sending ").doesNotContain("Progress:").contains("40 created")
            .contains("summary.csv and report.html");
        assertThat(this.work.resolve("quie-reports").resolve(RunDates.daysAgo(1)).resolve("report.html")).isNotEmptyFile();
    }

    @Test
    void versionComesFromTheJarsManifest() throws Exception {
        // when
        JarProcess process = JarProcess.start(this.work, java.util.Map.of(), List.of("--version"));
        int exit = process.waitFor(Duration.ofMinutes(1));

        // then
        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(process.output().lines().findFirst())
            .contains("snapshot-batch " + System.getProperty("project.version", "(run through Maven failsafe)"));
    }

    @Test
    void bashCompletesCommandsAndTheirOptions() throws Exception {
        // given
        JarProcess process = JarProcess.start(this.work, java.util.Map.of(), List.of("generate-completion"));
        assertThat(process.waitFor(Duration.ofMinutes(1))).isEqualTo(ExitCodes.OK);
        Path script = Files.writeString(this.work.resolve("snapshot-batch.bash"), process.output(), StandardCharsets.UTF_8);

        // when
        String commands = complete(script, "snapshot-batch", "re");
        String rerunOptions = complete(script, "snapshot-batch", "rerun-failed", "--e");
        String runOptions = complete(script, "snapshot-batch", "run", "--met");

        // then
        assertThat(commands.split(" ")).containsExactlyInAnyOrder("rerun-failed", "report");
        assertThat(rerunOptions.split(" ")).contains("--error-code", "--endpoint");
        assertThat(runOptions).isEqualTo("--metrics-push");
    }

    /** Asks bash, with the generated script sourced, what it would complete for the last word. */
    private static String complete(Path script, String... words) throws Exception {
        String wordList = java.util.Arrays.stream(words).map((w) -> "'" + w + "'").collect(Collectors.joining(" "));
        String bash = "source '" + script + "'; COMP_WORDS=(" + wordList + "); COMP_CWORD=" + (words.length - 1)
                + "; COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}; _complete_snapshot-batch snapshot-batch '"
                + words[words.length - 1] + "' '" + words[words.length - 2] + "' 2>/dev/null; echo \"${COMPREPLY[*]}\"";
        Process process = new ProcessBuilder("bash", "-c", bash).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    private List<String> run(String prefix, int rows) throws Exception {
        Path input = InputFiles.validPairs(this.work, prefix, rows);
        return JarProcess.withDatabase(io.snapshotbatch.support.TestDatabases.h2(this.work.resolve(prefix)), "run", "--input",
                input.toString(), "--run-date", RunDates.daysAgo(1), "--endpoint", "emulator", "--rate", "20",
                "--report-dir", this.work.resolve(prefix + "-reports").toString());
    }

    record Result(int exit, String output) {
    }

    /** Runs the jar on a pseudo-terminal (util-linux script), as a person at a terminal would. */
    private Result onATerminal(List<String> args) throws Exception {
        return onATerminal(args, (process, output) -> {
        });
    }

    interface WhileRunning {

        void accept(Process process, Path output) throws Exception;

    }

    private Result onATerminal(List<String> args, WhileRunning whileRunning) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-jar");
        command.add(JarProcess.JAR.toAbsolutePath().toString());
        command.addAll(args);
        String line = command.stream().map((arg) -> "'" + arg.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
        Path output = this.work.resolve("terminal-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder("script", "--quiet", "--return", "--command", line, "/dev/null")
            .directory(this.work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDTESTS");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "test-secret");
        builder.environment().put("TERM", "xterm");
        Process process = builder.start();
        whileRunning.accept(process, output);
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("The jar did not finish on the terminal: " + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

}
