#!/usr/bin/env bash
# Fleet install over SSH at scale (bench/FleetScale.java, bench/CmfBaseline.java). Every part runs
# against fake hosts of its own on loopback: a fake side JVM (FakeSshFleet, fake MGN and bucket)
# and a driver JVM whose heap (-Xmx, default 256m), threads and open files are measured.
#   1. N1 hosts (default 100) at --parallel P1 (default 25), the normal fake installer (a JVM per
#      host): wall time, sum of single-host times, speed-up, driver's peak heap.
#   2. the same N1 hosts, fresh, installed the way CMF does it (a new SSH connection per command,
#      CMF_PARALLEL=10 at a time): the baseline, and the ratio.
#   3. N1 and N2 hosts (default 1000) with the light installer (bash and curl, no JVM per host) at
#      P2 (default 100): wall time, driver threads and memory, growth from N1 to N2.
#   bench/fleet-scale.sh            (N1=100 P1=25 N2=1000 P2=100 CMF_PARALLEL=10 HEAP=256m)
#   PARTS="fleet cmf light" to run only some parts (light2: only the N2 hosts). LIGHT=light-stderr makes the light installer
#   ask for the secret key on stderr instead of stdout.
#   DRIVER_OPTS and SERVE_OPTS are more JVM options for the driver and the fake side, e.g. a JFR
#   recording: SERVE_OPTS="-XX:StartFlightRecording=filename=/tmp/serve.jfr,settings=profile"
#   (give a path outside the script's work directory: it is removed at the end). LOGS=DIR keeps
#   each part's fake side and driver logs there.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
jar="mgn-agent-cli/target/mgn-agent.jar"
if [[ ! -f "$jar" ]]; then
  mvn -B -q -o -DskipTests -pl mgn-agent-cli -am package >/dev/null
fi
N1=${N1:-100} P1=${P1:-25} N2=${N2:-1000} P2=${P2:-100} CMF_PARALLEL=${CMF_PARALLEL:-10}
LIGHT=${LIGHT:-light} HEAP=${HEAP:-256m} SERVE_HEAP=${SERVE_HEAP:-1g} PARTS=${PARTS:-fleet cmf light}
read -r -a driver_opts <<<"${DRIVER_OPTS:-}"
read -r -a serve_opts <<<"${SERVE_OPTS:-}"
work="$(mktemp -d "${TMPDIR:-/tmp}/mgn-agent-fleet-bench.XXXXXX")"
serve_pid=''
cleanup() {
  exec 3>&- 2>/dev/null || true
  if [[ -n "$serve_pid" ]]; then wait "$serve_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
javac -nowarn -cp "$jar" -d "$work/classes" bench/FleetScale.java bench/CmfBaseline.java
cp="$jar:$work/classes"
echo "java: $(java -version 2>&1 | head -n 1); cpus: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "driver heap -Xmx$HEAP; fake side -Xmx$SERVE_HEAP; ulimit -n $(ulimit -n); ulimit -u $(ulimit -u)"

# serve NAME N INSTALLER: starts the fake side and waits until it is ready
serve() {
  local dir="$work/$1"
  mkdir -p "$dir"
  mkfifo "$dir/in"
  java -Xmx"$SERVE_HEAP" ${serve_opts[@]+"${serve_opts[@]}"} -cp "$cp" FleetScale serve "$dir" "$2" "$3" <"$dir/in" >"$dir/serve.log" 2>&1 &
  serve_pid=$!
  exec 3>"$dir/in"
  until grep -qs '^ready$' "$dir/serve.log"; do
    if ! kill -0 "$serve_pid" 2>/dev/null; then
      cat "$dir/serve.log" >&2
      exit 1
    fi
    sleep 0.5
  done
  grep '^serve:' "$dir/serve.log"
}

# unserve NAME: ends the fake side and shows what it counted
unserve() {
  echo count >&3
  sleep 1
  exec 3>&-
  wait "$serve_pid" || true
  serve_pid=''
  grep -E '^(registered|serve: peak|serve: MGN calls)' "$work/$1/serve.log" || true
  echo "load after $1: $(cut -d' ' -f1-3 /proc/loadavg)"
  if [[ -n "${LOGS:-}" ]]; then
    mkdir -p "$LOGS"
    cp "$work/$1/serve.log" "$LOGS/$1-serve.log"
    cp "$work/$1/drive.log" "$LOGS/$1-drive.log" 2>/dev/null || true
  fi
}

# drive NAME MODE PARALLEL
drive() {
  java -Xmx"$HEAP" ${driver_opts[@]+"${driver_opts[@]}"} -cp "$cp" FleetScale "$2" "$work/$1" "$3" 2>&1 | tee "$work/$1/drive.log" \
    | grep -v '^\[' || true
}

for part in $PARTS; do
  case "$part" in
    fleet) serve fleet "$N1" normal; drive fleet fleet "$P1"; unserve fleet ;;
    cmf) serve cmf "$N1" normal; drive cmf cmf "$CMF_PARALLEL"; unserve cmf ;;
    light2) serve light2 "$N2" "$LIGHT"; drive light2 fleet "$P2"; unserve light2 ;;
    light)
      serve light1 "$N1" "$LIGHT"; drive light1 fleet "$P2"; unserve light1
      serve light2 "$N2" "$LIGHT"; drive light2 fleet "$P2"; unserve light2
      ;;
  esac
done
if [[ -f "$work/fleet/drive.log" && -f "$work/cmf/drive.log" ]]; then
  f=$(sed -n 's/.*mode=fleet .* wall_s=\([0-9.]*\) .*/\1/p' "$work/fleet/drive.log")
  c=$(sed -n 's/.*mode=cmf .* wall_s=\([0-9.]*\) .*/\1/p' "$work/cmf/drive.log")
  if [[ -n "$f" && -n "$c" ]]; then
    echo "ratio: fleet wall / CMF-style wall = $(echo "scale=2; $f / $c" | bc) ($f s / $c s)"
  fi
fi
