"""The command-line checker's core: check canvas files and print findings as text or JSON."""

from __future__ import annotations

import json
from pathlib import Path

from workbench.checker.report import check
from workbench.document import DocumentInvalid, parse

EXIT_CLEAN, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2


def _result(path: str, report) -> dict:
    return {
        "file": path,
        "readiness": report.readiness,
        "level": report.level,
        "criteria": {key: {"score": value["score"]} for key, value in report.criteria.items()},
        "findings": [
            {
                "rule": f.rule,
                "criterion": f.criterion,
                "severity": f.severity,
                "section": f.section,
                "item": f.item,
                "message": f.message,
                "suggestion": f.suggestion,
                "source": f.source.to_dict(),
            }
            for f in report.findings
        ],
    }


def _text_lines(path: str, report) -> list[str]:
    lines = []
    for f in report.findings:
        where = f"{f.section}[{f.item}]" if f.item else f.section
        lines.append(f"{path}: {where}: {f.severity} {f.rule} {f.message}")
    lines.append(f"{path}: readiness {report.readiness}/100, {report.level}")
    return lines


def run(paths: list[str], fmt: str = "text", out=None, err=None) -> int:
    """Check each file; 0 when no finding is an error, 1 when one is, 2 when a file is unreadable or invalid.

    Problems reading a file go to `err` (default: `out`), one line per problem naming the file and field path.
    """
    import sys

    out = out if out is not None else sys.stdout
    err = err if err is not None else out
    if fmt not in ("text", "json"):
        raise ValueError(f"unknown format {fmt!r}: use 'text' or 'json'")
    results, status = [], EXIT_CLEAN
    for path in paths:
        try:
            document = parse(Path(path).read_bytes())
        except OSError as error:
            print(f"{path}: cannot read the file ({error.strerror or error})", file=err)
            status = EXIT_UNREADABLE
            continue
        except DocumentInvalid as invalid:
            for problem in invalid.errors:
                where = problem.path or "(document)"
                print(f"{path}: {where}: {problem.message}", file=err)
            status = EXIT_UNREADABLE
            continue
        report = check(document)
        if report.has_errors and status == EXIT_CLEAN:
            status = EXIT_ERRORS
        if fmt == "json":
            results.append(_result(path, report))
        else:
            for line in _text_lines(path, report):
                print(line, file=out)
    if fmt == "json":
        json.dump(results, out, ensure_ascii=False, indent=2)
        out.write("\n")
    return status
