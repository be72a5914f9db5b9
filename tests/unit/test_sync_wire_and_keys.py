"""The sync wire (ids, protocol versions, row classes) and the bundle file's crypto."""

from __future__ import annotations

import io
import uuid
import zipfile

import pytest

from app.domain import sync_wire
from app.security import sync_keys
from app.security.sync_keys import BadBundle


def test_uuid7_is_version_7_and_unique() -> None:
    made = [sync_wire.uuid7() for _ in range(1000)]
    assert len(set(made)) == 1000
    assert all(uuid.UUID(u).version == 7 and uuid.UUID(u).variant == uuid.RFC_4122 for u in made)


@pytest.mark.parametrize(("client", "verdict"), [
    ("1.1", "ok"), ("1.0", "upcast"), ("0.9", "too_old"), ("2.0", "too_new"), ("x", "too_old"),
])
def test_protocol_verdicts(client: str, verdict: str) -> None:
    assert sync_wire.protocol_ok(client) == verdict


def test_row_classes_follow_the_table_of_the_study() -> None:
    assert sync_wire.row_class("payment", {}) == "fact"
    assert sync_wire.row_class("signature", {}) == "immutable"
    assert sync_wire.row_class("document", {"status": "draft"}) == "holder"
    assert sync_wire.row_class("document", {"status": "signed"}) == "immutable"
    assert sync_wire.row_class("session", {"ended_at": None}) == "holder"
    assert sync_wire.row_class("session", {"ended_at": "2026-03-01T01:00:00+00:00"}) == "fact"
    assert sync_wire.row_class("settlement", {}, "agreed") == "holder"
    assert sync_wire.row_class("settlement", {}, "signed") == "immutable"


def _bundle(recipient: sync_keys.KeyPair, sender: sync_keys.KeyPair) -> bytes:
    manifest = {"bundle_id": sync_wire.uuid7(), "kind": "to_office", "recipient": "office",
                "sender": {"id": "laptop"}}
    return sync_keys.pack(manifest, {"push": {"groups": [1, 2]}}, sign_private=sender.sign_private,
                          recipient_enc_public=recipient.enc_public)


def test_a_bundle_opens_only_for_its_recipient_from_its_sender() -> None:
    office, laptop, other = sync_keys.new_keys(), sync_keys.new_keys(), sync_keys.new_keys()
    data = _bundle(office, laptop)
    manifest, payload = sync_keys.open_bundle(
        data, sender_sign_public=laptop.sign_public, enc_private=office.enc_private)
    assert payload == {"push": {"groups": [1, 2]}} and manifest["suite"].startswith("HPKE")
    with pytest.raises(BadBundle):  # not from whom it claims
        sync_keys.open_bundle(data, sender_sign_public=other.sign_public,
                              enc_private=office.enc_private)
    with pytest.raises(BadBundle):  # not for us
        sync_keys.open_bundle(data, sender_sign_public=laptop.sign_public,
                              enc_private=other.enc_private)


def test_any_changed_byte_of_a_bundle_is_refused() -> None:
    office, laptop = sync_keys.new_keys(), sync_keys.new_keys()
    data = _bundle(office, laptop)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    for name in parts:
        changed = dict(parts)
        blob = bytearray(changed[name])
        blob[len(blob) // 2] ^= 0x01
        changed[name] = bytes(blob)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            for part, content in changed.items():
                archive.writestr(part, content)
        with pytest.raises(BadBundle):
            sync_keys.open_bundle(out.getvalue(), sender_sign_public=laptop.sign_public,
                                  enc_private=office.enc_private)
    with pytest.raises(BadBundle):
        sync_keys.read_manifest(b"not a zip")


def test_the_enrolment_proof_needs_the_code() -> None:
    code = "ABCD-EFGH-JKMN-PQRS"
    ca = b"-----BEGIN CERTIFICATE-----..."
    proof = sync_keys.enrol_ca_proof(sync_keys.enrol_code_hash(code), ca)
    assert proof == sync_keys.enrol_ca_proof(sync_keys.enrol_code_hash("abcd efgh jkmn pqrs"), ca)
    assert proof != sync_keys.enrol_ca_proof(sync_keys.enrol_code_hash("ABCD-EFGH-JKMN-PQRT"), ca)
    assert sync_keys.enrol_code_id(code) != sync_keys.enrol_code_hash(code)[:32]
