"""A team's canvases with their whole history, as one JSON file, and back.

The file holds the team, its members (by username), its canvases with every revision, comment,
workflow step, share link and activity, and their measurements with their history (the "measurements" part,
workbench/progress/measurements-1.schema.json). People's in-app notifications are personal, not the team's,
and are not part of it. Import restores into a database where the team's slug is free; members are
matched by username, and people who do not exist yet are created without a password (they choose
one through "Forgotten your password?").
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.dateparse import parse_datetime

from workbench.canvases.models import Canvas, Revision
from workbench.comments.models import Comment
from workbench.notifications.models import Activity
from workbench.progress import transfer as progress
from workbench.sharing.models import ShareLink
from workbench.teams.models import Invitation, Membership, Team
from workbench.workflow.models import StateChange

FORMAT = "mission-workbench-team/1"


class BackupInvalid(ValueError):
    """A team file that cannot be restored; the message says why."""


def _when(value):
    return value.isoformat() if value else None


def _name(user):
    return user.get_username() if user else None


def export_team(team: Team) -> dict:
    """Everything of one team, in a handful of queries whatever its size."""
    canvases = list(
        Canvas.objects.filter(team=team)
        .select_related("created_by", "updated_by", "deleted_by", "approved_revision", "published_revision")
        .defer("approved_revision__document", "published_revision__document")
        .order_by("pk")
    )
    ids = [c.pk for c in canvases]
    revisions, comments, changes, links, activities = {}, {}, {}, {}, {}
    for r in Revision.objects.filter(canvas_id__in=ids).select_related("author").order_by("number"):
        revisions.setdefault(r.canvas_id, []).append(
            {
                "number": r.number,
                "document": r.document,
                "author": _name(r.author),
                "created_at": _when(r.created_at),
                "summary": r.summary,
                "restored_from": r.restored_from,
            }
        )
    # Comments refer to each other (replies, activities) by their position in the canvas's list, not by
    # database id, so that a restored team exports to the very same file.
    positions = {}
    for c in Comment.objects.filter(canvas_id__in=ids).select_related("author", "resolved_by").order_by("pk"):
        listed = comments.setdefault(c.canvas_id, [])
        positions[c.pk] = len(listed)
        listed.append(
            {
                "key": len(listed),
                "parent": positions.get(c.parent_id),
                "section": c.section,
                "item_id": c.item_id,
                "revision": c.revision,
                "snapshot": c.snapshot,
                "author": _name(c.author),
                "body": c.body,
                "created_at": _when(c.created_at),
                "edited_at": _when(c.edited_at),
                "deleted_at": _when(c.deleted_at),
                "resolved_at": _when(c.resolved_at),
                "resolved_by": _name(c.resolved_by),
            }
        )
    for s in StateChange.objects.filter(canvas_id__in=ids).select_related("by").order_by("pk"):
        changes.setdefault(s.canvas_id, []).append(
            {
                "from_status": s.from_status,
                "to_status": s.to_status,
                "by": _name(s.by),
                "at": _when(s.at),
                "revision": s.revision,
                "comment": s.comment,
            }
        )
    for link in ShareLink.objects.filter(canvas_id__in=ids).select_related("created_by", "revoked_by").order_by("pk"):
        links.setdefault(link.canvas_id, []).append(
            {
                "token": link.token,
                "label": link.label,
                "created_by": _name(link.created_by),
                "created_at": _when(link.created_at),
                "revoked_at": _when(link.revoked_at),
                "revoked_by": _name(link.revoked_by),
            }
        )
    measurements = progress.export_parts(ids)
    for a in Activity.objects.filter(canvas_id__in=ids).select_related("actor").order_by("pk"):
        activities.setdefault(a.canvas_id, []).append(
            {
                "actor": _name(a.actor),
                "verb": a.verb,
                "at": _when(a.at),
                "revision": a.revision,
                "thread": positions.get(a.thread_id),
                "text": a.text,
            }
        )
    return {
        "format": FORMAT,
        "team": {"name": team.name, "slug": team.slug, "created_at": _when(team.created_at)},
        "members": [
            {
                "username": m.user.get_username(),
                "email": m.user.email,
                "first_name": m.user.first_name,
                "last_name": m.user.last_name,
                "role": m.role,
                "joined_at": _when(m.joined_at),
            }
            for m in team.memberships.select_related("user").order_by("user__username")
        ],
        "invitations": [
            {
                "email": i.email,
                "role": i.role,
                "token": i.token,
                "invited_by": _name(i.invited_by),
                "created_at": _when(i.created_at),
                "accepted_at": _when(i.accepted_at),
                "accepted_by": _name(i.accepted_by),
            }
            for i in team.invitations.select_related("invited_by", "accepted_by").order_by("pk")
        ],
        "canvases": [
            {
                "title": c.title,
                "status": c.status,
                "approved_revision": c.approved_revision.number if c.approved_revision else None,
                "published_revision": c.published_revision.number if c.published_revision else None,
                "created_by": _name(c.created_by),
                "created_at": _when(c.created_at),
                "updated_by": _name(c.updated_by),
                "updated_at": _when(c.updated_at),
                "deleted_at": _when(c.deleted_at),
                "deleted_by": _name(c.deleted_by),
                "revisions": revisions.get(c.pk, []),
                "comments": comments.get(c.pk, []),
                "state_changes": changes.get(c.pk, []),
                "share_links": links.get(c.pk, []),
                "activities": activities.get(c.pk, []),
                **({"measurements": measurements[c.pk]} if c.pk in measurements else {}),
            }
            for c in canvases
        ],
    }


def _time(value):
    return parse_datetime(value) if value else None


@transaction.atomic
def import_team(data: dict) -> Team:
    """Restore a team exported by export_team(); raises BackupInvalid with a plain reason."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BackupInvalid(f'not a team file: "format" must be "{FORMAT}"')
    try:
        slug = data["team"]["slug"]
        if Team.objects.filter(slug=slug).exists():
            raise BackupInvalid(f"a team with the slug “{slug}” exists already; import into a database without it")
        User = get_user_model()
        names = {m["username"] for m in data["members"]}
        for canvas in data["canvases"]:
            for key in ("created_by", "updated_by", "deleted_by"):
                names.add(canvas.get(key))
            names |= {r["author"] for r in canvas["revisions"]} | {c["author"] for c in canvas["comments"]}
            names |= {c["resolved_by"] for c in canvas["comments"]} | {s["by"] for s in canvas["state_changes"]}
            names |= {a["actor"] for a in canvas["activities"]}
            names |= {link["created_by"] for link in canvas["share_links"]} | {
                link["revoked_by"] for link in canvas["share_links"]
            }
        names |= {i["invited_by"] for i in data["invitations"]} | {i["accepted_by"] for i in data["invitations"]}
        names.discard(None)
        details = {m["username"]: m for m in data["members"]}
        users = {u.get_username(): u for u in User.objects.filter(username__in=names)}
        for name in sorted(names - set(users)):
            member = details.get(name, {})
            user = User(
                username=name,
                email=member.get("email", ""),
                first_name=member.get("first_name", ""),
                last_name=member.get("last_name", ""),
            )
            user.set_unusable_password()
            user.save()
            users[name] = user

        def who(name):
            return users.get(name) if name else None

        team = Team.objects.create(name=data["team"]["name"], slug=slug)
        Team.objects.filter(pk=team.pk).update(created_at=_time(data["team"]["created_at"]))
        for m in data["members"]:
            membership = Membership.objects.create(team=team, user=users[m["username"]], role=m["role"])
            Membership.objects.filter(pk=membership.pk).update(joined_at=_time(m["joined_at"]))
        for i in data["invitations"]:
            invitation = Invitation.objects.create(
                team=team,
                email=i["email"],
                role=i["role"],
                token=i["token"],
                invited_by=who(i["invited_by"]),
                accepted_at=_time(i["accepted_at"]),
                accepted_by=who(i["accepted_by"]),
            )
            Invitation.objects.filter(pk=invitation.pk).update(created_at=_time(i["created_at"]))
        for c in data["canvases"]:
            _import_canvas(team, c, who)
    except (KeyError, TypeError) as error:
        raise BackupInvalid(f"the team file is incomplete or damaged ({error!r})") from None
    return team


