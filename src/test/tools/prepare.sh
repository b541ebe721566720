#!/usr/bin/env bash
# Installs what the integration and browser tests need and a fresh machine lacks:
# Debian's Chromium with CJK fonts, the w3m text browser, Varnish with varnish-modules' xkey (VarnishTwoNodesIT runs
# deploy/varnish/shortwave.vcl), and the Nu HTML Checker (vnu.jar, from npm).
set -euo pipefail
tools_dir=$1
vnu_version=$2

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v w3m >/dev/null 2>&1 || missing+=(w3m)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing+=(fonts-noto-cjk)
[ -x /usr/sbin/varnishd ] || missing+=(varnish)
ls /usr/lib/*/varnish/vmods/libvmod_xkey.so >/dev/null 2>&1 || missing+=(varnish-modules)
if ((${#missing[@]})); then
  if [ "$(id -u)" -eq 0 ]; then
    echo "prepare: installing ${missing[*]} from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "prepare: the browser tests need Debian packages: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

if [ ! -f "$tools_dir/node_modules/vnu-jar/build/dist/vnu.jar" ]; then
  echo "prepare: installing the Nu HTML Checker (vnu-jar $vnu_version) from npm"
  mkdir -p "$tools_dir"
  npm install --silent --no-audit --no-fund --prefix "$tools_dir" "vnu-jar@$vnu_version" >/dev/null
fi
