"""A PDF's metadata (the /Info dictionary, the XMP stream) as of one revision, and what
changed in it after a signature: pyhanko files such updates under harmless ones
(`lta_updates`), but for a signed agreement a changed title or author is a change.

Signing tools rewrite a few entries each time they sign (modification date, producer);
those are left out of the comparison, so a court's counter-signature is no change.
"""

from __future__ import annotations

import re
from typing import Any

INFO_TOUCHED_BY_SIGNING = frozenset({"/ModDate", "/Producer"})  # tools bump these when signing


def metadata_changes(reader: Any, sig: Any) -> list[str]:
    """What of the document's metadata (the /Info dictionary, the XMP stream) differs now
    from what was signed. pyhanko accepts such updates as harmless (`lta_updates`); for a
    signed agreement a changed title or author is a change."""
    signed = _metadata(reader.get_historical_resolver(sig.signed_revision))
    now = _metadata(reader.get_historical_resolver(reader.xrefs.total_revisions - 1))
    keys = sorted(set(signed[0]) | set(now[0]))
    found = [
        f"/Info {key}"
        for key in keys
        if key not in INFO_TOUCHED_BY_SIGNING and signed[0].get(key) != now[0].get(key)
    ]
    if _xmp_content(signed[1]) != _xmp_content(now[1]):
        found.append("XMP")
    return found


XMP_TOUCHED_BY_SIGNING = ("xmp:ModifyDate", "xmp:MetadataDate", "pdf:Producer", "x:xmptk")


def _xmp_content(data: bytes | None) -> bytes | None:
    """XMP without what signing tools rewrite each time they sign (dates, producer)."""
    if data is None:
        return None
    text = data
    for name in XMP_TOUCHED_BY_SIGNING:
        tag = re.escape(name.encode("ascii"))
        text = re.sub(rb"\s" + tag + rb'="[^"]*"', b"", text)
        text = re.sub(rb"<" + tag + rb">.*?</" + tag + rb">", b"", text, flags=re.S)
    return text


def _metadata(resolver: Any) -> tuple[dict[str, str], bytes | None]:
    """The /Info entries (as text) and the XMP stream's bytes, as of one revision."""
    trailer = resolver.trailer_view
    info: Any = _resolved(resolver, trailer.raw_get("/Info")) if "/Info" in trailer else {}
    entries: dict[str, str] = {}
    if hasattr(info, "raw_get"):
        entries = {str(k): str(_resolved(resolver, info.raw_get(k))) for k in info}
    root = resolver.root
    xmp = _resolved(resolver, root.raw_get("/Metadata")) if "/Metadata" in root else None
    return entries, getattr(xmp, "data", None)


def _resolved(resolver: Any, value: Any) -> Any:
    """`value` with indirect references followed *in this revision* (not the latest)."""
    from pyhanko.pdf_utils.generic import IndirectObject

    while isinstance(value, IndirectObject):
        value = resolver.get_object(value.reference)
    return value
