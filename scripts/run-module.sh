#!/usr/bin/env bash
# Runs MAIN from Maven module MODULE, building the module (and what it needs) first when its jar is missing or
# older than any source file. Used by ./flowswitch and ./fsctl; no fat jars: the module's runtime classpath is
# the file Maven writes next to its jar.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
module="$1"; main="$2"; shift 2
target="$root/$module/target"
jar="$(ls "$target"/flowswitch-"$module"-*.jar 2>/dev/null | head -n1 || true)"
stale=""
if [ -z "$jar" ] || [ ! -f "$target/runtime-classpath.txt" ]; then
  stale="missing"
elif [ -n "$(find "$root" -path "$root/*/target" -prune -o \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$jar" -print -quit)" ]; then
  stale="sources changed"
fi
if [ -n "$stale" ]; then
  echo "building $module ($stale)..." >&2
  if ! (cd "$root" && mvn -q -B -Dmaven.test.skip=true install -pl "$module" -am) >&2; then
    echo "error: the build of $module failed; run 'mvn -B -Dmaven.test.skip=true install' in $root to see why" >&2
    exit 1
  fi
  jar="$(ls "$target"/flowswitch-"$module"-*.jar | head -n1)"
fi
exec java ${FLOWSWITCH_JAVA_OPTS:-} -cp "$jar:$(cat "$target/runtime-classpath.txt")" "$main" "$@"
