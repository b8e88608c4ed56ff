#!/usr/bin/env bash
# Installs the Debian packages that the rich-menu image and the stats report's browser test
# need, when they are missing: Chromium (driven by playwright-core, never a downloaded
# browser) and the Noto CJK fonts (Japanese labels). Java and the Firestore emulator come
# with the Google Cloud CLI (see the README). Needs root, or prints what to run.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi

if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "installing Debian packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
