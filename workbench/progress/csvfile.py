"""Measurements in a CSV file, as councils keep them in a spreadsheet: read with every row checked, and written.

Reading accepts what Excel and LibreOffice write: UTF-8 with or without a byte order mark, `;` or `,` between
fields (or a tab), a decimal comma, percentages written with `%`, thousands separators, and a year (2024) or an ISO
date (2024-06-30) for when a value was measured. In a file with semicolons (a European spreadsheet) the comma is the
decimal sign and a dot before three digits separates thousands (11.900 is eleven thousand nine hundred); with
commas between fields, a quoted "1,250" is a thousand and more and "12,5" twelve and a half. One bad row and the whole file is refused: every problem is
named by its row and column, and nothing is stored. Pure Python; the views and the tests hand it bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from dataclasses import dataclass

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 10_000
MAX_ERRORS = 20  # more than this and the list stops: the file needs fixing as a whole
VALUE_MAX = 10**15
SOURCE_MAX = 500
NOTE_MAX = 1000

# Header names people write for each column, compared without case, spaces, dashes or underscores.
COLUMNS = {
    "metric": ("metric", "metricid", "id", "indicator"),
    "date": ("date", "year", "period", "when", "measuredon"),
    "value": ("value", "figure", "amount"),
    "source": ("source", "citation"),
    "note": ("note", "notes", "comment"),
}
REQUIRED = ("metric", "date", "value")
EXPORT_HEADER = ["metric", "metric_name", "date", "value", "unit", "source", "note", "entered_by", "entered_at"]

_YEAR = re.compile(r"^\d{4}$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NUMBER = re.compile(r"^[+-]?(\d+|\d{1,3}(?:[ .,']\d{3})+)?(?:[.,]\d+)?$")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the file: the row (as a spreadsheet numbers it, header = 1), the column and what."""

    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column “{self.column}”")
        text = ", ".join(where)
        return f"{text[:1].upper()}{text[1:]}: {self.message}" if where else self.message


class CsvInvalid(ValueError):
    """The file cannot be imported; `problems` names each bad row and column."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


@dataclass(frozen=True)
class Row:
    """One measurement read from the file."""

    line: int
    metric: str  # the metric's id in the canvas
    year: int
    date: dt.date | None
    value: float
    source: str
    note: str


def _key(name: str) -> str:
    return re.sub(r"[\s_\-]+", "", name.strip().lower())


def decode(data: bytes) -> str:
    """The file's text; UTF-8 with or without a byte order mark."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CsvInvalid(
            [
                Problem(
                    None,
                    None,
                    f"the file is not UTF-8 text (byte {error.start + 1} cannot be read). In Excel choose "
                    "“CSV UTF-8 (comma delimited)” when saving; in LibreOffice choose the UTF-8 character set.",
                )
            ]
        ) from None


def _dialect(text: str) -> str:
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=";,\t").delimiter
    except csv.Error:
        header = text.splitlines()[0] if text.strip() else ""
        return max(";,\t", key=header.count)


def parse_value(text: str, *, delimiter: str) -> float:
    """A number as a spreadsheet writes it: "12,5 %", "1.250,75", "1,250.75", "-3"; raises ValueError."""
    raw = text.replace("\u00a0", " ").replace("\u202f", " ").strip()
    if raw.endswith("%"):
        raw = raw[:-1].strip()
    raw = raw.replace("−", "-")  # the minus sign typesetters use
    if not raw or not _NUMBER.match(raw):
        raise ValueError(f"“{text.strip()}” is not a number")
    sign = -1 if raw.startswith("-") else 1
    raw = raw.lstrip("+-").replace(" ", "").replace("'", "")
    if "," in raw and "." in raw:
        # The separator written last is the decimal one: 1.250,75 and 1,250.75 both mean one thousand and more.
        decimal = "," if raw.rfind(",") > raw.rfind(".") else "."
        raw = raw.replace("." if decimal == "," else ",", "").replace(",", ".")
    elif "," in raw:
        groups = raw.split(",")
        thousands = (
            delimiter != ";" and len(groups) > 1 and all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3
        )
        raw = raw.replace(",", "") if thousands else raw.replace(",", ".")
    elif raw.count(".") > 1 or (delimiter == ";" and re.fullmatch(r"\d{1,3}(\.\d{3})+", raw)):
        # 1.250.000, or 11.900 in a file with semicolons (a European spreadsheet): dots between thousands.
        raw = raw.replace(".", "")
    value = sign * float(raw)
    if not math.isfinite(value) or abs(value) > VALUE_MAX:
        raise ValueError(f"“{text.strip()}” is larger than the largest value a metric holds ({VALUE_MAX:,})")
    return value


