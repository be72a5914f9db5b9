"""Identifiers of parties: resident ID, unified social credit code, mobile, bank card.

Each `check_*` function takes what a person typed and returns None when it is valid, else a
Chinese reason that says what to fix. Each checks the *normalised* form (`normalise_*`:
full-width characters made half-width, spaces dropped, letters upper-cased), so callers
store the normalised form, not the raw text.

- Resident ID (居民身份证号码), GB 11643-1999: 6-digit region code, birth date YYYYMMDD,
  3-digit sequence (odd for men, even for women), and a check character per ISO 7064
  MOD 11-2 (weights 2^(17-i) mod 11, check characters "10X98765432"). Plausible means:
  first digit 1–8, a real date from 1870 on, and (when `today` is given) not in the future.
- Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from
  "0123456789ABCDEFGHJKLMNPQRTUWXY" (no I, O, Z, S, V), positions 3–8 a region code,
  check character C18 = 31 − (Σ Ci·Wi mod 31), Wi = 3^(i-1) mod 31, 31 → 0.
- Mainland mobile numbers: 11 digits starting 13–19; "+86", "0086" or "86" in front
  and spaces, dashes or brackets are accepted and dropped.
- Bank card numbers: 12–19 digits with a Luhn (ISO/IEC 7812) check digit.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from operator import mul
from typing import Literal

Sex = Literal["male", "female"]
SEX_LABELS: dict[Sex, str] = {"male": "男", "female": "女"}

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARS = "10X98765432"
_ID_DIGIT_OFFSET = ord("0") * sum(ID_WEIGHTS)  # Σ code·w − this = Σ digit·w
# Nobody alive was born earlier (the oldest person ever verified was born in 1875); the
# standard's own second example, 440524188001010014, is dated 1880.
EARLIEST_BIRTH = date(1870, 1, 1)

USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

_SEPARATORS = re.compile(r"[\s\-－—_()（）]+")
_MOBILE_STARTS = frozenset(f"1{d}" for d in "3456789")
_MOBILE_PREFIX = re.compile(r"^(?:\+86|0086|86)(?=\d{11}$)")


def _half_width(text: str) -> str:
    """Full-width digits and letters typed with a Chinese input method, made ASCII."""
    return text if text.isascii() else unicodedata.normalize("NFKC", text)


# -- resident ID (GB 11643-1999) ------------------------------------------------------------


def normalise_resident_id(text: str) -> str:
    """`" 11010519491231002x "` → `"11010519491231002X"` (no validation)."""
    return "".join(_half_width(text).split()).upper()


def resident_id_check_char(body: str) -> str:
    """The ISO 7064 MOD 11-2 check character of the first 17 digits."""
    if len(body) != 17 or not body.isascii() or not body.isdigit():
        raise ValueError(f"need 17 digits, got {body!r}")
    # the digits' character codes times the weights (a batch import checks 100,000 of them)
    total = sum(map(mul, body.encode("ascii"), ID_WEIGHTS)) - _ID_DIGIT_OFFSET
    return ID_CHECK_CHARS[total % 11]


def make_resident_id(region: str, birth: date, seq: int) -> str:
    """A resident ID with its check character: 6-digit region, birth date, sequence 0–999.

    The sequence's last digit is the sex digit (odd: male, even: female).
    """
    if len(region) != 6 or not region.isascii() or not region.isdigit():
        raise ValueError(f"region must be 6 digits, got {region!r}")
    if not 0 <= seq <= 999:
        raise ValueError(f"sequence must be 0–999, got {seq}")
    if not 1 <= birth.year <= 9999:
        raise ValueError(f"birth year out of range: {birth}")
    body = f"{region}{birth.year:04d}{birth.month:02d}{birth.day:02d}{seq:03d}"
    return body + resident_id_check_char(body)


def _id_shape(number: str) -> str | None:
    if not number:
        return "身份证号为空，请填写 18 位居民身份证号码。"
    if len(number) == 15 and number.isascii() and number.isdigit():
        return "这是 15 位的旧身份证号，请改填 18 位的新身份证号码。"
    if len(number) != 18:
        return f"身份证号应为 18 位，现在是 {len(number)} 位，请核对。"
    body, last = number[:17], number[17]
    if not (body.isascii() and body.isdigit()) or last not in "0123456789X":
        return "身份证号前 17 位只能是数字，最后一位是数字或 X，请核对。"
    if number[0] not in "12345678":
        return f"身份证号前两位“{number[:2]}”不是有效的地区代码（应以 1–8 开头），请核对。"
    return None


def _birth(number: str) -> date | None:
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def _birth_problem(number: str, today: date | None) -> str | None:
    written = number[6:14]
    born = _birth(number)
    if born is None:
        return f"身份证号第 7–14 位的出生日期“{written}”不存在，请核对。"
    if born < EARLIEST_BIRTH:
        return f"身份证号中的出生日期“{written}”早于 1870 年，请核对第 7–14 位。"
    if today is not None and born > today:
        return f"身份证号中的出生日期“{written}”晚于今天，请核对第 7–14 位。"
    return None


def check_resident_id(text: str, *, today: date | None = None) -> str | None:
    """None when `text` is a valid 18-digit resident ID, else the reason in Chinese.

    Args:
        text: as typed; checked after `normalise_resident_id` (so a lower-case x is fine).
        today: when given, a birth date after it is refused. None (the default) skips
            that check only; the module never reads the clock itself.
    """
    number = normalise_resident_id(text)
    reason = _id_shape(number) or _birth_problem(number, today)
    if reason:
        return reason
    expected = resident_id_check_char(number[:17])
    if number[17] != expected:
        return f"身份证号最后一位校验码应为{expected}，请核对。"
    return None


def _valid_resident_id(text: str) -> str:
    number = normalise_resident_id(text)
    reason = check_resident_id(number)
    if reason:
        raise ValueError(reason)
    return number


def birth_date_of(resident_id: str) -> date:
    """The birth date written in a valid resident ID; ValueError (Chinese reason) if invalid."""
    born = _birth(_valid_resident_id(resident_id))
    assert born is not None  # checked above
    return born


def sex_of(resident_id: str) -> Sex:
    """`"male"` when the 17th digit is odd, `"female"` when even (see `SEX_LABELS`)."""
    return "male" if int(_valid_resident_id(resident_id)[16]) % 2 else "female"


# -- unified social credit code (GB 32100-2015) ---------------------------------------------


def normalise_credit_code(text: str) -> str:
    """`" 91350100m000100y43 "` → `"91350100M000100Y43"` (no validation)."""
    return "".join(_half_width(text).split()).upper()


def credit_code_check_char(body: str) -> str:
    """The GB 32100 check character of the first 17 characters."""
    if len(body) != 17 or any(c not in USCC_CHARSET for c in body):
        raise ValueError(f"need 17 characters of {USCC_CHARSET}, got {body!r}")
    total = sum(USCC_CHARSET.index(c) * w for c, w in zip(body, USCC_WEIGHTS, strict=True))
    return USCC_CHARSET[(31 - total % 31) % 31]


def _credit_code_shape(code: str) -> str | None:
    if not code:
        return "统一社会信用代码为空，请填写 18 位代码。"
    if len(code) == 15 and code.isascii() and code.isdigit():
        return "这是 15 位的旧工商注册号，请改填 18 位统一社会信用代码（见营业执照）。"
    if len(code) != 18:
        return f"统一社会信用代码应为 18 位，现在是 {len(code)} 位，请核对。"
    wrong = [c for c in code if c not in USCC_CHARSET]
    if wrong:
        return (
            f"统一社会信用代码中不能有“{wrong[0]}”（只用数字和大写字母，"
            "不用 I、O、Z、S、V），请核对。"
        )
    if not code[2:8].isdigit():
        return "统一社会信用代码第 3–8 位是行政区划代码，只能是数字，请核对。"
    return None


def check_credit_code(text: str) -> str | None:
    """None when `text` is a valid unified social credit code, else the reason in Chinese."""
    code = normalise_credit_code(text)
    reason = _credit_code_shape(code)
    if reason:
        return reason
    expected = credit_code_check_char(code[:17])
    if code[17] != expected:
        return f"统一社会信用代码最后一位校验码应为{expected}，请核对。"
    return None


# -- mobile numbers ---------------------------------------------------------------------------


def normalise_mobile(text: str) -> str:
    """`"+86 139-1234-5678"` → `"13912345678"` (no validation)."""
    digits = _SEPARATORS.sub("", _half_width(text))
    return _MOBILE_PREFIX.sub("", digits)


def check_mobile(text: str) -> str | None:
    """None when `text` is a mainland mobile number (11 digits, 13–19…), else the reason."""
    if len(text) == 11 and text.isascii() and text.isdigit() and text[:2] in _MOBILE_STARTS:
        return None  # the common case, already in its normal form
    number = normalise_mobile(text)
    if not number:
        return "手机号为空，请填写 11 位手机号码。"
    if not (number.isascii() and number.isdigit()):
        return "手机号只能是数字（前面可带 +86，可用空格或横线分隔），请核对。"
    if number.startswith("0"):
        return "这像是固定电话号码，请填写 11 位手机号码。"
    if len(number) != 11:
        return f"手机号应为 11 位，现在是 {len(number)} 位，请核对。"
    if number[0] != "1" or number[1] not in "3456789":
        return "手机号应以 13–19 开头，请核对。"
    return None


# -- bank cards -------------------------------------------------------------------------------


def normalise_bank_card(text: str) -> str:
    """`"6222 0212 3456 7890 128"` → `"6222021234567890128"` (no validation)."""
    return _SEPARATORS.sub("", _half_width(text))


def luhn_check_digit(body: str) -> str:
    """The Luhn digit to append to `body` (all digits)."""
    if not body or not body.isascii() or not body.isdigit():
        raise ValueError(f"need digits, got {body!r}")
    total = 0
    for i, d in enumerate(reversed(body)):
        n = int(d) * (2 if i % 2 == 0 else 1)  # the digit left of the check digit is doubled
        total += n - 9 if n > 9 else n
    return str((10 - total % 10) % 10)


def check_bank_card(text: str) -> str | None:
    """None when `text` is 12–19 digits with a correct Luhn digit, else the reason."""
    number = normalise_bank_card(text)
    if not number:
        return "银行卡号为空，请填写卡号。"
    if not (number.isascii() and number.isdigit()):
        return "银行卡号只能是数字（可用空格分隔），请核对。"
    if not 12 <= len(number) <= 19:
        return f"银行卡号应为 12–19 位数字，现在是 {len(number)} 位，请核对。"
    expected = luhn_check_digit(number[:-1])
    if number[-1] != expected:
        return f"银行卡号校验不通过（按校验规则最后一位应为{expected}），可能有数字输错，请核对。"
    return None


# -- masks for lists --------------------------------------------------------------------------


def _mask(text: str, keep_start: int, keep_end: int) -> str:
    if len(text) <= keep_start + keep_end:  # too short to show both ends: show less
        if len(text) <= 2:
            return "*" * len(text)
        keep_start, keep_end = 1, 1
    return text[:keep_start] + "*" * (len(text) - keep_start - keep_end) + text[-keep_end:]


def mask_id(number: str) -> str:
    """`420102199003071234` → `4201**********1234` (ID numbers and credit codes)."""
    return _mask(normalise_resident_id(number), 4, 4)


def mask_phone(phone: str) -> str:
    """`13812345678` (or `+86 138-1234-5678`) → `138****5678`."""
    return _mask(normalise_mobile(phone), 3, 4)
