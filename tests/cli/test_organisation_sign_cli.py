"""`python -m app --data-dir D sign` names the certificate after the organisation in Settings."""

from __future__ import annotations

import json
from pathlib import Path

from app.services.organisation.accounts import key_holder
from app.services.organisation.service import OrganisationProfile, save_profile
from app.services.startup import open_context
from tests.cli.test_sign_verify_cli import run_cli
from tests.security_fixtures import TEST_PASSPHRASE
from tests.store_fixtures import make_template
from tests.unit.signing.pdfs import chinese_pdf

ORG = "滨江市金融纠纷人民调解委员会"


def test_sign_uses_the_stored_organisation_name_as_the_certificate_subject(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    make_template(data_dir)
    with open_context(data_dir, actor="测试员") as ctx:
        save_profile(ctx, OrganisationProfile(name=ORG), by=key_holder(ctx))
    source = tmp_path / "协议.pdf"
    source.write_bytes(chinese_pdf())
    out = tmp_path / "协议-已签名.pdf"

    # one passphrase without a keyring: the store's and the signing key's
    done = run_cli("--data-dir", data_dir, "sign", source, "--out", out, passphrase=TEST_PASSPHRASE)

    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["identity_created"] is True
    assert summary["signer"] == f"C=CN,O={ORG},CN={ORG}"
    checked = run_cli("verify", out, "--data-dir", data_dir)
    report = json.loads(checked.stdout)
    assert checked.returncode == 0 and report["intact"] is True
    assert report["signatures"][0]["signer_common_name"] == ORG
    assert report["signatures"][0]["signed_by_organisation"] is True
