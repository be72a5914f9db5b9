"""The organisation's certificate as Settings shows and changes it.

    info = certificate_info(data_dir)            # None before the first set-up
    info = create_certificate(ctx, "某调解委员会", passphrase, by=user)
    info = import_certificate(ctx, Path("org.p12"), "p12 password", passphrase, by=user)

The passphrase comes from `app.services.organisation.signing.signing_passphrase` (keyring,
environment or the user). Creating or importing a certificate is recorded in the audit log
with its fingerprint, so the log says which certificate signed when. Both are a supervisor's
(`by` needs the "certificates" permission; the CLI passes `accounts.key_holder()`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.documents.org_identity import (
    Identity,
    create_org_identity,
    identity_exists,
    import_pkcs12,
    read_identity,
)
from app.security.secrets import SecretStore
from app.services.context import AppContext
from app.services.organisation.accounts import SignedIn, require
from app.services.organisation.signing import PASSPHRASE_SECRET, ensure_identity


@dataclass(frozen=True)
class CertificateInfo:
    """What the organisation's certificate says, and where its key's passphrase is kept."""

    subject: str
    common_name: str
    fingerprint_sha256: str
    not_before: datetime
    not_after: datetime
    self_signed: bool
    passphrase_in_keyring: bool


@dataclass(frozen=True)
class KeyringState:
    """Whether an OS keyring works here, and whether it holds the signing passphrase."""

    available: bool
    holds_passphrase: bool


def keyring_state(data_dir: Path) -> KeyringState:
    store = SecretStore(scope=str(data_dir))
    if not store.keyring_available():
        return KeyringState(False, False)
    return KeyringState(True, bool(store.get(PASSPHRASE_SECRET)))


def _info(identity: Identity, data_dir: Path) -> CertificateInfo:
    return CertificateInfo(
        subject=identity.subject,
        common_name=identity.common_name,
        fingerprint_sha256=identity.fingerprint_sha256,
        not_before=identity.not_before,
        not_after=identity.not_after,
        self_signed=identity.self_signed,
        passphrase_in_keyring=keyring_state(data_dir).holds_passphrase,
    )


def certificate_info(data_dir: Path) -> CertificateInfo | None:
    """The organisation's certificate in `data_dir`, or None before the first set-up."""
    if not identity_exists(data_dir):
        return None
    return _info(read_identity(data_dir), data_dir)


def create_certificate(
    ctx: AppContext, org_name: str, passphrase: str, *, by: SignedIn, replace: bool = False
) -> CertificateInfo:
    """A new key and ten-year self-signed certificate named after the organisation.

    Without `replace` an existing identity is kept and returned. Documents signed with an
    earlier certificate keep verifying: each signature carries its own certificate.
    """
    require(by, "certificates")
    data_dir = ctx.data_dir
    if replace and identity_exists(data_dir):
        identity = create_org_identity(data_dir, org_name, passphrase, now=ctx.now())
        created = True
    else:
        identity, created = ensure_identity(
            data_dir, org_name, passphrase=passphrase, now=ctx.now()
        )
    if created:
        _audit(ctx, by, "organisation.certificate_created", identity)
    return _info(identity, data_dir)


def import_certificate(
    ctx: AppContext, p12_path: Path, p12_password: str, passphrase: str, *, by: SignedIn
) -> CertificateInfo:
    """Take a certificate authority's PKCS#12 (.p12/.pfx), replacing any identity."""
    require(by, "certificates")
    identity = import_pkcs12(p12_path, p12_password, ctx.data_dir, passphrase)
    _audit(ctx, by, "organisation.certificate_imported", identity)
    return _info(identity, ctx.data_dir)


def _audit(ctx: AppContext, by: SignedIn, action: str, identity: Identity) -> None:
    with ctx.store.write(by.username, ctx.now()) as uow:
        uow.record(
            action,
            detail={
                "subject": identity.subject,
                "certificate_sha256": identity.fingerprint_sha256,
                "self_signed": identity.self_signed,
                "not_after": identity.not_after.isoformat(),
            },
        )
