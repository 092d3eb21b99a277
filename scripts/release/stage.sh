# Sourced by the release stages (archive.sh, stock-wildfly.sh) once they have set `stage` (their name
# in messages), `root` and `base_url`: where the archive and MariaDB's binaries are, and that nothing
# answers yet where the stage's server will.

fail() {
    echo "$stage: $*" >&2
    exit 1
}

# The one licensing-server-*.tar.gz that mvn package wrote.
release_archive() {
    shopt -s nullglob
    local archives=("$root"/licensing-ear/target/licensing-server-*.tar.gz)
    shopt -u nullglob
    [ ${#archives[@]} = 1 ] \
        || fail "expected one licensing-ear/target/licensing-server-*.tar.gz (run mvn package), found ${#archives[@]}"
    echo "${archives[0]}"
}

# MariaDB's binaries as the system tests or the run command unpacked them.
mariadb_binaries() {
    local candidate
    for candidate in "$root"/it-tests/target/mariadb-base "$root"/licensing-ear/target/mariadb-base; do
        if [ -f "$candidate/bin/mariadbd" ]; then
            echo "$candidate"
            return
        fi
    done
    fail "no MariaDB binaries in it-tests/target/mariadb-base or licensing-ear/target/mariadb-base"
}

nothing_answers_yet() {
    ! curl -sf -o /dev/null "$base_url/api/v1/ping" || fail "another server already answers at $base_url"
}
