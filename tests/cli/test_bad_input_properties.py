"""Any JSON value in any field of `recalc` and `plan` ends in exit 0 or 2: no traceback,
and nothing on stdout when the input is refused (issue 12, item 3).

`main()` runs in-process for speed (a few hundred inputs a second); a few real
subprocesses check the same for inputs that break `json.loads` itself."""

from __future__ import annotations

import copy
import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli.main import main
from tests.cli.test_recalc_cli import SPEC_EXAMPLE

ROOT = Path(__file__).resolve().parents[2]

PRIVATE_CASE: dict[str, Any] = {
    "lender_type": "private",
    "contract_date": "2019-01-01",
    "disbursement_date": "2019-01-05",
    "principal": "50000.00",
    "lender_person": True,
    "allocation": ["interest", "costs", "penalty", "compound", "fees", "principal"],
    "schedule": [{"due": "2019-07-01", "principal": "20000.00", "interest": "500.00"},
                 {"due": "2020-01-01", "principal": "30000.00", "interest": "600.00"}],
    "fees": [{"date": "2019-03-01", "amount": "100", "kind": "service_fee"}],
    "costs": [{"date": "2021-03-01", "amount": "800.00", "kind": "litigation_fee"}],
    "payments": [{"date": "2019-07-01", "amount": "1000.00"}],
    "claimed": {"principal": "50000.00", "interest": "3000.00"},
    "as_of": "2021-06-30",
}  # fmt: skip
INSTALMENT_CASE: dict[str, Any] = {
    "lender_type": "consumer_finance", "contract_date": "2022-01-31", "principal": "24000",
    "annual_rate": "18%", "overdue_rate": "0.27", "compound": True,
    "repayment": {"method": "equal_installment", "term_months": 24},
    "accelerated_on": "2023-03-15", "as_of": "2024-01-31", "day_basis": 365,
}  # fmt: skip
NO_RATE_CASE: dict[str, Any] = {
    "lender_type": "private", "contract_date": "2019-01-01", "principal": "10000.00",
    "disbursement_date": "2019-01-01", "lender_person": False,
    "repayment": {"method": "bullet", "maturity": "2019-07-01"}, "as_of": "2020-12-01",
    "payments": [{"date": "2020-01-02", "amount": "100.00"}], "filing_date": "2021-01-01",
}  # fmt: skip
RECALC_CASES = [SPEC_EXAMPLE, PRIVATE_CASE, INSTALMENT_CASE, NO_RATE_CASE]
PLANS: list[dict[str, Any]] = [
    {"total": "12000.00", "first_due": "2026-12-15", "count": 12, "frequency": "monthly",
     "down_payment": {"amount": "2000.00", "due": "2026-12-01"}, "round_to": "1",
     "grace_days": 5, "interest": {"annual_rate": "0.06", "cap_rate": "0.24",
                                   "start": "2026-11-01", "day_basis": 360}},
    {"total": "3000.00", "installments": [{"due": "2027-01-10", "amount": "1000.00"},
                                          {"due": "2027-02-10", "amount": "2000.00"}]},
]  # fmt: skip
TRICKY_TEXT = [
    "", " ", "NaN", "-Infinity", "Infinity", "1e999", "1E+3", "-0", "0.00", "+5", ".5", "5.",
    "1,000.00", "１２", "10000000000.00", "10000000000.01", "1" * 40, "9" * 500,
    "0." + "0" * 40 + "1", "100.000", "18%", "%", "1e-999999999", "0x10", "٣",
    "9999-12-31", "0001-01-01", "1979-12-31", "2100-01-01", "2023-02-29", "2024-02-29",
    "2023-13-01", "20230101", "bank", "private", "bullet", "equal_installment", "monthly",
    "lump_sum", "costs", "principal", "late_fee", "lawyer_fee", "\ud800", "\x00",
]  # fmt: skip
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**60), max_value=10**60),
    st.sampled_from([0, 1, -1, 360, 365, 1200, 1201, 10**10, 10**13, 10**25, 10**26, 2**63]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(TRICKY_TEXT),
    st.text(max_size=12),
    st.dates().map(lambda d: d.isoformat()),
)
SHAPED = st.one_of(  # values of the right shape, so that later rules are reached too
    st.fixed_dictionaries({"method": st.sampled_from(["bullet", "equal_installment",
                                                      "equal_principal", "interest_only"]),
                           "term_months": st.integers(-2, 1300),
                           "maturity": st.sampled_from(TRICKY_TEXT[26:32])}),
    st.lists(st.fixed_dictionaries({"date": st.sampled_from(TRICKY_TEXT[26:32]),
                                    "amount": st.sampled_from(TRICKY_TEXT[:20])}), max_size=3),
    st.dates(min_value=date(1975, 1, 1)).map(lambda d: d.isoformat()),
    st.sampled_from([["costs", "interest", "penalty", "compound", "fees", "principal"],
                     ["principal", "costs", "interest", "penalty", "compound", "fees"]]),
)  # fmt: skip
VALUES = st.one_of(
    SCALARS,
    SHAPED,
    st.recursive(
        SCALARS,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
        ),
        max_leaves=12,
    ),
)


