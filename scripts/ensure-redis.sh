#!/usr/bin/env bash
# Makes sure Debian's redis-server (and redis-cli) are installed, for the distributed tests and benchmark
# (they start their own redis-server on a free loopback port). As root on a machine without it, installs
# redis-server with apt-get; otherwise says what to do. Starts no service. Exit 1 if it is not there.
set -u
have_redis() { command -v redis-server >/dev/null 2>&1 && command -v redis-cli >/dev/null 2>&1; }

if have_redis; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "vouch: redis-server is not installed, and only root may install it here (e.g. \`sudo apt-get install redis-server\`)" >&2
  exit 1
fi
echo "vouch: installing Debian's redis-server (this happens once per machine)" >&2
apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null \
  || { echo "vouch: could not install redis-server with apt-get" >&2; exit 1; }
# the package may start its own service: the tests do not use it, so it is left as the system set it
if have_redis; then exit 0; fi
echo "vouch: redis-server was installed but is not on PATH" >&2
exit 1
