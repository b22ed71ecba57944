#!/usr/bin/env bash
# Installs Debian's chromium and fonts-noto-cjk when missing (the browser tests drive /usr/bin/chromium;
# Playwright's own browser download does not work offline).
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
# No `fc-list | grep -q` here: grep stops at the first match, fc-list then dies of SIGPIPE and, under
# pipefail, the check failed although the fonts were there. Capture the list, then match it.
fonts=$(fc-list :lang=zh family 2>/dev/null || true)
[[ $fonts == *"Noto Sans CJK"* ]] || need+=(fonts-noto-cjk)
[ ${#need[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing ${need[*]} with apt-get"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
