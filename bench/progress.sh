#!/usr/bin/env bash
# progress-service benchmark: drain rate against a plain-consumer floor, gate latency through the REST
# intake, heap and resident memory. Real PostgreSQL and Kafka on this machine; prints numbers, asserts nothing.
#   bench/progress.sh [athletes] [sessions-per-athlete] [latency-athletes]   (defaults 1000 100 200)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests package -pl progress-service,bench -am
cd bench
exec java -Xmx1g -Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider -cp "target/physiorun-bench.jar:target/lib/*" org.physiorun.bench.ProgressBench \
  ../progress-service/target/quarkus-app/quarkus-run.jar "$@"
