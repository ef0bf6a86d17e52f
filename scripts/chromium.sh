#!/usr/bin/env bash
# Ensure Debian's Chromium is installed and print its path.
# Browser tests drive it through Playwright .NET's ExecutablePath, so nothing
# is ever downloaded at test time (never run `playwright install`).
# Usage: scripts/chromium.sh        -> prints /usr/bin/chromium
set -euo pipefail

readonly CHROMIUM=/usr/bin/chromium

if [[ ! -x "$CHROMIUM" ]]; then
  if [[ $EUID -ne 0 ]]; then
    echo "chromium.sh: $CHROMIUM is missing; install it with: sudo apt-get install chromium" >&2
    exit 1
  fi
  echo "chromium.sh: installing Debian's chromium package (takes about a minute)..." >&2
  # A fresh machine has empty apt lists, so update once before installing.
  # The lock timeout waits out any other apt run instead of failing at once.
  # Progress goes to stderr so stdout carries only the path.
  apt-get -o DPkg::Lock::Timeout=300 update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 \
    install -y -q chromium >&2
  if [[ ! -x "$CHROMIUM" ]]; then
    echo "chromium.sh: apt-get finished but $CHROMIUM is still missing" >&2
    exit 1
  fi
fi

echo "$CHROMIUM"
