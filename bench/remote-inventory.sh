#!/usr/bin/env bash
# The disk inventory of a host over a slow SSH link (FakeSshFleet's slow-link fault): 8 disks x 4
# partitions at 50 ms a round trip, read in one command (now) and file by file over SFTP (the
# baseline, measured in the same run). Target: under 2 s.
#   bench/remote-inventory.sh      (-DroundTrip=50 -Ddisks=8 -Dparts=4 -Druns=5 via JAVA_OPTS)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mvn -B -q -o -DskipTests -pl mgn-agent-cli -am package >/dev/null
jar="mgn-agent-cli/target/mgn-agent.jar"
echo "java: $(java -version 2>&1 | head -n 1); cpus: $(nproc)"
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -cp "$jar" bench/RemoteInventory.java "$@"
