#!/usr/bin/env bash
# The kafka container's command: the image's own start script, and once the broker answers on its loopback listener,
# access.sh (topics, users, ACLs). The health check waits for the mark this leaves, so no service connects before
# its user exists.
set -euo pipefail
applied=/tmp/physiorun-access-applied
rm -f "$applied"
/etc/kafka/docker/run &
broker=$!
trap 'kill -TERM "$broker"' TERM INT
until /opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server localhost:9094 > /dev/null 2>&1; do
  kill -0 "$broker" 2> /dev/null || exit 1
  sleep 2
done
bash /opt/physiorun/kafka/access.sh
touch "$applied"
echo "===> Topics, users and ACLs applied"
# wait returns early when the trap runs; the second wait lets the broker finish its shutdown.
wait "$broker" || wait "$broker"
