package io.snapshotbatch.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.snapshotbatch.support.EmulatorProcess;
import io.snapshotbatch.support.RandomKills;
import io.snapshotbatch.support.RunDates;
import io.snapshotbatch.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The restart promise under kills at random moments, from the first milliseconds of start-up to the report,
 * on PostgreSQL and on the default H2 file, against a service that throttles, fails and drops connections
 * now and then: the same command, launched again after each {@code kill -9}, always finishes the night, every
 * row has exactly one outcome, and the emulator holds one revision per created row.
 *
 * The seed is printed; {@code -Dsnapshot.kill.seed=N} replays its draws (kill moments and the emulator's
 * faults). {@code io.snapshotbatch.benchmark.KillSoak} runs the same harness for hundreds of kills.
 */
class RandomKillIntegrationTests {

    static final long SEED = Long.getLong("snapshot.kill.seed", new Random().nextLong());

    private static final int ROWS = 400;

    private static final int KILLS = 6;

    static EmulatorProcess emulator;

    @TempDir
    static Path emulatorDir;

    @TempDir
    Path work;

    @BeforeAll
    static void startEmulator() throws Exception {
        System.out.println("RandomKillIntegrationTests seed " + SEED + " (replay: -Dsnapshot.kill.seed=" + SEED + ")");
        // 2 % of calls faulted: throttled, a 500, a dropped connection or a reply 2-5 s late.
        emulator = EmulatorProcess.start(emulatorDir, "--latency-ms", "5", "--fault-rate", "0.02", "--seed",
                String.valueOf(SEED));
    }

    @AfterAll
    static void stopEmulator() throws Exception {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void onPostgresqlEveryNightKilledAtRandomIsFinishedByTheSameCommandWithoutADuplicate() throws Exception {
        DatabaseTarget db = TestDatabases.freshPostgres();
        try {
            check(new RandomKills(emulator, SEED, Duration.ofSeconds(6)).night(this.work, db, "rkpg", RunDates.daysAgo(2),
                    ROWS, KILLS, 4));
        }
        finally {
            TestDatabases.dropPostgres(db);
        }
    }

    @Test
    void onTheEmbeddedH2FileEveryNightKilledAtRandomIsFinishedByTheSameCommandWithoutADuplicate() throws Exception {
        DatabaseTarget db = TestDatabases.h2(this.work.resolve("h2"));
        check(new RandomKills(emulator, SEED + 1, Duration.ofSeconds(6)).night(this.work, db, "rkht", RunDates.daysAgo(2),
                ROWS, KILLS, 4));
    }

    private static void check(RandomKills.Night night) {
        // given/when: see RandomKills; then:
        String story = "seed " + SEED + "\n" + String.join("\n", night.killLog());
        System.out.println("random kills, " + night.prefix() + ": " + story + "\n" + night);
        assertThat(night.unexpectedExits()).as(story).isEmpty();
        assertThat(night.finalExit()).as(story).isIn(ExitCodes.OK, ExitCodes.FINISHED_WITH_PROBLEMS);
        assertThat(night.kills()).as(story).isPositive();
        // Every row has exactly one outcome (CREATED, or FAILED for a 500 the SDK's retries did not get past).
        assertThat(night.notFinished()).as(story).isZero();
        assertThat(night.created() + night.failed()).as(story).isEqualTo(night.rows());
        // The emulator holds one revision per created row, and none for any other.
        assertThat(night.duplicates()).as(story).isZero();
        assertThat(night.missingRevisions()).as(story).isZero();
    }

}
