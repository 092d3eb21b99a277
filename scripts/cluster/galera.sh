#!/usr/bin/env bash
# A three-member MariaDB Galera cluster on loopback (Debian's mariadb-server, galera-4 and
# mariadb-backup), configured as docs/cluster.md tells operators (binary log in ROW format, with
# log_bin_trust_function_creators for the schema's triggers), two WildFly nodes behind nginx, node 1
# on member 1 and node 2 on member 2, and the cluster's races through the balancer (mvn -Pcluster
# verify). Reports the conflict retries the nodes took and any over-allocation left in the database;
# fails when a test fails, a member or node does not come up, or anything is over-allocated.
#
#   galera.sh [extra Maven arguments]
#
# Settings (environment): GALERA_DIR (default it-tests/target/galera), GALERA_PORT (first member's
# SQL port, default 3311; members use 3311-3313, Galera 4567/4577/4587), GALERA_KEEP=1 leaves the
# database cluster running afterwards. The WildFly nodes take CLUSTER_OFFSETS and
# CLUSTER_BALANCER_PORT as in two-nodes.sh.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="${GALERA_DIR:-$root/it-tests/target/galera}"
port="${GALERA_PORT:-3311}"
provider=/usr/lib/galera/libgalera_smm.so

for tool in mariadbd mariadb mariadb-install-db mariabackup; do
    command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install mariadb-server galera-4 mariadb-backup" >&2; exit 1; }
done
[ -f "$provider" ] || { echo "$provider is missing: apt-get install galera-4" >&2; exit 1; }

sql_port() { echo $((port + $1 - 1)); }
galera_port() { echo $((4567 + 10 * ($1 - 1))); }
member_dir() { echo "$dir/member$1"; }
sql() { mariadb --protocol=socket -S "$(member_dir "$1")/mysqld.sock" -uroot -N -B -e "$2"; }

write_config() {
    local m=$1 base
    base="$(member_dir "$m")"
    cat > "$base/my.cnf" <<CNF
[mysqld]
user=root
datadir=$base/data
socket=$base/mysqld.sock
pid-file=$base/mysqld.pid
log-error=$base/error.log
bind-address=127.0.0.1
port=$(sql_port "$m")
log_bin=$base/binlog
binlog_format=ROW
# The schema's triggers, created by the application's user (no SUPER) on a server with a binary log.
log_bin_trust_function_creators=1
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
innodb_buffer_pool_size=32M
innodb_flush_log_at_trx_commit=2
wsrep_on=ON
wsrep_provider=$provider
wsrep_cluster_name=licensing-galera-$port
wsrep_cluster_address=gcomm://127.0.0.1:$(galera_port 1),127.0.0.1:$(galera_port 2),127.0.0.1:$(galera_port 3)
wsrep_node_name=member$m
wsrep_node_address=127.0.0.1:$(galera_port "$m")
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:$(galera_port "$m");ist.recv_addr=127.0.0.1:$(($(galera_port "$m") + 1));cert.log_conflicts=yes"
# Each conflict's table and key in the member's error log, for reading the retries the nodes report.
wsrep_log_conflicts=ON
wsrep_sst_receive_address=127.0.0.1:$(($(galera_port "$m") + 2))
wsrep_sst_method=mariabackup
wsrep_sst_auth=root:
# Reads wait until the member has applied what the cluster committed before them (causal reads).
wsrep_sync_wait=1
CNF
}

start_member() {
    local m=$1
    shift
    mariadbd --defaults-file="$(member_dir "$m")/my.cnf" "$@" > /dev/null 2>&1 &
    for _ in $(seq 1 180); do
        if [ "$(sql "$m" "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | cut -f2)" = Synced ]; then
            echo "member$m synced on port $(sql_port "$m")"
            return
        fi
        sleep 1
    done
    echo "member$m did not sync, see $(member_dir "$m")/error.log" >&2
    return 1
}

