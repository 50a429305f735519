#!/usr/bin/env bash
# Installs from Debian what a fresh machine may lack. `system-deps.sh serve` (make run): what
# serving Usul needs — fonts with ң ө ү and Pango, with which WeasyPrint draws its PDFs.
# `system-deps.sh` (make test): that, and PostgreSQL, Chromium, gettext and poppler (pdftotext)
# for the tests. Needs root when something is missing.
set -euo pipefail
mode=${1:-test}
missing=()
if [ "$mode" != serve ]; then
  command -v chromium >/dev/null || missing+=(chromium)
  [ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql)
  command -v msgfmt >/dev/null || missing+=(gettext)
  command -v pdftotext >/dev/null || missing+=(poppler-utils)
fi
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
# WeasyPrint (log-in slips, documents as PDF) draws text with Pango.
ldconfig -p | grep -q libpango-1.0.so.0 || missing+=(libpango-1.0-0)
ldconfig -p | grep -q libpangoft2-1.0.so.0 || missing+=(libpangoft2-1.0-0)
# CairoSVG (the data bank's chart inside a DOCX) draws with Cairo.
/sbin/ldconfig -p 2>/dev/null | grep 'libcairo.so.2' >/dev/null || missing+=(libcairo2)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
echo "Installing from Debian: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO=sudo; else
    echo "error: ${missing[*]} missing and not root: cannot install them" >&2; exit 1; fi
else SUDO=""; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q || true
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
