#!/usr/bin/env bash
# Build dist/hsp-wizard_<version>_<arch>.deb from the frozen app in dist/hsp-wizard/ (packaging/hsp_wizard.spec).
# The app goes to /opt/hsp-wizard, a launcher to /usr/bin/hsp-wizard, with its menu entry, icons and the .hspw
# file type. No maintainer scripts: dpkg's triggers (shared-mime-info, desktop-file-utils, the icon cache)
# register and unregister the file type and the menu entry, so removal leaves nothing behind.
set -euo pipefail
cd "$(dirname "$0")/../.."
APP=dist/hsp-wizard
[ -x "$APP/hsp-wizard" ] || { echo "build the frozen app first (make package)" >&2; exit 1; }
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' hsp_wizard/__init__.py)
ARCH=$(dpkg --print-architecture)
ROOT=build/deb/hsp-wizard_${VERSION}_${ARCH}
rm -rf "$ROOT"
mkdir -p "$ROOT/DEBIAN" "$ROOT/opt" "$ROOT/usr/bin" "$ROOT/usr/share/doc/hsp-wizard"
cp -a "$APP" "$ROOT/opt/hsp-wizard"
ln -s /opt/hsp-wizard/hsp-wizard "$ROOT/usr/bin/hsp-wizard"
install -Dm644 packaging/linux/hsp-wizard.desktop "$ROOT/usr/share/applications/hsp-wizard.desktop"
install -Dm644 packaging/linux/hsp-wizard-mime.xml "$ROOT/usr/share/mime/packages/hsp-wizard.xml"
for size in 16 24 32 48 64 128 256 512; do
  install -Dm644 "resources/icons/hsp-wizard-$size.png" "$ROOT/usr/share/icons/hicolor/${size}x${size}/apps/hsp-wizard.png"
  install -Dm644 "resources/icons/hsp-wizard-$size.png" \
    "$ROOT/usr/share/icons/hicolor/${size}x${size}/mimetypes/application-x-hsp-wizard-project.png"
done
install -Dm644 resources/fonts/IPA_Font_License_Agreement_v1.0.txt "$ROOT/usr/share/doc/hsp-wizard/IPA_Font_License.txt"
chmod -R u=rwX,go=rX "$ROOT/opt" "$ROOT/usr"

# The oldest glibc the bundle runs on: the newest GLIBC_ symbol version any of its files asks for (the wheels
# need 2.34; the Python and system libraries of the build machine may need more).
GLIBC=$(find "$ROOT/opt" -type f \( -name '*.so*' -o -name hsp-wizard \) -exec objdump -T {} + 2>/dev/null \
        | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)
INSTALLED=$(du -sk --apparent-size "$ROOT" | cut -f1)
cat > "$ROOT/DEBIAN/control" <<CONTROL
Package: hsp-wizard
Version: ${VERSION}
Architecture: ${ARCH}
Maintainer: HSP Wizard authors <maintainers@hsp-wizard.invalid>
Installed-Size: ${INSTALLED}
Depends: libc6 (>= ${GLIBC}), libegl1, libgl1, libxcb1, libwayland-client0, libwayland-cursor0, libwayland-egl1
Recommends: fonts-noto-cjk | fonts-ipaexfont-gothic | fonts-ipafont-gothic
Section: misc
Priority: optional
Description: Highly Skilled Professional points and permanent residence planner
 HSP Wizard works out how many points a foreign professional in Japan has
 under the Highly Skilled Professional system, the earliest date each route
 to permanent residence opens, and what could still go wrong, and prints a
 personalised document checklist. Everything stays on this computer: the
 program never uses the network.
CONTROL
mkdir -p dist
OUT="dist/hsp-wizard_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Zxz --build "$ROOT" "$OUT" >/dev/null
echo "$OUT ($(du -h "$OUT" | cut -f1), installs $((INSTALLED / 1024)) MiB, needs glibc ${GLIBC}+)"
