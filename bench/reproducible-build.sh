#!/usr/bin/env bash
# Reproducibility check: builds one commit twice, in two fresh directories, and compares every
# artifact byte for byte: the jars (main, -sources, -javadoc, the shaded CLI), the distribution
# archive and the SBOM. Prints each artifact with "same" or "DIFFERS", then a summary; exits 1 if
# any artifact differs. Tests are skipped; the build runs offline when dependencies are present.
#   bench/reproducible-build.sh [COMMIT]     (default: HEAD; uncommitted changes are not built)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
commit="$(git -C "$here" rev-parse "${1:-HEAD}")"
work="$(mktemp -d "${TMPDIR:-/tmp}/mgn-agent-repro.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "commit: $commit"
echo "java: $(java -version 2>&1 | head -n 1); maven: $(mvn -v 2>/dev/null | head -n 1)"
offline=()
if mvn -B -q -o -f "$here/pom.xml" help:evaluate -Dexpression=project.version -DforceStdout \
    >/dev/null 2>&1; then
  offline=(-o)
fi

for build in one two; do
  mkdir -p "$work/$build"
  git -C "$here" archive --format=tar "$commit" | tar -x -C "$work/$build"
  echo "building $build in $work/$build ..."
  if ! (cd "$work/$build" && mvn -B "${offline[@]}" -Prelease -DskipTests package) >"$work/$build.log" 2>&1; then
    grep -E '^\[ERROR\]' "$work/$build.log" | head -n 20 >&2
    echo "reproducible-build: build $build failed" >&2
    exit 1
  fi
done

same=0
differ=0
while IFS= read -r artifact; do
  if cmp -s "$work/one/$artifact" "$work/two/$artifact"; then
    echo "same     $artifact"
    same=$((same + 1))
  else
    echo "DIFFERS  $artifact"
    differ=$((differ + 1))
  fi
done < <(cd "$work/one" && find . -maxdepth 3 -path '*/target/*' -type f \
  \( -name '*.jar' -o -name '*.tar.gz' -o -name '*-sbom.json' \) | sed 's|^\./||' | sort)

echo "$same artifacts identical, $differ differ"
[[ "$differ" -eq 0 && "$same" -gt 0 ]]
