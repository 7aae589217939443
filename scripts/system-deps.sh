#!/usr/bin/env bash
# Install the Debian packages the test suite needs, when running as root and they are missing.
# gettext (compilemessages), PostgreSQL and Pango (WeasyPrint) come with these machines but are
# listed so a bare Debian gets them too.
set -euo pipefail
PKGS=(chromium chromium-driver poppler-utils libharfbuzz-subset0 gettext postgresql
      libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fonts-noto-core)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages (install them as root): ${missing[*]}" >&2
    exit 0
  fi
  echo "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
