#!/usr/bin/env bash
# Startup cost of the CLI against the JVM's own: the median wall time of RUNS runs (default 11) of
# `LAUNCHER disks --json` and of `java -version`, interleaved in one run of this script, and their
# ratio. Target: the ratio is 4 or less.
#   bench/cli-startup.sh [RUNS]
#   LAUNCHER=/path/to/mgn-agent bench/cli-startup.sh   (default: ./mgn-agent of this checkout)
#   LAUNCHER="java -jar mgn-agent-cli/target/mgn-agent.jar" bench/cli-startup.sh   (plain JVM)
# The launcher keeps its class-data archive in a per-user cache; this script points that cache at
# a temporary directory of its own (removed at the end), and one warm-up run, not counted, creates
# the archive, as an operator's first command does.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-11}"
read -r -a launcher <<<"${LAUNCHER:-$here/mgn-agent}"

cache="$(mktemp -d "${TMPDIR:-/tmp}/mgn-agent-bench.XXXXXX")"
trap 'rm -rf "$cache"' EXIT
export XDG_CACHE_HOME="$cache"

echo "java: $(java -version 2>&1 | head -n 1)"
echo "cpus: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg); launcher: ${launcher[*]}"
"${launcher[@]}" disks --json >/dev/null  # builds the jar if needed, creates the archive: not counted
java -version 2>/dev/null

now_ms() { echo $(($(date +%s%N) / 1000000)); }
cli=()
jvm=()
for ((i = 1; i <= runs; i++)); do
  start=$(now_ms)
  "${launcher[@]}" disks --json >/dev/null
  cli+=($(($(now_ms) - start)))
  start=$(now_ms)
  java -version 2>/dev/null
  jvm+=($(($(now_ms) - start)))
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
cli_median=$(median "${cli[@]}")
jvm_median=$(median "${jvm[@]}")
echo "disks --json runs (ms): ${cli[*]}"
echo "java -version runs (ms): ${jvm[*]}"
echo "median of $runs: disks --json ${cli_median} ms, java -version ${jvm_median} ms"
awk -v a="$cli_median" -v b="$jvm_median" \
  'BEGIN {printf "ratio: %.1f (target: 4.0 or less)\n", a / b}'
