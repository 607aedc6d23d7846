#!/usr/bin/env bash
# P3 (issue 8): the job against a bare SDK loop, 30,000 fresh rows each, PostgreSQL, same emulator.
# Usage, from the repository after `mvn -o package -DskipTests`:
#   docs/bench/p3.sh ROUNDS [CDS_DIR]
# Per round: the plain jar, the same through jobs/snapshot-batch-nightly.sh (CDS in CDS_DIR, default
# /tmp/p3-cds, its archive made before the first round), the raw loop with the JVM's defaults and with the
# wrapper's options. Needs PostgreSQL on 127.0.0.1:5432 (user postgres) and psql, python3, GNU time.
set -uo pipefail
rounds=${1:-3}; cds=${2:-/tmp/p3-cds}; port=18181; work=$(mktemp -d)
jar=$(pwd)/target/snapshot-batch.jar
export AWS_ACCESS_KEY_ID=AKIDBENCH AWS_SECRET_ACCESS_KEY=bench AWS_REGION=us-east-1
java -Djarmode=tools -jar "$jar" extract --destination "$work/ext" >/dev/null
cp="$work/ext/lib/*:$(pwd)/target/test-classes:$(pwd)/target/classes"
java -jar "$jar" emulator --port $port > "$work/emulator.log" 2>&1 &
emulator=$!; trap 'kill $emulator' EXIT; sleep 5
fresh_db() { local db=p3_$(date +%s%N | tail -c 9); psql -h 127.0.0.1 -U postgres -qc "create database $db" >/dev/null; echo $db; }
fresh_csv() { python3 -c "
import random,string
p=random.choice(string.ascii_lowercase)+''.join(random.choice(string.ascii_lowercase) for _ in range(4))
print('engagement_id,opportunity_id')
for i in range(30000): print('eng-%s%09d,O%d' % (p, i, 100000+i))" > "$1"; }
since() { echo "scale=2; ($(date +%s%N) - $1) / 1000000000" | bc; }
wrapper() {  # wrapper INPUT DB
    SNAPSHOT_JAR="$jar" SNAPSHOT_INPUT="$1" SNAPSHOT_DB_URL="jdbc:postgresql://127.0.0.1:5432/$2" SNAPSHOT_DB_USER=postgres \
    SNAPSHOT_RATE=100000 SNAPSHOT_PARTITIONS=8 SNAPSHOT_REPORT_DIR="$work/reports-$2" SNAPSHOT_CDS_DIR="$cds" \
    SNAPSHOT_EXTRA_ARGS="--endpoint http://127.0.0.1:$port --quiet" bash jobs/snapshot-batch-nightly.sh
}
head -2 sample-input/pairs.csv > "$work/train.csv"; wrapper "$work/train.csv" "$(fresh_db)" > /dev/null 2>&1   # makes the archive
for r in $(seq 1 "$rounds"); do
    fresh_csv "$work/in.csv"; db=$(fresh_db); t=$(date +%s%N)
    java -jar "$jar" run --input "$work/in.csv" --rate 100000 --partitions 8 --db "jdbc:postgresql://127.0.0.1:5432/$db" \
        --db-user postgres --endpoint http://127.0.0.1:$port --quiet --report-dir "$work/reports-$db" > "$work/plain.log" 2>&1
    rc=$?; s=$(since $t); echo "round $r plain jar: exit $rc, $s s, $(echo "30000 / $s" | bc) rows/s; $(grep -o '[0-9.]* calls/s made' "$work/plain.log")"
    fresh_csv "$work/in.csv"; db=$(fresh_db); t=$(date +%s%N)
    wrapper "$work/in.csv" "$db" > "$work/wrapper.log" 2>&1
    rc=$?; s=$(since $t); echo "round $r wrapper:   exit $rc, $s s, $(echo "30000 / $s" | bc) rows/s; $(grep -o '[0-9.]* calls/s made' "$work/wrapper.log")"
    java -cp "$cp" io.snapshotbatch.benchmark.RawSdkLoopBenchmark http://127.0.0.1:$port 30000 8 | sed "s/^/round $r /"
    java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$cp" io.snapshotbatch.benchmark.RawSdkLoopBenchmark \
        http://127.0.0.1:$port 30000 8 | sed "s/^/round $r C1+serial /"
done
