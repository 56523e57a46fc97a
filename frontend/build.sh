#!/usr/bin/env bash
# Build the site's front end from the pinned GOV.UK Frontend and commit the
# outputs; the site itself never needs Node.
#
#   frontend/scss/website.scss                       -> website/css/website.css (compressed, no map)
#   govuk-frontend/dist/govuk/govuk-frontend.min.js -> website/js/govuk-frontend.min.js
#   images the CSS references                    -> website/assets/images/
#   leaflet/dist/{leaflet.js,leaflet.css,images/}   -> website/vendor/leaflet/ (directory maps)
#   leaflet.markercluster/dist/{*.js,*.css}          -> website/vendor/leaflet.markercluster/
#
# Usage: frontend/build.sh                 (npm ci, then build)
#        frontend/build.sh --skip-install  (build with the installed node_modules;
#                                           what `npm run build` runs)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
static="$here/../site/website/static/website"
govuk="$here/node_modules/govuk-frontend/dist/govuk"
# Must match $assets-path in scss/_asset-urls.scss (STATIC_URL is /static/).
assets_url="/static/website/assets/"

if [[ "${1:-}" != "--skip-install" ]]; then
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund)
fi

mkdir -p "$static/css" "$static/js"

"$here/node_modules/.bin/sass" \
  --load-path="$here/node_modules" \
  --style=compressed \
  --no-source-map \
  "$here/scss/website.scss" "$static/css/website.css"

# Drop the sourceMappingURL comment: the map is not shipped, and Django's
# ManifestStaticFilesStorage fails collectstatic on a reference to a missing file.
sed -e 's|//# sourceMappingURL=[^ ]*$||' \
  "$govuk/govuk-frontend.min.js" > "$static/js/govuk-frontend.min.js"

# Leaflet for the directory maps, self-hosted so no third-party script runs (CSP is 'self' +
# nonce). Only map pages load it. Same sourceMappingURL rule as above; the licence travels
# with the copy, as BSD-2-Clause asks.
leaflet="$here/node_modules/leaflet/dist"
vendor="$static/vendor/leaflet"
rm -rf "$vendor"
mkdir -p "$vendor/images"
sed -e 's|//# sourceMappingURL=[^ ]*$||' "$leaflet/leaflet.js" > "$vendor/leaflet.js"
sed -e 's|/\*# sourceMappingURL=[^ ]*\*/||' "$leaflet/leaflet.css" > "$vendor/leaflet.css"
cp "$leaflet"/images/*.png "$vendor/images/"
cp "$here/node_modules/leaflet/LICENSE" "$vendor/LICENSE"

# Leaflet.markercluster groups places close together into one focusable cluster, so pins never
# overlap (WCAG 2.2 target size). MIT: its licence travels with the copy too.
cluster="$here/node_modules/leaflet.markercluster"
vendor="$static/vendor/leaflet.markercluster"
rm -rf "$vendor"
mkdir -p "$vendor"
# The minified file names no version: a first line says which one this is.
version="$(node -p 'require(process.argv[1]).version' "$cluster/package.json")"
{
  echo "/* Leaflet.markercluster $version, MIT licence (LICENSE beside this file). */"
  sed -e 's|//# sourceMappingURL=[^ ]*$||' "$cluster/dist/leaflet.markercluster.js"
} > "$vendor/leaflet.markercluster.js"
for name in MarkerCluster.css MarkerCluster.Default.css; do
  sed -e 's|/\*# sourceMappingURL=[^ ]*\*/||' "$cluster/dist/$name" > "$vendor/$name"
done
cp "$cluster/MIT-LICENCE.txt" "$vendor/LICENSE"
chmod 644 "$vendor/LICENSE"

# Copy exactly the assets the CSS references. GOV.UK branding (fonts, crest,
# crown icons) must never be referenced: _settings.scss turns the font off and
# _asset-urls.scss drops the crest.
urls="$(grep -o 'url([^)]*)' "$static/css/website.css" | sed -e 's/^url(["'\'']\{0,1\}//' -e 's/["'\'']\{0,1\})$//' | sort -u || true)"
for url in $urls; do
  case "$url" in
    data:*) continue ;;
    "$assets_url"fonts/* | *govuk-crest* | *govuk-icon* | *favicon*)
      echo "build.sh: website.css references GOV.UK branding: $url" >&2
      exit 1
      ;;
    "$assets_url"*) ;;
    *)
      echo "build.sh: website.css references an unexpected URL: $url" >&2
      exit 1
      ;;
  esac
  relative="${url#"$assets_url"}"
  mkdir -p "$(dirname "$static/assets/$relative")"
  cp "$govuk/assets/$relative" "$static/assets/$relative"
done

echo "Built $(wc -c < "$static/css/website.css") bytes of CSS;" \
  "$(printf '%s\n' $urls | grep -c . || true) asset(s) referenced."
