#!/usr/bin/env bash
# Builds what is needed, then starts Keycloak, PostgreSQL, Kafka, every service and the web frontend on this machine.
# Options: --data-dir DIR (default ./.physiorun). Ctrl-C stops everything; the data stays for the next run.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q -DskipTests package
exec java @launcher/jvm.options -jar launcher/target/physiorun-launcher.jar "$@"
