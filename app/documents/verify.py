"""Check the digital signatures of a PDF: is it exactly what was signed, and by whom?

`verify_pdf` reports, for each signature: `intact` (the hash of the signed byte range
matches), `valid` (the signature value checks out against the signer's certificate), the
signer, the claimed signing time, whether the signature covers the whole file and, when
something was appended after signing, how much pyhanko's difference analysis says changed.

The document as a whole is `intact` only when it has at least one signature, every
signature is intact and valid, and nothing was changed after signing. Accepted after a
signature: updates that maintain signatures (`lta_updates`: validation data, document
timestamps) and later signatures, e.g. a court's counter-signature (pyhanko's
`form_filling` level, accepted only when DocMDP allows it and every form field of the
document is a signature field, so that no text field can have been filled in). Anything
else appended (annotations, new fields, changed content) counts as a change, because the
app signs a document version once and an amendment is a new document.

Metadata changed after signing (the /Info dictionary, the XMP stream) counts as a change
too, although pyhanko files it under harmless updates.

Who signed: given the organisation's own certificate fingerprints (`org_fingerprints`, from
its data folder), a document is intact for that organisation only when one of its
signatures was made with that very certificate — a certificate made elsewhere with the same
name is another signer, and the summary says whose signature it is. Without them the
summary says plainly that the signer's identity was not checked. Trust in a CA is reported
separately (`trusted`) and decides nothing: a self-signed organisation certificate is not
vouched for by any certificate authority.
Nothing is fetched from the network (no revocation checks).
"""

from __future__ import annotations

import hashlib
import io
import logging
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import Any

from app.documents.pdf_metadata import metadata_changes

LookupRecord = Callable[[str], dict[str, Any] | None]

ACCEPTED_LEVELS = ("none", "lta_updates")
COUNTERSIGNED_LEVEL = "form_filling"  # accepted when only signature fields exist
QUIET_LOGGERS = ("pyhanko", "pyhanko_certvalidator")


@dataclass(frozen=True)
class SignatureReport:
    """What one embedded signature says and whether it holds."""

    field: str
    intact: bool
    valid: bool
    trusted: bool
    signer: str
    signer_common_name: str
    certificate_sha256: str
    self_signed: bool
    signed_by_organisation: bool | None
    signing_time: str | None
    reason: str | None
    location: str | None
    covers_whole_file: bool
    coverage: str
    modification_level: str | None
    changed_after_signing: bool
    problems: tuple[str, ...] = ()
    metadata_changed: bool = False


