package io.snapshotbatch.snapshot;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.integration.async.AsyncItemProcessor;
import org.springframework.batch.integration.async.AsyncItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import io.micrometer.core.instrument.MeterRegistry;
import io.snapshotbatch.ledger.LedgerRepository;
import io.snapshotbatch.ledger.LedgerRow;
import io.snapshotbatch.ledger.PaceRepository;
import io.snapshotbatch.ledger.RunRepository;
import io.snapshotbatch.nightly.ChangeCheck;
import io.snapshotbatch.nightly.ReadGate;
import io.snapshotbatch.progress.ProgressMode;
import io.snapshotbatch.report.ReconciliationReport;
import io.snapshotbatch.staging.InputStager;
import io.snapshotbatch.throttle.CallLatency;
import io.snapshotbatch.throttle.PaceController;
import io.snapshotbatch.throttle.RollingQuota;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;

/**
 * The snapshot job, in reading order: stage the input, then in parallel partitions read PENDING rows,
 * send them, record the results, then write the report.
 *
 * Every step may start again on restart: staging is skipped once done, a partition only ever finds
 * its own rows that are still PENDING, and the report is rewritten from the ledger. Nothing is
 * therefore sent twice, and the ledger (not Batch's step counters) is the truth.
 */
@Configuration(proxyBeanMethods = false)
public class SnapshotJobConfiguration {

    public static final String JOB_NAME = "snapshotJob";

    /** The identifying job parameter: the ledger's {@code snapshot_run.run_id}. */
    public static final String RUN_ID = "runId";

    @Bean
    ReadCallsRecorder readCallsRecorder(ReadGate readGate, RunRepository runs) {
        return new ReadCallsRecorder(readGate, runs);
    }

    /** Null unless --skip-unchanged. */
    @Bean
    ChangeCheckHolder changeCheck(SnapshotSettings settings, PartnerCentralClientConfiguration.ReadClient readClient,
            RunStopSignal stopSignal) {
        return new ChangeCheckHolder(settings.skipUnchanged()
                ? new ChangeCheck(readClient.client(), stopSignal::isStopped) : null);
    }

    /** The run's {@link ChangeCheck}, or none. */
    public record ChangeCheckHolder(ChangeCheck check) {
    }

