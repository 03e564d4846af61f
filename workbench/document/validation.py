"""Reading and validating canvas documents, with errors that name the field path."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

import fastjsonschema
from jsonschema import Draft202012Validator

from workbench.document.spec import CANVAS, ID_MAX, MISSION, SCHEMA_FILE, YEAR_MAX, YEAR_MIN, CanvasSpec


@dataclass(frozen=True)
class DocumentError:
    """One problem in a document: where (a field path such as metrics[2].target.year) and what."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class DocumentInvalid(ValueError):
    """Raised by parse() when a text is not a valid canvas document."""

    def __init__(self, errors: list[DocumentError]):
        self.errors = errors
        super().__init__("; ".join(str(error) for error in errors))


@cache
def schema(spec: CanvasSpec = CANVAS) -> dict:
    """The JSON Schema of the canvas document: the file shipped in this package (generated from the canvas spec,
    and a test keeps the two equal), or the one generated from another spec."""
    if spec is CANVAS:
        return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return spec.schema()


@cache
def _validator(spec: CanvasSpec = CANVAS) -> Draft202012Validator:
    return Draft202012Validator(schema(spec))


@cache
def _fast_check(spec: CanvasSpec = CANVAS):
    """A compiled validator for the common case, a valid document: about 15 times faster than
    jsonschema. The schema uses nothing that draft-07 reads differently from 2020-12."""
    return fastjsonschema.compile({**schema(spec), "$schema": "http://json-schema.org/draft-07/schema#"})


def _schema_errors(document, spec: CanvasSpec) -> list:
    try:
        _fast_check(spec)(document)
    except fastjsonschema.JsonSchemaException:
        pass
    else:
        return []
    # Something is wrong (or the fast check is stricter, e.g. on 2030.0): the full validator says what.
    return sorted(_validator(spec).iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))


