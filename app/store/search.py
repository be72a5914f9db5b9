"""The case search index: an FTS5 table (trigram tokenizer) inside the encrypted store.

`case_search` has one row per case (rowid = case id) with its number, contract number and
its parties' names, ID and phone numbers (revision 0007 creates and fills it). The unit of
work keeps it in step: every write that touched a case, a party or a loan refreshes those
cases' rows before it commits (`refresh`), so no caller has to remember to.

Matching (`matching_ids`): every word of the query must appear somewhere in the case's
text. Words of three characters or more go through the trigram index (`MATCH`); shorter
words (a two-character name such as 王芳) cannot: alone they are looked for in the names
(with `LIKE` over the index's content table, `case_search_content`, column c2 = names), and
beside a longer word in any column of the rows the longer word found.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from sqlalchemy import Connection, text
from sqlalchemy.sql.elements import TextClause

TABLE = "case_search"
COLUMNS = ("case_no", "contract_no", "names", "id_numbers", "phones")
_FILL = """INSERT INTO case_search (rowid, case_no, contract_no, names, id_numbers, phones)
SELECT c.id, c.case_no, COALESCE(l.contract_no, ''),
       COALESCE((SELECT group_concat(p.name, ' ') FROM party p WHERE p.case_id = c.id), ''),
       COALESCE((SELECT group_concat(p.id_number, ' ') FROM party p WHERE p.case_id = c.id), ''),
       COALESCE((SELECT group_concat(p.phone, ' ') FROM party p WHERE p.case_id = c.id), '')
FROM "case" c LEFT JOIN loan_terms l ON l.case_id = c.id
WHERE c.withdrawn_at IS NULL AND c.id IN ({ids})"""
_CHUNK = 500


def refresh(connection: Connection, case_ids: Iterable[int]) -> None:
    """Rewrite the index rows of these cases from the tables (withdrawn cases drop out)."""
    ids = sorted(set(case_ids))
    for start in range(0, len(ids), _CHUNK):
        part = ",".join(str(int(i)) for i in ids[start : start + _CHUNK])
        connection.exec_driver_sql(f"DELETE FROM case_search WHERE rowid IN ({part})")
        connection.exec_driver_sql(_FILL.format(ids=part))


def refresh_range(connection: Connection, first_id: int, last_id: int) -> None:
    """Index the cases with ids first_id…last_id, just inserted (a bulk import's chunk)."""
    fill = _FILL.format(ids='SELECT id FROM "case" WHERE id BETWEEN :a AND :b')
    connection.execute(text(fill), {"a": first_id, "b": last_id})


def normal_words(query: str) -> list[str]:
    """The query's words as the index holds text: half-width, case-folded; a number typed
    with dashes or spaces inside (139-1234-5678) is one word without them."""
    cleaned = unicodedata.normalize("NFKC", query).casefold()
    if re.fullmatch(r"[\d\s-]+", cleaned):
        cleaned = re.sub(r"[\s-]", "", cleaned)
    return [word for word in cleaned.split() if word]


def _phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _like(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def matching_ids(query: str) -> tuple[TextClause, dict[str, str]] | None:
    """A `SELECT rowid …` of the cases matching every word, with its parameters; None when
    the query has no words (everything matches)."""
    # one or two letters or digits find too much to help: the list waits for a third
    words = [w for w in normal_words(query) if len(w) >= 3 or not w.isascii()]
    if not words:
        return None
    long = [w for w in words if len(w) >= 3]
    short = [w for w in words if len(w) < 3]
    params: dict[str, str] = {}
    where: list[str] = []
    if long:
        params["match"] = " AND ".join(_phrase(w) for w in long)
        where.append("case_search MATCH :match")
    if not long:  # the index's own copy of the names (c2), read as a plain table
        for n, word in enumerate(short):
            params[f"w{n}"] = _like(word)
        likes = " AND ".join(f"c2 LIKE :w{n} ESCAPE '\\'" for n in range(len(short)))
        return text(f"SELECT id FROM case_search_content WHERE {likes}"), params
    for n, word in enumerate(short):
        params[f"w{n}"] = _like(word)
        either = " OR ".join(f"{c} LIKE :w{n} ESCAPE '\\'" for c in COLUMNS)
        where.append(f"({either})")
    return text(f"SELECT rowid FROM case_search WHERE {' AND '.join(where)}"), params
