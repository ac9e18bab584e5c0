#!/usr/bin/env bash
# Builds the Debian package, installs it on this machine, checks it works as a desktop app,
# removes it and checks nothing is left behind. Needs root (dpkg) and changes the system while
# it runs: for a CI machine or a throwaway container, not a workstation with Claimdesk installed.
#   bash packaging/deb-check.sh            build with packaging/build-deb.sh, then check
#   bash packaging/deb-check.sh FILE.deb   check a package built before
# Checks: the package's file list; after `dpkg -i`: `xdg-mime query default
# application/x-claimdesk` names claimdesk.desktop, a saved review is application/x-claimdesk by
# name and by content (gio), `man claimdesk` renders, the completions load, `claimdesk --version`
# runs from /usr/bin; after `dpkg -r`: no file of the package remains and the MIME and desktop
# databases no longer mention Claimdesk.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
need=()
command -v desktop-file-validate >/dev/null || need+=(desktop-file-utils)
command -v update-mime-database >/dev/null || need+=(shared-mime-info)
command -v xdg-mime >/dev/null || need+=(xdg-utils)
command -v man >/dev/null || need+=(man-db)
command -v dpkg-shlibdeps >/dev/null || need+=(dpkg-dev)
command -v gtk-update-icon-cache >/dev/null || need+=(gtk-update-icon-cache)
[[ -d /usr/share/icons/hicolor ]] || need+=(hicolor-icon-theme)
command -v gio >/dev/null || need+=(libglib2.0-bin)
if ((${#need[@]})); then
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
command -v cargo-deb >/dev/null || cargo install --locked cargo-deb

check() { printf '  ok  %s\n' "$*"; }
fail() { printf 'FAIL  %s\n' "$*" >&2; exit 1; }
dpkg -s claimdesk >/dev/null 2>&1 && fail "claimdesk is already installed; remove it first"

if (($# > 0)); then
  deb=$1
else
  echo "== build"
  bash packaging/build-deb.sh
  deb=$(ls -t "${CARGO_TARGET_DIR:-target}"/debian/claimdesk_*.deb | head -n 1)
fi
echo "$deb: $(du -h "$deb" | cut -f1)"
dpkg-deb --info "$deb" | grep -E '^ (Package|Version|Architecture|Depends|Recommends|Installed-Size):'
contents=$(dpkg-deb --contents "$deb" | awk '{print $6}')
for path in ./usr/bin/claimdesk ./usr/share/applications/claimdesk.desktop \
  ./usr/share/mime/packages/claimdesk.xml ./usr/share/man/man1/claimdesk.1.gz \
  ./usr/share/man/man1/claimdesk-check.1.gz ./usr/share/icons/hicolor/16x16/apps/claimdesk.png \
  ./usr/share/icons/hicolor/512x512/mimetypes/application-x-claimdesk.png \
  ./usr/share/icons/hicolor/scalable/apps/claimdesk.svg \
  ./usr/share/bash-completion/completions/claimdesk ./usr/share/zsh/vendor-completions/_claimdesk \
  ./usr/share/fish/vendor_completions.d/claimdesk.fish ./usr/share/doc/claimdesk/copyright \
  ./usr/share/doc/claimdesk/README.md; do
  grep -qx "$path" <<<"$contents" || fail "$path is not in the package"
done
check "the package holds the binary, desktop entry, MIME XML, icons, man pages, completions, licence, README ($(grep -vc '/$' <<<"$contents") files)"

snapshot() { # every path under the folders the package writes to, and the databases' mentions
  { find /usr/bin /usr/share/applications /usr/share/mime /usr/share/icons/hicolor /usr/share/man/man1 \
    /usr/share/bash-completion /usr/share/zsh /usr/share/fish /usr/share/doc -xdev 2>/dev/null || true; } | sort
  grep -rl -i claimdesk /usr/share/mime/globs2 /usr/share/mime/magic \
    /usr/share/applications/mimeinfo.cache 2>/dev/null | sed 's/^/mentions: /' || true
}
before=$(mktemp) after=$(mktemp)
trap 'rm -f "$before" "$after"' EXIT
snapshot >"$before"

echo "== dpkg -i"
dpkg -i "$deb" >/dev/null
check "installed: $(dpkg-query -W -f '${Package} ${Version} ${Status}' claimdesk)"
default=$(xdg-mime query default application/x-claimdesk)
[[ $default == claimdesk.desktop ]] || fail "xdg-mime default for application/x-claimdesk is '$default'"
check "xdg-mime query default application/x-claimdesk -> $default"
for type in text/plain text/markdown text/html; do
  grep -q "^$type=.*claimdesk.desktop" /usr/share/applications/mimeinfo.cache ||
    fail "claimdesk.desktop is not listed for $type"
done
check "claimdesk.desktop is registered for text/plain, text/markdown, text/html"
grep -qx 'application/x-claimdesk:\*\.claimdesk' <(cut -d: -f2- /usr/share/mime/globs2) ||
  fail "the MIME database has no *.claimdesk glob"
grep -qx 'application/x-claimdesk:application-x-claimdesk' /usr/share/mime/icons ||
  fail "the MIME database has no document icon for application/x-claimdesk"
check "MIME database: *.claimdesk -> application/x-claimdesk, icon application-x-claimdesk"
tmp=$(mktemp -d)
printf 'Claimdesk is installed.\n' >"$tmp/article.txt"
/usr/bin/claimdesk new "$tmp/article.txt" -o "$tmp/review.claimdesk" >/dev/null
cp "$tmp/review.claimdesk" "$tmp/review-without-extension"
for file in review.claimdesk review-without-extension; do
  type=$(gio info -a standard::content-type "$tmp/$file" | awk '/content-type/ {print $2}')
  [[ $type == application/x-claimdesk ]] || fail "gio sees $file as '$type'"
done
check "gio: a saved review is application/x-claimdesk by name and, without the name, by content"
rm -rf "$tmp"
page=$(MANPAGER=cat MANWIDTH=80 man claimdesk 2>&1) || fail "man claimdesk: $page"
grep -q SYNOPSIS <<<"$page" || fail "man claimdesk has no SYNOPSIS"
MANPAGER=cat man claimdesk-export >/dev/null 2>&1 || fail "man claimdesk-export does not render"
check "man claimdesk renders ($(wc -l <<<"$page") lines); man claimdesk-export renders"
sed -n '1,8p' <<<"$page" | sed 's/^/      | /'
version=$(/usr/bin/claimdesk --version)
[[ $version == "claimdesk $(grep -m1 '^version' Cargo.toml | cut -d'"' -f2)" ]] || fail "--version: $version"
check "/usr/bin/claimdesk --version -> $version"
bash -c 'source /usr/share/bash-completion/completions/claimdesk && complete -p claimdesk' >/dev/null ||
  fail "the bash completion does not load"
check "the bash completion loads"
[[ -s /usr/share/icons/hicolor/icon-theme.cache ]] && check "hicolor icon cache present after the trigger"
desktop-file-validate /usr/share/applications/claimdesk.desktop
check "the installed desktop entry validates"

echo "== dpkg -r"
dpkg -r claimdesk >/dev/null
dpkg -s claimdesk >/dev/null 2>&1 && fail "dpkg still knows claimdesk: $(dpkg-query -W -f '${Status}' claimdesk)"
snapshot >"$after"
if ! diff "$before" "$after"; then fail "dpkg -r left the differences above"; fi
check "dpkg -r: no file left, MIME and desktop databases back as before ($(wc -l <"$before") paths compared)"
echo "deb-check: all checks passed"
