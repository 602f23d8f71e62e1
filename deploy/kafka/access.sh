#!/usr/bin/env bash
# The contract's topics, Kafka's users and what each may do: one SCRAM principal per service that uses Kafka, with
# ACLs for exactly its topics and its consumer group, and `integrations`, read-only on progression-events, for the
# operator's own consumers (it sees every clinic's events; clinics themselves subscribe by webhook).
# The kafka container runs it (broker.sh) over its loopback listener each time it starts; every step may be
# repeated. system-tests' KafkaAccessIT runs it too, against an embedded broker configured like compose's.
# Passwords come from the environment; one must not contain ',', '[', ']' or '=' (kafka-configs' syntax).
set -euo pipefail
KAFKA_BIN=${KAFKA_BIN:-/opt/kafka/bin}
ADMIN=${KAFKA_ADMIN_BOOTSTRAP:-localhost:9094}
MECHANISM=SCRAM-SHA-512

topic() { # name partitions
  "$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$ADMIN" --create --if-not-exists --topic "$1" \
    --partitions "$2" --replication-factor 1
}

user() { # name password
  "$KAFKA_BIN/kafka-configs.sh" --bootstrap-server "$ADMIN" --alter --entity-type users --entity-name "$1" \
    --add-config "$MECHANISM=[password=$2]"
}

allow() { # principal operation resource-options...; Read and Write include Describe
  "$KAFKA_BIN/kafka-acls.sh" --bootstrap-server "$ADMIN" --add --allow-principal "User:$1" --operation "$2" "${@:3}"
}

# The contract: every topic keyed by athleteId; up to 12 progress-service instances share session-events.
topic plan-events 6
topic session-events 12
topic session-events-dlq 12
topic progression-events 12

user plan-service "$PLAN_SERVICE_KAFKA_PASSWORD"
allow plan-service Write --topic plan-events
allow plan-service Read --topic progression-events
allow plan-service Read --group plan-service

user progress-service "$PROGRESS_SERVICE_KAFKA_PASSWORD"
allow progress-service Read --topic plan-events
allow progress-service Read --topic session-events
allow progress-service Write --topic session-events
allow progress-service Write --topic session-events-dlq
allow progress-service Write --topic progression-events
allow progress-service Read --group progress-service

user webhook-service "$WEBHOOK_SERVICE_KAFKA_PASSWORD"
allow webhook-service Read --topic progression-events
allow webhook-service Read --group webhook-service

user integrations "$INTEGRATIONS_KAFKA_PASSWORD"
allow integrations Read --topic progression-events
allow integrations Read --resource-pattern-type prefixed --group integrations
