"""The tables that came with the contact log and the court papers travel with their case:
contact persons and attempts, a privacy notice, case evidence (its file as a
content-addressed blob in several chunks), and they reach the case's next holder."""

from __future__ import annotations

import hashlib
import os
from typing import Any

from app.services.contacts import log as contacts
from app.services.contacts.log import NewContact
from app.services.litigation.evidence import add_evidence, case_evidence, evidence_content
from tests.sync.harness import Office


def test_contacts_and_evidence_reach_the_office_and_the_next_holder(
    office: Office, laptops: Any
) -> None:
    (number,) = office.intake("B1", 1)
    office.assign("B1", "张调解员")
    a = laptops("A")
    a.join("张调解员")
    a.sync()
    contacts.add_contact_person(a.ctx, number, "李梅", "13900001111")
    contacts.add_contact(a.ctx, NewContact(number, "phone", "debtor", "2026-03-01T10:00",
                                           "reached", note="答应周五到场", notice=True))
    data = b"%PDF-1.4\n" + os.urandom(3 * 1024 * 1024 + 17)  # several blob chunks
    add_evidence(a.ctx, data, "借款合同.pdf", "loan_contract", case_no=number, title="借款合同")
    assert a.sync().exit_code == 0 and a.pending() == 0
    rows = office.rows(number)
    assert [p["name"] for p in rows["contact_person"]] == ["李梅"]
    assert [c["note"] for c in rows["contact_attempt"]] == ["答应周五到场"]
    assert len(rows["privacy_notice"]) == 1
    (kept,) = rows["evidence"]
    assert kept["content"] == {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    with office.conn() as conn:
        blob = conn.execute("SELECT size, complete FROM blob WHERE sha256 = %s",
                            (kept["sha256"],)).fetchone()
    assert (blob["size"], blob["complete"]) == (len(data), True)

    office.reassign(number, "李调解员")
    b = laptops("B")
    b.join("李调解员")
    assert b.sync().pulled == 1
    (item,) = case_evidence(b.ctx, number)
    assert evidence_content(b.ctx, item.id) == data
    seen = contacts.list_contacts(b.ctx, number)
    assert [(c.outcome, c.note) for c in seen] == [("reached", "答应周五到场")]
    assert b.audit_ok() == []
