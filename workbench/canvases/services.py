"""Writes to canvases: every save is one transaction that makes one revision."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from workbench.canvases import parts
from workbench.canvases.models import REOPENED_BY_EDIT, Canvas, Revision, Status
from workbench.canvases.signals import revision_recorded
from workbench.checker import REGISTRY
from workbench.document import CANVAS, change_summary, dumps, empty_document, normalize, parse, validate
from workbench.document.merge import MergeResult, describe_kept, merge, value_at
from workbench.document.validation import DocumentError, DocumentInvalid


class EditConflict(Exception):
    """A save based on an older revision than the canvas's current one."""

    def __init__(self, canvas: Canvas, current: Revision):
        self.canvas = canvas
        self.current = current
        super().__init__(f"canvas {canvas.pk} is at revision {current.number}")


@dataclass
class Merged:
    """A person's version merged with what others saved since the revision they started from."""

    base_revision: int  # the revision the person opened
    against: Revision  # the newest revision their version was merged with
    result: MergeResult
    authors: dict[str, str] = field(default_factory=dict)  # change or conflict key → who made the other change

    @property
    def kept(self) -> list[str]:
        """Each colleague's change the merge kept, in words: "Alex's change to Place was kept"."""
        lines = [describe_kept(change, self.authors.get(change.key, "someone")) for change in self.result.from_theirs]
        return list(dict.fromkeys(lines))


class MergeConflict(EditConflict):
    """Someone saved meanwhile and both changed the same field: the person chooses, nothing was saved."""

    def __init__(self, canvas: Canvas, current: Revision, merged: Merged, document: dict):
        super().__init__(canvas, current)
        self.merged = merged
        self.document = document  # the person's version, kept whole for their choices


def _name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user is not None else "someone"


def merge_with(canvas: Canvas, *, document: dict, base_revision: int, against: Revision, choices=None) -> Merged:
    """The person's document (edited from base_revision) merged with revision `against`, naming who changed what.

    Raises EditConflict when base_revision is not a revision of the canvas before `against`.
    """
    revisions = list(
        canvas.revisions.select_related("author")
        .filter(number__gte=base_revision, number__lte=against.number)
        .order_by("number")
    )
    if not revisions or revisions[0].number != base_revision:
        raise EditConflict(canvas, against)
    documents = [normalize(revision.document) for revision in revisions]
    # An id removed and later given to a new item names two different items: the merge keeps them apart. An item
    # brought back by a choice on the conflict page keeps its title, and stays the same item.
    named = [
        {i["id"]: (key, i.get(CANVAS.section(key).title_field)) for key in CANVAS.list_keys for i in doc[key]}
        for doc in documents
    ]
    reborn = frozenset(
        i
        for i in named[0].keys() & named[-1].keys()
        if named[0][i] != named[-1][i] and any(i not in between for between in named[1:-1])
    )
    result = merge(documents[0], document, documents[-1], choices=choices, reborn=reborn)
    authors = {}
    for change in [*result.from_theirs, *result.conflicts]:
        where = (change.section, change.item, change.path)
        # Who made the other side's change: the newest revision that changed this place.
        for n in range(len(revisions) - 1, 0, -1):
            if value_at(documents[n], *where) != value_at(documents[n - 1], *where):
                authors[change.key] = _name(revisions[n].author)
                break
    return Merged(base_revision, against, result, authors)


def _checked(document: dict) -> dict:
    errors = validate(document)
    if errors:
        raise DocumentInvalid(errors)
    return normalize(document)


def _record(canvas: Canvas, *, user, document: dict, previous: dict | None, summary: str | None, restored_from=None):
    number = canvas.revision_number + 1
    revision = Revision.objects.create(
        canvas=canvas,
        number=number,
        document=document,
        author=user,
        summary=(summary or change_summary(previous, document))[:300],
        restored_from=restored_from,
    )
    canvas.document = document
    canvas.title = document["title"][:200]
    canvas.statement = document["statement"]
    canvas.current_revision = revision
    canvas.updated_by = user
    canvas.updated_at = revision.created_at
    previous_status = canvas.status
    if canvas.status in REOPENED_BY_EDIT:
        # An edit to an approved or published canvas is a new draft; the workflow records the step, and the
        # revision that was approved or published stays what share links show until it is published again.
        canvas.status = Status.DRAFT
    canvas.save()
    revision_recorded.send(sender=Canvas, canvas=canvas, revision=revision, user=user, previous_status=previous_status)
    return revision


