#!/usr/bin/env bash
# Two WildFly nodes of the provisioned server over one database, behind an nginx load balancer on
# loopback.
#
#   two-nodes.sh            builds the server and runs the cluster tests (mvn -Pcluster verify: an
#                           embedded MariaDB, the nodes, the balancer, TwoNodeClusterIT through it)
#   two-nodes.sh start      starts the nodes and the balancer over LICENSING_DB_URL (or one URL per
#                           node in CLUSTER_DB_URLS) and waits until both answer
#   two-nodes.sh stop       stops them and prints the conflict retries each node took
#
# Settings (environment): CLUSTER_DIR (node base directories, logs, balancer; default
# it-tests/target/cluster), CLUSTER_OFFSETS (port offsets of the nodes, default "300 400"),
# CLUSTER_BALANCER_PORT (default 8300), CLUSTER_INTRUDER_OFFSET (default 500). Every LICENSING_*
# variable is passed on to the nodes. `start` makes the cluster's key store and secret (unless
# LICENSING_CLUSTER_KEYSTORE is set), and before the balancer starts a third node with another
# secret, which must not be admitted.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
server_home="$root/licensing-ear/target/server"
dir="${CLUSTER_DIR:-$root/it-tests/target/cluster}"
read -r -a offsets <<< "${CLUSTER_OFFSETS:-300 400}"
balancer_port="${CLUSTER_BALANCER_PORT:-8300}"

offsets+=("${CLUSTER_INTRUDER_OFFSET:-500}")

node_dir() { echo "$dir/node$1"; }
http_port() { echo $((8080 + offsets[$1 - 1])); }
jgroups_port() { echo $((7600 + offsets[$1 - 1])); }

# A third node with the cluster's key but another secret: the members must never take it into their
# view (AUTH refuses it). It is stopped once it has come up as far as it can.
check_intruder() {
    local base log
    base="$(node_dir 3)"
    launch_node 3
    log="$base/log/server.log"
    for _ in $(seq 1 240); do
        grep -qE 'WFLYSRV0025|WFLYSRV0026' "$log" 2>/dev/null && break
        sleep 1
    done
    stop_node 3
    # A view that has node3 with a member, in the log of either side.
    if grep -h 'view' "$(node_dir 1)/log/server.log" "$(node_dir 2)/log/server.log" "$log" \
            | grep 'node3' | grep -qE 'node1|node2'; then
        echo "node3, with another cluster secret, was admitted to the cluster" >&2
        return 1
    fi
    grep -qi 'authentication failed' "$log" || { echo "node3 was not refused by AUTH, see $log" >&2; return 1; }
    echo "node3, with another cluster secret, was refused by the members"
}

# The cluster's AES key and shared secret, made for this run, the same for both nodes.
make_cluster_secrets() {
    [ -n "${LICENSING_CLUSTER_KEYSTORE:-}" ] && return 0
    export LICENSING_CLUSTER_KEYSTORE="$dir/cluster.p12"
    LICENSING_CLUSTER_KEYSTORE_PASSWORD="$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')"
    LICENSING_CLUSTER_SECRET="$(head -c 24 /dev/urandom | base64 | tr '+/' '-_')"
    export LICENSING_CLUSTER_KEYSTORE_PASSWORD LICENSING_CLUSTER_SECRET
    rm -f "$LICENSING_CLUSTER_KEYSTORE"
    (umask 077 && keytool -genseckey -alias licensing-cluster -keyalg AES -keysize 256 -storetype PKCS12 \
        -storepass:env LICENSING_CLUSTER_KEYSTORE_PASSWORD -keystore "$LICENSING_CLUSTER_KEYSTORE")
}

start_node() {
    launch_node "$1" && await_node "$1"
}

launch_node() {
    local n=$1 base db_url
    base="$(node_dir "$n")"
    rm -rf "$base"
    mkdir -p "$base"
    cp -r "$server_home/standalone/configuration" "$server_home/standalone/deployments" "$base/"
    read -r -a db_urls <<< "${CLUSTER_DB_URLS:-${LICENSING_DB_URL:?LICENSING_DB_URL or CLUSTER_DB_URLS}}"
    db_url="${db_urls[$((n - 1))]:-${db_urls[0]}}"
    local members="127.0.0.1[$(jgroups_port 1)],127.0.0.1[$(jgroups_port 2)]"
    (
        export LICENSING_DB_URL="$db_url" LICENSING_CLUSTER_MEMBERS="$members"
        [ "$n" = 3 ] && export LICENSING_CLUSTER_SECRET="not-the-cluster-secret"
        export LICENSING_CLUSTER_NAME="licensing-$balancer_port" JBOSS_PIDFILE="$base/node.pid"
        export LAUNCH_JBOSS_IN_BACKGROUND=1 JAVA_OPTS="-Xms256m -Xmx768m ${CLUSTER_JVM_OPTIONS:-}"
        setsid "$server_home/bin/standalone.sh" -Djboss.server.base.dir="$base" -Djboss.node.name="node$n" \
            -Djboss.socket.binding.port-offset="${offsets[$((n - 1))]}" > "$base/console.log" 2>&1 &
    )
}

