"""python -m workbench.document [--check]: write the canvas document's JSON Schema file from the canvas spec.

With --check, write nothing and exit 1 when the committed file differs from what the spec generates.
"""

import sys

from workbench.document.spec import SCHEMA_FILE, schema_text, write_schema


def main(argv: list[str]) -> int:
    """Write (or with --check, compare) the schema file; the exit status for the shell."""
    if "--check" in argv:
        current = SCHEMA_FILE.read_text(encoding="utf-8") if SCHEMA_FILE.exists() else ""
        if current != schema_text():
            print(f"{SCHEMA_FILE.name} differs from the canvas spec: run python -m workbench.document")
            return 1
        print(f"{SCHEMA_FILE.name} matches the canvas spec.")
        return 0
    print(f"{'Wrote' if write_schema() else 'Unchanged:'} {SCHEMA_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
