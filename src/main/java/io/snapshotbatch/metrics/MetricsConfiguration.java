package io.snapshotbatch.metrics;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.snapshotbatch.ledger.LedgerRepository;
import io.snapshotbatch.ledger.RunRepository;
import io.snapshotbatch.snapshot.SnapshotSettings;

/**
 * The one meter registry (Prometheus, so it can be pushed), Spring Batch's observations recorded into it
 * (Boot's BatchObservabilityBeanPostProcessor gives the registry to every job and step bean, hence the
 * {@code spring.batch.job} and {@code spring.batch.step} timers), and the pusher.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    /** Not closed with the context: a command that ends through an exception still pushes what it holds. */
    @Bean(destroyMethod = "")
    PrometheusMeterRegistry meterRegistry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    @Bean
    ObservationRegistry observationRegistry(MeterRegistry meterRegistry) {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meterRegistry));
        return registry;
    }

    @Bean
    RunMetrics runMetrics(MeterRegistry meterRegistry, SnapshotSettings settings) {
        return new RunMetrics(meterRegistry, settings.rate());
    }

    @Bean(destroyMethod = "close")
    MetricsPusher metricsPusher(MetricsSettings settings, PrometheusMeterRegistry meterRegistry, RunMetrics runMetrics,
            RunRepository runs, LedgerRepository ledger, Clock clock) {
        return new MetricsPusher(settings, meterRegistry, runMetrics, runs, ledger, clock);
    }

}
