/**
 * Metrics: the Micrometer registry (Prometheus) with Spring Batch's observations, the run's gauges under the
 * contract's names, and their push to a Prometheus Pushgateway during and at the end of a command.
 */
package io.snapshotbatch.metrics;
