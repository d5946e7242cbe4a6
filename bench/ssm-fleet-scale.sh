#!/usr/bin/env bash
# An SSM fleet install of N fake managed instances (default 1000) at parallel 100 with a light
# installer stand-in, through the real SsmClient against the testkit's FakeSsm: wall time, SSM API
# calls (SendCommand, ListCommandInvocations per poll, GetCommandInvocation) and peak heap.
#   bench/ssm-fleet-scale.sh [N...]     PARALLEL=100 and HEAP=1g may be set.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
jar="mgn-agent-cli/target/mgn-agent.jar"
if [[ ! -f "$jar" ]]; then
  mvn -B -q -o -DskipTests -pl mgn-agent-cli -am package >/dev/null
fi
if [[ $# -eq 0 ]]; then set -- 1000; fi
echo "java: $(java -version 2>&1 | head -n 1); cpus: $(nproc)"
java -Xmx"${HEAP:-1g}" -Dparallel="${PARALLEL:-100}" -cp "$jar" bench/SsmFleetScale.java "$@"
