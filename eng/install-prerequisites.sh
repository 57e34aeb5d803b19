#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages CreditPower needs that are missing: the servers the AppHost and the
# tests run as local executables (no Docker needed), and for the browser tests Chromium and a CJK font.
# Usage: eng/install-prerequisites.sh [--browser]
set -euo pipefail
# fonts-arphic-uming: the Song face the commitment letters (Applications) and notice letters (Notifications) are set in (PDF).
packages=(postgresql redis-server rabbitmq-server fonts-arphic-uming)
if [ "${1:-}" = "--browser" ]; then
  packages+=(chromium fonts-noto-cjk poppler-utils)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
command -v dotnet >/dev/null || { echo "The .NET SDK 10 is required (https://dot.net); it is not installed." >&2; exit 1; }
