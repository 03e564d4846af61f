"""Reading and validating canvas documents, with errors that name the field path."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache

import fastjsonschema
from jsonschema import Draft202012Validator

from workbench.document.spec import (
    BIDI_CONTROLS,
    BIDI_MESSAGE,
    CANVAS,
    DOCUMENT_MAX_BYTES,
    ID_MAX,
    MISSION,
    NESTING_MAX,
    NO_NUL_PATTERN,
    NUL,
    NUL_MESSAGE,
    NUMBER_MAX,
    PLAIN_PATTERN,
    SCHEMA_FILE,
    YEAR_MAX,
    YEAR_MIN,
    CanvasSpec,
)


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
        if kind == "minimum" and error.validator_value == 0:
            return format_path(path), "must not be negative"
        return format_path(path), f"must be a number between -{NUMBER_MAX:,} and {NUMBER_MAX:,}"
    if kind == "maxItems":
        return format_path(path), f"at most {error.validator_value} items"
    if kind == "uniqueItems":
        return format_path(path), "names the same item more than once"
    if kind == "maxProperties":
        return format_path(path), f"at most {error.validator_value} fields can cite sources"
    if kind == "propertyNames":
        return format_path(path), "names a field with a path that is too long"
    if kind == "pattern":
        if error.validator_value == NO_NUL_PATTERN:
            return format_path(path), NUL_MESSAGE
        if error.validator_value == PLAIN_PATTERN:
            return format_path(path), NUL_MESSAGE if NUL in error.instance else BIDI_MESSAGE
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


class _Duplicates(dict):
    """A JSON object in which some names came more than once (the last value is kept): `duplicates` names them."""

    duplicates: list[str]


def _object_pairs(pairs):
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        repeated = [key for key, _ in pairs if key in seen or seen.add(key)]
        out = _Duplicates(out)
        out.duplicates = list(dict.fromkeys(repeated))
    return out


def _parse_int(text: str):
    # Python refuses to turn more than 4,300 digits into an int; far fewer are already out of bounds.
    return int(text) if len(text) <= 30 else float(text)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _join(path: str, part) -> str:
    if isinstance(part, int):
        return f"{path}[{part}]"
    return f"{path}.{part}" if path else str(part)


def limit_errors(document, *, spec: CanvasSpec = CANVAS) -> list[DocumentError]:
    """What the schema cannot say, each with its path: names given twice in one object, numbers that are not
    finite, NUL in any text or name, direction controls in titles and names, nesting deeper than NESTING_MAX."""
    errors: list[DocumentError] = []
    stack = [(document, "", 0)]
    while stack and len(errors) < 100:
        node, path, depth = stack.pop()
        if isinstance(node, dict | list) and depth >= NESTING_MAX:
            errors.append(DocumentError(path, f"is nested too deeply (at most {NESTING_MAX} levels)"))
            continue
        if isinstance(node, dict):
            for key in getattr(node, "duplicates", ()):
                errors.append(DocumentError(_join(path, key), "is given more than once"))
            for key, value in node.items():
                if NUL in key or not _encodable(key):
                    errors.append(DocumentError(path or "(document)", "has a field name that is not plain text"))
                    continue
                stack.append((value, _join(path, key), depth + 1))
        elif isinstance(node, list):
            stack.extend((value, _join(path, position), depth + 1) for position, value in enumerate(node))
        elif isinstance(node, float) and not math.isfinite(node):
            errors.append(DocumentError(path, "must be a finite number"))
        elif isinstance(node, str) and NUL in node:
            errors.append(DocumentError(path, NUL_MESSAGE))
        elif isinstance(node, str) and not node.isascii() and not _encodable(node):
            errors.append(DocumentError(path, "must be valid Unicode text (it holds half of a surrogate pair)"))
    if isinstance(document, dict):
        for parts in spec.plain_paths:
            values = [(parts[0], document.get(parts[0]))]
            if len(parts) == 2:
                items = document.get(parts[0])
                items = items if isinstance(items, list) else []
                values = [
                    (f"{parts[0]}[{position}].{parts[1]}", item.get(parts[1]))
                    for position, item in enumerate(items)
                    if isinstance(item, dict)
                ]
            for where, value in values:
                if isinstance(value, str) and any(char in BIDI_CONTROLS for char in value):
                    errors.append(DocumentError(where, BIDI_MESSAGE))
    return sorted(errors, key=lambda error: error.path)


def document_size(document: dict) -> int:
    """The size of a document as compact UTF-8 JSON, the measure of DOCUMENT_MAX_BYTES (indenting does not count)."""
    return len(json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def size_errors(document: dict, *, limit: int = DOCUMENT_MAX_BYTES) -> list[DocumentError]:
    """A document larger than the limit as a file, with the part that takes most of it."""
    size = document_size(document)
    if size <= limit:
        return []
    largest = max(document, key=lambda key: document_size({key: document[key]}))
    return [
        DocumentError(
            largest,
            f"the canvas is {size // 1024:,} KB, larger than the {limit // 1024:,} KB a canvas may be; "
            "this part is the largest",
        )
    ]


def validate(document, *, spec: CanvasSpec = CANVAS) -> list[DocumentError]:
    """Every problem of a decoded document, each with its field path; empty when it is valid."""
    if not isinstance(document, dict):
        return [DocumentError("", "a canvas document must be a JSON object with named fields")]
    errors = limit_errors(document, spec=spec)
    if any("nested too deeply" in error.message for error in errors):
        return errors
    flagged = {error.path for error in errors}
    for error in _schema_errors(document, spec):
        path, message = _message(error)
        if path not in flagged:  # a value already refused above is not refused again in other words
            errors.append(DocumentError(path, message))
    if errors:
        return _dedupe(errors)
    return _link_errors(document, spec) + _citation_errors(document) + size_errors(document)


def _dedupe(errors: list[DocumentError]) -> list[DocumentError]:
    seen, out = set(), []
    for error in errors:
        if error not in seen:
            seen.add(error)
            out.append(error)
    return out


def parse(text: str | bytes, *, spec: CanvasSpec = CANVAS) -> dict:
    """Decode and validate a document file's text; raises DocumentInvalid with every error."""
    size = len(text.encode("utf-8") if isinstance(text, str) else text)
    if size > DOCUMENT_MAX_BYTES * 3:
        # Far too large to read. An indented file up to three times the limit is read: its size as compact JSON
        # is what counts, and the error can then say which part is large.
        raise DocumentInvalid(
            [
                DocumentError(
                    "", f"the file is {size // 1024:,} KB; a canvas is at most {DOCUMENT_MAX_BYTES // 1024:,} KB"
                )
            ]
        )
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise DocumentInvalid([DocumentError("", "the file is not UTF-8 text")]) from None
    try:
        document = json.loads(text, object_pairs_hook=_object_pairs, parse_int=_parse_int)
    except json.JSONDecodeError as error:
        raise DocumentInvalid(
            [DocumentError("", f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}")]
        ) from None
    except RecursionError:
        document = _cut_at_depth(text)
        if document is None:
            raise DocumentInvalid([DocumentError("", "the JSON is nested too deeply")]) from None
    errors = validate(document, spec=spec)
    if errors:
        raise DocumentInvalid(errors)
    return document


_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _cut_at_depth(text: str):
    """A file nested too deeply for Python to read, read with its first list or object past NESTING_MAX levels
    replaced by an empty list: validate() then names the path where the nesting goes too deep. None when even that
    is not JSON."""
    closers = []
    for match in _TOKENS.finditer(text):
        token = match.group()
        if token in "[{":
            if len(closers) == NESTING_MAX + 1:
                cut = text[: match.start()] + "[]" + "".join(reversed(closers))
                try:
                    document = json.loads(cut, object_pairs_hook=_object_pairs, parse_int=_parse_int)
                except (json.JSONDecodeError, RecursionError):
                    return None
                return document if isinstance(document, dict) else None
            closers.append("]" if token == "[" else "}")
        elif token in "]}" and closers:
            closers.pop()
    return None


def dumps(document: dict) -> str:
    """The canonical text of a document: UTF-8 JSON, indented, keys in schema order."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
