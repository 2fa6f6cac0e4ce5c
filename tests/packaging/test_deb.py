"""The Linux installer, built as `make package` builds it: what it installs, that the frozen app inside passes
its self-test offscreen, that its menu entry and file type are valid, and that it installs and removes cleanly
(into a private root with its own dpkg database, so the machine is not touched)."""

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not all(shutil.which(t) for t in ("dpkg-deb", "desktop-file-validate", "readelf")),
                                 reason="dpkg-deb, desktop-file-utils and binutils are installed by make debs")]


@pytest.fixture(scope="module")
def deb() -> Path:
    done = subprocess.run(["make", "-s", "package"], cwd=ROOT, capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    [built] = sorted((ROOT / "dist").glob("hsp-wizard_*.deb"))
    return built


@pytest.fixture(scope="module")
def unpacked(deb, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("root")
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    return root


def test_the_package_describes_itself(deb):
    from hsp_wizard import __version__
    fields = subprocess.run(["dpkg-deb", "-f", str(deb)], capture_output=True, text=True, check=True).stdout
    assert f"Version: {__version__}" in fields and "Package: hsp-wizard" in fields
    assert "Depends: libc6 (>= 2.3" in fields  # the glibc floor is measured from the bundle, never below 2.34
    assert deb.stat().st_size < 70e6, f"installer {deb.stat().st_size / 1e6:.1f} MB (aim: under 70 MB)"
    scripts = subprocess.run(["dpkg-deb", "-I", str(deb)], capture_output=True, text=True, check=True).stdout
    assert "postinst" not in scripts and "postrm" not in scripts  # dpkg's triggers do the registering


def test_the_frozen_app_passes_its_self_test_offscreen(unpacked, tmp_path):
    app = unpacked / "opt" / "hsp-wizard" / "hsp-wizard"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}
    done = subprocess.run([str(app), "--self-test"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "self-test (frozen)" in done.stdout and "self-test passed" in done.stdout
    assert "qtbase_ja loaded" in done.stdout and "90 points" in done.stdout
    version = subprocess.run([str(app), "--version"], env=env, capture_output=True, text=True, timeout=60)
    from hsp_wizard import __version__
    assert version.returncode == 0 and version.stdout.strip() == f"hsp-wizard {__version__}"
    assert not list(tmp_path.rglob("*.autosave")) and not (tmp_path / ".config").exists()


def test_the_bundle_holds_only_what_the_app_uses(unpacked):
    internal = unpacked / "opt" / "hsp-wizard" / "_internal"
    qm = sorted(p.name for p in internal.rglob("*.qm"))
    assert qm == ["qtbase_en.qm", "qtbase_ja.qm"]
    names = {p.name for p in internal.rglob("*")}
    for gone in ("libQt6Network.so.6", "libQt6Qml.so.6", "libQt6Svg.so.6", "QtNetwork.abi3.so", "libqgtk3.so"):
        assert gone not in names, f"{gone} should not be bundled"
    assert {"libqxcb.so", "libqwayland.so", "libqoffscreen.so", "libibusplatforminputcontextplugin.so"} <= names
    assert (internal / "resources" / "fonts" / "ipaexg.ttf").exists()
    assert (internal / "resources" / "fonts" / "ipaexg.metrics").exists()  # the checklist's font, parsed ahead
    assert sorted(p.name for p in (internal / "babel" / "locale-data").iterdir()) == ["en.dat", "ja.dat", "root.dat"]


def test_menu_entry_icons_and_file_type_are_valid_and_agree(unpacked):
    desktop = unpacked / "usr" / "share" / "applications" / "hsp-wizard.desktop"
    done = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr
    entry = dict(line.split("=", 1) for line in desktop.read_text().splitlines() if "=" in line)
    assert entry["Exec"] == "hsp-wizard %f" and entry["Icon"] == "hsp-wizard"
    mime = ET.parse(unpacked / "usr" / "share" / "mime" / "packages" / "hsp-wizard.xml").getroot()
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    [kind] = mime.findall("m:mime-type", ns)
    assert entry["MimeType"] == kind.get("type") + ";"
    assert [g.get("pattern") for g in kind.findall("m:glob", ns)] == ["*.hspw"]
    for size in (16, 48, 256):
        assert (unpacked / f"usr/share/icons/hicolor/{size}x{size}/apps/hsp-wizard.png").exists()
    launcher = unpacked / "usr" / "bin" / "hsp-wizard"
    assert launcher.is_symlink() and os.readlink(launcher) == "/opt/hsp-wizard/hsp-wizard"


def test_it_installs_into_opt_and_removes_without_a_trace(deb, tmp_path):
    root = tmp_path / "root"
    admin = root / "var" / "lib" / "dpkg"
    (admin / "updates").mkdir(parents=True)
    (admin / "info").mkdir()
    (admin / "status").touch()
    dpkg = ["dpkg", f"--root={root}", "--force-not-root", "--force-depends"]
    done = subprocess.run([*dpkg, "-i", str(deb)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (root / "opt" / "hsp-wizard" / "hsp-wizard").exists() and (root / "usr" / "bin" / "hsp-wizard").is_symlink()
    done = subprocess.run([*dpkg, "-r", "hsp-wizard"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    left = [str(p.relative_to(root)) for p in root.rglob("*") if not str(p.relative_to(root)).startswith("var")]
    assert left == [], f"left behind: {left}"
