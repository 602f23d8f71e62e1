#!/usr/bin/env bash
# Startup of the local run (./run.sh), in a fresh temporary data directory: time to everything ready, each
# service's own start time and its resident memory after a short journey, beside their targets. Prints numbers,
# asserts nothing. Last line: RESULT start_max=<ms> rss_max=<MiB> stack_up=<ms>
#   bench/startup.sh    (needs ports 5432, 9092, 9093, 8180 and 8080-8084 free, as ./run.sh does)
source "$(dirname "$0")/local-run.sh"
run_bench StartupBench
