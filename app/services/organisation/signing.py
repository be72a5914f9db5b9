"""The organisation's digital signature as use cases: passphrase, first set-up, sign, verify.

Where the signing key's passphrase comes from (`signing_passphrase`):
1. the OS keyring, through `SecretStore(scope=str(data_dir))`; at first set-up, when a
   keyring works, a random passphrase is created and kept there (nobody has to type it);
2. else `MEDIATION_DESK_PASSPHRASE` (CLI, CI);
3. else the caller's `prompt` when interactive (GUI dialog or terminal), saying why;
4. else DomainError naming the variable to set (the CLI exits 2).

Hooks wired to the case store (tests may replace them):
- `org_name_provider(data_dir) -> str | None`: the organisation's name for the certificate;
- `record_lookup_provider(data_dir) -> LookupRecord | None`: the store's record of a
  document by its SHA-256, shown as `store_record` in the verification report.
"""

from __future__ import annotations

import dataclasses
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.documents.signing import (
    DEFAULT_REASON,
    Identity,
    create_org_identity,
    identity_exists,
    load_signer,
    read_identity,
    sign_pdf,
)
from app.documents.verify import LookupRecord, VerifyReport, is_pdf, verify_pdf
from app.domain.errors import DomainError
from app.fsutil import write_atomically
from app.security.secrets import (
    NO_KEYRING_HINT,
    PASSPHRASE_ENV,
    SecretStore,
    passphrase_from_env,
)

if TYPE_CHECKING:
    from app.services.organisation.accounts import SignedIn

__all__ = [
    "DEFAULT_ORG_NAME",
    "DEFAULT_REASON",
    "PASSPHRASE_SECRET",
    "SignResult",
    "ensure_identity",
    "identity_ready",
    "is_pdf",
    "organisation_name",
    "save_document",
    "sign_document",
    "signing_passphrase",
    "verify_document",
]

DEFAULT_ORG_NAME = "调解组织"
ORGANISATION_FILE = "organisation.json"
PASSPHRASE_SECRET = "signing-key-passphrase"

Prompt = Callable[[str], str]
OrgNameProvider = Callable[[Path], str | None]
RecordLookupProvider = Callable[[Path], LookupRecord | None]


def organisation_name_from_file(data_dir: Path) -> str | None:
    """`{"name": "..."}` from `<data_dir>/organisation.json`, if the file is there."""
    path = Path(data_dir) / ORGANISATION_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DomainError(f"无法读取 {path}：{error}。请修正该文件或删除它。") from error
    name = data.get("name") if isinstance(data, dict) else None
    return name.strip() if isinstance(name, str) and name.strip() else None


def no_store_records(data_dir: Path) -> LookupRecord | None:
    """Until the case store is wired in, no document records can be looked up."""
    return None


def organisation_name_from_store(data_dir: Path) -> str | None:
    """The name saved in Settings (the case store), else `organisation.json`."""
    from app.services.organisation.service import organisation_name_in_store

    return organisation_name_in_store(data_dir) or organisation_name_from_file(data_dir)


def store_records(data_dir: Path) -> LookupRecord | None:
    """The case store's document records by SHA-256 (None: nothing to check there)."""
    from app.services.documents.lookup import record_lookup

    return record_lookup(data_dir)


# Wired to the case store; tests may point them elsewhere.
org_name_provider: OrgNameProvider = organisation_name_from_store
record_lookup_provider: RecordLookupProvider = store_records


def organisation_name(data_dir: Path) -> str:
    return org_name_provider(Path(data_dir)) or DEFAULT_ORG_NAME


def _prompt_text(first_setup: bool, keyring_works: bool) -> str:
    why = (
        "系统钥匙串中没有保存签名密钥的口令"
        if keyring_works
        else "本机没有可用的系统钥匙串（keyring），无法自动保存口令"
    )
    ask = "请设置组织签名密钥的口令" if first_setup else "请输入组织签名密钥的口令"
    return f"{why}。{ask}（也可设置环境变量 {PASSPHRASE_ENV}）："


def signing_passphrase(data_dir: Path, *, interactive: bool, prompt: Prompt | None = None) -> str:
    """The passphrase of the organisation's signing key, from the first source that has it."""
    store = SecretStore(scope=str(data_dir))
    first_setup = not identity_exists(data_dir)
    keyring_works = store.keyring_available()
    if keyring_works:
        stored = store.get(PASSPHRASE_SECRET)
        if stored:
            return stored
        if first_setup:
            fresh = secrets.token_urlsafe(32)
            if store.set(PASSPHRASE_SECRET, fresh):
                return fresh
            keyring_works = False
    from_env = passphrase_from_env()
    if from_env:
        return from_env
    if interactive and prompt is not None:
        answer = prompt(_prompt_text(first_setup, keyring_works))
        if answer:
            return answer
        raise DomainError("没有输入口令：签名已取消。")
    if keyring_works:
        raise DomainError(
            f"系统钥匙串中没有签名密钥的口令：请将环境变量 {PASSPHRASE_ENV} "
            "设为创建密钥时的口令后重试。"
        )
    raise DomainError(NO_KEYRING_HINT)


