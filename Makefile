# Two commands do all set-up on a fresh machine: `make run` and `make test`.
SHELL  := /bin/bash
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

# Debian packages the tests and a real window need (Qt's runtime libraries, a virtual screen,
# Japanese fonts, poppler for reading PDFs back, strace for the no-network test; binutils (readelf, objdump)
# and desktop-file-utils for building and checking the Linux installer; a private D-Bus session, AT-SPI and its
# Python bindings for Debian's python3, for the screen-reader tests in tests/accessibility).
# Installed only where missing and only as root.
DEBS := libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0 \
        libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 \
        libxcb-shape0 libxcb-xfixes0 libx11-xcb1 xvfb poppler-utils fonts-noto-cjk strace \
        binutils desktop-file-utils dbus-daemon at-spi2-core python3-pyatspi gir1.2-atspi-2.0 python3-gi

# Message catalogs: translations/*.po are the sources; the .mo files inside the package are build output.
BABEL   := $(VENV)/bin/pybabel
POT     := translations/hsp_wizard.pot
PO      := $(wildcard translations/*/LC_MESSAGES/hsp_wizard.po)
MO      := $(patsubst translations/%.po,hsp_wizard/locale/%.mo,$(PO))
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
EXTRACT := $(BABEL) -q extract -F pyproject.toml --no-location --no-wrap --sort-output --version $(VERSION) \
           --project hsp-wizard --copyright-holder "HSP Wizard authors" --add-comments TRANSLATORS:

.PHONY: run test debs venv bench clean catalogs pot catalog-check package

run: $(STAMP) catalogs
	$(PY) main.py

test: debs $(STAMP) catalog-check catalogs
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

catalogs: $(MO)

hsp_wizard/locale/%.mo: translations/%.po $(STAMP)
	@mkdir -p $(dir $@)
	$(BABEL) -q compile --statistics -i $< -o $@

# After changing messages in the code or the rule data: re-extract and merge into every catalog.
pot: $(STAMP)
	$(EXTRACT) -o $(POT) .
	$(BABEL) -q update -i $(POT) -d translations -D hsp_wizard --no-wrap --ignore-obsolete --no-fuzzy-matching

# Fails when the code's messages and the catalogs differ (run `make pot`, then translate). Compares messages, not
# the header: a newer Babel's `Generated-By` line cannot fail it (translations/compare_pot.py).
catalog-check: $(STAMP)
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(EXTRACT) -o "$$tmp/hsp_wizard.pot" . && \
	{ $(PY) translations/compare_pot.py $(POT) "$$tmp/hsp_wizard.pot" || \
	  { echo "translations/hsp_wizard.pot is stale: run make pot"; exit 1; }; } && \
	$(BABEL) -q update --check -i $(POT) -d translations -D hsp_wizard --no-wrap --ignore-obsolete --no-fuzzy-matching

bench: $(STAMP)
	$(PY) bench/evaluate_one.py
	$(PY) bench/evaluate_many.py
	$(PY) bench/pdf.py
	$(PY) bench/ui_startup.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/ui_update.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/autosave.py
	$(PY) bench/planner.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/results_page.py
	@if [ -f dist/hsp-wizard/hsp-wizard ]; then $(PY) bench/installer.py; \
	 else echo "bench/installer.py skipped: run make package first"; fi

# The Linux installer: the frozen app (PyInstaller, packaging/hsp_wizard.spec) and dist/hsp-wizard_<v>_<arch>.deb.
package: debs $(STAMP) catalogs
	rm -rf build/pyinstaller dist/hsp-wizard
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
	  packaging/hsp_wizard.spec
	bash packaging/linux/build_deb.sh

debs:
	@missing=""; for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  else echo "missing Debian packages (install as root):$$missing"; fi; \
	fi

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build dist *.egg-info hsp_wizard/locale
