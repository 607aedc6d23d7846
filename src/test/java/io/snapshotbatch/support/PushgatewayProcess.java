package io.snapshotbatch.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Prometheus Pushgateway (Debian's {@code prometheus-pushgateway}; {@code .ci/run} installs it) on a
 * free loopback port, with its persistence file in the test's folder, read back through {@code /metrics}.
 */
public final class PushgatewayProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)$");

    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One line of the text exposition format. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final Process process;

    private final int port;

    private final Path log;

    private PushgatewayProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static PushgatewayProcess start(Path workDir) throws Exception {
        String binary = Path.of("/usr/bin/prometheus-pushgateway").toString();
        if (!Files.isExecutable(Path.of(binary))) {
            throw new IllegalStateException("prometheus-pushgateway is not installed: .ci/run installs it "
                    + "(apt-get install prometheus-pushgateway)");
        }
        int port = EmulatorProcess.freePort();
        Path log = workDir.resolve("pushgateway.log");
        Process process = new ProcessBuilder(binary, "--web.listen-address=127.0.0.1:" + port,
                "--persistence.file=" + workDir.resolve("pushgateway.persistence"), "--persistence.interval=1s")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
        PushgatewayProcess gateway = new PushgatewayProcess(process, port, log);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                if (gateway.get("/-/ready").statusCode() == 200) {
                    return gateway;
                }
            }
            catch (IOException notYet) {
                // not listening yet
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                gateway.close();
                throw new IllegalStateException("The Pushgateway did not come up: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }

    /** What {@code --metrics-push} takes. */
    public String address() {
        return "127.0.0.1:" + this.port;
    }

    public List<Sample> metrics() throws IOException, InterruptedException {
        HttpResponse<String> response = get("/metrics");
        if (response.statusCode() != 200) {
            throw new IOException("/metrics answered " + response.statusCode());
        }
        List<Sample> samples = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            Matcher sample = SAMPLE.matcher(line.trim());
            if (line.startsWith("#") || !sample.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            Matcher label = LABEL.matcher((sample.group(2) != null) ? sample.group(2) : "");
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
        }
        return samples;
    }

    /** The value of metric {@code name} whose labels include {@code labels}, if pushed. */
    public Optional<Double> value(String name, Map<String, String> labels) throws IOException, InterruptedException {
        return metrics().stream()
            .filter((s) -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
            .map(Sample::value)
            .findFirst();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + address() + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        this.process.destroy();
        if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
            this.process.destroyForcibly();
        }
    }

    public String log() throws IOException {
        return Files.readString(this.log);
    }

}
