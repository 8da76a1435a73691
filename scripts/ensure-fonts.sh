#!/bin/sh
# The plan's PDF is drawn by WeasyPrint with the fonts this machine has: Japanese and
# Arabic need their own (pages on phones and projectors use the device's fonts instead).
# Install them from Debian's packages when they are missing and we may; otherwise say so.
set -e
if fc-list 2>/dev/null | grep -q "IPAGothic" && fc-list 2>/dev/null | grep -q "Noto Sans Arabic"; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Japanese and Arabic fonts for the plan's PDF..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-ipafont-gothic fonts-noto-core >/dev/null
  exit 0
fi
echo "Note: install fonts-ipafont-gothic and fonts-noto-core (or other Japanese and Arabic fonts) for PDFs in those languages." >&2
