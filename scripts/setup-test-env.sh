#!/usr/bin/env bash
# Installs the Debian packages the test suite drives: Chromium (browser tests,
# driven by playwright-core, never a downloaded browser), xmllint, Python's
# feedparser and the newsboat feed reader (feed tests), and a Java runtime
# for the Nu HTML checker. Needs root or sudo.
set -euo pipefail
packages=(chromium libxml2-utils python3-feedparser newsboat fonts-dejavu-core default-jre-headless)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-test-env: all Debian packages present"
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "setup-test-env: installed ${missing[*]}"
