"""`python -m app db upgrade | check [--json]`: schema migrations and a health report."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from app.cli.output import print_json

if TYPE_CHECKING:
    from app.services.maintenance.database import DatabaseHealth

EXIT_OK, EXIT_UNHEALTHY = 0, 1


def run_upgrade(args: argparse.Namespace) -> int:
    from app.services.maintenance.database import upgrade_database

    report = upgrade_database(args.data_dir)
    if not report.changed:
        print(f"案件库已是最新版本（{report.to_revision}）：{report.db_path}")
    elif report.from_revision is None:
        print(f"已新建案件库（版本 {report.to_revision}）：{report.db_path}")
    else:
        print(
            f"案件库已从版本 {report.from_revision} 升级到 {report.to_revision}：{report.db_path}"
        )
        print(f"升级前的备份：{report.backup}")
    return EXIT_OK


def describe(health: DatabaseHealth) -> list[str]:
    """The report a person reads, one finding a line."""
    if not health.exists:
        return [
            f"案件库：{health.db_path}",
            "没有找到案件库文件。运行 `db upgrade` 新建一个。",
            "结论：不健康",
        ]
    fk = "；".join(health.foreign_key_violations) or "无问题"
    audit = "；".join(health.audit_problems) or "完整"
    newest = (
        "（最新）"
        if health.current_revision == health.head_revision
        else (f"（本程序的最新版本为 {health.head_revision}，运行 `db upgrade` 升级）")
    )
    lines = [
        f"案件库：{health.db_path}",
        f"完整性检查（integrity_check）：{'；'.join(health.integrity)}",
        f"外键检查（foreign_key_check）：{fk}",
        f"数据库版本：{health.current_revision or '无'}{newest}",
        f"日志模式：{health.journal_mode}",
        f"审计链：{audit}",
    ]
    if health.cases is not None:
        lines.append(f"案件数：{health.cases}")
    lines.append("结论：健康" if health.healthy else "结论：不健康")
    return lines


def run_check(args: argparse.Namespace) -> int:
    from app.services.maintenance.database import check_database

    health = check_database(args.data_dir)
    if args.json:
        print_json(health)
    else:
        print("\n".join(describe(health)))
    return EXIT_OK if health.healthy else EXIT_UNHEALTHY


def register(sub: Any) -> None:
    parser = sub.add_parser("db", help="case store: upgrade the schema, check its health")
    actions = parser.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    upgrade = actions.add_parser("upgrade", help="create or upgrade the database (backup first)")
    upgrade.set_defaults(handler=run_upgrade)
    check = actions.add_parser(
        "check", help="integrity, foreign keys, schema revision, audit chain (exit 1 if unhealthy)"
    )
    check.add_argument("--json", action="store_true", help="print the report as JSON")
    check.set_defaults(handler=run_check)
