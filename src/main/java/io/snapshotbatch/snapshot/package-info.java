/**
 * The snapshot job: stage the input, send every PENDING row through one shared SDK client in throttled
 * parallel partitions, record each outcome, write the report.
 */
package io.snapshotbatch.snapshot;
