"""`python -m app key status | recovery-code`: how the case store is encrypted.

key status          keyring or passphrase, the KDF, whether the store is encrypted
key recovery-code   the store's key as a recovery code: print it and lock it away;
                    with it a backup opens on another computer (backup restore
                    --recovery-code). Anyone holding it can read the backups.
"""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.output import print_json

MODES = {"keyring": "系统钥匙串（随机密钥）", "passphrase": "口令（Argon2id 派生密钥）"}


def run_status(args: argparse.Namespace) -> int:
    from app.services.context import resolve_data_dir
    from app.services.unlock import key_status

    status = key_status(resolve_data_dir(args.data_dir))
    if args.json:
        print_json(status)
        return 0
    print(f"数据目录：{status.data_dir}")
    print(f"密钥保存方式：{MODES.get(status.mode or '', '尚未创建')}")
    if status.kdf:
        print(f"密钥派生：{status.kdf}")
    print(f"案件库已加密：{'是' if status.encrypted else '否'}")
    return 0


def run_recovery_code(args: argparse.Namespace) -> int:
    from app.services.context import resolve_data_dir
    from app.services.unlock import recovery_code

    code = recovery_code(resolve_data_dir(args.data_dir))
    print("恢复码（请打印后锁好；持有它的人能打开本机的备份）：", flush=True)
    print(code)
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("key", help="database encryption: status, recovery code")
    actions = parser.add_subparsers(dest="key_command", metavar="ACTION", required=True)
    status = actions.add_parser("status", help="how the case store's key is kept")
    status.add_argument("--json", action="store_true", help="print JSON")
    status.set_defaults(handler=run_status)
    code = actions.add_parser("recovery-code", help="show the key as a recovery code")
    code.set_defaults(handler=run_recovery_code)
