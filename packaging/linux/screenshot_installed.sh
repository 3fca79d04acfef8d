#!/usr/bin/env bash
# Screenshot of the installed app started the way the menu starts it: the Exec line of the
# installed .desktop entry, run under Xvfb (xcb, a real X server), the whole screen grabbed with
# ImageMagick's `import -window root`. Proves the .deb's menu entry, launcher and xcb plugin.
#
#   sudo dpkg -i dist/kompassen_<version>_amd64.deb
#   packaging/linux/screenshot_installed.sh [DESKTOP_FILE] [OUT_PNG]
#
# Needs xvfb-run, xdotool and imagemagick (.ci/run installs them). The app runs in a throw-away
# KOMPASSEN_HOME (first start: it installs the bundled areas), never in the user's data.
set -euo pipefail
desktop=${1:-/usr/share/applications/kompassen.desktop}
out=${2:-docs/screenshots/installed-desktop-entry.png}
[ -f "$desktop" ] || { echo "no $desktop: install the .deb first" >&2; exit 1; }
# the Exec key without the field codes (%f, %U, ...) a launcher would expand
exec_line=$(sed -n 's/^Exec=//p' "$desktop" | head -n1 | sed 's/ *%[fFuUdDnNickvm]//g')
[ -n "$exec_line" ] || { echo "no Exec line in $desktop" >&2; exit 1; }
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
mkdir -p "$(dirname "$out")"
out=$(realpath "$out")
echo "Exec: $exec_line"
export KOMPASSEN_HOME="$home" KOMPASSEN_KEYRING=0 QT_QPA_PLATFORM=xcb EXEC_LINE="$exec_line" OUT="$out"
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  set -e
  $EXEC_LINE &
  pid=$!
  # the window is mapped, then give the first start (areas install) and first paint time
  timeout 60 xdotool search --sync --onlyvisible --class kompassen >/dev/null
  for _ in $(seq 1 40); do sleep 0.25; done
  import -window root "$OUT"
  kill "$pid"; wait "$pid" 2>/dev/null || true
'
echo "wrote $out"