@transaction.atomic
def create_canvas(*, team, user, document: dict | None = None, title: str = "", summary: str | None = None) -> Canvas:
    """A new canvas in the team, with its first revision."""
    document = _checked(document if document is not None else empty_document(title))
    canvas = Canvas.objects.create(
        team=team,
        title=document["title"][:200],
        statement=document["statement"],
        document=document,
        created_by=user,
        updated_by=user,
    )
    _record(canvas, user=user, document=document, previous=None, summary=summary)
    return canvas


def save_canvas(
    *, canvas: Canvas, user, document: dict, base_revision: int, summary: str | None = None, choices=None
) -> Revision:
    """Save a new version of the canvas, edited from revision base_revision.

    When someone saved since, the two versions are merged (workbench.document.merge) with base_revision as their
    common base: without conflicts the merged document is saved and `revision.merged` says what was kept from
    whom; a field both changed raises MergeConflict unless `choices` settles it (conflict key → "mine"/"theirs").
    The canvas keeps its stored waivers, whatever the document says: only waive_rule and unwaive_rule
    change them, so who switched a rule off, and when, is always what the server recorded.
    """
    return _save(
        canvas=canvas, user=user, document=document, base_revision=base_revision, summary=summary, choices=choices
    )


def resolve_conflict(
    *, canvas: Canvas, user, document: dict, base_revision: int, seen_revision: int, choices: dict
) -> Revision:
    """Save the person's version with their choice for each conflict they were shown against seen_revision.

    Raises MergeConflict when a conflict has no choice, or when a later save conflicts anew.
    """
    seen = canvas.revisions.select_related("author").filter(number=seen_revision).first()
    if seen is None:
        raise EditConflict(canvas, canvas.current_revision)
    merged = merge_with(canvas, document=_checked(document), base_revision=base_revision, against=seen, choices=choices)
    if merged.result.conflicts:
        raise MergeConflict(canvas, seen, merged, document)
    revision = save_canvas(canvas=canvas, user=user, document=merged.result.document, base_revision=seen_revision)
    kept = merged.kept + (revision.merged.kept if revision.merged else [])
    revision.merged = merged
    revision.kept = list(dict.fromkeys(kept))
    return revision


@transaction.atomic
def _save(
    *,
    canvas: Canvas,
    user,
    document: dict,
    base_revision: int,
    summary: str | None,
    waivers: list | None = None,
    choices=None,
) -> Revision:
    if waivers is not None:
        document = {**document, "waivers": waivers}
    document = _checked(document)
    locked = Canvas.objects.select_for_update(of=("self",)).select_related("current_revision").get(pk=canvas.pk)
    merged = None
    if locked.revision_number != base_revision:
        if waivers is not None or not 0 < base_revision < locked.revision_number:
            raise EditConflict(locked, locked.current_revision)
        merged = merge_with(
            locked, document=document, base_revision=base_revision, against=locked.current_revision, choices=choices
        )
        if merged.result.conflicts:
            raise MergeConflict(locked, locked.current_revision, merged, document)
        document = _checked(merged.result.document)
    if waivers is None:
        document["waivers"] = copy.deepcopy(locked.document.get("waivers") or [])
    revision = _record(locked, user=user, document=document, previous=locked.document, summary=summary)
    revision.merged = merged  # what was kept from whom, for the person who saved
    revision.kept = merged.kept if merged else []
    canvas.refresh_from_db()
    return revision


@transaction.atomic
def restore_revision(*, canvas: Canvas, user, number: int) -> Revision:
    """Make an old revision's content the newest revision; history stays whole."""
    locked = Canvas.objects.select_for_update(of=("self",)).select_related("current_revision").get(pk=canvas.pk)
    old = locked.revisions.get(number=number)
    document = normalize(old.document)
    revision = _record(
        locked,
        user=user,
        document=document,
        previous=locked.document,
        summary=f"Restored revision {number}",
        restored_from=number,
    )
    canvas.refresh_from_db()
    return revision


