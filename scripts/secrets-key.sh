#!/usr/bin/env bash
# Makes the key that encrypts the secrets the server keeps in its database (the signing key), unless
# the file exists: 32 random bytes, base64, readable by its owner only. Prints the file's path.
# Keep it with the backups, apart from the database dumps: a dump alone signs nothing.
#
#   scripts/secrets-key.sh FILE
set -euo pipefail
file="${1:?usage: secrets-key.sh FILE}"
if [ ! -s "$file" ]; then
    mkdir -p "$(dirname "$file")"
    umask 077
    head -c 32 /dev/urandom | base64 > "$file.new"
    mv "$file.new" "$file"
fi
echo "$(cd "$(dirname "$file")" && pwd)/$(basename "$file")"
