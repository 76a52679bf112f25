#!/usr/bin/env bash
# Vendors the GraphiQL page's assets from the npm registry: the pinned
# versions below, each package's LICENSE beside its files. npm checks every
# tarball against the registry's integrity hash; the SHA-256 of each file
# copied is printed for the README. Run it from anywhere, then review the
# diff (a new version may reference another host: the gateway's GraphiQL
# test lists the few inert URLs the files hold and fails on any other).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
REACT=18.3.1
GRAPHIQL=3.9.0
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "react@$REACT" "react-dom@$REACT" "graphiql@$GRAPHIQL" >/dev/null
unpack() { mkdir -p "$1" && tar xzf "$1-$2.tgz" -C "$1"; }
unpack react "$REACT"
unpack react-dom "$REACT"
unpack graphiql "$GRAPHIQL"
copy() { # package, file in the package, destination directory
  mkdir -p "$here/$3"
  cp "$1/package/$2" "$here/$3/"
}
copy react umd/react.production.min.js "react@$REACT"
copy react LICENSE "react@$REACT"
copy react-dom umd/react-dom.production.min.js "react-dom@$REACT"
copy react-dom LICENSE "react-dom@$REACT"
copy graphiql graphiql.min.js "graphiql@$GRAPHIQL"
copy graphiql graphiql.min.css "graphiql@$GRAPHIQL"
copy graphiql LICENSE "graphiql@$GRAPHIQL"
cd "$here" && sha256sum ./*@*/*
