package io.snapshotbatch.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * A real headless Chromium (Debian's {@code chromium}; {@code .ci/run} installs it) that opens one HTML
 * file served on loopback, and says what the page did: its DOM after rendering, a screenshot, every
 * request the page made (from Chromium's own net log: requests whose initiator is the page), and every
 * request the loopback server saw. Name resolution is switched off for every host but 127.0.0.1, so
 * nothing the browser tries can leave the machine; its own background calls are told apart from the
 * page's by their initiator.
 */
public final class HeadlessChromium {

    /** What a page did when rendered. */
    public record Rendering(String dom, Path screenshot, List<String> pageRequests, List<String> served, String log) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private HeadlessChromium() {
    }

    public static Rendering render(Path page, Path workDir) throws Exception {
        byte[] body = Files.readAllBytes(page);
        String name = "/" + page.getFileName();
        List<String> served = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", (exchange) -> {
            served.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            boolean found = exchange.getRequestURI().getPath().equals(name);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(found ? 200 : 404, found ? body.length : -1);
            try (OutputStream out = exchange.getResponseBody()) {
                if (found) {
                    out.write(body);
                }
            }
        });
        server.start();
        try {
            String origin = "http://127.0.0.1:" + server.getAddress().getPort();
            Path dir = Files.createDirectories(workDir.resolve("chromium"));
            Path netLog = dir.resolve("netlog.json");
            Path screenshot = dir.resolve("screenshot.png");
            Path dom = dir.resolve("dom.html");
            Path log = dir.resolve("chromium.log");
            List<String> command = List.of(binary(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                    "--user-data-dir=" + dir.resolve("profile"), "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                    "--log-net-log=" + netLog, "--enable-logging=stderr", "--v=0", "--window-size=1200,1900",
                    "--hide-scrollbars", "--screenshot=" + screenshot, "--dump-dom", origin + name);
            Process process = new ProcessBuilder(command).redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("chromium did not finish within 90 s: " + Files.readString(log));
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("chromium exited " + process.exitValue() + ": " + Files.readString(log));
            }
            return new Rendering(Files.readString(dom, StandardCharsets.UTF_8), screenshot, pageRequests(netLog, origin),
                    List.copyOf(served), Files.readString(log));
        }
        finally {
            server.stop(0);
        }
    }

    /** URLs of the requests the page itself started (its origin is their initiator). */
    static List<String> pageRequests(Path netLog, String origin) throws IOException {
        JsonNode root = JSON.readTree(netLog.toFile());
        int startJob = root.path("constants").path("logEventTypes").path("URL_REQUEST_START_JOB").asInt(-1);
        if (startJob < 0) {
            throw new AssertionError("Chromium's net log has no URL_REQUEST_START_JOB events: its format changed");
        }
        List<String> urls = new ArrayList<>();
        for (JsonNode event : root.path("events")) {
            JsonNode params = event.path("params");
            if (event.path("type").asInt() == startJob && origin.equals(params.path("initiator").asText())) {
                urls.add(params.path("url").asText());
            }
        }
        return urls;
    }

    static String binary() {
        String configured = System.getenv("CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        for (String name : List.of("chromium", "chromium-browser")) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        throw new IllegalStateException("chromium is not installed: .ci/run installs it (apt-get install chromium)");
    }

}
