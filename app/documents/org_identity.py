"""The organisation's signing identity: an EC P-256 key and its X.509 certificate on disk.

Files under `<data_dir>/signing/`:

- `org-key.pem`: the private key, PKCS#8 PEM encrypted with the passphrase;
- `org-cert.pem`: the signer's certificate (self-signed at first set-up, or a CA's);
- `org-chain.pem`: intermediate/root certificates from an imported PKCS#12 (optional).

Every file is written to a temporary file, fsynced, then moved into place.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from app.domain.errors import DomainError
from app.fsutil import write_atomically

SIGNING_DIR = "signing"
KEY_FILE = "org-key.pem"
CERT_FILE = "org-cert.pem"
CHAIN_FILE = "org-chain.pem"
VALIDITY = timedelta(days=3652)  # ten years
BACKDATE = timedelta(minutes=5)  # tolerate a verifier whose clock is a little behind


@dataclass(frozen=True)
class Identity:
    """Where the organisation's key and certificate are, and what the certificate says."""

    key_path: Path
    cert_path: Path
    subject: str
    common_name: str
    fingerprint_sha256: str
    not_before: datetime
    not_after: datetime
    self_signed: bool


def signing_dir(data_dir: Path) -> Path:
    return Path(data_dir) / SIGNING_DIR


def identity_exists(data_dir: Path) -> bool:
    folder = signing_dir(data_dir)
    return (folder / KEY_FILE).is_file() and (folder / CERT_FILE).is_file()


def _check_passphrase(passphrase: str) -> bytes:
    if not passphrase:
        raise DomainError("签名密钥口令不能为空：请设置口令后重试。")
    return passphrase.encode("utf-8")


def _org_name(org_name: str) -> str:
    name = org_name.strip()
    if not name:
        raise DomainError("组织名称不能为空：请在设置中填写调解组织的名称。")
    if len(name) > 64:  # X.520 upper bound for CN and O
        raise DomainError("组织名称过长（证书中最多 64 个字符）：请缩短组织名称。")
    return name


def _self_signed_certificate(key: Any, org_name: str, now: datetime) -> Any:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.x509.oid import NameOID

    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, org_name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, org_name),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
        ]
    )
    usage = x509.KeyUsage(
        digital_signature=True,
        content_commitment=True,  # nonRepudiation
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )
    public = key.public_key()
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - BACKDATE)
        .not_valid_after(now + VALIDITY)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(usage, critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
    )
    return builder.sign(key, hashes.SHA256())


def _key_pem(key: Any, passphrase: str) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(_check_passphrase(passphrase)),
        )
    )


def _cert_pem(*certs: Any) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return b"".join(cert.public_bytes(serialization.Encoding.PEM) for cert in certs)


def create_org_identity(
    data_dir: Path, org_name: str, passphrase: str, *, now: datetime | None = None
) -> Identity:
    """Create an EC P-256 key and a ten-year self-signed certificate for the organisation."""
    from cryptography.hazmat.primitives.asymmetric import ec

    name = _org_name(org_name)
    moment = now or datetime.now(UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    cert = _self_signed_certificate(key, name, moment)
    folder = signing_dir(data_dir)
    write_atomically(folder / KEY_FILE, _key_pem(key, passphrase))
    write_atomically(folder / CERT_FILE, _cert_pem(cert))
    (folder / CHAIN_FILE).unlink(missing_ok=True)
    return read_identity(data_dir)


def import_pkcs12(path: Path, p12_password: str, data_dir: Path, passphrase: str) -> Identity:
    """Take the key and certificate (and chain) from a CA's PKCS#12 file, replacing any identity.

    Documents signed before keep verifying: each signature carries its own certificate.
    """
    from cryptography.hazmat.primitives.serialization import pkcs12

    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise DomainError(f"无法读取证书文件 {path}：{error}") from error
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(
            data, p12_password.encode("utf-8") if p12_password else None
        )
    except ValueError as error:
        raise DomainError(
            f"无法打开证书文件 {path}：文件不是 PKCS#12（.p12/.pfx）或证书密码不正确。"
        ) from error
    if key is None or cert is None:
        raise DomainError(f"证书文件 {path} 中没有私钥或证书：请索取含私钥的 .p12 文件。")
    folder = signing_dir(data_dir)
    write_atomically(folder / KEY_FILE, _key_pem(key, passphrase))
    write_atomically(folder / CERT_FILE, _cert_pem(cert))
    if extra:
        write_atomically(folder / CHAIN_FILE, _cert_pem(*extra))
    else:
        (folder / CHAIN_FILE).unlink(missing_ok=True)
    return read_identity(data_dir)


def _missing_identity(data_dir: Path) -> DomainError:
    return DomainError(
        f"数据目录 {data_dir} 中还没有组织的签名证书：请先完成初始设置（创建或导入证书）。"
    )


def read_identity(data_dir: Path) -> Identity:
    """What the stored certificate says (no passphrase needed)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization
    from cryptography.x509.oid import NameOID

    folder = signing_dir(data_dir)
    if not identity_exists(data_dir):
        raise _missing_identity(data_dir)
    cert = x509.load_pem_x509_certificate((folder / CERT_FILE).read_bytes())
    cns = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    der = cert.public_bytes(serialization.Encoding.DER)
    return Identity(
        key_path=folder / KEY_FILE,
        cert_path=folder / CERT_FILE,
        subject=cert.subject.rfc4514_string(),
        common_name=str(cns[0].value) if cns else "",
        fingerprint_sha256=hashlib.sha256(der).hexdigest(),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        self_signed=cert.issuer == cert.subject,
    )


def load_key_and_certs(data_dir: Path, passphrase: str) -> tuple[Any, Any, list[Any]]:
    """The private key, the signer's certificate and its chain (cryptography objects)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    folder = signing_dir(data_dir)
    if not identity_exists(data_dir):
        raise _missing_identity(data_dir)
    try:
        key = serialization.load_pem_private_key(
            (folder / KEY_FILE).read_bytes(), password=_check_passphrase(passphrase)
        )
    except (ValueError, TypeError) as error:
        raise DomainError(
            "签名密钥口令不正确，无法打开组织的签名密钥：请检查口令"
            "（或环境变量 MEDIATION_DESK_PASSPHRASE）后重试。"
        ) from error
    cert = x509.load_pem_x509_certificate((folder / CERT_FILE).read_bytes())
    chain_path = folder / CHAIN_FILE
    chain = x509.load_pem_x509_certificates(chain_path.read_bytes()) if chain_path.is_file() else []
    return key, cert, chain
