#!/usr/bin/env bash
# progress-service benchmark: drain rate against a plain-consumer floor, gate latency through the REST
# intake, heap and resident memory, and the drain rate as an athlete's history grows. Real PostgreSQL and Kafka
# on this machine; prints numbers beside their targets, asserts nothing. Last line: RESULT drain=... rss=...
#   bench/progress.sh [athletes] [sessions-per-athlete] [latency-athletes] [latency-rate] [history-athletes]
#   (defaults 1000 100 200 500 100)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests package -pl progress-service,bench -am
cd bench
exec java -Xmx1g -Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider -cp "target/physiorun-bench.jar:target/lib/*" org.physiorun.bench.ProgressBench \
  ../progress-service/target/quarkus-app/quarkus-run.jar "$@"
