#!/usr/bin/env bash
# The black-box smoke test of a deployed licensing server, with curl only: a registration, the
# activation of a host with its number, that host's check (a trial), the customer portal's login page
# and the admin area's login page.
#
#   scripts/release/smoke-test.sh http://localhost:8080/licensing
set -euo pipefail
base="${1:?usage: smoke-test.sh BASE_URL (e.g. http://localhost:8080/licensing)}"
api="$base/api/v1"

fail() {
    echo "smoke test: $*" >&2
    exit 1
}

# shellcheck source=../lib/api-post.sh
source "$(dirname "$0")/../lib/api-post.sh"

# page PATH MARKER: the page answers 200 and holds MARKER
page() {
    local body status
    body="$(mktemp)"
    status=$(curl -s -o "$body" -w '%{http_code}' "$base$1")
    [ "$status" = 200 ] || fail "GET $1 answered $status"
    grep -q "$2" "$body" || fail "GET $1 has no $2"
    rm -f "$body"
}

host="smoke-host-$(date +%s)-$$"
registration=$(post /registrations \
    "{\"company\":\"Smoke Test\",\"contactPerson\":\"Operator\",\"email\":\"$host@example.com\",\"consent\":true}" 201)
number=$(sed -n 's/.*"registrationNumber" *: *"\([^"]*\)".*/\1/p' <<< "$registration")
[ -n "$number" ] || fail "no registration number in $registration"
post /activations "{\"registrationNumber\":\"$number\",\"host\":{\"id\":\"$host\"}}" 200 > /dev/null
check=$(post /checks "{\"registrationNumber\":\"$number\",\"hostId\":\"$host\"}" 200)
grep -Eq '"status" *: *"TRIAL"' <<< "$check" || fail "the check of the activated host is no trial: $check"
grep -Eq '"certificate" *: *"[^"]+"' <<< "$check" || fail "the check carries no certificate: $check"
page /login.xhtml '<form'
page /admin/login.xhtml 'type="password"'
echo "smoke test passed against $base: registered ${number%%-*}-…, activated and checked $host, both login pages answer"
