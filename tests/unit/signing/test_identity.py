"""The organisation's key and certificate: created at set-up, imported from a CA, unlocked."""

from __future__ import annotations

import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from app.documents.signing import (
    create_org_identity,
    identity_exists,
    import_pkcs12,
    load_signer,
    sign_pdf,
)
from app.documents.verify import verify_pdf
from app.domain.errors import DomainError
from tests.unit.signing.conftest import ORG, PASSPHRASE
from tests.unit.signing.pdfs import chinese_pdf

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def load_cert(data_dir: Path) -> x509.Certificate:
    return x509.load_pem_x509_certificate((data_dir / "signing" / "org-cert.pem").read_bytes())


def test_created_certificate_names_the_organisation_for_ten_years(data_dir: Path) -> None:
    cert = load_cert(data_dir)
    subject = {a.oid: a.value for a in cert.subject}
    assert subject == {
        NameOID.COMMON_NAME: ORG,
        NameOID.ORGANIZATION_NAME: ORG,
        NameOID.COUNTRY_NAME: "CN",
    }
    assert cert.issuer == cert.subject
    lifetime = cert.not_valid_after_utc - cert.not_valid_before_utc
    assert timedelta(days=3652) <= lifetime <= timedelta(days=3652, minutes=10)
    assert cert.not_valid_before_utc <= NOW < cert.not_valid_after_utc
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage)
    assert usage.critical
    assert usage.value.digital_signature and usage.value.content_commitment
    assert not usage.value.key_cert_sign
    key = cert.public_key()
    assert isinstance(key, ec.EllipticCurvePublicKey) and key.curve.name == "secp256r1"


def test_private_key_is_encrypted_and_private_to_the_user(data_dir: Path) -> None:
    key_file = data_dir / "signing" / "org-key.pem"
    pem = key_file.read_bytes()
    assert pem.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    with pytest.raises(TypeError):
        serialization.load_pem_private_key(pem, password=None)
    key = serialization.load_pem_private_key(pem, password=PASSPHRASE.encode())
    assert key.public_key() == load_cert(data_dir).public_key()


def test_wrong_passphrase_is_a_calm_error(data_dir: Path) -> None:
    with pytest.raises(DomainError, match="口令不正确"):
        load_signer(data_dir, "wrong")
    with pytest.raises(DomainError, match="口令不能为空"):
        load_signer(data_dir, "")


def test_missing_identity_says_to_run_set_up(tmp_path: Path) -> None:
    assert not identity_exists(tmp_path)
    with pytest.raises(DomainError, match="初始设置"):
        load_signer(tmp_path, PASSPHRASE)


@pytest.mark.parametrize("name", ["", "   ", "长" * 65])
def test_organisation_name_must_fit_a_certificate(tmp_path: Path, name: str) -> None:
    with pytest.raises(DomainError, match="组织名称"):
        create_org_identity(tmp_path, name, PASSPHRASE)
    assert not identity_exists(tmp_path)


def signing_usage() -> x509.KeyUsage:
    """digitalSignature only: a CA's document-signing certificate need not say nonRepudiation."""
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )


def ca_and_leaf_p12(password: bytes) -> tuple[bytes, bytes]:
    """A tiny CA and a leaf certificate issued by it, as a PKCS#12 with the CA in the chain."""
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "测试证书颁发机构")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(1)
        .not_valid_before(NOW - timedelta(days=1))
        .not_valid_after(NOW + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    leaf_key = ec.generate_private_key(ec.SECP256R1())
    leaf = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "某调解中心")]))
        .issuer_name(ca_name)
        .public_key(leaf_key.public_key())
        .serial_number(2)
        .not_valid_before(NOW - timedelta(days=1))
        .not_valid_after(datetime(2036, 1, 1, tzinfo=UTC))
        .add_extension(signing_usage(), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    encryption = serialization.BestAvailableEncryption(password)
    p12 = pkcs12.serialize_key_and_certificates(b"org", leaf_key, leaf, [ca], encryption)
    return p12, ca.public_bytes(serialization.Encoding.PEM)


def test_imported_pkcs12_signs_and_chains_to_its_ca(tmp_path: Path) -> None:
    p12, ca_pem = ca_and_leaf_p12(b"p12-password")
    (tmp_path / "org.p12").write_bytes(p12)
    identity = import_pkcs12(tmp_path / "org.p12", "p12-password", tmp_path / "d", PASSPHRASE)
    assert identity.common_name == "某调解中心"
    assert not identity.self_signed
    assert (tmp_path / "d" / "signing" / "org-chain.pem").read_bytes() == ca_pem
    signed = sign_pdf(chinese_pdf(), load_signer(tmp_path / "d", PASSPHRASE))

    untrusted = verify_pdf(signed)
    trusted = verify_pdf(signed, trusted_certs=[ca_pem])
    assert untrusted.intact and trusted.intact
    assert [s.trusted for s in untrusted.signatures] == [False]
    assert [s.trusted for s in trusted.signatures] == [True]
    assert trusted.signatures[0].certificate_sha256 == identity.fingerprint_sha256


def test_pkcs12_with_wrong_password_is_refused(tmp_path: Path) -> None:
    p12, _ca = ca_and_leaf_p12(b"right")
    (tmp_path / "org.p12").write_bytes(p12)
    with pytest.raises(DomainError, match="证书密码不正确"):
        import_pkcs12(tmp_path / "org.p12", "wrong", tmp_path / "d", PASSPHRASE)
    assert not identity_exists(tmp_path / "d")
