"""Every project-file schema version ever shipped, and the step from each one to the next. A file of an older
version is upgraded in memory when it is read; the old file is kept as `<name>.v<N>.bak` when it is first saved
in the new version. Adding a version: bump SCHEMA_VERSION, add a step here, and a golden file in
tests/storage/golden/ (a test fails until all three agree)."""

from __future__ import annotations

import copy
from typing import Callable

from hsp_wizard.domain.project import SCHEMA_VERSION

# schema version -> the first release of HSP Wizard that wrote it
SHIPPED = {1: "0.1.0", 2: "0.2.0", 3: "0.3.0"}

# version N -> a function turning a parsed version-N document into version N+1 (pure: no I/O, no checks;
# the model validates the result)
def _v1_to_v2(doc: dict) -> dict:
    """Version 2 adds what-if scenarios; a version-1 project has none."""
    doc.setdefault("scenarios", [])  # (a version-1 file never has the key; one made by hand is validated as v2)
    return doc


def _v2_to_v3(doc: dict) -> dict:
    """Version 3 adds the facts the law as of 2026-11-30 needs (issue 16): a trip's permit and status expiry,
    the child's kind and the protection granted, the landing-criteria answer, and the business facts of the
    2025-10-16 business-manager criteria. A version-2 project answered none of them: every one is left unknown
    (not "no"), and its refugee date keeps meaning a recognised refugee. It also keeps rows as typed
    (`incomplete_rows`, issue 18): a version-2 project has none; and it adds the household (issue 20): a
    version-2 project is a household of one."""
    doc.setdefault("incomplete_rows", {})
    doc.setdefault("household", {"members": []})
    # Version 3 also tells a question never answered from one answered "no" (a fresh user's finding): the spouse
    # and child relations, the occupation and whether resident tax was withheld may be null (not answered). A
    # version-2 file keeps what it meant: a value it saved is kept, and a key it left out had the old default
    # ("none", "employee", withheld), never "not answered". (Joined version 3 before 0.3.0 was released.)
    for part, old in (("family", {"spouse_is": "none", "parent_is": "none"}),
                      ("obligations", {"occupation": "employee", "resident_tax_withheld": True})):
        facts = doc.setdefault(part, {})
        if isinstance(facts, dict):  # (anything else is refused by the model, as before)
            for key, value in old.items():
                facts.setdefault(key, value)
    return doc


STEPS: dict[int, Callable[[dict], dict]] = {1: _v1_to_v2, 2: _v2_to_v3}


def migrate(raw: dict) -> dict:
    """The document upgraded to SCHEMA_VERSION (the input is not changed). Current documents come back equal."""
    version = raw["schema_version"]
    doc = raw
    while version < SCHEMA_VERSION:
        doc = STEPS[version](copy.deepcopy(doc))
        version += 1
        doc["schema_version"] = version
    return doc
