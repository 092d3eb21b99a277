#!/usr/bin/env bash
# The release installed onto an existing WildFly, as a WildFly shop does it: the stock distribution
# of the version the project provisions (org.wildfly:wildfly-dist, zip, from Maven Central) is
# unpacked into a temporary folder, the archive's cli/install-on-wildfly.cli configures it offline
# and deploys licensing.ear; run a second time, it must leave the configuration exactly as it was
# (:read-resource(recursive=true) before and after). Then the server starts on an embedded MariaDB,
# the smoke test runs, and everything stops; the folder goes, however the script ends.
#   scripts/release/stock-wildfly.sh   (after mvn package and the it-tests' MariaDB binaries, as
#                                       archive.sh; RELEASE_CHECK_PORT_OFFSET and
#                                       RELEASE_CHECK_DATABASE_PORT move it off ports 8880 and 3388)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
port_offset="${RELEASE_CHECK_PORT_OFFSET:-800}"
database_port="${RELEASE_CHECK_DATABASE_PORT:-3388}"
base_url="http://localhost:$((8080 + port_offset))/licensing"
management_url="http://localhost:$((9990 + port_offset))"
started=$SECONDS

stage="stock WildFly"
# shellcheck source=stage.sh
. "$root/scripts/release/stage.sh"
archive="$(release_archive)"
mariadb_home="$(mariadb_binaries)"
wildfly_version="$(sed -n 's:.*<version.wildfly>\(.*\)</version.wildfly>.*:\1:p' "$root/pom.xml")"
[ -n "$wildfly_version" ] || fail "no version.wildfly in pom.xml"
nothing_answers_yet

work="$(mktemp -d "${TMPDIR:-/tmp}/licensing-stock-wildfly.XXXXXX")"
server=""
cleanup() {
    local status=$?
    if [ -n "$server" ]; then
        # standalone.sh and the JVM run in a process group of their own.
        kill -TERM -- "-$server" 2> /dev/null || true
        for _ in $(seq 1 120); do
            kill -0 -- "-$server" 2> /dev/null || break
            sleep 1
        done
        kill -KILL -- "-$server" 2> /dev/null || true
    fi
    "$root/scripts/embedded-db.sh" stop "$work/database" || true
    if [ "$status" != 0 ] && [ -f "$work/console.log" ]; then
        tail -n 40 "$work/console.log" >&2
    fi
    rm -rf "$work"
    echo "stock WildFly: $([ "$status" = 0 ] && echo passed || echo FAILED) in $((SECONDS - started)) s"
}
trap cleanup EXIT

echo "Fetching org.wildfly:wildfly-dist:$wildfly_version:zip"
(cd "$root" && mvn -B -ntp dependency:copy -Dartifact="org.wildfly:wildfly-dist:$wildfly_version:zip" \
    -DoutputDirectory="$work" -Dmdep.useBaseVersion=true > "$work/fetch.log" 2>&1) \
    || { tail -n 20 "$work/fetch.log" >&2; fail "could not fetch the WildFly distribution"; }
unzip -q "$work/wildfly-dist-$wildfly_version.zip" -d "$work"
rm "$work/wildfly-dist-$wildfly_version.zip"
wildfly="$work/wildfly-$wildfly_version"
[ -x "$wildfly/bin/standalone.sh" ] || fail "no bin/standalone.sh in the distribution"
tar -xzf "$archive" -C "$work"
release="$(echo "$work"/licensing-server-*)"

cli() {
    JAVA_OPTS="${RELEASE_CHECK_CLI_OPTS:--XX:TieredStopAtLevel=1}" "$wildfly/bin/jboss-cli.sh" "$@"
}

configuration() {
    cli --commands="embed-server --std-out=discard,/:read-resource(recursive=true),stop-embedded-server"
}

echo "Running cli/install-on-wildfly.cli against the stock server"
cli --file="$release/cli/install-on-wildfly.cli" -Dlicensing.release="$release" > "$work/install-1.log" 2>&1 \
    || { cat "$work/install-1.log" >&2; fail "cli/install-on-wildfly.cli failed"; }
configuration > "$work/configuration-1.txt"
grep -q '"licensing.ear"' "$work/configuration-1.txt" || fail "licensing.ear is not deployed"
echo "Running it a second time: the configuration must not change"
cli --file="$release/cli/install-on-wildfly.cli" -Dlicensing.release="$release" > "$work/install-2.log" 2>&1 \
    || { cat "$work/install-2.log" >&2; fail "cli/install-on-wildfly.cli failed the second time"; }
configuration > "$work/configuration-2.txt"
diff "$work/configuration-1.txt" "$work/configuration-2.txt" \
    || fail "the second run of cli/install-on-wildfly.cli changed the configuration"

echo "Starting an embedded MariaDB on port $database_port"
database_url="$("$root/scripts/embedded-db.sh" start "$work/database" "$database_port" "$mariadb_home" $$)"
"$root/scripts/secrets-key.sh" "$work/secrets.key" > /dev/null

echo "Starting the stock WildFly"
(
    export LICENSING_DB_URL="$database_url" LICENSING_DB_USER=licensing
    LICENSING_DB_PASSWORD="$(cat "$work/database/database-password")"
    export LICENSING_DB_PASSWORD LICENSING_SECRETS_KEY_FILE="$work/secrets.key"
    export LICENSING_ADMIN_PASSWORD=release-check-admin LAUNCH_JBOSS_IN_BACKGROUND=1
    export JAVA_OPTS="-Xms256m -Xmx768m ${RELEASE_CHECK_JAVA_OPTS:--XX:TieredStopAtLevel=1} -Djava.net.preferIPv4Stack=true"
    exec setsid "$wildfly/bin/standalone.sh" -Djboss.socket.binding.port-offset="$port_offset" > "$work/console.log" 2>&1
) &
server=$!
for _ in $(seq 1 150); do
    curl -sf -o /dev/null "$base_url/api/v1/ping" && break
    kill -0 "$server" 2> /dev/null || fail "the server ended while starting"
    sleep 2
done
curl -sf -o /dev/null "$base_url/api/v1/ping" || fail "no answer from $base_url/api/v1/ping after 5 minutes"
curl -sf -o /dev/null "$management_url/health/ready" || fail "$management_url/health/ready is not UP"

"$root/scripts/release/smoke-test.sh" "$base_url"
curl -sf -o "$work/metrics.txt" "$management_url/metrics" || fail "no $management_url/metrics"
grep -q '^licensing_' "$work/metrics.txt" || fail "$management_url/metrics has no licensing_ meters"

kill -TERM -- "-$server"
wait "$server" 2> /dev/null || true
for _ in $(seq 1 60); do
    kill -0 -- "-$server" 2> /dev/null || break
    sleep 1
done
! kill -0 -- "-$server" 2> /dev/null || fail "the stock WildFly did not stop"
server=""