def parse_when(text: str, *, year_min: int = 1900, year_max: int = 2200) -> tuple[int, dt.date | None]:
    """A year ("2024") or an ISO date ("2024-06-30"); raises ValueError with the reason."""
    raw = text.strip()
    if _YEAR.match(raw):
        year, date = int(raw), None
    elif _ISO_DATE.match(raw):
        try:
            date = dt.date.fromisoformat(raw)
        except ValueError:
            raise ValueError(f"“{raw}” is not a date in the calendar") from None
        year = date.year
    else:
        raise ValueError(f"“{raw}” is neither a year (2024) nor a date written year-month-day (2024-06-30)")
    if not year_min <= year <= year_max:
        raise ValueError(f"the year {year} is outside {year_min}–{year_max}")
    return year, date


def read(data: bytes, *, metrics: dict[str, str]) -> list[Row]:
    """Every measurement in a CSV file, or CsvInvalid naming each bad row and column (nothing half read).

    `metrics` maps each metric id of the canvas to its name; a row may name its metric by either.
    """
    if len(data) > MAX_BYTES:
        raise CsvInvalid([Problem(None, None, f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB")])
    text = decode(data)
    if not text.strip():
        raise CsvInvalid([Problem(None, None, "the file is empty")])
    delimiter = _dialect(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except csv.Error as error:
        raise CsvInvalid([Problem(1, None, f"the header cannot be read ({error})")]) from None
    columns: dict[str, int] = {}
    names: dict[str, str] = {}
    for index, name in enumerate(header):
        for column, accepted in COLUMNS.items():
            if _key(name) in accepted and column not in columns:
                columns[column], names[column] = index, name.strip()
    missing = [column for column in REQUIRED if column not in columns]
    if missing:
        found = ", ".join(f"“{name.strip()}”" for name in header if name.strip()) or "nothing"
        raise CsvInvalid(
            [
                Problem(
                    1,
                    None,
                    f"the header row needs the columns {', '.join(missing)} (found {found}). The first row names the "
                    "columns: metric, date, value, and optionally source and note.",
                )
            ]
        )
    by_name = {name.strip().casefold(): metric_id for metric_id, name in metrics.items() if name.strip()}
    rows: list[Row] = []
    problems: list[Problem] = []
    seen: dict[tuple, int] = {}
    line = 1
    try:
        for cells in reader:
            line += 1
            if not any(cell.strip() for cell in cells):
                continue
            if len(rows) + len(problems) >= MAX_ROWS:
                problems.append(Problem(line, None, f"the file has more than {MAX_ROWS:,} rows; split it"))
                break
            row_problems: list[Problem] = []

            def cell(column: str, cells=cells) -> str:
                index = columns.get(column)
                return cells[index].strip() if index is not None and index < len(cells) else ""

            def bad(column: str, message: str, row_problems=row_problems, line=line) -> None:
                row_problems.append(Problem(line, names.get(column, column), message))

            metric_text = cell("metric")
            metric = metric_text if metric_text in metrics else by_name.get(metric_text.casefold())
            if not metric_text:
                bad("metric", "the metric is missing")
            elif metric is None:
                known = ", ".join(metrics) or "none"
                bad("metric", f"no metric of this canvas has the id or name “{metric_text[:100]}” (ids: {known})")
            year = date = value = None
            when = cell("date")
            if not when:
                bad("date", "the year or date is missing")
            else:
                try:
                    year, date = parse_when(when)
                except ValueError as error:
                    bad("date", str(error))
            if not cell("value"):
                bad("value", "the value is missing")
            else:
                try:
                    value = parse_value(cell("value"), delimiter=delimiter)
                except ValueError as error:
                    bad("value", str(error))
            source, note = cell("source"), cell("note")
            if len(source) > SOURCE_MAX:
                bad("source", f"the source is {len(source)} characters long; at most {SOURCE_MAX}")
            if len(note) > NOTE_MAX:
                bad("note", f"the note is {len(note)} characters long; at most {NOTE_MAX}")
            if "\x00" in source + note:
                bad("source" if "\x00" in source else "note", "the text holds a NUL character")
            if not row_problems and metric is not None and year is not None:
                key = (metric, year, date)
                if key in seen:
                    bad("date", f"row {seen[key]} already gives a value of this metric for {when}")
                else:
                    seen[key] = line
            if row_problems:
                problems.extend(row_problems)
                if len(problems) >= MAX_ERRORS:
                    break
                continue
            rows.append(Row(line, metric, year, date, value, source, note))
    except csv.Error as error:
        problems.append(Problem(line, None, f"the row cannot be read ({error})"))
    if problems:
        raise CsvInvalid(problems[:MAX_ERRORS])
    if not rows:
        raise CsvInvalid([Problem(None, None, "the file has a header but no measurements")])
    return rows


def write(rows: list[list]) -> bytes:
    """A CSV file Excel opens as it is: UTF-8 with a byte order mark, commas, ISO dates, a decimal point."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(EXPORT_HEADER)
    for row in rows:
        writer.writerow(["" if cell is None else _escape_formula(cell) for cell in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _escape_formula(cell):
    # A text starting with = + - @ would run as a formula when the file is opened in a spreadsheet.
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + cell
    return cell
