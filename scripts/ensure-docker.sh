#!/usr/bin/env bash
# Makes sure a Docker engine answers. As root on a machine without one, installs Debian's docker.io
# (when missing) and starts dockerd in the background; otherwise says what to do. Exit 1 if none answers.
set -u
engine_up() { timeout 10 docker info >/dev/null 2>&1; }

if engine_up; then exit 0; fi
if [ -n "${DOCKER_HOST:-}" ]; then
  echo "vouch: the Docker engine at DOCKER_HOST=$DOCKER_HOST does not answer" >&2; exit 1
fi
if [ "$(id -u)" != 0 ]; then
  cat >&2 <<'MSG'
vouch: no Docker engine answers, and only root may start one here.
  Start Docker (e.g. `sudo systemctl start docker`, or as root: `dockerd &`), make sure your user may
  use /var/run/docker.sock (the docker group), or point DOCKER_HOST at an engine; then run again.
MSG
  exit 1
fi
if ! command -v dockerd >/dev/null 2>&1; then
  echo "vouch: installing Debian's docker.io (this happens once per machine)" >&2
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null \
    || { echo "vouch: could not install docker.io with apt-get" >&2; exit 1; }
fi
if ! command -v docker >/dev/null 2>&1; then
  echo "vouch: dockerd is installed but the docker client is not on PATH" >&2; exit 1
fi
log=/var/log/vouch-dockerd.log
echo "vouch: starting dockerd in the background (log: $log)" >&2
setsid nohup dockerd >"$log" 2>&1 </dev/null &
for _ in $(seq 1 60); do
  if engine_up; then echo "vouch: Docker engine is up" >&2; exit 0; fi
  sleep 1
done
echo "vouch: dockerd did not come up within 60 s; last lines of $log:" >&2
tail -n 20 "$log" >&2
exit 1
