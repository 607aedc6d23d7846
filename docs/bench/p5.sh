#!/usr/bin/env bash
# P5 (issue 8): kill -9 at about half the rows created, then the same command; counts what was sent again.
# Usage, from the repository after `mvn -o package -DskipTests`:  docs/bench/p5.sh RATE ROWS
# Prints the rows sent again (all must be replays), the bound (partitions x chunk) and keys with two revisions
# (must be 0). Needs PostgreSQL on 127.0.0.1:5432 (user postgres), psql, python3, curl.
set -uo pipefail
rate=${1:-300}; rows=${2:-20000}; port=18191; work=$(mktemp -d)
jar=$(pwd)/target/snapshot-batch.jar
export AWS_ACCESS_KEY_ID=AKIDBENCH AWS_SECRET_ACCESS_KEY=bench AWS_REGION=us-east-1
java -jar "$jar" emulator --port $port > "$work/emulator.log" 2>&1 &
emulator=$!; trap 'kill $emulator' EXIT; sleep 5
stat() { curl -s http://127.0.0.1:$port/_emulator/stats | python3 -c "import json,sys; c=json.load(sys.stdin)['calls'].get('CreateResourceSnapshot',{}); print(c.get('$1',0))"; }
python3 -c "
import random,string
p=''.join(random.choice(string.ascii_lowercase) for _ in range(5))
print('engagement_id,opportunity_id')
for i in range($rows): print('eng-%s%09d,O%d' % (p, i, 3000000+i))" > "$work/in.csv"
db=p5_$(date +%s%N | tail -c 9); psql -h 127.0.0.1 -U postgres -qc "create database $db"
cmd=(java -jar "$jar" run --input "$work/in.csv" --rate "$rate" --db "jdbc:postgresql://127.0.0.1:5432/$db" --db-user postgres
     --endpoint "http://127.0.0.1:$port" --quiet --report-dir "$work/reports")
"${cmd[@]}" > "$work/first.log" 2>&1 &
job=$!
until [[ $(stat Success) -ge $((rows / 2)) ]]; do sleep 0.05; done
kill -9 $job; wait $job 2>/dev/null
created=$(stat Success); replays_before=$(stat Replay)
recorded=$(psql -h 127.0.0.1 -U postgres -d "$db" -Atc "select count(*) from snapshot_row where outcome = 'CREATED'")
"${cmd[@]}" > "$work/again.log" 2>&1; rc=$?
chunk=$(python3 -c "import math; print(max(10, min(50, math.ceil($rate * 0.25 / 4)), math.ceil(max(4, min(256, 40, math.ceil($rate * 2))) / 4)))")
curl -s http://127.0.0.1:$port/_emulator/stats | python3 -c "
import json,sys; d=json.load(sys.stdin); c=d['calls']['CreateResourceSnapshot']; r=d['revisions']
print('killed at $created created, $recorded recorded; relaunch exit $rc; sent again', c.get('Replay',0) - $replays_before,
      '(all replays), unrecorded', $created - $recorded, '; bound 4 x $chunk =', 4 * $chunk,
      '; keys', len(r), 'with two revisions', sum(1 for v in r.values() if v > 1))"
