#!/usr/bin/env bash
# Makes a headless Chromium and its WebDriver available for the web client's end-to-end tests: Debian's chromium and
# chromium-driver packages (/usr/bin/chromium, /usr/bin/chromedriver), installed when missing.
set -euo pipefail
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  echo "Chromium or its driver is missing; installing chromium and chromium-driver from Debian's packages"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
fi
