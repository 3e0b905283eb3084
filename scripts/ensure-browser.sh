#!/usr/bin/env bash
# The browser tests (test/browser, part of `npm test`) and `npm run screenshots` drive Debian's
# Chromium with a Chinese font (without one, Chinese renders as boxes). Installs both when missing
# and run as root; otherwise prints the command. Never downloads a browser build of its own.
set -euo pipefail

# (grep reads all of fc-list's output: with pipefail, grep -q closing the pipe early would fail the check.)
has_font() { fc-list 2>/dev/null | grep -i 'wqy\|wenquanyi' >/dev/null; }
if [ -x /usr/bin/chromium ] && has_font; then
  echo "Chromium and a Chinese font are ready"
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "==> installing Chromium and fonts-wqy-zenhei"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-zenhei >/dev/null
else
  echo "The browser tests need Debian's Chromium and a Chinese font. Install them, then run this again:" >&2
  echo "  sudo apt-get install -y chromium fonts-wqy-zenhei" >&2
  exit 1
fi