await_node() {
    local n=$1 base db_url
    base="$(node_dir "$n")"
    read -r -a db_urls <<< "${CLUSTER_DB_URLS:-${LICENSING_DB_URL:?LICENSING_DB_URL or CLUSTER_DB_URLS}}"
    db_url="${db_urls[$((n - 1))]:-${db_urls[0]}}"
    local url="http://127.0.0.1:$(http_port "$n")/licensing/api/v1/ping"
    for _ in $(seq 1 300); do
        if curl -fs -o /dev/null "$url"; then
            echo "node$n answers on port $(http_port "$n") (database $db_url)"
            return
        fi
        sleep 1
    done
    echo "node$n did not come up, see $base/log/server.log" >&2
    return 1
}

start_balancer() {
    local conf="$dir/nginx"
    mkdir -p "$conf/tmp"
    chmod 777 "$conf/tmp"
    cat > "$conf/nginx.conf" <<CONF
worker_processes 1;
pid $conf/nginx.pid;
error_log $conf/error.log warn;
events { worker_connections 512; }
http {
    access_log off;
    client_body_temp_path $conf/tmp/body;
    proxy_temp_path $conf/tmp/proxy;
    fastcgi_temp_path $conf/tmp/fastcgi;
    uwsgi_temp_path $conf/tmp/uwsgi;
    scgi_temp_path $conf/tmp/scgi;
    upstream licensing {
        # No stickiness needed: web sessions are replicated by the nodes. A node that refuses
        # connections is skipped for 10 s; a request it never received goes to the other node.
        server 127.0.0.1:$(http_port 1) max_fails=1 fail_timeout=10s;
        server 127.0.0.1:$(http_port 2) max_fails=1 fail_timeout=10s;
        keepalive 32;
    }
    server {
        listen 127.0.0.1:$balancer_port;
        location / {
            proxy_pass http://licensing;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$http_host;
            proxy_connect_timeout 2s;
            proxy_read_timeout 60s;
            proxy_next_upstream error timeout http_502 http_503 http_504;
            proxy_next_upstream_tries 2;
        }
    }
}
CONF
    nginx -p "$conf" -c "$conf/nginx.conf"
    echo "balancer on http://127.0.0.1:$balancer_port/licensing"
}

retries_of() {
    grep -o 'conflict retry #[0-9]*' "$(node_dir "$1")/log/server.log" 2>/dev/null | tail -1 | grep -o '[0-9]*$' || echo 0
}

stop_all() {
    if [ -f "$dir/nginx/nginx.pid" ]; then
        kill "$(cat "$dir/nginx/nginx.pid")" 2>/dev/null || true
        rm -f "$dir/nginx/nginx.pid"
    fi
    for n in 1 2 3; do
        [ -f "$(node_dir "$n")/node.pid" ] || continue
        [ "$n" = 3 ] || echo "node$n: $(retries_of "$n") conflict retries"
        stop_node "$n"
    done
}

stop_node() {
    local pidfile pid
    pidfile="$(node_dir "$1")/node.pid"
    [ -f "$pidfile" ] || return 0
    pid="$(cat "$pidfile")"
    if kill "$pid" 2>/dev/null; then
        for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
}

case "${1:-test}" in
    start)
        command -v nginx >/dev/null || { echo "nginx is missing (apt-get install nginx-light)" >&2; exit 1; }
        [ -x "$server_home/bin/standalone.sh" ] || { echo "no provisioned server in $server_home" >&2; exit 1; }
        stop_all
        mkdir -p "$dir"
        make_cluster_secrets
        # One node after the other: the first creates the schema and the persistent timers.
        start_node 1 && start_node 2 && check_intruder && start_balancer || { stop_all; exit 1; }
        ;;
    stop)
        stop_all
        ;;
    test)
        cd "$root"
        exec mvn -B -ntp -Pcluster -Dlicensing.release.skip=true verify "${@:2}"
        ;;
    *)
        echo "usage: $0 [test|start|stop]" >&2
        exit 2
        ;;
esac
