# PostgreSQL for the store tests (sourced by scripts/test).
#
# Installs Debian's `postgresql` when no server binaries are present (as root, with apt), starts a private
# cluster listening on 127.0.0.1 only, and exports EVENTWIRE_TEST_POSTGRES with its DSN. Does nothing when
# EVENTWIRE_TEST_POSTGRES is already set or the cluster is already running. When the server cannot be set
# up it says why, and the PostgreSQL tests skip with that reason.

eventwire_postgres_setup() {
    local port="${EVENTWIRE_PG_PORT:-55432}"
    local data="${EVENTWIRE_PG_DIR:-/tmp/eventwire-postgres}"
    local dsn="postgresql://eventwire:eventwire@127.0.0.1:${port}/eventwire_test"
    local bin
    bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    if [ -z "$bin" ]; then
        if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
            echo "postgres.sh: no PostgreSQL server and no root/apt to install one; PostgreSQL tests will skip" >&2
            return 1
        fi
        echo "postgres.sh: installing Debian's postgresql" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >/dev/null && apt-get install -y -qq postgresql >/dev/null || return 1
        bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
    fi
    # the server refuses to run as root: run it as the postgres account the package creates
    local as=()
    if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || { echo "postgres.sh: no postgres account to run the server" >&2; return 1; }
        as=(runuser -u postgres --)
    fi
    if ! "${as[@]}" "$bin/pg_ctl" status -D "$data" >/dev/null 2>&1; then
        if [ ! -s "$data/PG_VERSION" ]; then
            mkdir -p "$data" && chmod 700 "$data"
            [ "$(id -u)" = 0 ] && chown postgres: "$data"
            local pwfile="$data.pw"
            echo eventwire > "$pwfile" && chmod 644 "$pwfile"
            "${as[@]}" "$bin/initdb" -D "$data" -U eventwire --pwfile="$pwfile" --auth-host=scram-sha-256 \
                --auth-local=trust >/dev/null || return 1
            rm -f "$pwfile"
        fi
        "${as[@]}" "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $data" start >/dev/null || return 1
    fi
    PGPASSWORD=eventwire "$bin/psql" -q -h 127.0.0.1 -p "$port" -U eventwire -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = 'eventwire_test'" | grep -q 1 ||
        PGPASSWORD=eventwire "$bin/psql" -q -h 127.0.0.1 -p "$port" -U eventwire -d postgres \
            -c "CREATE DATABASE eventwire_test" >/dev/null || return 1
    export EVENTWIRE_TEST_POSTGRES="$dsn"
}

if [ -z "${EVENTWIRE_TEST_POSTGRES:-}" ]; then
    eventwire_postgres_setup || echo "postgres.sh: PostgreSQL is not available; its tests will skip" >&2
fi
unset -f eventwire_postgres_setup
