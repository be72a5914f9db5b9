"""The office server's schema: mediators, devices, leases, case rows, feeds, conflicts, blobs.

Revision ID: s0001
Revises:
Create Date: 2026-12-02

- `case_record`: one per case: its number, status, batch, lease (holder, epoch) and version;
  `case_row`: every synced row of a case (the case row itself too) as JSON by uid, with the
  SHA-256 of its body, a tombstone flag and which device/incarnation/seq wrote it last.
- `mediator_feed` + `feed_head`: per mediator a gap-free feed; writers lock the head row
  `FOR UPDATE`, so positions become visible in order (a bigserial could skip rows).
- `sync_batch`: the stored response of every push (a repeated request gets it again).
- `sync_conflict`: what needs a person (stale edits, late facts, integrity alarms …).
- `audit_stream` / `audit_head`: each device's audit chain, verified link by link.
- `blob` / `blob_chunk`: content-addressed bytes, received in resumable chunks.
"""

from __future__ import annotations

from alembic import op

revision = "s0001"
down_revision = None
branch_labels = None
depends_on = None

SCHEMA = """
CREATE TABLE server_instance (
    id uuid PRIMARY KEY, epoch integer NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE server_secret (
    name text PRIMARY KEY, value bytea NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE mediator (
    id bigserial PRIMARY KEY, name text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE feed_head (
    mediator_id bigint PRIMARY KEY REFERENCES mediator, pos bigint NOT NULL DEFAULT 0);
CREATE TABLE enrolment_code (
    code_id text PRIMARY KEY, code_hash text NOT NULL, mediator_id bigint NOT NULL
    REFERENCES mediator, created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL, used_at timestamptz, attempts integer NOT NULL DEFAULT 0);
CREATE TABLE device (
    id uuid PRIMARY KEY, code text NOT NULL UNIQUE, mediator_id bigint NOT NULL
    REFERENCES mediator, sign_pub bytea NOT NULL, enc_pub bytea NOT NULL,
    enrolled_at timestamptz NOT NULL DEFAULT now(), last_seen_at timestamptz,
    incarnation uuid, protocol text NOT NULL DEFAULT '', app_version text NOT NULL DEFAULT '',
    client_time timestamptz, skew_seconds double precision, revoked_at timestamptz,
    cursor bigint NOT NULL DEFAULT 0, bundle_seq_out bigint NOT NULL DEFAULT 0,
    acked_incarnation uuid, acked_seq bigint NOT NULL DEFAULT 0);
CREATE TABLE device_token (
    token_hash text PRIMARY KEY, device_id uuid NOT NULL REFERENCES device,
    expires_at timestamptz NOT NULL);
CREATE TABLE auth_nonce (
    nonce text PRIMARY KEY, device_id uuid NOT NULL REFERENCES device,
    expires_at timestamptz NOT NULL);
CREATE TABLE number_counter (year integer PRIMARY KEY, last_seq integer NOT NULL);
CREATE TABLE number_block (
    id bigserial PRIMARY KEY, device_id uuid NOT NULL REFERENCES device, year integer NOT NULL,
    first_seq integer NOT NULL, last_seq integer NOT NULL,
    issued_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE case_record (
    uid uuid PRIMARY KEY, case_no text NOT NULL, status text NOT NULL, batch text NOT NULL
    DEFAULT '', holder_id bigint REFERENCES mediator, epoch integer NOT NULL DEFAULT 0,
    version bigint NOT NULL DEFAULT 1, origin_device uuid, legacy boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by_device uuid);
CREATE UNIQUE INDEX uq_case_record_case_no ON case_record (case_no) WHERE NOT legacy;
CREATE INDEX ix_case_record_case_no ON case_record (case_no);
CREATE INDEX ix_case_record_batch ON case_record (batch, case_no);
CREATE INDEX ix_case_record_holder ON case_record (holder_id);
CREATE TABLE case_row (
    uid uuid PRIMARY KEY, case_uid uuid NOT NULL REFERENCES case_record, entity text NOT NULL,
    body jsonb, sha256 text NOT NULL, deleted boolean NOT NULL DEFAULT false,
    version bigint NOT NULL, src_device uuid, src_incarnation uuid, src_seq bigint,
    late boolean NOT NULL DEFAULT false, updated_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX ix_case_row_case_uid ON case_row (case_uid);
CREATE TABLE mediator_feed (
    mediator_id bigint NOT NULL REFERENCES mediator, pos bigint NOT NULL,
    case_uid uuid NOT NULL, kind text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (mediator_id, pos));
CREATE TABLE sync_batch (
    batch_id uuid PRIMARY KEY, device_id uuid, response jsonb,
    created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE sync_conflict (
    id bigserial PRIMARY KEY, case_uid uuid, case_no text NOT NULL DEFAULT '',
    kind text NOT NULL, entity text NOT NULL DEFAULT '', row_uid uuid, device_id uuid,
    mediator text NOT NULL DEFAULT '', epoch integer, server_value jsonb, device_value jsonb,
    detail jsonb NOT NULL DEFAULT '{}', created_at timestamptz NOT NULL DEFAULT now(),
    resolved_at timestamptz, resolved_by text, resolution text);
CREATE INDEX ix_sync_conflict_open ON sync_conflict (created_at) WHERE resolved_at IS NULL;
CREATE UNIQUE INDEX uq_sync_conflict_once ON sync_conflict (kind, row_uid, device_id, md5(
    coalesce(device_value::text, ''))) WHERE row_uid IS NOT NULL;
CREATE TABLE audit_stream (
    device_id uuid NOT NULL, incarnation uuid NOT NULL, seq bigint NOT NULL, at text NOT NULL,
    actor text NOT NULL, case_id bigint, case_uid uuid, action text NOT NULL,
    detail jsonb NOT NULL, prev_hash text NOT NULL, hash text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (device_id, incarnation, seq));
CREATE TABLE audit_head (
    device_id uuid NOT NULL, incarnation uuid NOT NULL, seq bigint NOT NULL, hash text NOT NULL,
    PRIMARY KEY (device_id, incarnation));
CREATE TABLE blob (
    sha256 text PRIMARY KEY, size bigint NOT NULL, received bigint NOT NULL DEFAULT 0,
    complete boolean NOT NULL DEFAULT false, created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE blob_chunk (
    sha256 text NOT NULL REFERENCES blob ON DELETE CASCADE, "offset" bigint NOT NULL,
    data bytea NOT NULL, PRIMARY KEY (sha256, "offset"));
CREATE TABLE bundle_seen (
    bundle_id uuid PRIMARY KEY, sender text NOT NULL, sender_seq bigint NOT NULL,
    incarnation uuid, max_seq bigint NOT NULL DEFAULT 0,
    imported_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE office_event (
    id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), actor text NOT NULL,
    action text NOT NULL, case_uid uuid, detail jsonb NOT NULL DEFAULT '{}');
"""

TABLES = (
    "office_event", "bundle_seen", "blob_chunk", "blob", "audit_head", "audit_stream",
    "sync_conflict", "sync_batch", "mediator_feed", "case_row", "case_record", "number_block",
    "number_counter", "auth_nonce", "device_token", "device", "enrolment_code", "feed_head",
    "mediator", "server_secret", "server_instance",
)


def upgrade() -> None:
    op.execute(SCHEMA)


def downgrade() -> None:
    for table in TABLES:
        op.execute(f"DROP TABLE {table}")
