#!/usr/bin/env bash
# Inventory + selection time on fake trees of 2,000 and 4,000 disks with 4 partitions each.
# Target: under 1 s for 2,000 disks, and linear growth (4,000 about twice 2,000).
#   bench/selection-scale.sh [DISKS...]     (default: 2000 4000)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mvn -B -q -DskipTests -pl mgn-agent-testkit -am package >/dev/null
cp="mgn-agent-core/target/classes:mgn-agent-testkit/target/classes"
if [[ $# -eq 0 ]]; then set -- 2000 4000; fi
echo "java: $(java -version 2>&1 | head -n 1); cpus: $(nproc)"
java -cp "$cp" bench/SelectionScale.java "$@"
