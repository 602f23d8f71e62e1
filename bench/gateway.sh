#!/usr/bin/env bash
# The gateway's overhead: p50/p99 of the same GETs on the service's own port and through the gateway (8080), same
# load, on the local run started once in a fresh temporary data directory. Prints numbers, asserts nothing.
# Last line: RESULT direct_p99=<ms> gateway_p99=<ms> ratio=<x.xx>
#   bench/gateway.sh [requests-each-way] [clients]   (defaults 10000 4; ports as ./run.sh)
source "$(dirname "$0")/local-run.sh"
run_bench GatewayBench "$@"
