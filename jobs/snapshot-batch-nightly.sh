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
#   SNAPSHOT_RUN_DATE   run date YYYY-MM-DD                     (default: today in UTC; an earlier night to re-run it)
#   SNAPSHOT_EXTRA_ARGS extra options, e.g. "--profile partner-ops --catalog AWS"
#   SNAPSHOT_CDS_DIR    a directory kept between nights (optional): the jar is kept there extracted, with a class
#                       data sharing archive made once per jar and Java version by a short training launch
#                       against the built-in emulator; later launches start about 2 s sooner (README)
#   SNAPSHOT_JVM_DEFAULTS JVM options the launch starts with (default: -XX:TieredStopAtLevel=1 -XX:+UseSerialGC,
#                       measured in docs/benchmarks.md: less CPU for a short-lived batch JVM; "none" for the JVM's own)
#   JAVA_OPTS           JVM options, after the defaults (so they win, e.g. -XX:TieredStopAtLevel=4 or -Xmx256m)
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

# A batch JVM lives minutes and is mostly waiting for the service: the C1 compiler alone and the serial
# collector cost it half the CPU of the JVM's server defaults (docs/benchmarks.md, P3).
jvm_defaults="${SNAPSHOT_JVM_DEFAULTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"
[[ "$jvm_defaults" == "none" ]] && jvm_defaults=""
# A collector chosen in JAVA_OPTS replaces the default one (the JVM refuses two).
# (Only the options that choose one: -XX:+UseGCOverheadLimit and the like do not.)
[[ "${JAVA_OPTS:-}" =~ -XX:\+Use(Serial|Parallel|ParallelOld|G1|Z|Shenandoah|Epsilon|ConcMarkSweep)GC ]] \
    && jvm_defaults="${jvm_defaults//-XX:+UseSerialGC/}"
# shellcheck disable=SC2206
jvm=($jvm_defaults ${JAVA_OPTS:-})

