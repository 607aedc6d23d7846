package io.snapshotbatch.emulator;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The store's locking, hammered directly (no HTTP) far harder than an HTTP test could. */
class SnapshotStoreTests {

    private static final SnapshotKey KEY = new SnapshotKey("Sandbox", "eng-eyl04g6b3yz2t6", "Opportunity", "O1",
            "OpportunitySummaryView");
    private static final int THREADS = 8;

    private final SnapshotStore store = new SnapshotStore(new DailyQuota(0), "111122223333");

    @Test
    void distinctTokensOnOneKeyGetGapFreeUniqueRevisions() throws Exception {
        // given 8 threads x 5,000 creates, each with its own token
        int perThread = 5_000;
        List<Integer> revisions = Collections.synchronizedList(new ArrayList<>());

        // when
        race(thread -> () -> {
            for (int i = 0; i < perThread; i++) {
                revisions.add(store.create(KEY, thread + "-" + i, Instant.now()).snapshot().revision());
            }
            return null;
        });

        // then
        assertThat(revisions).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, THREADS * perThread).boxed().toList());
        assertThat(store.revisions(KEY)).isEqualTo(THREADS * perThread);
    }

    @Test
    void oneTokenRacedByEveryThreadYieldsOneRevisionAndOneAnswer() throws Exception {
        // given 2,000 tokens, each sent by all 8 threads at once
        int tokens = 2_000;
        ConcurrentHashMap<String, List<SnapshotStore.CreateResult>> answers = new ConcurrentHashMap<>();

        // when
        race(thread -> () -> {
            for (int i = 0; i < tokens; i++) {
                SnapshotStore.CreateResult result = store.create(KEY, "token-" + i, Instant.now());
                answers.computeIfAbsent("token-" + i, t -> Collections.synchronizedList(new ArrayList<>()))
                        .add(result);
            }
            return null;
        });

        // then each token created once, and all 8 callers saw that same snapshot
        assertThat(store.revisions(KEY)).isEqualTo(tokens);
        answers.forEach((token, results) -> {
            assertThat(results).hasSize(THREADS);
            assertThat(results).filteredOn(r -> !r.replay()).hasSize(1);
            assertThat(results).extracting(r -> r.snapshot().revision()).containsOnly(
                    results.get(0).snapshot().revision());
        });
    }

    @Test
    void theDailyQuotaIsNeverOverspentUnderContention() throws Exception {
        // given a quota of 1,000 and 8 threads trying 500 creates each
        SnapshotStore limited = new SnapshotStore(new DailyQuota(1_000), "111122223333");

        // when
        race(thread -> () -> {
            for (int i = 0; i < 500; i++) {
                try {
                    limited.create(KEY, thread + "-" + i, Instant.now());
                } catch (ServiceError throttled) {
                    assertThat(throttled.type()).isEqualTo(ErrorType.ThrottlingException);
                }
            }
            return null;
        });

        // then
        assertThat(limited.revisions(KEY)).isEqualTo(1_000);
    }

    private static void race(java.util.function.IntFunction<Callable<Void>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Callable<Void> body = work.apply(t);
                tasks.add(() -> {
                    start.await();
                    return body.call();
                });
            }
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
