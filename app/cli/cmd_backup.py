"""`python -m app backup create | list | restore FILE | settings`: encrypted backups.

    backup create [--to DIR] [--json]        a backup now (default folder: the chosen one,
                                              else <data dir>/backups)
    backup list [--from DIR] [--json]        newest first
    backup restore FILE [--recovery-code -]  checked first; the current store is backed up
                                              (the code is read from stdin, never an argument)
    backup settings [--to DIR] [--keep N]    the folder and count of the daily backups

Exit 2 with the reason on stderr when a backup is damaged, truncated, from a newer version
or made with another key; nothing is changed then.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.output import print_json
from app.domain.errors import InputError, Problem

KIB = 1024
CODE_IN_ARGUMENTS = (
    "恢复码不能写在命令行上：命令行参数会留在 shell 历史中，本机其他用户也能在进程列表里看到。"
    "请写 --recovery-code -，再在下一行输入恢复码（或用管道从文件读入）。没有恢复任何内容。"
)


def _size(n: int) -> str:
    return f"{n / KIB / KIB:.1f} MB" if n >= KIB * KIB else f"{max(1, n // KIB)} KB"


def run_create(args: argparse.Namespace) -> int:
    from app.services.context import open_context
    from app.services.maintenance.backup import create_backup

    with open_context(args.data_dir, actor="backup") as ctx:
        result = create_backup(ctx, to=args.to)
    if args.json:
        print_json(result)
    else:
        print(f"已备份（已加密）：{result.path}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from app.services.maintenance.backup import list_data_dir_backups

    entries = list_data_dir_backups(args.data_dir, args.source)
    if args.json:
        print_json(entries)
        return 0
    if not entries:
        print("还没有备份。")
    for entry in entries:
        stamp = entry.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"{stamp}  {_size(entry.size_bytes):>9}  {entry.label or '-':<16} {entry.path}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from app.services.maintenance.restore import restore_backup
    from app.services.organisation.accounts import key_holder

    code = args.recovery_code
    if code is not None and code != "-":  # never in the arguments: every user can read them
        raise InputError([Problem("--recovery-code", CODE_IN_ARGUMENTS)])
    if code == "-":  # read from stdin: the code stays out of the shell history
        code = sys.stdin.readline().strip()
    by = key_holder()  # whoever holds the store's key may restore it (see docs/security.md)
    result = restore_backup(args.data_dir, args.file, recovery_code=code, by=by)
    if args.json:
        print_json(result)
        return 0
    print(f"已从备份恢复：{result.restored_from}（版本 {result.revision}，{result.cases} 个案件）")
    if result.safety_backup is not None:
        print(f"恢复前的案件库已备份到：{result.safety_backup}")
    if result.signing_restored:
        print("组织的签名密钥和证书已一并恢复。")
    for note in result.notes:
        print(f"注意：{note}", file=sys.stderr)
    return 0


def run_settings(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from app.services.context import resolve_data_dir
    from app.services.maintenance.backup import backup_settings, save_backup_settings

    folder = resolve_data_dir(args.data_dir)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    settings = backup_settings(folder)
    if args.to is not None:
        settings = replace(settings, folder=args.to.expanduser().resolve())
    if args.keep is not None:
        settings = replace(settings, keep_daily=args.keep)
    if args.to is not None or args.keep is not None:
        save_backup_settings(folder, settings)
    if args.json:
        print_json(settings)
    else:
        where = settings.folder or folder / "backups"
        print(f"每日自动备份到：{where}，保留最近 {settings.keep_daily} 份")
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("backup", help="encrypted backups: create, list, restore")
    actions = parser.add_subparsers(dest="backup_command", metavar="ACTION", required=True)
    create = actions.add_parser("create", help="back up the case store now")
    create.add_argument("--to", type=Path, default=None, metavar="DIR", help="backup folder")
    create.set_defaults(handler=run_create)
    listing = actions.add_parser("list", help="list backups, newest first")
    listing.add_argument(
        "--from", dest="source", type=Path, default=None, metavar="DIR", help="backup folder"
    )
    listing.set_defaults(handler=run_list)
    restore = actions.add_parser("restore", help="replace the case store with a backup")
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.add_argument(
        "--recovery-code",
        default=None,
        metavar="CODE",
        help="for a backup made on another computer: '-', then type the code (read from "
        "stdin; never in the arguments, which other users can see)",
    )
    restore.set_defaults(handler=run_restore)
    settings = actions.add_parser("settings", help="folder and count of daily backups")
    settings.add_argument("--to", type=Path, default=None, metavar="DIR")
    settings.add_argument("--keep", type=int, default=None, metavar="N")
    settings.set_defaults(handler=run_settings)
    for action in (create, listing, restore, settings):
        action.add_argument("--json", action="store_true", help="print JSON")
