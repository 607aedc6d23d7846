package io.snapshotbatch.run;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import io.snapshotbatch.ledger.DatabaseFailures;
import io.snapshotbatch.ledger.RunRepository;
import io.snapshotbatch.ledger.SnapshotRun;
import io.snapshotbatch.snapshot.SnapshotJobConfiguration;

/**
 * Chooses the Spring Batch job instance of a launch, and tidies what a process that died left in Batch's tables.
 *
 * The ledger, not Batch's metadata, is the record of a run: staging is all or nothing with the run's
 * {@code staged} flag, each partition reads the rows still PENDING, and every step may run again. A launch
 * therefore never needs Batch's restart: the first launch of a run uses the job instance (run, launch 0),
 * and every later launch a new instance (run, launch + 1), whatever state the one before was left in.
 * That is what makes "launch the same command again" converge after a kill at any moment: Batch refuses
 * to go on from several states a kill leaves behind (an instance without an execution, an execution or a
 * step left STARTED, an end it could not record, UNKNOWN), and each would otherwise need its tables edited
 * by hand. The caller holds the run date's guard, so whatever is marked running belongs to a dead process.
 */
final class BatchRecovery {

    private static final Logger logger = LoggerFactory.getLogger(BatchRecovery.class);

    private final JobOperator jobOperator;

    private final JobRepository jobRepository;

    private final RunRepository runs;

    BatchRecovery(JobOperator jobOperator, JobRepository jobRepository, RunRepository runs) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.runs = runs;
    }

    /** The parameters of this launch's job instance: a new one whenever the run's current one exists. */
    JobParameters parametersFor(SnapshotRun run) {
        JobParameters current = parameters(run.runId(), run.jobLaunch());
        String leftBehind;
        try {
            JobInstance instance = this.jobRepository.getJobInstance(SnapshotJobConfiguration.JOB_NAME, current);
            if (instance == null) {
                return current;
            }
            leftBehind = leftBehind(instance);
        }
        catch (RuntimeException ex) {
            if (DatabaseFailures.isConnectionLoss(ex)) {
                throw ex;
            }
            leftBehind = "Spring Batch's record of launch " + run.jobLaunch() + " could not be read (" + ex + ")";
        }
        int next = this.runs.nextJobLaunch(run.runId());
        if (leftBehind != null) {
            // One line that says what was found and what was done about it: an operator reading the log after
            // a crash should not have to look into Batch's tables.
            logger.warn("Recovering run {} (generation {}): {}; continuing the run from the ledger in a new job instance "
                    + "(launch {})", run.runDate(), run.generation(), leftBehind, next);
        }
        return parameters(run.runId(), next);
    }

    /** What a process that died left behind in this instance, or null when its executions all ended cleanly. */
    private String leftBehind(JobInstance instance) {
        List<JobExecution> executions = this.jobRepository.getJobExecutions(instance);
        if (executions.isEmpty()) {
            return "job instance " + instance.getInstanceId() + " was left without an execution by a process that died";
        }
        List<String> found = new ArrayList<>();
        for (JobExecution execution : executions) {
            List<StepExecution> unfinished = execution.getStepExecutions()
                .stream()
                .filter((step) -> !ended(step.getStatus()))
                .toList();
            String steps = unfinished.isEmpty() ? "no step unfinished"
                    : unfinished.stream().map((step) -> step.getStepName() + " " + step.getStatus())
                        .collect(Collectors.joining(", ", "steps ", ""));
            if (execution.getStatus().isRunning()) {
                found.add("execution " + execution.getId() + " was left " + execution.getStatus()
                        + " by a process that died (" + steps + ")" + markFailed(execution));
            }
            else if (!ended(execution.getStatus()) || !unfinished.isEmpty()) {
                found.add("execution " + execution.getId() + " ended " + execution.getStatus() + " (" + steps
                        + "): Spring Batch never recorded how all of it ended");
            }
        }
        return found.isEmpty() ? null : String.join("; ", found);
    }

    /** Marks a dead execution FAILED in Batch's tables (only for those reading them); never stops the launch. */
    private String markFailed(JobExecution execution) {
        try {
            this.jobOperator.recover(execution);
            return ", marked FAILED";
        }
        catch (RuntimeException ex) {
            if (DatabaseFailures.isConnectionLoss(ex)) {
                throw ex;
            }
            return ", left as it is (" + ex.getMessage() + ")";
        }
    }

    private static boolean ended(BatchStatus status) {
        return status == BatchStatus.COMPLETED || status == BatchStatus.FAILED || status == BatchStatus.STOPPED
                || status == BatchStatus.ABANDONED;
    }

    static JobParameters parameters(long runId, int jobLaunch) {
        return new JobParametersBuilder().addLong(SnapshotJobConfiguration.RUN_ID, runId)
            .addLong("jobLaunch", (long) jobLaunch)
            .toJobParameters();
    }

}