def paths_of(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a document a value can be put (and one new key per object)."""
    found = [prefix]
    if isinstance(value, dict):
        found.append((*prefix, "unknown_key"))
        for key, item in value.items():
            found += paths_of(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths_of(item, (*prefix, index))
    return found


def put(document: Any, path: tuple[Any, ...], value: Any, delete: bool) -> Any:
    if not path:
        return value
    target = document
    for step in path[:-1]:
        target = target[step]
    if delete and isinstance(target, dict):
        target.pop(path[-1], None)
    else:
        target[path[-1]] = value
    return document


def shifted(value: Any, years: int) -> Any:
    """Every ISO date in `value` moved by `years` (kept in 1..9999), order kept."""
    if isinstance(value, dict):
        return {k: shifted(v, years) for k, v in value.items()}
    if isinstance(value, list):
        return [shifted(v, years) for v in value]
    if isinstance(value, str) and len(value) == 10 and value[4] == "-":
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return value
        year = min(max(day.year + years, 1), 9999)
        return day.replace(year=year, day=min(day.day, 28)).isoformat()
    return value


def mutated(base: dict[str, Any], data: st.DataObject) -> str:
    document: Any = copy.deepcopy(base)
    if data.draw(st.booleans()):  # the whole loan moved in time, dates still in order
        document = shifted(document, data.draw(st.sampled_from([-2100, -50, 80, 7975, 9000])))
    for _ in range(data.draw(st.integers(0, 3))):
        places = paths_of(document)
        path = data.draw(st.sampled_from(places))
        value = copy.deepcopy(data.draw(VALUES))  # the pools' lists must stay as they are
        document = put(document, path, value, data.draw(st.booleans()))
    return json.dumps(document, ensure_ascii=False)


def run_main(args: list[str], text: str, monkeypatch: pytest.MonkeyPatch,
             capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:  # fmt: skip
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def check(code: int, out: str, err: str) -> None:
    """Exit 0 with JSON on stdout (one document per line for `recalc`, one indented
    document for `plan`), or exit 2 with the problems on stderr and nothing on stdout."""
    assert code in (0, 2), (code, err)
    if code == 2:
        assert out == "" and err.strip()
    elif out.startswith("{\n"):
        json.loads(out)
    else:
        for line in out.splitlines():
            json.loads(line)


PROPERTY = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@PROPERTY
@given(data=st.data(), base=st.sampled_from(RECALC_CASES))
def test_recalc_any_value_in_any_field(
    data: st.DataObject, base: dict[str, Any], monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    check(*run_main(["recalc", "-"], mutated(base, data), monkeypatch, capsys))


@PROPERTY
@given(data=st.data(), base=st.sampled_from(PLANS))
def test_plan_any_value_in_any_field(
    data: st.DataObject, base: dict[str, Any], monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    check(*run_main(["plan", "-"], mutated(base, data), monkeypatch, capsys))


SWEEP_VALUES: list[Any] = [
    None, "x", "", 1.5, -1, 0, 10**30, True, [], {}, [1], {"a": 1}, "NaN", "9999-12-31",
    "1979-01-01", "2023-02-29", "1e3", "-0.01", "0.001", "18%",
]  # fmt: skip


@pytest.mark.parametrize("command", ["recalc", "plan"])
def test_every_field_with_every_kind_of_bad_value(
    command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A sweep, not a sample: each place in each base input, each value of SWEEP_VALUES,
    and the key removed — about 2,000 runs for recalc."""
    bases = RECALC_CASES if command == "recalc" else PLANS
    for base in bases:
        for path in paths_of(base):
            for value in [*SWEEP_VALUES, "delete"]:
                document = put(copy.deepcopy(base), path, value, value == "delete")
                text = json.dumps(document, ensure_ascii=False)
                check(*run_main([command, "-"], text, monkeypatch, capsys))


BROKEN_JSON = {
    "deep": "[" * 100_000 + "]" * 100_000,
    "deep_object": '{"a":' * 50_000 + "1" + "}" * 50_000,
    "huge_int": '{"principal": ' + "9" * 5000 + "}",
    "nan": '{"principal": NaN}',
    "infinity": '{"total": -Infinity}',
    "not_utf8_escape": '{"principal": "\\ud800"}',
}


@pytest.mark.parametrize("name", sorted(BROKEN_JSON))
@pytest.mark.parametrize("command", ["recalc", "plan"])
def test_json_that_breaks_the_reader_is_refused(
    name: str, command: str, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    code, out, err = run_main([command, "-"], BROKEN_JSON[name], monkeypatch, capsys)
    assert (code, out) == (2, "")
    assert "Traceback" not in err and err.strip()


@pytest.mark.parametrize("name", ["deep", "huge_int", "nan"])
def test_a_real_process_refuses_it_too(name: str) -> None:
    env = {**os.environ, "MEDIATION_DESK_DATA_DIR": "/nonexistent/never-created"}
    for command in ("recalc", "plan"):
        done = subprocess.run(
            [sys.executable, "-m", "app", command, "-"], input=BROKEN_JSON[name],
            capture_output=True, text=True, cwd=ROOT, env=env, check=False,
        )  # fmt: skip
        assert (done.returncode, done.stdout) == (2, ""), done.stderr
        assert "Traceback" not in done.stderr and "not valid JSON" in done.stderr
