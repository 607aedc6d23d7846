-- Calls in flight (issue 15): the service's latency observed by the run's last launch, for summary.csv
-- (latency_p50_ms, latency_p95_ms). Portable SQL: the same file runs on H2 and PostgreSQL.
alter table snapshot_run add column latency_p50_ms double precision;
alter table snapshot_run add column latency_p95_ms double precision;
