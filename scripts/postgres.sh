#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for Haven's tests (and an optional streaming
# replica), bound to 127.0.0.1 on its own port so it never clashes with a
# system PostgreSQL on 5432.
#
# Usage:
#   scripts/postgres.sh start [--replica]   install if needed, start (idempotent)
#   scripts/postgres.sh stop                stop replica then primary
#   scripts/postgres.sh status              report; exit 0 if the primary is up, 3 if not
#   scripts/postgres.sh env                 print export lines; use: eval "$(scripts/postgres.sh env)"
#
# Environment:
#   HAVEN_PG_BASE          cluster directory          (default /tmp/haven-pg)
#   HAVEN_PG_PORT          primary port               (default 55432)
#   HAVEN_PG_REPLICA_PORT  replica port               (default 55433)
#   HAVEN_PG_REPLICA=1     same as start --replica
#
# The cluster is disposable: fsync is off and auth is trust. If nothing
# answers on the port, `start` throws away whatever is in HAVEN_PG_BASE and
# builds a fresh cluster (about 2-4 s).
set -euo pipefail

readonly HOST=127.0.0.1
readonly PORT=${HAVEN_PG_PORT:-55432}
readonly REPLICA_PORT=${HAVEN_PG_REPLICA_PORT:-55433}
BASE=${HAVEN_PG_BASE:-/tmp/haven-pg}
# We cd / below (postgres warns when it cannot read the caller's cwd), so make
# a relative base absolute first.
[[ $BASE == /* ]] || BASE=$PWD/$BASE
BASE=${BASE%/}
readonly BASE
readonly PRIMARY=$BASE/primary
readonly REPLICA=$BASE/replica
# Marker file: we only ever rm -rf a directory this script created.
readonly MARKER=$BASE/.haven-pg
readonly APP_USER=haven APP_PASSWORD=haven APP_DB=haven

PGBIN=

log() { echo "postgres.sh: $*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
  sed -n '6,10p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# Newest installed server binaries (Debian puts them under a versioned dir).
find_pgbin() {
  local initdb
  initdb=$(printf '%s\n' /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)
  if [[ -x $initdb ]]; then PGBIN=${initdb%/initdb}; else PGBIN=; fi
}

ensure_installed() {
  find_pgbin
  [[ -n $PGBIN ]] && return 0
  [[ $EUID -eq 0 ]] || die "PostgreSQL is not installed; run: sudo apt-get install postgresql"
  log "installing Debian's postgresql package..."
  # Fresh machines have empty apt lists, so update once before installing.
  apt-get -o DPkg::Lock::Timeout=300 update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 \
    install -y -q postgresql >&2
  find_pgbin
  [[ -n $PGBIN ]] || die "apt-get finished but no initdb under /usr/lib/postgresql/*/bin"
}

# initdb and postgres refuse to run as root, so as root we run them as the
# postgres user (created by the Debian package). As a normal user we run them
# directly and the cluster belongs to that user.
# fd 9 (the start/stop lock) is closed so a server started under the lock
# does not inherit it and hold the lock for the rest of its life.
as_pg() {
  if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@" 9>&-; else "$@" 9>&-; fi
}

# 0 = accepting connections. pg_isready answers 1 while a server is starting
# or shutting down, so wait that out instead of treating it as "down".
is_up() {
  local port=$1 rc i
  [[ -n $PGBIN ]] || return 1
  for ((i = 0; i < 30; i++)); do
    rc=0
    "$PGBIN/pg_isready" -q -h "$HOST" -p "$port" -t 3 || rc=$?
    [[ $rc -eq 1 ]] || return "$rc"
    sleep 1
  done
  return 1
}

# psql with no ~/.psqlrc, stopping at the first error.
psql_as() {
  local user=$1 port=$2 db=$3
  shift 3
  "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$HOST" -p "$port" -U "$user" -d "$db" "$@"
}

conn_string() {
  printf 'Host=%s;Port=%s;Username=%s;Password=%s;Database=%s' \
    "$HOST" "$1" "$APP_USER" "$APP_PASSWORD" "$APP_DB"
}

# Stop a server whose data directory we own, if one is running there. A dead
# server leaves a stale postmaster.pid behind; pg_ctl then fails, which is fine.
stop_dir() {
  local dir=$1 mode=${2:-fast} timeout=${3:-60}
  [[ -f $dir/postmaster.pid ]] || return 0
  as_pg "$PGBIN/pg_ctl" -D "$dir" -m "$mode" -w -t "$timeout" stop >&2 || true
}

# Remove the base directory, but only if we made it (or it is empty).
wipe_base() {
  [[ -e $BASE ]] || return 0
  [[ $BASE != / ]] || die "refusing to use / as HAVEN_PG_BASE"
  if [[ ! -f $MARKER ]] && [[ -n $(ls -A "$BASE" 2>/dev/null) ]]; then
    die "refusing to delete $BASE: it was not created by postgres.sh (set HAVEN_PG_BASE)"
  fi
  log "nothing answers on $HOST:$PORT; discarding the old cluster in $BASE"
  # Short timeout: a crashed postmaster can linger as a zombie where PID 1
  # does not reap orphans, and pg_ctl would wait on it for nothing.
  stop_dir "$REPLICA" immediate 10
  stop_dir "$PRIMARY" immediate 10
  rm -rf "$BASE"
}

show_log_tail() {
  [[ -f $1 ]] && tail -n 20 "$1" >&2
  return 0
}

create_primary() {
  wipe_base
  mkdir -p "$BASE"
  touch "$MARKER"
  [[ $EUID -ne 0 ]] || chown postgres:postgres "$BASE"
  as_pg test -w "$BASE" || die "user postgres cannot write $BASE (pick a HAVEN_PG_BASE it can reach, e.g. under /tmp)"

  log "creating cluster in $PRIMARY"
  # --auth=trust also gives the 127.0.0.1 replication entry the replica needs.
  if ! as_pg "$PGBIN/initdb" -D "$PRIMARY" -U postgres --auth=trust -E UTF8 \
    --locale=C.UTF-8 >"$BASE/initdb.log" 2>&1; then
    show_log_tail "$BASE/initdb.log"
    die "initdb failed (log: $BASE/initdb.log)"
  fi
  # Settings live in the config file rather than on the command line so that
  # pg_basebackup copies them to the replica and a bare `pg_ctl start` works.
  # max_connections is raised because each test database gets its own
  # Npgsql pool, and idle pooled connections add up over a test run.
  cat >>"$PRIMARY/postgresql.conf" <<EOF

# --- scripts/postgres.sh: disposable test cluster ---
listen_addresses = '$HOST'
port = $PORT
unix_socket_directories = '$BASE'
fsync = off
max_connections = 300
EOF

  log "starting primary on $HOST:$PORT"
  if ! as_pg "$PGBIN/pg_ctl" -D "$PRIMARY" -l "$BASE/primary.log" -w -t 60 start >/dev/null; then
    show_log_tail "$BASE/primary.log"
    die "primary did not start (log: $BASE/primary.log); is port $PORT taken by something else?"
  fi
}

# Idempotent, so it is also safe against an already-running cluster of ours.
ensure_app_role_and_db() {
  psql_as postgres "$PORT" postgres <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$APP_USER') THEN
    CREATE ROLE $APP_USER LOGIN PASSWORD '$APP_PASSWORD' CREATEDB;
  END IF;
END
\$\$;
SELECT 'CREATE DATABASE $APP_DB OWNER $APP_USER'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$APP_DB') \gexec
SQL
}

create_replica() {
  stop_dir "$REPLICA" immediate 10
  rm -rf "$REPLICA"
  log "creating streaming replica in $REPLICA"
  # -R writes standby.signal and primary_conninfo; -X stream copies the WAL
  # generated during the backup; -c fast avoids waiting for a checkpoint.
  as_pg "$PGBIN/pg_basebackup" -h "$HOST" -p "$PORT" -U postgres -D "$REPLICA" \
    -R -X stream -c fast >&2
  # The copied postgresql.conf carries the primary's port; a later line wins.
  printf '\n# --- scripts/postgres.sh: replica ---\nport = %s\n' "$REPLICA_PORT" \
    >>"$REPLICA/postgresql.conf"
  log "starting replica on $HOST:$REPLICA_PORT"
  if ! as_pg "$PGBIN/pg_ctl" -D "$REPLICA" -l "$BASE/replica.log" -w -t 60 start >/dev/null; then
    show_log_tail "$BASE/replica.log"
    die "replica did not start (log: $BASE/replica.log)"
  fi
  # Wait until it is actually streaming, so tests do not start against a
  # replica that is still catching up on its first connection.
  local i n
  for ((i = 0; i < 40; i++)); do
    n=$(psql_as postgres "$PORT" postgres -At -c \
      "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")
    [[ $n -ge 1 ]] && return 0
    sleep 0.25
  done
  log "warning: replica started but is not streaming yet (see $BASE/replica.log)"
}

cmd_start() {
  local want_replica=${HAVEN_PG_REPLICA:-0}
  while (($#)); do
    case $1 in
      --replica) want_replica=1 ;;
      *) usage ;;
    esac
    shift
  done

  ensure_installed
  if [[ $EUID -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    die "user postgres does not exist (the Debian postgresql package creates it)"
  fi

  if is_up "$PORT"; then
    # Reuse the running server, but only if it is one the tests can log in to;
    # a foreign server on our port would otherwise fail every test obscurely.
    if ! psql_as "$APP_USER" "$PORT" "$APP_DB" -c 'SELECT 1' >/dev/null 2>&1; then
      ensure_app_role_and_db 2>/dev/null ||
        die "a server on $HOST:$PORT is not ours and will not let us create role $APP_USER; stop it or set HAVEN_PG_PORT"
    fi
    log "primary already running on $HOST:$PORT"
  else
    create_primary
    ensure_app_role_and_db
  fi

  if [[ $want_replica == 1 ]]; then
    if is_up "$REPLICA_PORT"; then
      log "replica already running on $HOST:$REPLICA_PORT"
    else
      create_replica
    fi
  fi
}

cmd_stop() {
  find_pgbin
  [[ -n $PGBIN ]] || { log "PostgreSQL is not installed; nothing to stop"; return 0; }
  # Replica first, so it does not log reconnect errors against a dead primary.
  stop_dir "$REPLICA" fast
  stop_dir "$PRIMARY" fast
  if is_up "$PORT"; then
    log "warning: something still answers on $HOST:$PORT but its data is not in $PRIMARY; left alone"
  fi
  log "stopped"
}

cmd_status() {
  find_pgbin
  local rc=3
  if [[ -z $PGBIN ]]; then
    echo "PostgreSQL is not installed"
    return 3
  fi
  if is_up "$PORT"; then
    echo "primary: up on $HOST:$PORT (data $PRIMARY)"
    rc=0
  else
    echo "primary: down (port $PORT)"
  fi
  if is_up "$REPLICA_PORT"; then
    echo "replica: up on $HOST:$REPLICA_PORT (data $REPLICA)"
  else
    echo "replica: down (port $REPLICA_PORT)"
  fi
  return "$rc"
}

cmd_env() {
  find_pgbin
  printf 'export HAVEN_TEST_POSTGRES="%s"\n' "$(conn_string "$PORT")"
  if is_up "$REPLICA_PORT"; then
    printf 'export HAVEN_TEST_POSTGRES_REPLICA="%s"\n' "$(conn_string "$REPLICA_PORT")"
  else
    # Clear a value left over in the caller's shell from an earlier run.
    echo 'unset HAVEN_TEST_POSTGRES_REPLICA'
  fi
}

main() {
  (($#)) || usage
  local cmd=$1
  shift
  cd /
  case $cmd in
    start | stop)
      # Serialise concurrent start/stop calls (e.g. two test runs at once).
      # The lock lives beside the base directory, which start may delete.
      mkdir -p "$(dirname "$BASE")"
      exec 9>"$BASE.lock"
      flock -w 120 9 || die "timed out waiting for $BASE.lock"
      "cmd_$cmd" "$@"
      ;;
    status | env)
      (($# == 0)) || usage
      "cmd_$cmd"
      ;;
    -h | --help | help) usage ;;
    *) usage ;;
  esac
}

main "$@"