def format_path(parts) -> str:
    """Turn ("metrics", 2, "target", "year") into metrics[2].target.year."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


_TYPE_WORDS = {
    "string": "must be text",
    "number": "must be a number",
    "integer": "must be a whole number",
    "array": "must be a list",
    "object": "must be a group of named fields",
    "boolean": "must be true or false",
}


def _message(error) -> tuple[str, str]:
    """A plain-words message for one jsonschema error, and the path it belongs to."""
    path = list(error.absolute_path)
    last = path[-1] if path else ""
    kind = error.validator
    if kind == "type":
        expected = error.validator_value
        expected = [expected] if isinstance(expected, str) else list(expected)
        if last == "year" or last == "deadline_year" or "integer" in expected and "year" in str(last):
            return format_path(path), "must be a whole year"
        words = [_TYPE_WORDS.get(t, f"must be {t}") for t in expected if t != "null"]
        message = words[0] if words else "must be empty"
        if "null" in expected:
            message += " or empty"
        return format_path(path), message
    if kind == "required":
        missing = re.search(r"'([^']+)' is a required property", error.message)
        name = missing.group(1) if missing else "a field"
        return format_path([*path, name]), "is required"
    if kind == "additionalProperties":
        extra = re.findall(r"'([^']+)'", error.message)
        name = extra[0] if extra else "?"
        return format_path([*path, name]), "is not a field of a mission canvas document"
    if kind == "enum":
        allowed = ", ".join(repr(v) for v in error.validator_value if v != "")
        return format_path(path), f"must be one of {allowed}"
    if kind == "const":
        return format_path(path), f'must be "{error.validator_value}"'
    if kind == "minLength":
        return format_path(path), "must not be empty"
    if kind == "maxLength":
        return format_path(path), f"is too long (at most {error.validator_value} characters)"
    if kind in ("minimum", "maximum"):
        if "year" in str(last):
            return format_path(path), f"must be a year between {YEAR_MIN} and {YEAR_MAX}"
        return format_path(path), ("must not be negative" if kind == "minimum" else "is too large")
    if kind == "pattern":
        if last == "at":
            return format_path(path), "must be a timestamp like 00:44:57"
        return format_path(path), f"must be a short id of letters, digits, - or _ (at most {ID_MAX})"
    return format_path(path), error.message


def _link_errors(document: dict, spec: CanvasSpec) -> list[DocumentError]:
    errors = []
    seen: dict[str, str] = {}
    for section in spec.list_keys:
        for position, item in enumerate(document.get(section) or []):
            item_id = item["id"]
            where = f"{section}[{position}].id"
            if item_id in seen:
                errors.append(DocumentError(where, f'"{item_id}" is already the id of {seen[item_id]}'))
            else:
                seen[item_id] = f"{section}[{position}]"

    def ids_of(section):
        return {item["id"] for item in document.get(section) or []}

    for section, field in spec.link_fields():
        targets = [target for target in field.links if target != MISSION]
        known = set().union(*(ids_of(target) for target in targets)) | ({MISSION} & set(field.links))
        noun = " or ".join(spec.section(target).noun for target in targets)
        hint = f' (use "{MISSION}" for the mission itself)' if MISSION in field.links else ""
        for position, item in enumerate(document.get(section.key) or []):
            for link_position, target in enumerate(item.get(field.key) or []):
                if target not in known:
                    errors.append(
                        DocumentError(
                            f"{section.key}[{position}].{field.key}[{link_position}]",
                            f'no {noun} has the id "{target}"{hint}',
                        )
                    )
    return errors


_PATH_PART = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\.")


def resolve_path(document, path: str):
    """The value a field path names in the document; raises KeyError when it names nothing."""
    node = document
    position = 0
    if not path:
        raise KeyError(path)
    while position < len(path):
        match = _PATH_PART.match(path, position)
        if not match:
            raise KeyError(path)
        position = match.end()
        name, index = match.group(1), match.group(2)
        if name is not None:
            if not isinstance(node, dict) or name not in node:
                raise KeyError(path)
            node = node[name]
        elif index is not None:
            if not isinstance(node, list) or int(index) >= len(node):
                raise KeyError(path)
            node = node[int(index)]
    return node


def _citation_errors(document: dict) -> list[DocumentError]:
    errors = []
    for path in document.get("citations") or {}:
        if path in ("citations", "waivers", "schema"):
            errors.append(DocumentError(f'citations["{path}"]', "cannot be cited"))
            continue
        try:
            resolve_path(document, path)
        except KeyError:
            errors.append(DocumentError(f'citations["{path}"]', "names no field of this document"))
    return errors


def validate(document, *, spec: CanvasSpec = CANVAS) -> list[DocumentError]:
    """Every problem of a decoded document, each with its field path; empty when it is valid."""
    if not isinstance(document, dict):
        return [DocumentError("", "a canvas document must be a JSON object with named fields")]
    errors = []
    for error in _schema_errors(document, spec):
        path, message = _message(error)
        errors.append(DocumentError(path, message))
    if errors:
        return _dedupe(errors)
    return _link_errors(document, spec) + _citation_errors(document)


def _dedupe(errors: list[DocumentError]) -> list[DocumentError]:
    seen, out = set(), []
    for error in errors:
        if error not in seen:
            seen.add(error)
            out.append(error)
    return out


def parse(text: str | bytes, *, spec: CanvasSpec = CANVAS) -> dict:
    """Decode and validate a document file's text; raises DocumentInvalid with every error."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise DocumentInvalid([DocumentError("", "the file is not UTF-8 text")]) from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise DocumentInvalid(
            [DocumentError("", f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}")]
        ) from None
    except RecursionError:
        raise DocumentInvalid([DocumentError("", "the JSON is nested too deeply")]) from None
    errors = validate(document, spec=spec)
    if errors:
        raise DocumentInvalid(errors)
    return document


def dumps(document: dict) -> str:
    """The canonical text of a document: UTF-8 JSON, indented, keys in schema order."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
