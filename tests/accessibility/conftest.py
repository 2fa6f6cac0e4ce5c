"""The screen-reader tests need an X server, a D-Bus session and AT-SPI with Python bindings (Debian packages in
the Makefile's DEBS; `make test` installs them)."""


def pytest_configure(config):
    config.addinivalue_line("markers", "screen_reader: walks the app through AT-SPI as a screen reader does "
                                       "(Xvfb, dbus-run-session, python3-pyatspi)")
