#!/usr/bin/env bash
# Startup cost of the CLI against the JVM's own: the median wall time of RUNS runs (default 11) of
# `LAUNCHER disks --json` and of `java -version`, interleaved in one run of this script, and their
# ratio. Target: the ratio is 4 or less.
#   bench/cli-startup.sh [RUNS]
#   LAUNCHER=/path/to/mgn-agent bench/cli-startup.sh   (default: ./mgn-agent of this checkout)
#   LAUNCHER="java -jar mgn-agent-cli/target/mgn-agent.jar" bench/cli-startup.sh   (plain JVM)
# The launcher keeps its class-data archive in a per-user cache; this script points that cache at
# a temporary directory of its own (removed at the end), and two warm-up runs, not counted, create
# the archive, as an operator's first two commands do.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-11}"
read -r -a launcher <<<"${LAUNCHER:-$here/mgn-agent}"

cache="$(mktemp -d "${TMPDIR:-/tmp}/mgn-agent-bench.XXXXXX")"
trap 'rm -rf "$cache"' EXIT
export XDG_CACHE_HOME="$cache"

echo "java: $(java -version 2>&1 | head -n 1)"
echo "cpus: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg); launcher: ${launcher[*]}"
# not counted: builds the jar if needed; records the classes, then dumps the archive (Java 17/18)
"${launcher[@]}" disks --json >/dev/null
"${launcher[@]}" disks --json >/dev/null
java -version 2>/dev/null

# wall and CPU (user + system, children included) milliseconds of one run of "$@"
TIMEFORMAT='%R %U %S'
measure() {
  local t
  t="$({ time "$@" >/dev/null 2>&1; } 2>&1)"
  awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' <<<"$t"
}
cli=()
jvm=()
cli_cpu=()
jvm_cpu=()
for ((i = 1; i <= runs; i++)); do
  read -r wall cpu < <(measure "${launcher[@]}" disks --json)
  cli+=("$wall")
  cli_cpu+=("$cpu")
  read -r wall cpu < <(measure java -version)
  jvm+=("$wall")
  jvm_cpu+=("$cpu")
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", a / b}'; }
cli_median=$(median "${cli[@]}")
jvm_median=$(median "${jvm[@]}")
echo "disks --json runs, wall ms: ${cli[*]}"
echo "java -version runs, wall ms: ${jvm[*]}"
echo "median of $runs, wall: disks --json ${cli_median} ms, java -version ${jvm_median} ms"
# on a shared machine CPU time moves less with the load than wall time
echo "median of $runs, CPU: disks --json $(median "${cli_cpu[@]}") ms, java -version $(median "${jvm_cpu[@]}") ms, ratio $(ratio "$(median "${cli_cpu[@]}")" "$(median "${jvm_cpu[@]}")")"
echo "ratio: $(ratio "$cli_median" "$jvm_median") (wall; target: 4.0 or less)"
