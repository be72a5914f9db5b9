"""Batch intake: a lender's spreadsheet of overdue loans becomes cases (spec: intake.md).

    report = check_file(ctx, Path("滨江消金.xlsx"), IntakeOptions(creditor="…"))   # dry run
    report = import_file(ctx, Path("滨江消金.xlsx"), IntakeOptions(...))           # writes

Modules: `fields` (the template's fields and accepted headers), `reader` (xlsx/xls/ods
through python-calamine, CSV in UTF-8 or GB18030 detected), `layout` (the header row, the
column mapping, merged header cells), `cells` (a cell's value as text, with the classic
spreadsheet traps named), `rows` (a row checked by the new-case dialog's own validation),
`payments` (the optional repayment sheet), `service` (dry run and import), `writer`
(chunks that commit whole), `batches` (list, withdraw, assign), `summary` (claimed against
lawful totals), `mappings` (a lender's column mapping, saved per creditor).
"""
