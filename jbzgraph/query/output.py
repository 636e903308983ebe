"""Query rows as CSV, JSON or a terminal table."""

import csv
import io
import json

from rich.console import Console
from rich.table import Table


def format_rows(columns: list[str], rows: list[list[str]], fmt: str) -> str:
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
        return buf.getvalue()
    if fmt == "json":
        return json.dumps([dict(zip(columns, r)) for r in rows], ensure_ascii=False, indent=2) + "\n"
    if fmt == "table":
        table = Table(*columns, show_lines=False)
        for r in rows:
            table.add_row(*r)
        console = Console(file=io.StringIO(), width=200, record=True)
        console.print(table)
        console.print(f"{len(rows)} rows")
        return console.export_text()
    raise ValueError(f"unknown format {fmt!r}: use csv, json or table")
