#!/usr/bin/env bash
# The detailed basemap (npm run build:basemap:osm, and its browser test) reads OpenStreetMap extracts with
# Debian's osmium-tool. Installs it when missing, as scripts/ensure-chromium.sh does for Chromium.
set -euo pipefail
if command -v osmium >/dev/null 2>&1; then exit 0; fi
echo "osmium not found: installing Debian's osmium-tool package…" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq osmium-tool >/dev/null
command -v osmium >/dev/null 2>&1 || { echo "osmium still missing" >&2; exit 1; }
