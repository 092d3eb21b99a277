#!/usr/bin/env bash
# Checks the documentation a reader follows: README.md, docs/*.md and licensing-perf/README.md.
# Fails when a relative link or #anchor does not resolve (anchors as GitHub makes them from
# headings), when a script path scripts/... that they mention does not exist, or when README.md is
# longer than 150 lines (details belong in docs/). Links and anchors inside code are not links.
#
#   scripts/check-docs.sh      (from any directory; .ci/run runs it first)
set -euo pipefail
cd "$(dirname "$0")/.."

readme_max_lines=150
documents=(README.md docs/*.md licensing-perf/README.md)
problems=0

problem() {
    echo "check-docs: $*" >&2
    problems=$((problems + 1))
}

# The anchors of a Markdown file: each heading lower-cased, ASCII punctuation but - and _ dropped,
# spaces made hyphens; a repeated heading gets -1, -2, ... Headings inside fenced code are none.
anchors() {
    awk '
        /^[ \t]*(```|~~~)/ { fenced = !fenced; next }
        fenced { next }
        /^#+[ \t]/ {
            heading = $0
            sub(/^#+[ \t]+/, "", heading)
            sub(/[ \t]+#*[ \t]*$/, "", heading)
            heading = tolower(heading)
            gsub(/[!"#$%&'\''()*+,.\/:;<=>?@\[\\\]^`{|}~]/, "", heading)
            gsub(/[ \t]/, "-", heading)
            n = seen[heading]++
            print (n ? heading "-" n : heading)
        }' "$1"
}

# Every link target of a Markdown file as "line<TAB>target", outside fenced code and code spans.
links() {
    awk '
        /^[ \t]*(```|~~~)/ { fenced = !fenced; next }
        fenced { next }
        {
            line = $0
            gsub(/`[^`]*`/, "", line)
            while (match(line, /\]\([^) \t]+\)/)) {
                print NR "\t" substr(line, RSTART + 2, RLENGTH - 3)
                line = substr(line, RSTART + RLENGTH)
            }
        }' "$1"
}

for document in "${documents[@]}"; do
    if [ ! -f "$document" ]; then
        problem "$document is missing"
        continue
    fi
    folder=$(dirname "$document")
    while IFS=$'\t' read -r line target; do
        case "$target" in
            http://* | https://* | mailto:*) continue ;;
        esac
        path=${target%%#*}
        anchor=
        [ "$path" != "$target" ] && anchor=${target#*#}
        if [ -z "$path" ]; then
            file=$document
        else
            file=$path
            [ "$folder" = . ] || file=$folder/$path
            if [ ! -e "$file" ]; then
                problem "$document:$line: link to $target: $file does not exist"
                continue
            fi
        fi
        if [ -n "$anchor" ]; then
            if [ ! -f "$file" ] || [ "${file%.md}" = "$file" ]; then
                problem "$document:$line: link to $target: an anchor needs a Markdown file"
            elif ! anchors "$file" | grep -qxF -- "$anchor"; then
                problem "$document:$line: link to $target: no heading of $file makes #$anchor"
            fi
        fi
    done < <(links "$document")

    while IFS=: read -r line script; do
        script=${script%.}
        script=${script%/}
        [ -e "$script" ] || problem "$document:$line: $script does not exist"
    done < <(grep -noE 'scripts/[A-Za-z0-9_./-]*[A-Za-z0-9_]' "$document" || true)
done

lines=$(wc -l < README.md)
if [ "$lines" -gt "$readme_max_lines" ]; then
    problem "README.md has $lines lines, more than $readme_max_lines: move details into docs/"
fi

if [ "$problems" -gt 0 ]; then
    echo "check-docs: $problems problem(s)" >&2
    exit 1
fi
echo "check-docs: ${#documents[@]} documents, links, anchors and script paths resolve; README.md has $lines lines"
