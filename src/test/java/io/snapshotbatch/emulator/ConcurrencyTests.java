package io.snapshotbatch.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;
import software.amazon.awssdk.services.partnercentralselling.model.CreateResourceSnapshotRequest;
import software.amazon.awssdk.services.partnercentralselling.model.CreateResourceSnapshotResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static io.snapshotbatch.emulator.EmulatorClients.ENGAGEMENT;
import static io.snapshotbatch.emulator.EmulatorClients.OPPORTUNITY;
import static io.snapshotbatch.emulator.EmulatorClients.TEMPLATE;
import static io.snapshotbatch.emulator.EmulatorClients.validCreate;
import static org.assertj.core.api.Assertions.assertThat;

/** Races on one resource view: revisions stay unique and gap-free, one token never yields two revisions. */
class ConcurrencyTests {

    private static final int THREADS = 8;
    private static final int CALLS_PER_THREAD = 25;

    private PartnerCentralEmulator emulator;
    private PartnerCentralSellingClient client;
    private ExecutorService pool;

    @BeforeEach
    void start() throws IOException {
        emulator = PartnerCentralEmulator.start(EmulatorClients.testSettings());
        client = EmulatorClients.noRetryClient(emulator);
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        client.close();
        emulator.close();
    }

    @RepeatedTest(3)
    void concurrentCreatesWithDistinctTokensGetDistinctConsecutiveRevisions() throws Exception {
        // given 8 threads that each send 25 creates of the same view, each with its own token
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Callable<List<Integer>>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(() -> {
                start.await();
                List<Integer> revisions = new ArrayList<>();
                for (int i = 0; i < CALLS_PER_THREAD; i++) {
                    revisions.add(client.createResourceSnapshot(validCreate().build()).revision());
                }
                return revisions;
            });
        }

        // when
        List<Integer> all = new ArrayList<>();
        for (Future<List<Integer>> result : pool.invokeAll(workers)) {
            all.addAll(result.get());
        }

        // then revisions are exactly 1..200, each once
        int total = THREADS * CALLS_PER_THREAD;
        assertThat(all).hasSize(total).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, total).boxed().toList());
        assertThat(emulator.stats().revisionsCreated("Sandbox", ENGAGEMENT, "Opportunity", OPPORTUNITY, TEMPLATE))
                .isEqualTo(total);
    }

    @RepeatedTest(3)
    void concurrentCreatesWithTheSameTokenCreateExactlyOneRevision() throws Exception {
        // given 8 threads that send the very same request at the same moment, 25 rounds with a new token each
        for (int round = 0; round < CALLS_PER_THREAD; round++) {
            CreateResourceSnapshotRequest request = validCreate().build();
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<Callable<CreateResourceSnapshotResponse>> senders = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                senders.add(() -> {
                    start.await();
                    return client.createResourceSnapshot(request);
                });
            }

            // when
            List<CreateResourceSnapshotResponse> answers = new ArrayList<>();
            for (Future<CreateResourceSnapshotResponse> answer : pool.invokeAll(senders)) {
                answers.add(answer.get());
            }

            // then all 8 got the same answer, and the round added exactly one revision
            assertThat(answers).extracting(CreateResourceSnapshotResponse::revision).containsOnly(round + 1);
            assertThat(answers).extracting(CreateResourceSnapshotResponse::arn).containsOnly(answers.get(0).arn());
            assertThat(emulator.stats().revisionsCreated("Sandbox", ENGAGEMENT, "Opportunity", OPPORTUNITY,
                    TEMPLATE)).isEqualTo(round + 1);
        }
        assertThat(emulator.stats().calls("CreateResourceSnapshot", "Success")).isEqualTo(CALLS_PER_THREAD);
        assertThat(emulator.stats().calls("CreateResourceSnapshot", "Replay"))
                .isEqualTo((long) CALLS_PER_THREAD * (THREADS - 1));
    }
}
