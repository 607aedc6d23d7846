package io.snapshotbatch.emulator;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulator's own capacity, without the SDK's client-side cost: keep-alive connections that each send
 * SDK-shaped CreateResourceSnapshot requests one after another. Not a test; run it by hand (classpath as for
 * {@link EmulatorBenchmark}), e.g.
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) io.snapshotbatch.emulator.RawSocketBenchmark 8 10}
 * (connections, seconds per round; three rounds, the first is warm-up).
 */
public final class RawSocketBenchmark {

    private RawSocketBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        try (PartnerCentralEmulator emulator = PartnerCentralEmulator.start(EmulatorSettings.defaults().withPort(0))) {
            for (int round = 0; round < 3; round++) {
                long calls = round(emulator.port(), connections, seconds);
                System.out.printf("round %d: %.0f calls/s over %d connections%n", round, calls / (double) seconds,
                        connections);
            }
        }
    }

    private static long round(int port, int connections, int seconds) throws InterruptedException {
        AtomicLong calls = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> senders = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int connection = c;
            Thread sender = new Thread(() -> send(port, connection, deadline, calls));
            sender.setDaemon(true);
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        return calls.get();
    }

    private static void send(int port, int connection, long deadline, AtomicLong calls) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setTcpNoDelay(true);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (long i = 0; System.nanoTime() < deadline; i++) {
                byte[] body = ("{\"Catalog\":\"Sandbox\",\"EngagementIdentifier\":\"eng-eyl04g6b3yz2t6\","
                        + "\"ResourceType\":\"Opportunity\",\"ResourceIdentifier\":\"O" + (connection * 1000 + i % 1000)
                        + "\",\"ResourceSnapshotTemplateIdentifier\":\"OpportunitySummaryView\",\"ClientToken\":\""
                        + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
                out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.0\r\n"
                        + "X-Amz-Target: AWSPartnerCentralSelling.CreateResourceSnapshot\r\n"
                        + "X-Amz-Date: 20260101T000000Z\r\nAuthorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"
                        + "20260101/us-east-1/partnercentral-selling/aws4_request, SignedHeaders=host;x-amz-date;"
                        + "x-amz-target, Signature=" + "0".repeat(64) + "\r\nUser-Agent: aws-sdk-java/2.40.2\r\n"
                        + "amz-sdk-invocation-id: " + UUID.randomUUID() + "\r\namz-sdk-request: attempt=1; max=4\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
                readResponse(in);
                calls.incrementAndGet();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void readResponse(InputStream in) throws IOException {
        int length = -1;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.readNBytes(length);
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
