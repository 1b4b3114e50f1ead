#!/usr/bin/env bash
# Installs the Debian packages that the PDF and browser layers need:
# TeX for `make pdf` (xelatex through latexmk, with the fonts the book uses),
# poppler for reading PDFs back in tests, Chromium for Playwright, and npm for axe-core.
# Idempotent: does nothing when everything is already there.
set -euo pipefail
packages=(latexmk texlive-xetex texlive-fonts-recommended fonts-freefont-otf poppler-utils chromium)
missing=()
for pkg in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
# node and npm install axe-core for the accessibility tests (`npm ci`); any installation
# of them will do, Debian's or another.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "missing Debian packages: ${missing[*]}; run: sudo bash scripts/install-system-deps.sh" >&2
    exit 1
fi
echo "installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
