package io.snapshotbatch.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.snapshotbatch.run.DatabaseTarget;
import io.snapshotbatch.support.EmulatorProcess;
import io.snapshotbatch.support.RandomKills;
import io.snapshotbatch.support.RunDates;
import io.snapshotbatch.support.TestDatabases;

/**
 * The kill soak (issue 16): nights of {@code run} through the built jar, each on a new ledger (PostgreSQL and H2
 * in turn), SIGKILLed at random moments and relaunched until they finish, until the total number of kills is
 * reached. Prints one line per night and the totals: kills, nights, nights finished, duplicates, launches,
 * unexpected exits, wall time. Needs {@code target/snapshot-batch.jar} and PostgreSQL on 127.0.0.1:5432.
 *
 * {@code java -cp "$CP" io.snapshotbatch.benchmark.KillSoak KILLS ROWS KILLS_PER_NIGHT both|postgres|h2 [SEED]}
 */
public final class KillSoak {

    private KillSoak() {
    }

    public static void main(String[] args) throws Exception {
        int totalKills = Integer.parseInt(args[0]);
        int rows = Integer.parseInt(args[1]);
        int killsPerNight = Integer.parseInt(args[2]);
        String databases = args[3];
        long seed = (args.length > 4) ? Long.parseLong(args[4]) : new Random().nextLong();
        Path work = Files.createTempDirectory("kill-soak-");
        System.out.printf("kill soak: %d kills, %d rows a night, %d kills a night, %s, seed %d, in %s%n", totalKills, rows,
                killsPerNight, databases, seed, work);
        Instant start = Instant.now();
        List<RandomKills.Night> nights = new ArrayList<>();
        int postgresNights = 0;
        try (EmulatorProcess emulator = EmulatorProcess.start(work, "--latency-ms", "5", "--fault-rate", "0.02", "--seed",
                String.valueOf(seed))) {
            RandomKills kills = new RandomKills(emulator, seed, Duration.ofSeconds(6));
            int killed = 0;
            for (int n = 0; killed < totalKills; n++) {
                boolean postgres = databases.equals("postgres") || databases.equals("both") && n % 2 == 0;
                String prefix = "k" + letters(n);
                Path nightDir = work.resolve(prefix);
                DatabaseTarget db = postgres ? TestDatabases.freshPostgres() : TestDatabases.h2(nightDir.resolve("h2"));
                RandomKills.Night night;
                try {
                    night = kills.night(nightDir, db, prefix, RunDates.daysAgo(1), rows,
                            Math.min(killsPerNight, totalKills - killed), 6);
                }
                finally {
                    if (postgres) {
                        TestDatabases.dropPostgres(db);
                    }
                }
                nights.add(night);
                postgresNights += postgres ? 1 : 0;
                killed += night.kills();
                System.out.printf("night %d (%s, %s): %d kills, %d launches, exit %d, created %d, failed %d, not finished %d, "
                        + "duplicates %d, missing revisions %d, unexpected exits %d, %d s%n", n + 1, prefix,
                        postgres ? "PostgreSQL" : "H2", night.kills(), night.launches(), night.finalExit(), night.created(),
                        night.failed(), night.notFinished(), night.duplicates(), night.missingRevisions(),
                        night.unexpectedExits().size(), night.wall().toSeconds());
                if (!night.converged() || night.duplicates() > 0 || night.missingRevisions() != 0) {
                    System.out.println("  kills: " + String.join("\n  ", night.killLog()));
                    night.unexpectedExits().forEach((exit) -> System.out.println("  " + exit));
                }
            }
        }
        long kills = nights.stream().mapToLong(RandomKills.Night::kills).sum();
        long launches = nights.stream().mapToLong(RandomKills.Night::launches).sum();
        System.out.printf("TOTAL: %d kills over %d nights (%d PostgreSQL); %d nights finished (exit 0/3), %d duplicates, "
                + "%d missing revisions, %d launches (%d relaunches), %d unexpected exits; wall %s; seed %d%n", kills,
                nights.size(), postgresNights,
                nights.stream().filter(RandomKills.Night::converged).count(),
                nights.stream().mapToLong(RandomKills.Night::duplicates).sum(),
                nights.stream().mapToLong(RandomKills.Night::missingRevisions).sum(), launches, launches - nights.size(),
                nights.stream().mapToLong((night) -> night.unexpectedExits().size()).sum(),
                Duration.between(start, Instant.now()).withNanos(0), seed);
    }

    /** 0 → "aaa", 1 → "aab", ...: the night's key prefix in the shared emulator. */
    private static String letters(int n) {
        return "" + (char) ('a' + n / 676 % 26) + (char) ('a' + n / 26 % 26) + (char) ('a' + n % 26);
    }

}
