#!/usr/bin/env bash
# macOS: the app icon (iconutil), "HSP Wizard.app" (PyInstaller; its Info.plist declares the .hspw type, see
# packaging/hsp_wizard.spec), its self-test, then dist/hsp-wizard-<version>.dmg with a link to /Applications.
# Run on a Mac from anywhere in the repository, with the venv's pyinstaller and compiled catalogs.
# The app is not signed or notarised: the first start needs right-click > Open (README, For users).
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' hsp_wizard/__init__.py)
PYINSTALLER=${PYINSTALLER:-.venv/bin/pyinstaller}

ICONSET=build/hsp-wizard.iconset
rm -rf "$ICONSET" && mkdir -p "$ICONSET"
for s in 16 32 128 256 512; do
  cp "resources/icons/hsp-wizard-$s.png" "$ICONSET/icon_${s}x${s}.png"
  if [ "$s" -le 256 ]; then cp "resources/icons/hsp-wizard-$((s * 2)).png" "$ICONSET/icon_${s}x${s}@2x.png"; fi
done
iconutil -c icns "$ICONSET" -o resources/icons/hsp-wizard.icns

rm -rf build/pyinstaller "dist/HSP Wizard.app" dist/hsp-wizard
"$PYINSTALLER" --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller packaging/hsp_wizard.spec
QT_QPA_PLATFORM=offscreen "dist/HSP Wizard.app/Contents/MacOS/hsp-wizard" --self-test

STAGE=build/dmg
rm -rf "$STAGE" && mkdir -p "$STAGE"
cp -R "dist/HSP Wizard.app" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
hdiutil create -volname "HSP Wizard" -srcfolder "$STAGE" -ov -format UDZO "dist/hsp-wizard-$VERSION.dmg"
echo "dist/hsp-wizard-$VERSION.dmg"
