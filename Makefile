# Two commands do all set-up on a fresh machine: `make run` and `make test`.
SHELL  := /bin/bash
comma  := ,
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
RUN_DEBS := libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0 \
        libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 \
        libxcb-shape0 libxcb-xfixes0 libx11-xcb1 fonts-noto-cjk

# Every Python package the app, the tests and the installer build use, exact versions with hashes (requirements.lock,
# made by `make lock` with uv; see docs/dependencies.md). Beside pyproject's requirements the lock holds the tools that
# install and build the project itself, so a fresh .venv holds exactly what the lock lists.
LOCK       := requirements.lock
LOCK_TOOLS := pip setuptools>=68
UV_VERSION := 0.13.9
# Pythons we support: 3.11 (the floor, what CI and the release builds run), 3.12 and 3.13 (see README).
PY_FLOOR   := 3.11
PY_CEILING := 3.13

# Message catalogs: translations/*.po are the sources; the .mo files inside the package are build output.
BABEL   := $(VENV)/bin/pybabel
POT     := translations/hsp_wizard.pot
PO      := $(wildcard translations/*/LC_MESSAGES/hsp_wizard.po)
MO      := $(patsubst translations/%.po,hsp_wizard/locale/%.mo,$(PO))
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
EXTRACT := $(BABEL) -q extract -F pyproject.toml --no-location --no-wrap --sort-output --version $(VERSION) \
           --project hsp-wizard --copyright-holder "HSP Wizard authors" --add-comments TRANSLATORS:

.PHONY: run test debs run-debs venv bench clean catalogs pot catalog-check package lock python-check font-cache

run: run-debs $(STAMP) catalogs
	$(PY) main.py

test: debs $(STAMP) catalog-check catalogs
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

# With them, the rule files as parsed (hsp_wizard/rules/parsed.py): build output like the catalogs, used only when
# made from the very bytes of the rule files (else they are parsed as before).
RULES_DATA  := $(wildcard hsp_wizard/rules/data/*.toml)
RULES_CACHE := hsp_wizard/rules/data/parsed.cache

catalogs: $(MO) $(RULES_CACHE)

$(RULES_CACHE): $(RULES_DATA) hsp_wizard/rules/parsed.py $(STAMP)
	$(PY) -c 'import sys; from hsp_wizard.rules.parsed import main; sys.exit(main())'

hsp_wizard/locale/%.mo: translations/%.po $(STAMP)
	@mkdir -p $(dir $@)
	$(BABEL) -q compile --statistics -i $< -o $@

# After changing messages in the code or the rule data: re-extract and merge into every catalog.
pot: $(STAMP)
	$(EXTRACT) -o $(POT) .
	$(BABEL) -q update -i $(POT) -d translations -D hsp_wizard --no-wrap --ignore-obsolete --no-fuzzy-matching

# Fails when the code's messages and the catalogs differ (run `make pot`, then translate). Compares messages, not
# the header: a newer Babel's `Generated-By` line cannot fail it (translations/compare_pot.py).
# The checklist font's parse, shipped beside it (hsp_wizard/report/font_cache.py): after changing the font or
# reportlab's version (tests/report/test_font_cache.py fails until it is remade).
font-cache: $(STAMP)
	$(PY) -m hsp_wizard.report.font_cache

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
	$(PY) bench/first_frame.py
	$(PY) bench/checklist_cli.py
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
	@$(call install_debs,$(DEBS))

# What Qt needs to show a window on a desktop (Debian and Ubuntu names): installed as root, named otherwise.
run-debs:
	@$(call install_debs,$(RUN_DEBS))

# $(call install_debs,PACKAGES): install the missing ones as root; otherwise name them and how to install them.
define install_debs
if ! command -v dpkg >/dev/null; then echo "not a Debian-based system: Qt's runtime libraries are not checked"; \
else missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
  if [ -n "$$missing" ]; then \
    if [ "$$(id -u)" = 0 ]; then \
      echo "installing Debian packages:$$missing"; \
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
    else echo "missing Debian packages; install them with: sudo apt-get install$$missing"; fi; \
  fi; \
fi
endef

venv: $(STAMP)

# The virtual environment is made anew from the lock whenever the lock or pyproject changes, so it never holds a
# package the lock does not list. Hashes are checked; nothing outside the lock is installed (--no-deps).
$(STAMP): pyproject.toml $(LOCK)
	@$(MAKE) -s python-check
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --require-hashes --no-deps -r $(LOCK)
	$(PY) -m pip install -q --no-deps --no-build-isolation -e .
	$(PY) -m pip check
	touch $(STAMP)

python-check:
	@$(PYTHON) -c 'import sys; v = sys.version_info[:2]; sys.exit(not ($(subst .,$(comma),$(PY_FLOOR)),) <= v <= ($(subst .,$(comma),$(PY_CEILING)),))' 2>/dev/null || { \
	  echo "HSP Wizard needs Python $(PY_FLOOR) to $(PY_CEILING); '$(PYTHON)' is $$($(PYTHON) --version 2>&1 || echo missing)."; \
	  echo "On Ubuntu 22.04 (Python 3.10): sudo apt-get install python3.11 python3.11-venv, then make run PYTHON=python3.11"; \
	  exit 1; }

# Re-resolve the lock on purpose (an upgrade is a change of its own: docs/dependencies.md). uv resolves for every
# platform and Python we support (--universal) and records each file's hash; it runs from a throw-away venv.
lock:
	rm -rf build/lock-tools && $(PYTHON) -m venv build/lock-tools
	build/lock-tools/bin/pip install -q uv==$(UV_VERSION)
	printf '%s\n' $(foreach t,$(LOCK_TOOLS),'$(t)') | build/lock-tools/bin/uv pip compile -q pyproject.toml - --extra test --universal \
	  --python-version $(PY_FLOOR) --generate-hashes --custom-compile-command "make lock" -o $(LOCK)

clean:
	rm -rf $(VENV) build dist *.egg-info hsp_wizard/locale $(RULES_CACHE)
