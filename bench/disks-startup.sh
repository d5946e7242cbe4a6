#!/usr/bin/env bash
# Median wall time of `java -jar mgn-agent-cli/target/mgn-agent.jar disks --json` over several runs.
# Target: 0.5 s or less on the reference machine (2 cores). Prints every run and the median.
#   bench/disks-startup.sh [RUNS]      (default 11; builds the jar first if it is missing)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$here/mgn-agent-cli/target/mgn-agent.jar"
runs="${1:-11}"

if [[ ! -f "$jar" ]]; then
  (cd "$here" && mvn -B -q -DskipTests -pl mgn-agent-cli -am package) >/dev/null
fi

echo "java: $(java -version 2>&1 | head -n 1)"
echo "cpus: $(nproc); inventory: $(java -jar "$jar" disks --json | head -c 300)"
java -jar "$jar" disks --json >/dev/null  # warm the page cache once, not counted

times=()
for ((i = 1; i <= runs; i++)); do
  start=$(date +%s%N)
  java -jar "$jar" disks --json >/dev/null
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: ${ms} ms"
done

median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
echo "median of $runs runs: ${median} ms (target: 500 ms or less)"
