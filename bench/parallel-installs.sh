#!/usr/bin/env bash
# N installations of N different fake hosts in parallel from one JVM through the core API, against
# one fake MGN: wall time, installs per second, the driver's peak heap and RSS, and the peak summed
# RSS of the fake installers running at once (each fake installer run is a JVM of its own, which
# dominates the cost). Every run also checks that N distinct source servers were registered.
#   bench/parallel-installs.sh [N...]     (default: 50 200 500)
#   THREADS=8 (the pool size; default 8) and HEAP=512m (the driver's -Xmx) may be set.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
jar="mgn-agent-cli/target/mgn-agent.jar"
if [[ ! -f "$jar" ]]; then
  mvn -B -q -o -DskipTests -pl mgn-agent-cli -am package >/dev/null
fi
if [[ $# -eq 0 ]]; then set -- 50 200 500; fi
echo "java: $(java -version 2>&1 | head -n 1); cpus: $(nproc)"
java -Xmx"${HEAP:-512m}" -Dthreads="${THREADS:-8}" -cp "$jar" bench/ParallelInstalls.java "$@"
