"""The command-line checker: check canvas files and print findings as text or JSON.

`mission-check FILE...` (a console script) and `manage.py check_canvas FILE...` both run `run()`; this
module and everything it imports are pure Python, so the console script needs no Django settings.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from workbench.checker.report import check
from workbench.document import DocumentInvalid, parse

EXIT_CLEAN, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2


def _result(path: str, report) -> dict:
    result = {
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
    if report.switched_off:
        # Only present when a rule is switched off, so that the output of other files stays as it was.
        result["switched_off"] = [s.to_dict() for s in report.switched_off]
    return result


def _switched_off_line(path: str, switched) -> str:
    """One rule switched off, as `path: waivers: switched off rule-id (reason: …; by ana on 2026-03-01)`."""
    details = ["reason: " + " ".join(switched.reason.split())]
    who = [
        "imported" if switched.imported else "",
        f"by {switched.by}" if switched.by else "",
        f"on {switched.on}" if switched.on else "",
    ]
    if any(who):
        details.append(" ".join(part for part in who if part))
    return f"{path}: waivers: switched off {switched.rule} ({'; '.join(details)})"


def _text_lines(path: str, report) -> list[str]:
    lines = []
    for f in report.findings:
        where = f"{f.section}[{f.item}]" if f.item else f.section
        lines.append(f"{path}: {where}: {f.severity} {f.rule} {f.message}")
    lines.extend(_switched_off_line(path, switched) for switched in report.switched_off)
    lines.append(f"{path}: readiness {report.readiness}/100, {report.level}")
    return lines


def run(paths: list[str], fmt: str = "text", out=None, err=None) -> int:
    """Check each file; 0 when no finding is an error, 1 when one is, 2 when a file is unreadable or invalid.

    Problems reading a file go to `err` (default: `out`), one line per problem naming the file and field path.
    """
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


def main(argv: list[str] | None = None) -> int:
    """The `mission-check` console script: the same output and exit codes as `manage.py check_canvas`."""
    parser = argparse.ArgumentParser(
        prog="mission-check",
        description="Check mission canvas documents (JSON files) and print the findings. "
        "Exit 1 on errors, 2 on bad files.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="canvas document files (JSON)")
    parser.add_argument("--format", choices=["text", "json"], default="text", help="output format")
    args = parser.parse_args(argv)
    try:
        status = run(args.files, args.format, out=sys.stdout, err=sys.stderr)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader stopped early (`mission-check … | head`): no traceback, and no claim the files are clean.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERRORS
    return status


if __name__ == "__main__":
    sys.exit(main())
