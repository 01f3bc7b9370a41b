#!/usr/bin/env bash
# Uploads dist/ to object storage (S3, R2, GCS, B2, …) with rclone, uploading only what changed:
#   scripts/sync-to-bucket.sh REMOTE:BUCKET[/PATH]           deploy dist/
#   scripts/sync-to-bucket.sh --prune REMOTE:BUCKET[/PATH]   delete search and asset files the deployed site no longer names
#
# Deploy: files named by their content (assets, search index files) go first, cached for good; then
# the rest (pages, cards, the search entries), revalidated on every visit, and what the build no
# longer has of those is deleted. --checksum compares content, not times: every build rewrites
# every file, and the same content must not be uploaded again. Old content-named files are kept,
# so that a reader in the middle of a search during the deploy still finds them.
#
# Prune (now and then, after a deploy has settled): deletes the content-named files that dist/
# does not hold, whatever their age. It runs only when dist/ is the site the bucket serves (its home
# page and search entries are the bucket's, byte for byte), so it never deletes what the live
# pages and search entries name. Ages cannot tell: --checksum leaves an unchanged file's date as it
# was uploaded, so a file in use for months looks as old as one no longer used.
#
# Guards, before anything is uploaded or deleted:
#   - dist/ must hold a home page, a 404 page and each language's search entries (an empty or
#     half-built dist/ would otherwise delete every page of the live site);
#   - a bucket path that holds files must hold a site (a home page): a wrong path is refused;
#   - dist/ may not hold fewer than half the pages and other revalidated files the bucket holds
#     (LECTERN_SYNC_SHRINK=1 allows it, for a site that really shrank);
#   - no run deletes more than MAX_DELETE files (default: 1,000, or a quarter of what the bucket
#     holds, whichever is more); a sync stops at it, a prune refuses before deleting any.
set -euo pipefail

prune=false
if [ "${1:-}" = "--prune" ]; then
  prune=true
  shift
fi
remote="${1:?usage: scripts/sync-to-bucket.sh [--prune] REMOTE:BUCKET[/PATH]}"
dist="${DIST:-dist}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fail() {
  echo "sync-to-bucket: $*" >&2
  exit 1
}

# Files named by their content: a name never has two contents.
immutable=(
  --include "/_astro/**"
  --include "/pagefind/**/fragment/**"
  --include "/pagefind/**/index/**"
  --include "/pagefind/**/filter/**"
  --include "/pagefind/**.pf_meta"
)
mutable=(
  --exclude "/_astro/**"
  --exclude "/pagefind/**/fragment/**"
  --exclude "/pagefind/**/index/**"
  --exclude "/pagefind/**/filter/**"
  --exclude "/pagefind/**.pf_meta"
  --exclude "/_headers"
)
# What tells the live site: its home page and each language's search entries.
entries=(
  --include "/index.html"
  --include "/pagefind/*/segments.json"
  --include "/pagefind/*/*/pagefind-entry.json"
)

# Files under a local folder or a remote, one path a line (none where the path does not exist yet).
list() {
  local where="$1"
  shift
  rclone lsf -R --files-only "$where" "$@" 2>/dev/null | LC_ALL=C sort || true
}

[ -d "$dist" ] || fail "$dist/ does not exist: build the site first (npm run build)."
[ -f "$dist/index.html" ] || fail "$dist/ has no home page (index.html): is the build complete? Nothing was uploaded or deleted."
[ -f "$dist/404.html" ] || fail "$dist/ has no 404.html: is the build complete? Nothing was uploaded or deleted."
shopt -s nullglob
segments=("$dist"/pagefind/*/segments.json)
[ "${#segments[@]}" -gt 0 ] || fail "$dist/ has no search entries (pagefind/<lang>/segments.json): is the build complete? Nothing was uploaded or deleted."
for listing in "${segments[@]}"; do
  for name in $(grep -o '"name":"[a-z0-9-]*"' "$listing" | cut -d'"' -f4); do
    [ -f "$(dirname "$listing")/$name/pagefind-entry.json" ] ||
      fail "$(dirname "$listing")/$name/pagefind-entry.json is missing, though segments.json names it: is the build complete?"
  done
done

list "$remote" >"$work/remote"
remote_files=$(wc -l <"$work/remote")
if [ "$remote_files" -gt 0 ] && ! grep -qx 'index.html' "$work/remote"; then
  fail "$remote holds $remote_files files but no site (no index.html at its root): is the path right? Nothing was uploaded or deleted."
fi
max_delete="${MAX_DELETE:-$((remote_files / 4 > 1000 ? remote_files / 4 : 1000))}"

if [ "$prune" = true ]; then
  [ "$remote_files" -gt 0 ] || fail "$remote holds nothing to prune."
  if ! rclone check "$dist" "$remote" --one-way "${entries[@]}" >"$work/check" 2>&1; then
    cat "$work/check" >&2
    fail "$dist/ is not the site $remote serves (its home page or search entries differ): prune from the build that was deployed. Nothing was deleted."
  fi
  list "$dist" "${immutable[@]}" >"$work/kept"
  list "$remote" "${immutable[@]}" >"$work/named"
  LC_ALL=C comm -23 "$work/named" "$work/kept" >"$work/unused"
  unused=$(wc -l <"$work/unused")
  if [ "$unused" -gt "$max_delete" ]; then
    fail "the prune would delete $unused files, over MAX_DELETE ($max_delete): check the list, then run again with MAX_DELETE=$unused. Nothing was deleted."
  fi
  if [ "$unused" -gt 0 ]; then
    rclone delete "$remote" --files-from-raw "$work/unused"
  fi
  echo "sync-to-bucket: pruned $unused files that the deployed site no longer names; kept $(wc -l <"$work/kept")."
  exit 0
fi

dist_pages=$(list "$dist" "${mutable[@]}" | wc -l)
remote_pages=$(list "$remote" "${mutable[@]}" | wc -l)
if [ "${LECTERN_SYNC_SHRINK:-}" != 1 ] && [ $((dist_pages * 2)) -lt "$remote_pages" ]; then
  fail "$dist/ holds $dist_pages pages and other revalidated files, under half the $remote_pages the bucket holds: is the build complete? If the site really shrank, run again with LECTERN_SYNC_SHRINK=1. Nothing was uploaded or deleted."
fi

rclone copy "$dist" "$remote" --checksum "${immutable[@]}" \
  --header-upload "Cache-Control: public, max-age=31536000, immutable"
rclone sync "$dist" "$remote" --checksum "${mutable[@]}" --max-delete "$max_delete" \
  --header-upload "Cache-Control: no-cache"
