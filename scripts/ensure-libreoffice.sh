#!/bin/sh
# The CSV test opens the exports in LibreOffice Calc, headless; install it when missing and we may.
set -e
if command -v soffice >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing LibreOffice Calc for the CSV test..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-calc >/dev/null
  exit 0
fi
echo "LibreOffice is missing: install it (apt-get install libreoffice-calc) to run the CSV test." >&2
exit 1
