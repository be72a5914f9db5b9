"""App-lock accounts, their wrong-password counts, and small app settings.

- `account`: who may open the app, with the role `mediator` (works cases) or `supervisor`
  (also manages the organisation profile, certificates, accounts and the LPR table); the
  password only as an Argon2id hash string.
- `login_throttle`: consecutive wrong passwords per user name (also for names that have
  no account, so trying names reveals nothing), kept in the store so that restarting the
  app does not reset the back-off.
- `app_setting`: name → text value (e.g. the idle minutes before the app locks).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.vocab import ACCOUNT_ROLES
from app.store.base import Base, one_of
from app.store.types import UTCDateTime


class Account(Base):
    __tablename__ = "account"
    __table_args__ = (one_of("role", ACCOUNT_ROLES, "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(50), unique=True)
    display_name: Mapped[str] = mapped_column(String(50), default="")
    role: Mapped[str] = mapped_column(String(16), default="mediator")
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    password_changed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class LoginThrottle(Base):
    __tablename__ = "login_throttle"

    username: Mapped[str] = mapped_column(String(50), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failure_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class AppSetting(Base):
    __tablename__ = "app_setting"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
