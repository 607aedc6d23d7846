package io.snapshotbatch.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.snapshotbatch.throttle.RollingQuota;
import io.snapshotbatch.throttle.RollingQuotaAccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --quota-24h} over the ledger's {@code call_log} (a real, migrated H2 database). */
class RollingQuotaTests {

    private static final Instant NOW = Instant.parse("2026-12-01T10:30:20Z");

    private static LedgerDatabase db;

    private CallLogRepository log;

    private final AtomicReference<String> stopped = new AtomicReference<>();

    @BeforeAll
    static void migrate() {
        db = LedgerDatabase.create();
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @BeforeEach
    void emptyLog() {
        db.jdbc().sql("delete from call_log").update();
        this.log = new CallLogRepository(db.jdbc());
    }

    @Test
    void callsOfOtherLaunchesInTheLast24HoursCountAndTheLastAllowedCallStopsTheRun() {
        // given: another launch made 10 calls 3 hours ago, and 50 calls 25 hours ago (out of the window)
        this.log.record("launch-a", NOW.minus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES), 10);
        this.log.record("launch-old", NOW.minus(Duration.ofHours(25)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES), 50);
        RollingQuota quota = quota(15);

        // when
        quota.start();
        for (int i = 0; i < 5; i++) {
            RollingQuotaAccess.spend(quota);
        }

        // then: the fifth call was the last; the stop says from when calls are available again
        assertThat(this.stopped.get()).contains("--quota-24h 15").contains("15 CreateResourceSnapshot calls")
            .contains("available again from 2026-12-02T07:31:00Z");
        assertThatThrownBy(() -> RollingQuotaAccess.spend(quota)).hasMessageContaining("--quota-24h 15");
    }

    @Test
    void thisLaunchsCallsAreWrittenPerMinuteForTheNextLaunch() {
        // given
        RollingQuota quota = quota(0);
        quota.start();
        for (int i = 0; i < 7; i++) {
            RollingQuotaAccess.spend(quota);
        }

        // when
        quota.close();

        // then
        assertThat(this.log.callsPerMinuteSince(NOW.minus(Duration.ofMinutes(5)))).containsExactly(
                java.util.Map.entry(Instant.parse("2026-12-01T10:30:00Z"), 7L));
        assertThat(this.stopped.get()).isNull();
    }

    @Test
    void aQuotaAlreadyReachedStopsTheLaunchBeforeAnyCall() {
        // given
        this.log.record("launch-a", Instant.parse("2026-12-01T09:00:00Z"), 15);
        RollingQuota quota = quota(15);

        // when
        quota.start();

        // then
        assertThat(this.stopped.get()).contains("available again from 2026-12-02T09:01:00Z");
    }

    private RollingQuota quota(long limit) {
        RollingQuota quota = new RollingQuota(limit, this.log, Clock.fixed(NOW, ZoneOffset.UTC));
        quota.onReached(this.stopped::set);
        return quota;
    }

}
