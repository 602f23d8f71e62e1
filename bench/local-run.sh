# Sourced by startup.sh and gateway.sh: builds what the local run needs, makes a fresh data directory, and defines
# run_bench, which runs a bench main against the local run (the bench starts and stops the launcher itself).
# At exit, whatever happened, the launcher is stopped (by the pid the bench recorded) and the directory removed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -B -q -DskipTests package -pl launcher,catalog-service,plan-service,progress-service,webhook-service,gateway,bench -am
data=$(mktemp -d "${TMPDIR:-/tmp}/physiorun-bench.XXXXXX")

stop_local_run() {
  if [[ -f "$data/launcher.pid" ]]; then
    local pid
    pid=$(cat "$data/launcher.pid")
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid"  # its shutdown hook stops the services, Keycloak, Kafka and PostgreSQL
      for _ in $(seq 90); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    fi
  fi
  rm -rf "$data"
}
trap stop_local_run EXIT
trap 'exit 130' INT TERM  # so that the EXIT trap runs on Ctrl-C and kill as well

run_bench() {
  java -Xmx256m -cp "bench/target/physiorun-bench.jar:bench/target/lib/*" "org.physiorun.bench.$1" "$PWD" "$data" "${@:2}"
}
