#!/usr/bin/env bash
# Installs (when missing) and starts the servers the test suite uses beyond Python:
# PostgreSQL (the scale-out database) and nginx (the reverse proxy in front of gunicorn),
# Debian's chromium (the browser tests of the chat page drive it with Playwright), and
# Debian's redis-server (the RQ backend's tests start their own, on a free port).
# Prints the environment lines to export. Idempotent.
set -euo pipefail
PG_PORT=${PG_PORT:-54329}
PG_DIR=${PG_DIR:-/tmp/datavis-ci-pg}

need=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium fonts-dejavu-core)
command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || need+=(redis-server)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

# PostgreSQL refuses to run as root: run the throwaway cluster as the postgres user.
RUN=""
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  RUN="runuser -u postgres --"
fi
if ! $RUN "$PG_BIN/pg_ctl" -D "$PG_DIR" status >/dev/null 2>&1; then
  rm -rf "$PG_DIR"; mkdir -p "$PG_DIR"
  [ -n "$RUN" ] && chown postgres "$PG_DIR"
  $RUN "$PG_BIN/initdb" -D "$PG_DIR" -U datavis --auth=trust >/dev/null
  $RUN "$PG_BIN/pg_ctl" -D "$PG_DIR" -l "$PG_DIR/server.log" -w \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" start >/dev/null
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U datavis datavis_test
fi
echo "export DATAVIS_TEST_POSTGRES_URL=postgresql+psycopg://datavis@127.0.0.1:$PG_PORT/datavis_test"
echo "export DATAVIS_TEST_NGINX=$(command -v nginx || echo /usr/sbin/nginx)"
echo "export DATAVIS_TEST_REDIS=$(command -v redis-server || echo /usr/bin/redis-server)"
