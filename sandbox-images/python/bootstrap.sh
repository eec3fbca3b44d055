#!/usr/bin/env bash
# Offline build of the base image: debootstrap a minimal Debian with Python 3 and pytest,
# then `docker import` it. Used when no base image can be pulled.
# Usage: bootstrap.sh IMAGE_TAG
# The mirror is the first one in the system's apt sources; debootstrap's default when there is none.
set -euo pipefail
tag=${1:?usage: bootstrap.sh IMAGE_TAG}
suite=${VOUCH_SUITE:-bookworm}
here=$(cd "$(dirname "$0")" && pwd)
packages=$(grep -v '^#' "$here/packages.txt" | tr '\n' ',' | sed 's/,*$//')

command -v debootstrap >/dev/null || {
  if [ "$(id -u)" = 0 ]; then
    echo "vouch: installing debootstrap" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
  else
    echo "vouch: debootstrap is missing; install it (apt-get install debootstrap) or run as root" >&2; exit 1
  fi
}

mirror=""
if ls /etc/apt/sources.list.d/*.sources >/dev/null 2>&1; then
  mirror=$(grep -h '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v -- '-security' | head -n1 || true)
fi
if [ -z "$mirror" ] && [ -f /etc/apt/sources.list ]; then
  mirror=$(grep -hE '^deb ' /etc/apt/sources.list | awk '{print $2}' | grep -v -- '-security' | head -n1 || true)
fi

root=$(mktemp -d /tmp/vouch-rootfs.XXXXXX)
trap 'rm -rf "$root"' EXIT
echo "vouch: debootstrap $suite with $packages (about 2 minutes)" >&2
debootstrap --variant=minbase --include="$packages" "$suite" "$root" $mirror >"$root.log" 2>&1 || {
  echo "vouch: debootstrap failed; log: $root.log" >&2; tail -n 20 "$root.log" >&2; exit 1; }
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
tar -C "$root" -c . | docker import - "$tag" >/dev/null
echo "vouch: imported $tag" >&2
