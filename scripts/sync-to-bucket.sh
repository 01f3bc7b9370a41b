#!/usr/bin/env bash
# Uploads dist/ to object storage (S3, R2, GCS, B2, …) with rclone, uploading only what changed:
#   scripts/sync-to-bucket.sh REMOTE:BUCKET[/PATH]
# Files named by their content (assets, search index files) go first, cached for good; then the
# rest (pages, cards, the search entry), revalidated on every visit, and what the build no longer
# has is deleted. --checksum compares content, not times: every build rewrites every file, and the
# same content must not be uploaded again. Old content-named files are kept, so that a reader in
# the middle of a search during the deploy still finds them; prune them now and then with
#   rclone delete REMOTE:BUCKET --min-age 30d --include "/pagefind/**/{fragment,index,filter}/**"
set -euo pipefail
remote="${1:?usage: scripts/sync-to-bucket.sh REMOTE:BUCKET[/PATH]}"
dist="${DIST:-dist}"
immutable=(
  --include "/_astro/**"
  --include "/pagefind/**/fragment/**"
  --include "/pagefind/**/index/**"
  --include "/pagefind/**/filter/**"
  --include "/pagefind/**.pf_meta"
)
rclone copy "$dist" "$remote" --checksum "${immutable[@]}" \
  --header-upload "Cache-Control: public, max-age=31536000, immutable"
rclone sync "$dist" "$remote" --checksum \
  --exclude "/_astro/**" --exclude "/pagefind/**/fragment/**" --exclude "/pagefind/**/index/**" \
  --exclude "/pagefind/**/filter/**" --exclude "/pagefind/**.pf_meta" \
  --exclude "/_headers" \
  --header-upload "Cache-Control: no-cache"