NO_CERTIFICATE_YET = (
    "本组织还没有数字证书，只有主管可以生成或导入：请主管在“设置 → 数字证书”中办理后，"
    "再加盖电子签章。"
)


def require_identity_or_supervisor(data_dir: Path, by: SignedIn | None) -> None:
    """A first signature creates the organisation's certificate: only a supervisor may
    (`by` None: the holder of the store's key, as the CLI is)."""
    if by is not None and not by.can("certificates") and not identity_exists(data_dir):
        raise DomainError(NO_CERTIFICATE_YET)


def ensure_identity(
    data_dir: Path,
    org_name: str | None = None,
    *,
    passphrase: str,
    now: datetime | None = None,
) -> tuple[Identity, bool]:
    """The organisation's identity, created on first use; True when it was just created."""
    if identity_exists(data_dir):
        return read_identity(data_dir), False
    name = org_name or organisation_name(data_dir)
    return create_org_identity(data_dir, name, passphrase, now=now), True


@dataclass(frozen=True)
class SignResult:
    """A signed document and who signed it."""

    pdf: bytes
    sha256: str
    signer: str
    certificate_sha256: str
    identity_created: bool


def sign_document(
    data_dir: Path,
    pdf_bytes: bytes,
    *,
    interactive: bool = False,
    prompt: Prompt | None = None,
    reason: str = DEFAULT_REASON,
    location: str | None = None,
    seal_png: bytes | None = None,
    now: datetime | None = None,
    passphrase: str | None = None,
    org_name: str | None = None,
    by: SignedIn | None = None,
) -> SignResult:
    """Sign with the organisation's key, creating key and certificate on first use.

    `passphrase`, when the caller already has it (the GUI asks on its own thread), is used
    as given; else it comes from `signing_passphrase`. `org_name` names a new certificate
    (default: `organisation_name(data_dir)`). `by` signs; a mediator cannot be the one whose
    signature creates the certificate (see `require_identity_or_supervisor`).
    """
    import hashlib

    if not is_pdf(pdf_bytes):
        raise DomainError("输入文件不是 PDF：请选择本软件生成的 PDF 文件。")
    require_identity_or_supervisor(data_dir, by)
    if passphrase is None:
        passphrase = signing_passphrase(data_dir, interactive=interactive, prompt=prompt)
    identity, created = ensure_identity(data_dir, org_name, passphrase=passphrase, now=now)
    signer = load_signer(data_dir, passphrase)
    signed = sign_pdf(
        pdf_bytes,
        signer,
        location=location,
        signing_time=now,
        reason=reason,
        visible_stamp=seal_png,
    )
    return SignResult(
        pdf=signed,
        sha256=hashlib.sha256(signed).hexdigest(),
        signer=identity.subject,
        certificate_sha256=identity.fingerprint_sha256,
        identity_created=created,
    )


def verify_document(
    pdf_bytes: bytes,
    *,
    data_dir: Path | None = None,
    trusted_certs: tuple[bytes, ...] = (),
) -> VerifyReport:
    """Verify a PDF; with a data dir, also name the organisation's certificate and the record."""
    fingerprints: tuple[str, ...] = ()
    lookup: LookupRecord | None = None
    if data_dir is not None:
        if identity_exists(data_dir):
            fingerprints = (read_identity(data_dir).fingerprint_sha256,)
        lookup = record_lookup_provider(Path(data_dir))
    problems: list[str] = []

    def guarded_lookup(sha256: str) -> dict[str, Any] | None:
        assert lookup is not None
        try:
            return lookup(sha256)
        except DomainError as error:  # e.g. the encrypted store needs a passphrase
            problems.append(f"未能核对案件库记录：{error}")
            return None

    report = verify_pdf(
        pdf_bytes,
        trusted_certs=trusted_certs,
        org_fingerprints=fingerprints,
        lookup_record=guarded_lookup if lookup is not None else None,
    )
    if problems:
        report = dataclasses.replace(report, store_checked=False, notes=(*report.notes, *problems))
    return report


def identity_ready(data_dir: Path) -> bool:
    """True when the organisation's key and certificate exist (no first set-up needed)."""
    return identity_exists(data_dir)


def save_document(path: Path, data: bytes) -> None:
    """Write a document atomically (temp file, fsync, replace); DomainError when it fails."""
    try:
        write_atomically(Path(path), data)
    except OSError as error:
        raise DomainError(f"无法写入文件 {path}：{error}。请检查目录是否存在且可写。") from error
