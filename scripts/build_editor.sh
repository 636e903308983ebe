#!/bin/sh
# Rebuild the query page's SPARQL editor (CodeMirror 6) from the npm registry into
# jbzgraph/serve/static/editor.js, with the licence of every bundled package beside it.
# Versions are pinned in scripts/editor/package.json and package-lock.json; the built,
# minified file is committed, so serving never loads anything from the network.
set -eu
here=$(cd "$(dirname "$0")/editor" && pwd)
static="$here/../../jbzgraph/serve/static"
cd "$here"
npm ci --no-audit --no-fund
./node_modules/.bin/esbuild main.js --bundle --minify --format=iife --legal-comments=none \
  --target=es2020 --outfile="$static/editor.js"
{
  echo "Licences of the packages bundled into editor.js (built by scripts/build_editor.sh)."
  for pkg in $(cd node_modules && ls -d @*/* [a-z]* | grep -v '^esbuild$\|^@esbuild/'); do
    version=$(node -p "require('./node_modules/$pkg/package.json').version")
    licence=$(node -p "require('./node_modules/$pkg/package.json').license")
    echo
    echo "== $pkg $version ($licence)"
    cat node_modules/"$pkg"/LICENSE* 2>/dev/null || echo "(no licence file in the package)"
  done
} > "$static/editor.LICENSES.txt"
echo "wrote $static/editor.js"