def _import_canvas(team, c, who):
    last = c["revisions"][-1] if c["revisions"] else None
    if last is None:
        raise BackupInvalid(f"canvas “{c['title']}” has no revision")
    canvas = Canvas.objects.create(
        team=team,
        title=c["title"],
        statement=last["document"].get("statement", ""),
        status=c["status"],
        document=last["document"],
        created_by=who(c["created_by"]),
        updated_by=who(c["updated_by"]),
        deleted_at=_time(c["deleted_at"]),
        deleted_by=who(c["deleted_by"]),
    )
    Revision.objects.bulk_create(
        Revision(
            canvas=canvas,
            number=r["number"],
            document=r["document"],
            author=who(r["author"]),
            created_at=_time(r["created_at"]),
            summary=r["summary"],
            restored_from=r["restored_from"],
        )
        for r in c["revisions"]
    )
    numbers = dict(Revision.objects.filter(canvas=canvas).values_list("number", "pk"))
    current = numbers[last["number"]]
    # Files written before approval and publication named their revision were approved or published at the current.
    at_current = {"approved": ["approved_revision"], "published": ["approved_revision", "published_revision"]}
    pointers = {name: current for name in at_current.get(c["status"], [])}
    for name in ("approved_revision", "published_revision"):
        if c.get(name) is not None:
            if c[name] not in numbers:
                raise BackupInvalid(f"canvas “{c['title']}” names {name.replace('_', ' ')} {c[name]}, which it lacks")
            pointers[name] = numbers[c[name]]
    Canvas.objects.filter(pk=canvas.pk).update(
        current_revision_id=current,
        **{f"{name}_id": pk for name, pk in pointers.items()},
        created_at=_time(c["created_at"]),
        updated_at=_time(c["updated_at"]),
    )
    # Revision.created_at is auto_now_add: bulk_create set it to now; put the recorded times back.
    for r in c["revisions"]:
        Revision.objects.filter(canvas=canvas, number=r["number"]).update(created_at=_time(r["created_at"]))
    new_keys = {}
    for comment in c["comments"]:
        created = Comment.objects.create(
            canvas=canvas,
            parent_id=new_keys.get(comment["parent"]),
            section=comment["section"],
            item_id=comment["item_id"],
            revision=comment["revision"],
            snapshot=comment["snapshot"],
            author=who(comment["author"]),
            body=comment["body"],
            edited_at=_time(comment["edited_at"]),
            deleted_at=_time(comment["deleted_at"]),
            resolved_at=_time(comment["resolved_at"]),
            resolved_by=who(comment["resolved_by"]),
        )
        Comment.objects.filter(pk=created.pk).update(created_at=_time(comment["created_at"]))
        new_keys[comment["key"]] = created.pk
    for s in c["state_changes"]:
        change = StateChange.objects.create(
            canvas=canvas,
            from_status=s["from_status"],
            to_status=s["to_status"],
            by=who(s["by"]),
            revision=s["revision"],
            comment=s["comment"],
        )
        StateChange.objects.filter(pk=change.pk).update(at=_time(s["at"]))
    for link in c["share_links"]:
        created = ShareLink.objects.create(
            canvas=canvas,
            token=link["token"],
            label=link["label"],
            created_by=who(link["created_by"]),
            revoked_at=_time(link["revoked_at"]),
            revoked_by=who(link["revoked_by"]),
        )
        ShareLink.objects.filter(pk=created.pk).update(created_at=_time(link["created_at"]))
    for a in c["activities"]:
        created = Activity.objects.create(
            team=team,
            canvas=canvas,
            actor=who(a["actor"]),
            verb=a["verb"],
            revision=a["revision"],
            thread_id=new_keys.get(a["thread"]),
            text=a["text"],
        )
        Activity.objects.filter(pk=created.pk).update(at=_time(a["at"]))
    if "measurements" in c:
        problems = progress.problems(c["measurements"], last["document"])
        if problems:
            raise BackupInvalid(f"the measurements of canvas “{c['title']}” cannot be restored: {problems[0]}")
        progress.restore_part(canvas, c["measurements"])
