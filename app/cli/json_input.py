"""Reading a JSON input for the CLI so that no document, however made, can crash it.

`json.loads` raises more than `JSONDecodeError`: `RecursionError` on deeply nested arrays
or objects, `ValueError` on an integer of more than 4,300 digits (Python's guard against
slow conversions); and it accepts `NaN`, `Infinity` and `-Infinity`, which are not JSON.
Each becomes an `InputError` naming the problem; nothing else is caught.
"""

from __future__ import annotations

import json
from typing import Any

from app.domain.errors import InputError, Problem


class _NotJson(ValueError):
    """A constant (`NaN`, `Infinity`) that JSON does not have."""


def _refuse_constant(name: str) -> Any:
    raise _NotJson(name)


def parse_json(text: str) -> Any:
    """The JSON document in `text`, or InputError saying why it is not one."""
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        where = f"第 {error.lineno} 行第 {error.colno} 列"
        reason = f"not valid JSON（{where}：{error.msg}）"
    except _NotJson as error:
        reason = f"not valid JSON（{error} 不是 JSON 的数：金额和利率请写成字符串，如 \"0.18\"）"
    except RecursionError:
        reason = "not valid JSON（数组或对象嵌套过深）"
    except ValueError:  # an integer of more than 4,300 digits
        reason = "not valid JSON（数字位数过多：金额请写成字符串，如 \"12000.00\"）"
    raise InputError([Problem("", reason)])


def printable(text: str) -> str:
    """`text` as UTF-8 can carry it: a lone surrogate from a JSON escape is escaped."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")
