package io.snapshotbatch.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** A quota that moves during a run: the rate limiter's new rate, a schedule, and the admin call. */
class RateControlTests {

    private final AtomicLong now = new AtomicLong();

    @Test
    void aLowerRateAlsoShrinksWhatTheBucketHolds() {
        // given 10/s, bucket full
        RateLimiter limiter = new RateLimiter(10, this.now::get);
        assertThat(limiter.tryAcquire("op")).isTrue();

        // when the rate falls to 2/s
        limiter.setRate(2);

        // then at most 2 pass at once, then 2 a second
        assertThat(count(limiter, 10)).isEqualTo(2);
        this.now.addAndGet(1_000_000_000L);
        assertThat(count(limiter, 10)).isEqualTo(2);
    }

    @Test
    void aScheduleIsReadAndOrdered() {
        RateSchedule schedule = RateSchedule.parse("4@20s, 12@0s,12@40,1@500ms");

        assertThat(schedule.steps()).extracting(RateSchedule.Step::rate).containsExactly(12.0, 1.0, 4.0, 12.0);
        assertThat(schedule.steps().get(1).at()).hasMillis(500);
        assertThatIllegalArgumentException().isThrownBy(() -> RateSchedule.parse("12")).withMessageContaining("RATE@OFFSET");
        assertThatIllegalArgumentException().isThrownBy(() -> RateSchedule.parse("x@1s")).withMessageContaining("RATE@OFFSET");
    }

    @Test
    void aScheduleMovesTheRateAtItsOffsets() throws Exception {
        // given
        RateLimiter limiter = new RateLimiter(0);
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
        try {
            // when
            RateSchedule.parse("12@0s,4@200ms").startOnce(limiter, timer);
            double first = limiter.rate();
            Thread.sleep(600);

            // then
            assertThat(first).isEqualTo(12);
            assertThat(limiter.rate()).isEqualTo(4);
        }
        finally {
            timer.shutdownNow();
        }
    }

    @Test
    void theAdminCallsMoveTheRateAndDenyCallsOfARunningEmulator() throws Exception {
        try (PartnerCentralEmulator emulator = PartnerCentralEmulator.start(EmulatorSettings.defaults().withPort(0))) {
            HttpClient http = HttpClient.newHttpClient();
            // when
            HttpResponse<String> rate = http.send(post(emulator, "/_emulator/rate", "{\"rate\": 4}"),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> deny = http.send(post(emulator, "/_emulator/deny", "{\"pattern\": \"O100[12]\"}"),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> bad = http.send(post(emulator, "/_emulator/rate", "{\"schedule\": \"oops\"}"),
                    HttpResponse.BodyHandlers.ofString());
            // then
            assertThat(rate.statusCode()).isEqualTo(200);
            assertThat(rate.body()).contains("4.0");
            assertThat(emulator.rate()).isEqualTo(4);
            assertThat(deny.body()).contains("O100[12]");
            assertThat(bad.statusCode()).isEqualTo(400);
        }
    }

    private static HttpRequest post(PartnerCentralEmulator emulator, String path, String body) {
        return HttpRequest.newBuilder(URI.create(emulator.endpoint() + path))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    }

    private static long count(RateLimiter limiter, int calls) {
        long allowed = 0;
        for (int i = 0; i < calls; i++) {
            if (limiter.tryAcquire("op")) {
                allowed++;
            }
        }
        return allowed;
    }

}