# Class data sharing (Spring Boot's recipe): the jar extracted, and an archive of the classes a launch
# loads, made once by a training launch on two rows against the built-in emulator and a throw-away H2
# ledger (never the real ledger, service or Pushgateway). Any failure here only costs the faster start.
cds_launch() {
    local dir="$1" key work training
    local rc
    # Absolute: the training launch runs in another directory (a relative one never got an archive).
    [[ -f "$jar" ]] && mkdir -p "$dir" 2>/dev/null && dir=$(cd "$dir" && pwd) || return 1
    # One archive per jar, Java and default options: another of any of them would not use it.
    key=$( { sha256sum "$jar" | cut -c1-16; java -version 2>&1; echo "$jvm_defaults"; } | sha256sum | cut -c1-16 ) || return 1
    work="$dir/snapshot-batch-$key"
    # A damaged archive could crash the JVM (its checksum is not checked unless asked): check it, else make it again.
    # A truncated one crashes this check too (SIGBUS): its crash report goes to $work and is removed, and the
    # group's redirection keeps bash's "Aborted" line off stderr. The check also fails when the extracted copy
    # it was made from lost or changed a jar: then the copy is made again too, never trained on as it is (a
    # copy without lib/postgresql-*.jar made every PostgreSQL night exit 2).
    if [[ -f "$work/snapshot-batch.jsa" ]] && ! { java "${jvm[@]}" -XX:SharedArchiveFile="$work/snapshot-batch.jsa" \
            -Xshare:on -XX:+VerifySharedSpaces -XX:-CreateCoredumpOnCrash -XX:ErrorFile="$work/check-hs_err.log" \
            -cp "$work/app/$(basename "$jar")" -version; } >/dev/null 2>&1; then
        rm -rf "$work"
    fi
    if [[ ! -f "$work/app/$(basename "$jar")" ]]; then
        rm -rf "$work.tmp.$$" || return 1
        # Quiet: a failure is said in one line below (the tool's own is a 30-line stack trace).
        java -Djarmode=tools -jar "$jar" extract --destination "$work.tmp.$$/app" >/dev/null 2>&1 \
            && rm -rf "$work" && mv "$work.tmp.$$" "$work" || { rm -rf "$work.tmp.$$"; return 1; }
    fi
    if [[ ! -f "$work/snapshot-batch.jsa" ]]; then
        # In the cache, not /tmp: what a SIGKILLed training launch leaves is cleared with the rest below.
        training=$(mktemp -d "$work/training.XXXXXX") || return 1
        printf 'engagement_id,opportunity_id\neng-cdstraining001,O1000001\neng-cdstraining002,O1000002\n' \
            > "$training/pairs.csv"
        # In the background, so that a stop signal meanwhile is handled at once (on_stop kills it).
        [[ -z "$stop_signal" ]] || { rm -rf "$training"; return 1; }
        (cd "$training" && exec env -u SNAPSHOT_DB_USER -u SNAPSHOT_DB_PASSWORD \
                -u SNAPSHOT_METRICS_PUSH -u SNAPSHOT_SOURCE_DB_USER -u SNAPSHOT_SOURCE_DB_PASSWORD \
                java "${jvm[@]}" -XX:ArchiveClassesAtExit="$work/snapshot-batch.jsa.tmp.$$" \
                -jar "$work/app/$(basename "$jar")" run --input pairs.csv --endpoint emulator --rate 100 \
                --db "jdbc:h2:file:$training/ledger" --report-dir reports --quiet > training.log 2>&1) &
        training_pid=$!
        rc=1
        # wait returns early when a trapped signal arrives: wait again until the launch has ended.
        while [[ -n "$training_pid" ]]; do
            { wait "$training_pid"; } 2>/dev/null; rc=$?
            kill -0 "$training_pid" 2>/dev/null || training_pid=""
        done
        [[ -z "$stop_signal" ]] || rc=1
        # 0: both created; 3 would be a row refused, still a full launch.
        if [[ $rc == 0 || $rc == 3 ]] && [[ -s "$work/snapshot-batch.jsa.tmp.$$" ]]; then
            mv "$work/snapshot-batch.jsa.tmp.$$" "$work/snapshot-batch.jsa"
        fi
        rm -rf "$training" "$work/snapshot-batch.jsa.tmp.$$"
        [[ -f "$work/snapshot-batch.jsa" ]] || return 1
    fi
    # Earlier jars' and Javas' copies are of no further use. Only this wrapper's own directories
    # (snapshot-batch-<16 hex>, and their .tmp.<pid> while being made): the directory may hold other files
    # named snapshot-batch-* (the wrapper itself, a kept jar) when it is the install directory.
    local old
    for old in "$dir"/snapshot-batch-*; do
        [[ -d "$old" && "${old##*/}" =~ ^snapshot-batch-[0-9a-f]{16}(\.tmp\.[0-9]+)?$ \
            && "${old##*/}" != "snapshot-batch-$key" && "${old##*/}" != "snapshot-batch-$key.tmp."* ]] \
            && rm -rf "$old" 2>/dev/null
    done
    # What a launch killed with SIGKILL left behind (a copy or an archive half made), once surely abandoned.
    find "$dir" -mindepth 1 -maxdepth 1 -name "snapshot-batch-$key.tmp.*" -mmin +60 -exec rm -rf {} + 2>/dev/null
    find "$work" -mindepth 1 -maxdepth 1 -name 'snapshot-batch.jsa.tmp.*' -mmin +60 -exec rm -f {} + 2>/dev/null
    find "$work" -mindepth 1 -maxdepth 1 -name 'training.*' -mmin +60 -exec rm -rf {} + 2>/dev/null
    jar="$work/app/$(basename "$jar")"
    jvm+=("-XX:SharedArchiveFile=$work/snapshot-batch.jsa")
}
# Until the exec below, a stop signal is the wrapper's: it ends a training launch and exits 4 (nothing was sent;
# launch again). Without the trap a SIGTERM here would kill the wrapper with the training launch left running,
# or, as a container's PID 1, be ignored and the night started anyway.
stop_signal=""
training_pid=""
on_stop() {
    stop_signal="$1"
    # The training launch is thrown away: end it at once (its archive, half made, is not kept).
    [[ -n "$training_pid" ]] && kill -KILL "$training_pid" 2>/dev/null
}
trap 'on_stop SIGTERM' TERM
trap 'on_stop SIGINT' INT
trap 'on_stop SIGHUP' HUP
if [[ -n "${SNAPSHOT_CDS_DIR:-}" && "${JAVA_OPTS:-}" != *-Xshare:off* ]] && ! cds_launch "$SNAPSHOT_CDS_DIR" \
        && [[ -z "$stop_signal" ]]; then
    echo "snapshot-batch-nightly: no class data sharing archive in $SNAPSHOT_CDS_DIR; starting without it" >&2
fi
if [[ -n "$stop_signal" ]]; then
    echo "snapshot-batch-nightly: $stop_signal before the run started; nothing was sent, launch again" >&2
    exit 4
fi
trap - TERM INT HUP

# exec: SIGTERM from the scheduler reaches the JVM, which stops cleanly and exits 4.
exec java "${jvm[@]}" -jar "$jar" "${args[@]}" "${extra[@]}"
