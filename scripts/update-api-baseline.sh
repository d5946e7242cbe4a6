#!/usr/bin/env bash
# Writes the API baseline that `mvn verify` compares core and testkit with (japicmp): builds both
# jars from this checkout and copies them to api-baseline/MAJOR.MINOR/ARTIFACT.jar, MAJOR.MINOR
# being the build's version. Run it when a release's API is final (after its last merge), or on
# the first build of a new minor line, and commit api-baseline/.
#   scripts/update-api-baseline.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

version="$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' pom.xml | head -n 1)"
line="$(echo "$version" | cut -d. -f1-2)"
if [[ ! "$line" =~ ^[0-9]+\.[0-9]+$ ]]; then
  echo "update-api-baseline: cannot read MAJOR.MINOR from the version '$version' in pom.xml" >&2
  exit 1
fi

log="$(mktemp "${TMPDIR:-/tmp}/api-baseline-build.XXXXXX")"
if ! mvn -B -DskipTests -Djapicmp.skip -Dmaven.javadoc.skip -Dmaven.source.skip \
    -pl mgn-agent-core,mgn-agent-testkit -am package >"$log" 2>&1; then
  grep -E '^\[ERROR\]' "$log" >&2 || cat "$log" >&2
  echo "update-api-baseline: the build failed; the whole log is in $log" >&2
  exit 1
fi
rm -f "$log"

mkdir -p "api-baseline/$line"
for module in mgn-agent-core mgn-agent-testkit; do
  cp "$module/target/$module-$version.jar" "api-baseline/$line/$module.jar"
  echo "api-baseline/$line/$module.jar <- $module $version"
done