@dataclass(frozen=True)
class VerifyReport:
    """The verdict on a whole document (`to_dict()` gives the CLI's JSON)."""

    intact: bool
    document_sha256: str
    signature_count: int
    signatures: tuple[SignatureReport, ...]
    summary: str
    problems: tuple[str, ...] = ()
    store_checked: bool = False
    store_record: dict[str, Any] | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    content_intact: bool = False
    """Every signature intact and valid, nothing changed after signing (who signed aside)."""
    signed_by_organisation: bool | None = None
    """Some signature is the organisation's own certificate; None: the signer's identity
    was not checked (no organisation certificate given)."""

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON data, the summary (the verdict, naming the signer) first."""
        data = asdict(self)
        return {"summary": data.pop("summary"), **data}


@contextmanager
def _quiet_pyhanko() -> Iterator[None]:
    """pyhanko logs a traceback for every self-signed or broken signature; keep stderr clean."""
    loggers = [logging.getLogger(name) for name in QUIET_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def _validation_context(trusted_certs: Sequence[bytes]) -> Any:
    from pyhanko.keys import load_certs_from_pemder_data
    from pyhanko_certvalidator import ValidationContext

    roots = [cert for data in trusted_certs for cert in load_certs_from_pemder_data(data)]
    return ValidationContext(trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail")


def _text(sig_object: Any, key: str) -> str | None:
    value = sig_object.get(key)
    return None if value is None else str(value)


def _certificate_facts(cert: Any) -> dict[str, Any]:
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    der = cert.dump()
    parsed = x509.load_der_x509_certificate(der)
    cns = parsed.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return {
        "signer": parsed.subject.rfc4514_string(),
        "signer_common_name": str(cns[0].value) if cns else "",
        "certificate_sha256": hashlib.sha256(der).hexdigest(),
        "self_signed": parsed.issuer == parsed.subject,
    }


def _problems(
    intact: bool, valid: bool, coverage: str, level: str | None, accepted: Collection[str]
) -> list[str]:
    found = []
    if not intact:
        found.append("签名所覆盖的内容已被改动（哈希值不符）")
    if not valid:
        found.append("签名值无效（密码学校验未通过）")
    if coverage in ("unclear", "contiguous_block_from_start"):
        found.append("签名的覆盖范围异常：文件可能在签名后被整体重写")
    elif coverage == "entire_revision" and level not in accepted:
        found.append(f"签名之后文件被追加修改（修改级别：{level or '未知'}）")
    return found


def _accepted_levels(status: Any, signature_fields_only: bool) -> tuple[str, ...]:
    """Later signatures are accepted when DocMDP allows them and no other field exists."""
    if signature_fields_only and status.docmdp_ok is not False:
        return (*ACCEPTED_LEVELS, COUNTERSIGNED_LEVEL)
    return ACCEPTED_LEVELS


def _signature_report(
    sig: Any,
    context: Any,
    org_fingerprints: Collection[str],
    signature_fields_only: bool,
    reader: Any,
) -> SignatureReport:
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.settings import KeyUsageConstraints

    usage = KeyUsageConstraints(
        key_usage={"digital_signature", "non_repudiation"}, match_all_key_usages=False
    )
    status = validate_pdf_signature(sig, context, key_usage_settings=usage)
    coverage = status.coverage.name.lower() if status.coverage else "unclear"
    level = status.modification_level.name.lower() if status.modification_level else None
    facts = _certificate_facts(status.signing_cert)
    when = status.signer_reported_dt
    accepted = _accepted_levels(status, signature_fields_only)
    metadata = metadata_changes(reader, sig)
    changed = (coverage != "entire_file" and level not in accepted) or bool(metadata)
    found = _problems(status.intact, status.valid, coverage, level, accepted)
    if metadata:
        found.append(f"签名之后文件的元数据被改动（{'、'.join(metadata)}）")
    return SignatureReport(
        field=str(sig.field_name),
        intact=bool(status.intact),
        valid=bool(status.valid),
        trusted=bool(status.trusted),
        signed_by_organisation=(
            facts["certificate_sha256"] in org_fingerprints if org_fingerprints else None
        ),
        signing_time=when.isoformat() if when else None,
        reason=_text(sig.sig_object, "/Reason"),
        location=_text(sig.sig_object, "/Location"),
        covers_whole_file=coverage == "entire_file",
        coverage=coverage,
        modification_level=level,
        changed_after_signing=changed,
        problems=tuple(found),
        metadata_changed=bool(metadata),
        **facts,
    )


def _broken_signature(sig: Any, error: Exception) -> SignatureReport:
    return SignatureReport(
        field=str(getattr(sig, "field_name", "?")),
        intact=False,
        valid=False,
        trusted=False,
        signer="",
        signer_common_name="",
        certificate_sha256="",
        self_signed=False,
        signed_by_organisation=None,
        signing_time=None,
        reason=None,
        location=None,
        covers_whole_file=False,
        coverage="unclear",
        modification_level=None,
        changed_after_signing=True,
        problems=(f"签名数据已损坏，无法校验（{type(error).__name__}: {error}）",),
    )


def _embedded_signatures(pdf_bytes: bytes) -> tuple[list[Any], bool, Any]:
    """The signatures, whether every form field of the document is a signature field, and
    the reader."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
    form = reader.root.get("/AcroForm")
    fields = form.get_object().get("/Fields") if form is not None else None
    only_signatures = _only_signature_fields(fields.get_object() if fields else [], None)
    return list(reader.embedded_signatures), only_signatures, reader


def _only_signature_fields(fields: Any, inherited: Any) -> bool:
    """Whether every terminal field in the tree is a signature field (`/FT` inherits)."""
    for ref in fields:
        field = ref.get_object()
        kind = field.get("/FT", inherited)
        kids = field.get("/Kids")
        kids = kids.get_object() if kids is not None else []
        if any("/T" in kid.get_object() for kid in kids):
            if not _only_signature_fields(kids, kind):
                return False
        elif kind != "/Sig":
            return False
    return True


def _summary(
    intact: bool,
    signatures: Sequence[SignatureReport],
    problems: list[str],
    org_fingerprints: Collection[str],
) -> str:
    """The verdict in one line, saying whose signature it is (or that nobody checked)."""
    if not signatures:
        return "文件不完整或未签名：" + "；".join(problems)
    if org_fingerprints:
        if not any(s.signed_by_organisation for s in signatures):
            first = signatures[0]
            ours = "、".join(f[:16] + "…" for f in org_fingerprints)
            head = (
                f"这份文件不是本组织签署的：签名来自「{first.signer or '无法识别的签署人'}」"
                f"（证书指纹 {first.certificate_sha256[:16]}…），不是本组织的证书"
                f"（指纹 {ours}）；名称相同不代表是同一个组织。"
            )
            others = [p for p in problems if p not in _foreign(signatures, org_fingerprints)]
            return head + ("另外：" + "；".join(others) if others else "")
        if intact:
            ours_sig = next(s for s in signatures if s.signed_by_organisation)
            return (
                f"文件完整：由本组织的证书签署（{ours_sig.signer}，指纹 "
                f"{ours_sig.certificate_sha256[:16]}…），共 {len(signatures)} 个数字签名，"
                "均有效，签名后未被修改。"
            )
    if intact:
        first = signatures[0]
        return (
            f"文件完整：共 {len(signatures)} 个数字签名，均有效，签名后未被修改。"
            f"但没有核对签署人身份：签名来自「{first.signer}」，证书指纹 "
            f"{first.certificate_sha256}；请用本组织的数据目录（--data-dir）核验，"
            "或把指纹与调解组织公布的证书指纹核对。"
        )
    return "文件不完整或未签名：" + "；".join(problems)


