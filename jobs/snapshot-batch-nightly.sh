#!/usr/bin/env bash
# Nightly wrapper for schedulers (cron, systemd, Kubernetes): runs today's snapshot run and passes
# the exit code through unchanged, so the scheduler sees the contract's codes:
#   0 all created or unchanged | 3 finished with FAILED/REJECTED/DUPLICATE rows | 4 stopped, run again to continue
#   5 already running elsewhere | 2 usage/configuration error | 1 internal error
#
# Configuration comes from the environment (e.g. an EnvironmentFile or a Kubernetes Secret):
#   SNAPSHOT_JAR        path of snapshot-batch.jar              (default: /opt/snapshot-batch/snapshot-batch.jar)
#   SNAPSHOT_INPUT      CSV input file (or set SNAPSHOT_SOURCE_SQL or SNAPSHOT_FROM_SERVICE instead)
#   SNAPSHOT_SOURCE_SQL SELECT returning the input columns
#   SNAPSHOT_FROM_SERVICE=true  the pairs are this account's associations at the service (--from-service)
#   SNAPSHOT_CREATED_BY         with SNAPSHOT_FROM_SERVICE: the 12-digit account (default: the caller's, STS)
#   SNAPSHOT_SKIP_UNCHANGED=true  snapshot only opportunities changed since their latest snapshot (--skip-unchanged)
#   SNAPSHOT_READ_RATE  read calls per second                    (default: 5)
#   SNAPSHOT_DB_URL     ledger database JDBC URL                (required for production: PostgreSQL)
#   SNAPSHOT_DB_USER / SNAPSHOT_DB_PASSWORD                      read by the jar itself, never on the command line
#   SNAPSHOT_RATE       calls per second                         (default: 1)
#   SNAPSHOT_PARTITIONS                                          (default: 4)
#   SNAPSHOT_DAILY_BUDGET                                        (optional)
#   SNAPSHOT_REPORT_DIR                                          (default: /var/lib/snapshot-batch/reports)
#   SNAPSHOT_METRICS_PUSH Prometheus Pushgateway HOST:PORT         read by the jar itself (optional)
#   SNAPSHOT_EXTRA_ARGS extra options, e.g. "--profile partner-ops --catalog AWS"
#   JAVA_OPTS           JVM options
set -uo pipefail

jar="${SNAPSHOT_JAR:-/opt/snapshot-batch/snapshot-batch.jar}"
args=(run
      --rate "${SNAPSHOT_RATE:-1}"
      --partitions "${SNAPSHOT_PARTITIONS:-4}"
      --report-dir "${SNAPSHOT_REPORT_DIR:-/var/lib/snapshot-batch/reports}")
if [[ -n "${SNAPSHOT_INPUT:-}" ]]; then
    args+=(--input "$SNAPSHOT_INPUT")
elif [[ -n "${SNAPSHOT_SOURCE_SQL:-}" ]]; then
    args+=(--source-sql "$SNAPSHOT_SOURCE_SQL")
elif [[ "${SNAPSHOT_FROM_SERVICE:-}" == "true" ]]; then
    # The nightly sync: every association of this account, only what changed is created.
    args+=(--from-service)
    [[ -n "${SNAPSHOT_CREATED_BY:-}" ]] && args+=(--created-by "$SNAPSHOT_CREATED_BY")
else
    echo "snapshot-batch-nightly: set SNAPSHOT_INPUT, SNAPSHOT_SOURCE_SQL or SNAPSHOT_FROM_SERVICE=true" >&2
    exit 2
fi
[[ "${SNAPSHOT_SKIP_UNCHANGED:-}" == "true" ]] && args+=(--skip-unchanged)
[[ -n "${SNAPSHOT_READ_RATE:-}" ]] && args+=(--read-rate "$SNAPSHOT_READ_RATE")
[[ -n "${SNAPSHOT_DB_URL:-}" ]] && args+=(--db "$SNAPSHOT_DB_URL")
[[ -n "${SNAPSHOT_DAILY_BUDGET:-}" ]] && args+=(--daily-budget "$SNAPSHOT_DAILY_BUDGET")
# Run date: the scheduler's "today" in UTC, unless given (a re-run of an earlier night).
args+=(--run-date "${SNAPSHOT_RUN_DATE:-$(date -u +%F)}")
# shellcheck disable=SC2206
extra=(${SNAPSHOT_EXTRA_ARGS:-})

# exec: SIGTERM from the scheduler reaches the JVM, which stops cleanly and exits 4.
exec java ${JAVA_OPTS:-} -jar "$jar" "${args[@]}" "${extra[@]}"