    @Bean
    Step stageStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, LedgerRepository ledger,
            RunRepository runs, StagingInput stagingInput, Clock clock, ReadCallsRecorder readCallsRecorder,
            RunStopSignal stopSignal) {
        return new StepBuilder("stage", jobRepository)
            .tasklet(new StageInputTasklet(new InputStager(ledger, runs, clock), runs, stagingInput, stopSignal),
                    transactionManager)
            .listener(readCallsRecorder)
            .allowStartIfComplete(true)
            .build();
    }

    @Bean
    LinePartitioner linePartitioner() {
        return new LinePartitioner();
    }

    @Bean
    @StepScope
    PendingRowReader pendingRowReader(JdbcClient jdbc, SnapshotSettings settings, RunStopSignal stopSignal,
            @Value("#{jobParameters['runId']}") Long runId,
            @Value("#{stepExecutionContext['partition']}") Integer partition,
            @Value("#{stepExecutionContext['partitions']}") Integer partitions) {
        // The PENDING filter is the state: a restarted partition sees every row still pending, including
        // rows a stopping run skipped inside an already committed chunk.
        return new PendingRowReader(jdbc, runId, partition, partitions, Math.max(settings.effectiveChunkSize(), 100),
                settings.effectiveChunkSize(), settings.maxPasses(), stopSignal);
    }

    /** With --skip-unchanged the pending rows come a chunk at a time, their opportunities' dates prefetched. */
    @Bean
    @StepScope
    PrefetchingRowReader snapshotRowReader(PendingRowReader pendingRowReader, ChangeCheckHolder changeCheck,
            SnapshotSettings settings) {
        return new PrefetchingRowReader(pendingRowReader, changeCheck.check(), settings.effectiveChunkSize());
    }

    @Bean
    SnapshotItemProcessor snapshotItemProcessor(PartnerCentralSellingClient client, RunStopSignal stopSignal,
            MeterRegistry meters, SnapshotSettings settings, CallsInFlight callsInFlight, Clock clock, ChangeCheckHolder changeCheck) {
        SnapshotItemProcessor processor = new SnapshotItemProcessor(new SnapshotCaller(client, clock, callsInFlight), stopSignal, meters,
                settings.stopAfterUnreachable(), settings.stopAfterDenied());
        return (changeCheck.check() != null) ? processor.withChangeCheck(changeCheck.check(), clock) : processor;
    }

    /**
     * The threads that make the calls: one per call that may be under way ({@link SnapshotSettings#inFlightCap()}),
     * shared by every partition, so the cap holds across partitions. A row beyond the cap waits in the queue.
     */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskExecutor callExecutor(SnapshotSettings settings) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(settings.inFlightCap());
        executor.setMaxPoolSize(settings.inFlightCap());
        executor.setAllowCoreThreadTimeOut(true);
        executor.setThreadNamePrefix("call-");
        executor.setDaemon(true);
        // A kill or a stop must not wait for calls: a call that was under way is re-sent with its token.
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.initialize();
        return executor;
    }

    /**
     * A chunk's rows are sent concurrently (each on a call thread), and the chunk is written in one transaction
     * once every answer is in: restart stays per partition and per chunk, exactly as with one call at a time.
     */
    @Bean
    AsyncItemProcessor<LedgerRow, RowResult> asyncSnapshotProcessor(SnapshotItemProcessor snapshotItemProcessor,
            ThreadPoolTaskExecutor callExecutor) {
        AsyncItemProcessor<LedgerRow, RowResult> processor = new AsyncItemProcessor<>(snapshotItemProcessor);
        processor.setTaskExecutor(callExecutor);
        return processor;
    }

    @Bean
    JdbcBatchItemWriter<RowResult> rowResultWriter(DataSource dataSource) {
        return new JdbcBatchItemWriterBuilder<RowResult>()
            .dataSource(dataSource)
            .sql(LedgerRepository.RECORD_RESULT_SQL)
            .itemSqlParameterSourceProvider(RowResult::sqlParameters)
            .build();
    }

    @Bean
    @StepScope
    StopWhenSignalled stopWhenSignalled(RunStopSignal stopSignal) {
        return new StopWhenSignalled(stopSignal);
    }

    @Bean
    Step snapshotWorkerStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            PrefetchingRowReader snapshotRowReader, AsyncItemProcessor<LedgerRow, RowResult> asyncSnapshotProcessor,
            JdbcBatchItemWriter<RowResult> rowResultWriter, StopWhenSignalled stopWhenSignalled,
            SnapshotSettings settings, ReadCallsRecorder readCallsRecorder) {
        return new StepBuilder("snapshotWorker", jobRepository)
            .<LedgerRow, Future<RowResult>>chunk(settings.effectiveChunkSize())
            .transactionManager(transactionManager)
            .reader(snapshotRowReader)
            .processor(asyncSnapshotProcessor)
            // Waits for every answer of the chunk, drops the rows left out (null: stopping, pass ends).
            .writer(new AsyncItemWriter<>(readCallsRecorder.after(rowResultWriter)))
            .listener(stopWhenSignalled)
            .allowStartIfComplete(true)
            .build();
    }

    @Bean
    Step snapshotStep(JobRepository jobRepository, Step snapshotWorkerStep, LinePartitioner linePartitioner,
            SnapshotSettings settings, MeterRegistry meters, LedgerRepository ledger, PaceController paceController,
            PaceRepository paces, RollingQuota rollingQuota, RunStopSignal stopSignal, Clock clock,
            CallLatency callLatency, CallsInFlight callsInFlight,
            @Value("${" + ProgressMode.PROPERTY + ":LOG}") String progress, ReadCallsRecorder readCallsRecorder) {
        SimpleAsyncTaskExecutor partitionExecutor = new SimpleAsyncTaskExecutor("partition-");
        partitionExecutor.setConcurrencyLimit(settings.partitions());
        return new StepBuilder("snapshot", jobRepository).partitioner("snapshotWorker", linePartitioner)
            .step(snapshotWorkerStep)
            .gridSize(settings.partitions())
            .taskExecutor(partitionExecutor)
            .listener(new PaceStepListener(paceController, paces, rollingQuota, stopSignal, meters, clock, callLatency))
            .listener(readCallsRecorder)
            .listener(progressListener(ProgressMode.of(progress), meters, ledger, settings, paceController, callLatency,
                    callsInFlight))
            .allowStartIfComplete(true)
            .build();
    }

    /** A live bar on a terminal, the progress log line otherwise, nothing with --quiet. */
    private static StepExecutionListener progressListener(ProgressMode mode, MeterRegistry meters, LedgerRepository ledger,
            SnapshotSettings settings, PaceController paceController, CallLatency callLatency, CallsInFlight callsInFlight) {
        return switch (mode) {
            case BAR -> new ProgressBarReporter(meters, ledger);
            case LOG -> new ProgressReporter(meters, ledger, settings.progressInterval(), paceController::rate, callLatency,
                    callsInFlight).withReadsFirst(settings.skipUnchanged());
            case OFF -> new StepExecutionListener() {
            };
        };
    }

    @Bean
    Step reportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, RunRepository runs,
            LedgerRepository ledger, ReconciliationReport report, SnapshotSettings settings, RunStopSignal stopSignal,
            Clock clock) {
        return new StepBuilder("report", jobRepository)
            .tasklet(new WriteReportTasklet(runs, ledger, report, settings, stopSignal, clock), transactionManager)
            .allowStartIfComplete(true)
            .build();
    }

    @Bean
    Job snapshotJob(JobRepository jobRepository, Step stageStep, Step snapshotStep, Step reportStep, RunRepository runs,
            LedgerRepository ledger, ReconciliationReport report, SnapshotSettings settings, RunStopSignal stopSignal,
            Clock clock) {
        return new JobBuilder(JOB_NAME, jobRepository).start(stageStep)
            .next(snapshotStep)
            .next(reportStep)
            .listener(new RunCompletionListener(runs, ledger, report, settings, stopSignal, clock))
            .build();
    }

}
