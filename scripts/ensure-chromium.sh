#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the report's browser test (driven by playwright-core,
# which never downloads a browser of its own). As root, installs Debian's `chromium` package when missing;
# otherwise says what to do. Exit 1 when it is still missing.
set -u
BIN=/usr/bin/chromium

works() { [ -x "$BIN" ] && timeout 60 "$BIN" --headless --no-sandbox --disable-gpu --version >/dev/null 2>&1; }

if works; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  cat >&2 <<'MSG'
vouch: the report's browser test needs Debian's Chromium at /usr/bin/chromium, and only root may install it.
  Install it with the system's package manager (as root: `apt-get update && apt-get install -y chromium`),
  then run again.
MSG
  exit 1
fi
echo "vouch: installing Debian's chromium (this happens once per machine)" >&2
apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
  || { echo "vouch: could not install chromium with apt-get" >&2; exit 1; }
if ! works; then echo "vouch: $BIN was installed but does not start (try: $BIN --headless --no-sandbox --version)" >&2; exit 1; fi
echo "vouch: $($BIN --version 2>/dev/null)" >&2
