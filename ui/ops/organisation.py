"""The organisation: its profile (mediators, seal picture), its certificate and keys."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.errors import DomainError
from ui.ops import in_store
from ui.tasks import Op, op

if TYPE_CHECKING:
    from app.services.context import AppContext
    from app.services.organisation.accounts import SignedIn
    from app.services.organisation.certificate import CertificateInfo, KeyringState
    from app.services.organisation.service import OrganisationProfile
    from ui.services import Core


def profile(core: Core) -> Op[OrganisationProfile]:
    def work(ctx: AppContext) -> OrganisationProfile:
        from app.services.organisation.service import get_profile

        return get_profile(ctx)

    return in_store(core, work)


def save_profile(core: Core, profile: OrganisationProfile, by: SignedIn) -> Op[OrganisationProfile]:
    """Validate and store the whole profile (problems by field: name, mediators…)."""

    def work(ctx: AppContext) -> OrganisationProfile:
        from app.services.organisation.service import save_profile

        return save_profile(ctx, profile, by=by)

    return in_store(core, work)


def seal_picture(path: Path) -> Op[bytes]:
    """The picture at `path` checked and normalised to the PNG the documents print."""

    def work() -> bytes:
        from app.services.organisation.seal_image import normalise_seal

        try:
            data = path.read_bytes()
        except OSError as error:
            raise DomainError(f"无法读取文件 {path}：{error.strerror or error}") from error
        return normalise_seal(data)

    return op(work)


def certificate(data_dir: Path) -> Op[tuple[CertificateInfo | None, KeyringState]]:
    """The organisation's certificate (None: none yet) and whether a keyring works."""

    def work() -> tuple[CertificateInfo | None, KeyringState]:
        from app.services.organisation.certificate import certificate_info, keyring_state

        return certificate_info(data_dir), keyring_state(data_dir)

    return op(work)


def create_certificate(
    core: Core, name: str, passphrase: str, by: SignedIn, replace: bool
) -> Op[CertificateInfo]:
    """A new key and self-signed certificate named after the organisation."""

    def work(ctx: AppContext) -> CertificateInfo:
        from app.services.organisation.certificate import create_certificate

        return create_certificate(ctx, name, passphrase, by=by, replace=replace)

    return in_store(core, work)


def import_certificate(
    core: Core, p12: Path, secret: str, passphrase: str, by: SignedIn
) -> Op[CertificateInfo]:
    """A certificate authority's PKCS#12 file, replacing any identity."""

    def work(ctx: AppContext) -> CertificateInfo:
        from app.services.organisation.certificate import import_certificate

        return import_certificate(ctx, p12, secret, passphrase, by=by)

    return in_store(core, work)
