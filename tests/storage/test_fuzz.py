"""Hostile and broken files: 10,000 mutated examples and 10,000 generated documents through the loader, and
the mutated ones through the CLI too. Every one is a project or a clear message; no traceback, no hang."""

import json
import random
import time
from pathlib import Path

import pytest

from hsp_wizard.domain.project import SCHEMA_VERSION
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hsp_wizard.cli import main
from hsp_wizard.storage import ProjectFileError, loads_project

ROOT = Path(__file__).resolve().parents[2]
SEEDS = [p.read_bytes() for p in sorted((ROOT / "examples").glob("*.hspw"))]
N = 10_000
JSON_VALUES = [b"null", b"true", b"0", b"-1", b"1e309", b"9" * 5000, b'"1990-01-01"', b'"0001-01-01"',
               b'"2026-02-30"', b"631152000", b"[]", b"{}", b'"' + b"x" * 2000 + b'"', b"[" * 300 + b"]" * 300,
               b"NaN", b'"\\ud800"', b"1.5", b'{"a":1,"a":2}']


def mutate(data: bytes, rng: random.Random) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        kind = rng.randrange(6)
        pos = rng.randrange(len(b) + 1)
        if kind == 0 and b:                      # flip a byte
            b[min(pos, len(b) - 1)] = rng.randrange(256)
        elif kind == 1:                          # cut a slice
            del b[pos:pos + rng.randint(1, 40)]
        elif kind == 2:                          # insert junk
            b[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif kind == 3:                          # replace a JSON value after a colon with a hostile one
            colon = b.find(b":", pos)
            if colon >= 0:
                end = min((i for i in (b.find(b",", colon), b.find(b"\n", colon)) if i > 0), default=len(b))
                b[colon + 1:end] = rng.choice(JSON_VALUES)
        elif kind == 4:                          # duplicate a line (often a duplicate key)
            start = b.rfind(b"\n", 0, pos) + 1
            end = b.find(b"\n", pos)
            if end > start:
                b[end:end] = b"\n" + b[start:end]
        else:                                    # truncate
            del b[pos:]
    return bytes(b)


def mutated():
    rng = random.Random(1122)
    return [mutate(rng.choice(SEEDS), rng) for _ in range(N)]


def load_clearly(data: bytes):
    """A Project or a ProjectFileError with a message; anything else fails the test."""
    start = time.perf_counter()
    try:
        return loads_project(data, "fuzz.hspw")
    except ProjectFileError as exc:
        assert exc.msg.render(), "an empty message"
        return None
    finally:
        assert time.perf_counter() - start < 1.0, "over 1 s on one file"


@pytest.mark.slow
def test_mutated_examples_load_or_fail_clearly():
    results = [load_clearly(d) for d in mutated()]
    # the mutations must reach both outcomes, or the test proves nothing
    assert 0 < sum(r is not None for r in results) < N


@pytest.mark.slow
def test_mutated_examples_through_the_cli_exit_0_or_2(tmp_path, capsys):
    path = tmp_path / "fuzz.hspw"
    codes = {0: 0, 2: 0}
    for data in mutated():
        path.write_bytes(data)
        start = time.perf_counter()
        code = main(["evaluate", str(path), "--on", "2026-10-01", "--horizon", "2"])
        assert time.perf_counter() - start < 1.0
        assert code in codes
        codes[code] += 1
        err = capsys.readouterr().err
        assert "Traceback" not in err and (code == 0 or "hsp-wizard:" in err)
    assert codes[0] and codes[2]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30)
    | st.dates().map(str),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20)
FIELDS = ["format", "schema_version", "name", "birth_date", "category", "planned_application_date", "degrees",
          "career", "salary", "residence", "trips", "obligations", "family", "settings", "japanese", "scenarios"]


def random_value(rng: random.Random, depth: int = 0):
    kind = rng.randrange(9 if depth < 3 else 6)
    if kind == 0:
        return None
    if kind == 1:
        return rng.choice([True, False])
    if kind == 2:
        return rng.choice([0, -1, 1, 80, 10**12, -(10**20), rng.randint(-10**6, 10**9)])
    if kind == 3:
        return rng.choice([0.5, -3.25, 1e300])
    if kind == 4:
        return rng.choice(["", "b", "N1", "jlpt", "2026-04-01", "1990-02-29", "0001-01-01", "9999-12-31",
                           "2026-04-01T00:00:00", "x" * 600, "技術・人文知識・国際業務"])
    if kind == 5:
        return f"{rng.randint(1800, 2300)}-{rng.randint(0, 13):02d}-{rng.randint(0, 32):02d}"
    if kind == 6:
        return [random_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    if kind == 7:  # a list of objects shaped like the project's items
        keys = ["start", "end", "level", "kind", "amount_yen", "awarded", "status", "left", "returned", "test",
                "name", "changes", "planned_application_date"]
        return [{k: random_value(rng, depth + 2) for k in rng.sample(keys, rng.randint(1, 5))}
                for _ in range(rng.randint(1, 3))]
    return {rng.choice(FIELDS + ["x", ""]): random_value(rng, depth + 1) for _ in range(rng.randint(0, 4))}


@pytest.mark.slow
def test_generated_documents_load_or_fail_clearly():
    rng = random.Random(2211)
    valid = 0
    for _ in range(N):
        doc = {k: random_value(rng) for k in rng.sample(FIELDS, rng.randint(0, 8))}
        if rng.random() < 0.8:  # past the format check, so the model's validation is reached
            doc = {**doc, "format": "hsp-wizard-project", "schema_version": SCHEMA_VERSION}
        valid += load_clearly(json.dumps(doc).encode()) is not None
    assert valid > 0


@settings(max_examples=300, deadline=1000, suppress_health_check=list(HealthCheck), derandomize=True)
@given(st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=8), st.booleans())
def test_hypothesis_documents_load_or_fail_clearly(doc, framed):
    if framed:  # past the format check, so the model's validation is reached
        doc = {**doc, "format": "hsp-wizard-project", "schema_version": SCHEMA_VERSION}
    load_clearly(json.dumps(doc).encode())
