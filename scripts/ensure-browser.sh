#!/usr/bin/env bash
# Installs what the browser tests need, from Debian's packages, when it is missing:
# Chromium (playwright-core drives it; it never downloads a browser), CJK fonts (without them
# Chinese renders as boxes) and a colour emoji font (the live class's reactions 👍 👏 ❤️ ❓). Safe to run again: it installs nothing when all is there.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# grep reads all of fc-list's output (no -q): with pipefail, an early exit would read as "missing".
if ! { command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null; }; then
  need+=(fonts-noto-cjk)
fi
if ! { command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -i 'Noto Color Emoji' >/dev/null; }; then
  need+=(fonts-noto-color-emoji)
fi
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
echo "ensure-browser: installing ${need[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