stop_members() {
    for m in 3 2 1; do
        local pidfile
        pidfile="$(member_dir "$m")/mysqld.pid"
        if [ -f "$pidfile" ]; then
            local pid
            pid="$(cat "$pidfile")"
            kill "$pid" 2>/dev/null || true
            for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        fi
    done
}

# Prints the figures; fails when anything is over-allocated.
report() {
    local over=0 count
    echo "== Galera figures"
    sql 1 "SHOW STATUS WHERE Variable_name IN ('wsrep_cluster_size','wsrep_local_cert_failures','wsrep_local_bf_aborts')"
    sql 2 "SHOW STATUS WHERE Variable_name IN ('wsrep_local_cert_failures','wsrep_local_bf_aborts')"
    count=$(sql 1 "SELECT COUNT(*) FROM (SELECT l.id FROM licensing.license l JOIN licensing.host_binding b
           ON b.license_id = l.id AND b.released_at IS NULL GROUP BY l.id, l.seats HAVING COUNT(*) > l.seats) o")
    echo "over-allocated licenses (bindings beyond seats): $count"
    over=$((over + count))
    count=$(sql 1 "SELECT COUNT(*) FROM (SELECT l.id FROM licensing.license l JOIN licensing.license_session s
           ON s.license_id = l.id AND s.ended_at IS NULL GROUP BY l.id, l.seats HAVING COUNT(*) > l.seats) o")
    echo "over-allocated licenses (live sessions beyond seats): $count"
    over=$((over + count))
    count=$(sql 1 "SELECT COUNT(*) FROM (SELECT source_ref FROM licensing.license WHERE source = 'COUPON'
           GROUP BY source_ref HAVING COUNT(*) > 1) c")
    echo "coupons redeemed more than once: $count"
    over=$((over + count))
    local retries=0 settled
    for n in 1 2; do
        local log="$root/it-tests/target/cluster/node$n/log/server.log"
        count=$(grep -c 'conflict retry #' "$log" 2>/dev/null || true)
        settled=$(grep -c 'Galera member with the settings this server needs' "$log" 2>/dev/null || true)
        echo "node$n: ${count:-0} conflict retries; member settings confirmed at start: ${settled:-0} time(s)"
        retries=$((retries + ${count:-0}))
        [ "${settled:-0}" -gt 0 ] || { echo "node$n never confirmed its member's settings" >&2; over=$((over + 1)); }
    done
    echo "conflict retries on both nodes: $retries"
    [ "$over" = 0 ]
}

stop_members
rm -rf "$dir"
for m in 1 2 3; do
    mkdir -p "$(member_dir "$m")/data"
    write_config "$m"
done
mariadb-install-db --defaults-file="$(member_dir 1)/my.cnf" --auth-root-authentication-method=socket > "$dir/install.log" 2>&1
trap '[ "${GALERA_KEEP:-0}" = 1 ] || stop_members' EXIT
start_member 1 --wsrep-new-cluster
password="$(head -c 24 /dev/urandom | base64 | tr '+/' '-_')"
sql 1 "CREATE DATABASE licensing; CREATE USER 'licensing'@'127.0.0.1' IDENTIFIED BY '$password';
       CREATE USER 'licensing'@'localhost' IDENTIFIED BY '$password';
       GRANT ALL ON licensing.* TO 'licensing'@'127.0.0.1'; GRANT ALL ON licensing.* TO 'licensing'@'localhost'"
start_member 2
start_member 3

url() { echo "jdbc:mariadb://127.0.0.1:$(sql_port "$1")/licensing"; }
status=0
# The test build's external-database profile takes the database from these (no password on a command line).
export LICENSING_DB_URL="$(url 1)" LICENSING_DB_USER=licensing LICENSING_DB_PASSWORD="$password"
# Statements as text on Galera members, as the README tells operators (a node refuses to start otherwise).
export LICENSING_DB_SERVER_PREPARED_STATEMENTS=false
(cd "$root" && mvn -B -ntp -Pcluster -Dlicensing.release.skip=true verify -Dit.cluster.db.urls="$(url 1) $(url 2)" "$@") || status=$?
report || status=1
exit $status
