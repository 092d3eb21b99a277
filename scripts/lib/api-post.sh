# Sourced by the scripts that talk to a running server's API with curl. The sourcing script defines
# $api (the API's base address) and fail MESSAGE (which ends the script).

# post PATH JSON EXPECTED_STATUS: the answer's body on stdout
post() {
    local body status
    body="$(mktemp)"
    status=$(curl -s -o "$body" -w '%{http_code}' -H 'Content-Type: application/json' -d "$2" "$api$1")
    [ "$status" = "$3" ] || fail "POST $1 answered $status, expected $3: $(cat "$body")"
    cat "$body"
    rm -f "$body"
}