def _foreign(
    signatures: Sequence[SignatureReport], org_fingerprints: Collection[str]
) -> list[str]:
    """The problem naming each signature that is not the organisation's."""
    return [
        f"{s.field}：签名来自「{s.signer}」（证书指纹 {s.certificate_sha256[:16]}…），"
        "不是本组织的证书"
        for s in signatures
        if s.signed_by_organisation is False
    ]


def is_pdf(data: bytes) -> bool:
    """A PDF header in the first kilobyte (what readers accept)."""
    return b"%PDF-" in data[:1024]


def verify_pdf(
    pdf_bytes: bytes,
    *,
    trusted_certs: Sequence[bytes] = (),
    org_fingerprints: Collection[str] = (),
    lookup_record: LookupRecord | None = None,
) -> VerifyReport:
    """Verify every signature of the PDF; a damaged file is reported, not raised.

    Args:
        trusted_certs: PEM or DER certificates to trust as roots (none by default).
        org_fingerprints: SHA-256 fingerprints of the organisation's own certificates;
            when given, each signature says whether it was made with one of them.
        lookup_record: the case store's record of a document by its SHA-256, or None.
    """
    digest = hashlib.sha256(pdf_bytes).hexdigest()
    problems: list[str] = []
    signatures: list[SignatureReport] = []
    with _quiet_pyhanko():
        try:
            embedded, signature_fields_only, reader = _embedded_signatures(pdf_bytes)
        except Exception as error:  # any parse failure means the structure was damaged
            embedded, signature_fields_only, reader = [], False, None
            problems.append(f"文件结构已损坏，无法解析（{type(error).__name__}: {error}）")
        context = _validation_context(trusted_certs)
        for sig in embedded:
            try:
                report = _signature_report(
                    sig, context, org_fingerprints, signature_fields_only, reader
                )
                signatures.append(report)
            except Exception as error:  # a malformed signature is a broken signature
                signatures.append(_broken_signature(sig, error))
    if not embedded and not problems:
        problems.append("文件没有数字签名")
    for report in signatures:
        problems.extend(f"{report.field}：{text}" for text in report.problems)
    content_intact = bool(signatures) and not problems
    ours = _organisation_signed(signatures, org_fingerprints)
    if ours is False:  # only a certificate that merely carries the same name
        problems.extend(_foreign(signatures, org_fingerprints))
    intact = content_intact and ours is not False
    return VerifyReport(
        intact=intact,
        document_sha256=digest,
        signature_count=len(signatures),
        signatures=tuple(signatures),
        summary=_summary(intact, signatures, problems, org_fingerprints),
        problems=tuple(problems),
        store_checked=lookup_record is not None,
        store_record=lookup_record(digest) if lookup_record else None,
        notes=_trust_notes(signatures, checked=bool(org_fingerprints)),
        content_intact=content_intact,
        signed_by_organisation=ours,
    )


def _organisation_signed(
    signatures: Sequence[SignatureReport], org_fingerprints: Collection[str]
) -> bool | None:
    """Whether one of the signatures is the organisation's own certificate (compared by
    fingerprint: anyone can make a certificate with the same name); None: not checked."""
    if not org_fingerprints or not signatures:
        return None
    return any(s.signed_by_organisation for s in signatures)


NOT_CHECKED = (
    "没有核对签署人身份：没有本组织的证书可以比对（没有指定本组织的数据目录 --data-dir，"
    "或其中还没有组织证书），而任何人都能制作名称相同的证书。"
    "请核对 certificate_sha256 是否为该调解组织公布的证书指纹。"
)


def _trust_notes(signatures: Sequence[SignatureReport], *, checked: bool) -> tuple[str, ...]:
    notes = []
    if signatures and not checked:
        notes.append(NOT_CHECKED)
    if any(s.self_signed and not s.trusted for s in signatures):
        notes.append(
            "自签名证书不由证书颁发机构认证，因此 trusted 为 false；文件是否完整以 intact 为准。"
        )
    return tuple(notes)