def move_to_bin(*, canvas: Canvas, user) -> None:
    """Deleting a canvas moves it to its team's bin, from where it can come back."""
    Canvas.objects.filter(pk=canvas.pk).update(deleted_at=timezone.now(), deleted_by=user)


def restore_from_bin(*, canvas: Canvas) -> None:
    Canvas.objects.filter(pk=canvas.pk).update(deleted_at=None, deleted_by=None)


@transaction.atomic
def purge_canvas(*, canvas: Canvas) -> None:
    """Delete a binned canvas and its revisions for good."""
    if canvas.deleted_at is None:
        raise ValueError("Only a canvas in the bin can be deleted for good.")
    Canvas.objects.filter(pk=canvas.pk).update(current_revision=None)
    canvas.delete()


def mark_waivers_imported(document: dict, *, user) -> dict:
    """The document with each waiver marked as imported by `user` today.

    A file's "by" and "on" are whatever its author typed; the server records who brought the waivers in.
    """
    document = copy.deepcopy(document)
    by = user.get_username() if user is not None else ""
    today = timezone.localdate().isoformat()
    document["waivers"] = [
        {**waiver, "by": by, "on": today, "imported": True} for waiver in document.get("waivers") or []
    ]
    return document


def import_canvas(*, team, user, text: str | bytes, source_name: str = "") -> Canvas:
    """A new canvas from a document file's text; raises DocumentInvalid naming each bad field.

    The file's parts besides the document (canvases/parts.py) are checked with it and restored with it, or nothing is.
    """
    text, found = parts.split(text)
    document = mark_waivers_imported(parse(text), user=user)
    problems = [
        DocumentError(part.key, problem)
        for part in parts.registered()
        if part.key in found
        for problem in part.check(found[part.key], document)
    ]
    if problems:
        raise DocumentInvalid(problems)
    summary = f"Imported from {source_name}" if source_name else "Imported from a document file"
    with transaction.atomic():
        canvas = create_canvas(team=team, user=user, document=document, summary=summary[:300])
        for part in parts.registered():
            if part.key in found:
                part.restore(canvas, found[part.key], user)
    return canvas


def export_document(canvas: Canvas) -> str:
    """The canvas as a document file's text, with the parts other apps keep beside it (canvases/parts.py)."""
    document = normalize(canvas.document)
    for part in parts.registered():
        value = part.export(canvas)
        if value is not None:
            document[part.key] = value
    return dumps(document)


class RuleNotWaivable(ValueError):
    """An error rule, or no rule of the checker: it cannot be switched off."""


def waivable(rule: str) -> bool:
    """Whether a team may switch this rule off: a warning or advice rule of the checker.

    Error rules find a canvas that contradicts itself; switching one off would hide the contradiction.
    """
    found = REGISTRY.get(rule)
    return found is not None and found.severity != "error"


def waive_rule(*, canvas: Canvas, user, rule: str, reason: str, base_revision: int) -> Revision:
    """Switch a checker rule off for this canvas, with the reason and who did it, when, kept in the document."""
    if not waivable(rule):
        raise RuleNotWaivable(f"{rule} cannot be switched off")
    document = normalize(canvas.document)
    waivers = [w for w in document["waivers"] if w["rule"] != rule]
    waivers.append(
        {"rule": rule, "reason": reason.strip(), "by": user.get_username(), "on": timezone.localdate().isoformat()}
    )
    return _save(
        canvas=canvas,
        user=user,
        document=document,
        base_revision=base_revision,
        summary=f"Switched off rule {rule}",
        waivers=waivers,
    )


def unwaive_rule(*, canvas: Canvas, user, rule: str, base_revision: int) -> Revision:
    """Switch a checker rule back on for this canvas."""
    document = normalize(canvas.document)
    return _save(
        canvas=canvas,
        user=user,
        document=document,
        base_revision=base_revision,
        summary=f"Switched rule {rule} back on",
        waivers=[w for w in document["waivers"] if w["rule"] != rule],
    )
