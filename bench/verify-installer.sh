#!/usr/bin/env bash
# Wall time of `mgn-agent verify-installer` against `curl -o FILE URL && sha512sum FILE`, same run,
# same loopback server (python3 -m http.server, path style, the real key layout), 512 MiB file.
# Prints every run, the medians and the ratio. Target: ratio 0.9 or less.
#   bench/verify-installer.sh [RUNS] [SIZE_MIB]      (defaults: 3 runs, 512 MiB)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$here/mgn-agent-cli/target/mgn-agent.jar"
runs="${1:-3}"
size_mib="${2:-512}"
region=us-east-1
key=latest/linux/aws-replication-installer-init

if [[ ! -f "$jar" ]]; then
  (cd "$here" && mvn -B -q -DskipTests -pl mgn-agent-cli -am package) >/dev/null
fi

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

root="$work/srv"
mkdir -p "$root/aws-application-migration-service-$region/latest/linux" \
         "$root/aws-application-migration-service-hashes-$region/latest/linux" "$work/out"
installer="$root/aws-application-migration-service-$region/$key"
head -c "$((size_mib * 1024 * 1024))" /dev/urandom >"$installer"
(cd "$(dirname "$installer")" && sha512sum aws-replication-installer-init) \
  >"$root/aws-application-migration-service-hashes-$region/$key.sha512"

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
python3 -m http.server --bind 127.0.0.1 --directory "$root" "$port" >"$work/server.log" 2>&1 &
server_pid=$!
endpoint="http://127.0.0.1:$port"
url="$endpoint/aws-application-migration-service-$region/$key"
for _ in $(seq 1 50); do
  curl -sf -o /dev/null -r 0-0 "$url" && break
  sleep 0.1
done

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

run_java() {
  rm -f "$work/out/java"
  java -jar "$jar" verify-installer --region "$region" --s3-endpoint "$endpoint" \
    --output "$work/out/java" >/dev/null 2>"$work/java.err" || { cat "$work/java.err" >&2; exit 1; }
}

run_curl() {
  rm -f "$work/out/curl"
  curl -s -o "$work/out/curl" "$url" && sha512sum "$work/out/curl" >/dev/null
}

echo "java: $(java -version 2>&1 | head -n 1)"
echo "cpus: $(nproc); file: ${size_mib} MiB; server: python3 -m http.server on $endpoint"
run_java; run_curl   # warm the page cache and the JVM's class data once, not counted

java_times=(); curl_times=()
for ((i = 1; i <= runs; i++)); do
  start=$(now_ms); run_java; java_ms=$(( $(now_ms) - start ))
  start=$(now_ms); run_curl; curl_ms=$(( $(now_ms) - start ))
  java_times+=("$java_ms"); curl_times+=("$curl_ms")
  echo "run $i: verify-installer ${java_ms} ms, curl+sha512sum ${curl_ms} ms"
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
java_median=$(median "${java_times[@]}")
curl_median=$(median "${curl_times[@]}")
ratio=$(awk -v j="$java_median" -v c="$curl_median" 'BEGIN {printf "%.2f", j / c}')
echo "median of $runs: verify-installer ${java_median} ms, curl+sha512sum ${curl_median} ms, ratio ${ratio} (target: 0.9 or less)"
