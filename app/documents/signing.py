"""The organisation's PAdES signature on a PDF, signed offline with its own key.

    identity = create_org_identity(data_dir, "某某调解中心", passphrase)   # first set-up
    signer = load_signer(data_dir, passphrase)
    signed = sign_pdf(pdf_bytes, signer, location="上海市", visible_stamp=seal_png)

No timestamp server and no revocation data are fetched: signing never needs the network.
The signing time is the `/M` entry of the signature (PAdES forbids a CMS signingTime),
so it is the signer's claim, not a trusted timestamp.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.documents.org_identity import (
    Identity,
    create_org_identity,
    identity_exists,
    import_pkcs12,
    load_key_and_certs,
    read_identity,
    signing_dir,
)
from app.domain.errors import DomainError

__all__ = [
    "DEFAULT_REASON",
    "Identity",
    "OrgSigner",
    "create_org_identity",
    "identity_exists",
    "import_pkcs12",
    "load_signer",
    "read_identity",
    "sign_pdf",
    "signing_dir",
]

DEFAULT_REASON = "调解协议确认"
FIELD_PREFIX = "OrgSignature"
STAMP_MARGIN = 56.0  # points from the right and bottom edges of the last page


@dataclass(frozen=True)
class OrgSigner:
    """The organisation's identity with a ready pyhanko signer (key unlocked in memory)."""

    identity: Identity
    signer: Any  # pyhanko.sign.signers.SimpleSigner


def load_signer(data_dir: Path, passphrase: str) -> OrgSigner:
    """Unlock the organisation's key with the passphrase; DomainError when it is wrong."""
    from pyhanko.keys.internal import (
        translate_pyca_cryptography_cert_to_asn1 as cert_to_asn1,
    )
    from pyhanko.keys.internal import (
        translate_pyca_cryptography_key_to_asn1 as key_to_asn1,
    )
    from pyhanko.sign.signers import SimpleSigner
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    key, cert, chain = load_key_and_certs(data_dir, passphrase)
    signer = SimpleSigner(
        signing_cert=cert_to_asn1(cert),
        signing_key=key_to_asn1(key),
        cert_registry=SimpleCertificateStore.from_certs(  # type: ignore[no-untyped-call]
            [cert_to_asn1(c) for c in chain]
        ),
    )
    return OrgSigner(identity=read_identity(data_dir), signer=signer)


def _open_for_update(pdf_bytes: bytes) -> Any:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfError

    if b"%PDF-" not in pdf_bytes[:1024]:
        raise DomainError("输入文件不是 PDF：请选择本软件生成的 PDF 文件。")
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=False)
    except (PdfError, ValueError, KeyError, IndexError) as error:
        raise DomainError(f"输入文件不是有效的 PDF（{error}）：请重新生成后再签名。") from error
    if writer.prev.encrypted:
        raise DomainError("输入的 PDF 已加密：请使用未加密的文件签名。")
    return writer


def _new_field_name(writer: Any) -> str:
    from pyhanko.sign.fields import enumerate_sig_fields

    taken = {name for name, _value, _ref in enumerate_sig_fields(writer.prev)}
    number = 1
    while f"{FIELD_PREFIX}{number}" in taken:
        number += 1
    return f"{FIELD_PREFIX}{number}"


def _stamp_box(writer: Any) -> tuple[int, int, int, int]:
    """Bottom right corner of the last page, inside the margins."""
    from pyhanko.pdf_utils.rw_common import find_inherited_value_in_tree

    from app.documents.seal_stamp import STAMP_HEIGHT, STAMP_WIDTH

    page_ref, _resources = writer.find_page_for_modification(-1)
    page = page_ref.get_object()
    box = find_inherited_value_in_tree(page, "/MediaBox", "/Parent")  # type: ignore[no-untyped-call]
    x_max, y_min = float(box[2]), float(box[1])
    left = round(x_max - STAMP_MARGIN - STAMP_WIDTH)
    bottom = round(y_min + STAMP_MARGIN)
    return (left, bottom, left + round(STAMP_WIDTH), bottom + round(STAMP_HEIGHT))


def _pdf_signer(meta: Any, signer: OrgSigner, when: datetime, stamp: Any, field_spec: Any) -> Any:
    from pyhanko.sign.signers import PdfSigner

    class FixedTimeSigner(PdfSigner):
        """pyhanko takes the signing time from the clock; this one is given."""

        def init_signing_session(self, pdf_out: Any, existing_fields_only: bool = False) -> Any:
            session = super().init_signing_session(pdf_out, existing_fields_only)
            session.system_time = when
            return session

    return FixedTimeSigner(meta, signer.signer, stamp_style=stamp, new_field_spec=field_spec)


def sign_pdf(
    pdf_bytes: bytes,
    signer: OrgSigner,
    *,
    reason: str = DEFAULT_REASON,
    location: str | None = None,
    signing_time: datetime | None = None,
    visible_stamp: bytes | None = None,
) -> bytes:
    """The PDF with the organisation's PAdES signature appended as an incremental update.

    With `visible_stamp` (a seal PNG) the signature shows as the seal and a caption in the
    bottom right corner of the last page; without it the signature is invisible.
    """
    from pyhanko.sign.fields import SigFieldSpec, SigSeedSubFilter
    from pyhanko.sign.signers import PdfSignatureMetadata

    from app.documents.seal_stamp import stamp_pdf, stamp_style

    when = signing_time or datetime.now(UTC)
    if when.tzinfo is None:
        raise ValueError("signing_time must be timezone-aware")
    writer = _open_for_update(pdf_bytes)
    name = _new_field_name(writer)
    meta = PdfSignatureMetadata(
        field_name=name,
        subfilter=SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason=reason,
        location=location,
        name=signer.identity.common_name or None,
    )
    stamp = None
    field_spec = SigFieldSpec(sig_field_name=name, on_page=-1)
    if visible_stamp is not None:
        art = stamp_pdf(visible_stamp, signer.identity.common_name, when)
        stamp = stamp_style(art)
        field_spec = SigFieldSpec(sig_field_name=name, on_page=-1, box=_stamp_box(writer))
    output = _pdf_signer(meta, signer, when, stamp, field_spec).sign_pdf(writer)
    return bytes(output.getvalue())
