import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import format_html
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_POST

from workbench import caching
from workbench.canvases import services
from workbench.canvases.checking import checker_view
from workbench.canvases.forms import (
    ITEM_FORMS,
    CanvasEditor,
    ImportForm,
    MergeForm,
    NewCanvasForm,
    WaiverForm,
    item_formset,
    link_choices,
)
from workbench.canvases.models import Canvas
from workbench.canvases.selectors import canvas_for
from workbench.canvases.signals import canvas_page_parts, editor_parts
from workbench.checker import CRITERIA, LEVELS, rules
from workbench.document import SECTION_TITLES, compare_sections, dumps, normalize, parse
from workbench.document.compare import word_diff
from workbench.document.merge import SIDES
from workbench.document.spec import CANVAS
from workbench.document.validation import DocumentInvalid
from workbench.teams.selectors import team_for_member

REVISIONS_PER_PAGE = 25
CANVASES_PER_PAGE = 20


@login_required
def dashboard(request, slug):
    team = team_for_member(request.user, slug)
    query = request.GET.get("q", "").strip()
    canvases = Canvas.objects.filter(team=team).live().search(query).for_listing().order_by("-updated_at", "-pk")
    page = Paginator(canvases, CANVASES_PER_PAGE).get_page(request.GET.get("page"))
    rows = caching.kept_lines(
        "canvases/_canvas_row.html", page.object_list, caching.dashboard_row_key, lambda c: {"canvas": c}
    )
    return render(
        request,
        "canvases/dashboard.html",
        {
            "team": team,
            "page": page,
            "rows": rows,
            "query": query,
            # The empty form is the same for everyone: rendered once.
            "import_form": caching.kept_fragment(
                request, caching.import_form_key(), "canvases/partials/import_form.html", lambda: {"form": ImportForm()}
            ),
        },
    )


@login_required
def canvas_create(request, slug):
    team = team_for_member(request.user, slug)
    if not request.user.has_perm("teams.add_canvas", team):
        raise PermissionDenied
    form = NewCanvasForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        canvas = services.create_canvas(team=team, user=request.user, document=form.document())
        messages.success(request, "Canvas created. Fill in the sections and save as often as you like.")
        return redirect("canvases:edit", pk=canvas.pk)
    return render(request, "canvases/canvas_new.html", {"team": team, "form": form})


@login_required
def canvas_import(request, slug):
    team = team_for_member(request.user, slug)
    if not request.user.has_perm("teams.add_canvas", team):
        raise PermissionDenied
    form = ImportForm(*((request.POST, request.FILES) if request.method == "POST" else ()))
    errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            canvas = services.import_canvas(team=team, user=request.user, text=upload.read(), source_name=upload.name)
        except DocumentInvalid as invalid:
            errors = invalid.errors
        else:
            messages.success(request, f"Imported “{canvas.title}” as a new canvas.")
            return redirect(canvas)
    status = 400 if request.method == "POST" else 200
    return render(request, "canvases/canvas_import.html", {"team": team, "form": form, "errors": errors}, status=status)


@login_required
def canvas_detail(request, pk):
    canvas = canvas_for(request.user, pk)
    can_waive = request.user.has_perm("canvases.waive_rule", canvas)
    shown = {
        "canvas": canvas,
        "team": canvas.team,
        "doc": canvas.document,
        "section_titles": SECTION_TITLES,
        "checker": checker_view(canvas.document, key=caching.revision_key(canvas)),
        "can_waive": can_waive,
    }
    # The one-pager, scorecard and findings of a revision look the same for everyone with the same rights.
    revision_parts = caching.kept_fragments(
        request,
        caching.canvas_page_key(canvas, can_waive=can_waive),
        {
            "one_pager": "canvases/_one_pager.html",
            "scorecard": "canvases/partials/scorecard.html",
            "findings": "canvases/partials/findings_by_section.html",
            "toc_map": "tocmap/partials/canvas_map.html",
        },
        lambda: {**shown, "show_radar": True},
    )
    return render(
        request,
        "canvases/canvas_detail.html",
        {
            **shown,
            "revision_parts": revision_parts,
            # The review's panel and toolbar counts, from the apps that listen for the canvas page.
            **canvas_page_parts(request, canvas),
        },
    )


def _render_editor(request, canvas, editor=None, *, status=200):
    """The editor page. With no editor, the untouched editor of the current revision: it renders the same for
    everyone with the same rights, so it is kept, and its forms are built only when it is not kept yet."""
    can_waive = request.user.has_perm("canvases.waive_rule", canvas)

    def shown():
        if editor is None:
            shown_editor, checked = CanvasEditor(canvas.document, canvas.revision_number), canvas.document
            checker = checker_view(canvas.document, key=caching.revision_key(canvas))
        else:
            shown_editor = editor
            checked = editor.build_document() if editor.form.is_bound and not editor.has_errors() else editor.document
            checker = checker_view(checked)
        return {
            "toc_doc": checked,  # the theory-of-change map beside the links draws what the checker read
            "canvas": canvas,
            "team": canvas.team,
            "editor": shown_editor,
            "section_titles": SECTION_TITLES,
            "checker": checker,
            "can_waive": can_waive,
        }

    editor_key = caching.editor_key(canvas, can_waive=can_waive) if editor is None else None
    editor_body = caching.kept_fragment(request, editor_key, "canvases/partials/editor_body.html", shown)
    context = {"canvas": canvas, "team": canvas.team, "editor_body": editor_body, **editor_parts(request, canvas)}
    return render(request, "canvases/canvas_edit.html", context, status=status)


@login_required
def canvas_edit(request, pk):
    canvas = canvas_for(request.user, pk)
    if not request.user.has_perm("canvases.change_canvas", canvas):
        if request.method != "POST":
            raise PermissionDenied
        # The role changed while the person was typing: refuse the save but give their text back.
        messages.error(
            request,
            "Your role in this team no longer lets you edit this canvas, so nothing was saved. Your text is below: "
            "copy what you need and ask a team owner.",
        )
        editor = CanvasEditor(canvas.document, canvas.revision_number, data=request.POST)
        return _render_editor(request, canvas, editor, status=403)
    if request.method != "POST":
        return _render_editor(request, canvas)
    base = _posted_base(request, canvas)
    base_document = canvas.document if base == canvas.revision_number else _revision_document(canvas, base)
    editor = CanvasEditor(base_document, base, data=request.POST)
    if not editor.is_valid():
        messages.error(request, "Some fields need attention; nothing was saved yet and your text is still here.")
        return _render_editor(request, canvas, editor, status=422)
    mine = editor.build_document()
    return _save_or_conflict(request, canvas, mine, editor.base_revision, editor=editor)


def _posted_base(request, canvas) -> int:
    try:
        return int(request.POST.get("base_revision", ""))
    except ValueError:
        return canvas.revision_number


def _revision_document(canvas, number):
    revision = canvas.revisions.filter(number=number).only("document").first()
    if revision is None:
        raise Http404("No such revision.")
    return revision.document


def _save_or_conflict(request, canvas, mine, base, *, editor=None):
    try:
        revision = services.save_canvas(canvas=canvas, user=request.user, document=mine, base_revision=base)
    except services.MergeConflict as conflict:
        return _render_conflict(request, conflict.canvas, conflict.merged, conflict.document)
    except services.EditConflict:
        messages.error(
            request, "This canvas changed in a way your version cannot be merged with; your text is below, not saved."
        )
        return _render_editor(request, canvas, editor or CanvasEditor(mine, canvas.revision_number), status=409)
    except DocumentInvalid as invalid:
        messages.error(request, "The canvas could not be saved: " + "; ".join(str(e) for e in invalid.errors))
        if editor is None:
            editor = CanvasEditor(mine, base)
        return _render_editor(request, canvas, editor, status=422)
    return _saved(request, canvas, revision)


def _saved(request, canvas, revision):
    messages.success(request, f"Saved as revision {revision.number}: {revision.summary}.")
    if revision.kept:
        shown = revision.kept[:8]
        more = f"; and {len(revision.kept) - len(shown)} more" if len(revision.kept) > len(shown) else ""
        messages.info(
            request,
            f"Others saved while you were editing, and both versions are in: {'; '.join(shown)}{more}.",
        )
    if request.POST.get("then") == "view":
        return redirect(canvas)
    return redirect("canvases:edit", pk=canvas.pk)


def _render_conflict(request, canvas, merged, mine, *, choices=None, submitted=False, status=409):
    """The conflict page: only the fields both people changed, each with word differences and no side chosen."""
    choices = choices or {}
    against = merged.against
    rows = []
    for conflict in merged.result.conflicts:
        rows.append(
            {
                "conflict": conflict,
                "id": re.sub(r"[^A-Za-z0-9]+", "-", conflict.key),
                "who": merged.authors.get(conflict.key, "someone"),
                "mine": word_diff(conflict.base_text, conflict.mine_text),
                "theirs": word_diff(conflict.base_text, conflict.theirs_text),
                "choice": choices.get(conflict.key, ""),
                "missing": submitted and conflict.key not in choices,
            }
        )
    form = MergeForm(initial={"mine": dumps(mine), "my_base": merged.base_revision, "base_revision": against.number})
    return render(
        request,
        "canvases/canvas_conflict.html",
        {
            "canvas": canvas,
            "team": canvas.team,
            "current": against,
            "rows": rows,
            "kept": merged.kept,
            "form": form,
            "my_base": merged.base_revision,
        },
        status=status,
    )


@login_required
@require_POST
def canvas_merge(request, pk):
    canvas = canvas_for(request.user, pk, perm="canvases.change_canvas")
    form = MergeForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest("The merge form was incomplete: go back to the editor and save again.")
    try:
        mine = normalize(parse(form.cleaned_data["mine"]))
    except DocumentInvalid as invalid:
        messages.error(request, "Your version could not be read back: " + "; ".join(map(str, invalid.errors)))
        return redirect("canvases:edit", pk=canvas.pk)
    my_base, seen = form.cleaned_data["my_base"], form.cleaned_data["base_revision"]
    against = canvas.revisions.select_related("author").filter(number=seen).first()
    if against is None:
        raise Http404("No such revision.")
    try:
        shown = services.merge_with(canvas, document=mine, base_revision=my_base, against=against)
    except services.EditConflict:
        raise Http404("No such revision.") from None
    answered = {
        conflict.key: request.POST[f"choice-{conflict.key}"]
        for conflict in shown.result.conflicts
        if request.POST.get(f"choice-{conflict.key}") in SIDES
    }
    if len(answered) < len(shown.result.conflicts):
        messages.error(request, "Choose a version for each field below; nothing was saved yet.")
        return _render_conflict(request, canvas, shown, mine, choices=answered, submitted=True, status=422)
    if request.POST.get("then") == "edit":
        merged = services.merge_with(canvas, document=mine, base_revision=my_base, against=against, choices=answered)
        messages.info(request, "The merged version is in the editor. Nothing is saved until you press Save.")
        return _render_editor(request, canvas, CanvasEditor(merged.result.document, seen))
    try:
        revision = services.resolve_conflict(
            canvas=canvas, user=request.user, document=mine, base_revision=my_base, seen_revision=seen, choices=answered
        )
    except services.MergeConflict as conflict:
        messages.warning(request, "Someone saved again meanwhile: choose for the fields below.")
        return _render_conflict(request, conflict.canvas, conflict.merged, conflict.document)
    except DocumentInvalid as invalid:
        messages.error(request, "The canvas could not be saved: " + "; ".join(str(e) for e in invalid.errors))
        return _render_editor(request, canvas, CanvasEditor(mine, my_base), status=422)
    return _saved(request, canvas, revision)


@login_required
@require_GET
def canvas_edit_row(request, pk, section):
    """One new empty row of a list section, for htmx; also bumps the formset's form count."""
    canvas = canvas_for(request.user, pk, perm="canvases.change_canvas")
    if section not in ITEM_FORMS:
        raise Http404("No such section.")
    try:
        index = int(request.GET.get(f"{section}-TOTAL_FORMS", ""))
    except ValueError:
        index = 0
    part = CANVAS.section(section)
    if index >= part.max_items:
        # The canvas spec's limit: say so where the row would have appeared, before anything is typed into it.
        return HttpResponse(
            format_html(
                '<div class="alert alert-warning small" role="status">A canvas holds at most {} {}s: remove one '
                "before adding another.</div>",
                part.max_items,
                part.noun,
            )
        )
    # Only the link choices are needed here, not the whole editor.
    links = link_choices(canvas.document)
    formset = item_formset(section)(prefix=section, links=links)
    form = formset.form(
        prefix=formset.add_prefix(index), empty_permitted=True, use_required_attribute=False, links=links
    )
    formset.add_fields(form, None)
    form.fields[form.title_field].widget.attrs["autofocus"] = True
    return render(
        request,
        "canvases/partials/new_row.html",
        {"form": form, "section": section, "index": index, "total": index + 1, "canvas": canvas},
    )


@login_required
def history(request, pk):
    canvas = canvas_for(request.user, pk)
    revisions = canvas.revisions.select_related("author").defer("document").order_by("-number")
    page = Paginator(revisions, REVISIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "canvases/history.html", {"canvas": canvas, "team": canvas.team, "page": page})


@login_required
def compare(request, pk):
    canvas = canvas_for(request.user, pk)
    latest = canvas.revision_number
    chosen = {"a": str(max(latest - 1, 1)), "b": str(latest), **{k: request.GET[k] for k in "ab" if k in request.GET}}
    numbers = {key: int(value) for key, value in chosen.items() if value.isdecimal() and 1 <= int(value) <= latest}
    if len(numbers) < 2:
        wrong = next(value for key, value in chosen.items() if key not in numbers)
        messages.error(request, f"There is no revision '{wrong[:20]}': choose two revisions between 1 and {latest}.")
        return redirect("canvases:history", pk=canvas.pk)
    a, b = numbers["a"], numbers["b"]
    revisions = {r.number: r for r in canvas.revisions.select_related("author").filter(number__in=[a, b])}
    if a not in revisions or b not in revisions:
        messages.error(request, f"Choose two revisions between 1 and {latest}.")
        return redirect("canvases:history", pk=canvas.pk)
    old, new = revisions[a], revisions[b]
    rows = compare_sections(normalize(old.document), normalize(new.document))
    return render(
        request,
        "canvases/compare.html",
        {"canvas": canvas, "team": canvas.team, "old": old, "new": new, "rows": rows, "numbers": range(latest, 0, -1)},
    )


@login_required
def revision_restore(request, pk, number):
    canvas = canvas_for(request.user, pk, perm="canvases.change_canvas")
    revision = get_object_or_404(canvas.revisions.select_related("author"), number=number)
    if request.method == "POST":
        new = services.restore_revision(canvas=canvas, user=request.user, number=number)
        messages.success(
            request,
            f"Revision {number} restored as revision {new.number}. Nothing was lost: the history keeps every version.",
        )
        return redirect(canvas)
    return render(
        request, "canvases/revision_restore.html", {"canvas": canvas, "team": canvas.team, "revision": revision}
    )


@login_required
def canvas_export(request, pk):
    canvas = canvas_for(request.user, pk)
    response = HttpResponse(services.export_document(canvas), content_type="application/json; charset=utf-8")
    filename = f"{slugify(canvas.title) or 'canvas'}-r{canvas.revision_number}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def canvas_delete(request, pk):
    canvas = canvas_for(request.user, pk, perm="canvases.delete_canvas")
    if request.method == "POST":
        services.move_to_bin(canvas=canvas, user=request.user)
        messages.success(request, f"“{canvas.title}” moved to the bin. You can restore it from there.")
        return redirect(canvas.team)
    return render(request, "canvases/canvas_delete.html", {"canvas": canvas, "team": canvas.team})


@login_required
def bin_list(request, slug):
    team = team_for_member(request.user, slug)
    canvases = Canvas.objects.filter(team=team).in_bin().select_related("deleted_by").order_by("-deleted_at")
    page = Paginator(canvases, CANVASES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "canvases/bin.html", {"team": team, "page": page})


@login_required
@require_POST
def canvas_restore(request, pk):
    canvas = canvas_for(request.user, pk, perm="canvases.restore_canvas", in_bin=True)
    services.restore_from_bin(canvas=canvas)
    messages.success(request, f"“{canvas.title}” is back on the dashboard.")
    return redirect(canvas)


@login_required
def canvas_purge(request, pk):
    canvas = canvas_for(request.user, pk, perm="canvases.purge_canvas", in_bin=True)
    if request.method == "POST":
        services.purge_canvas(canvas=canvas)
        messages.success(request, f"“{canvas.title}” and its history were deleted for good.")
        return redirect("canvases:bin", slug=canvas.team.slug)
    return render(request, "canvases/canvas_purge.html", {"canvas": canvas, "team": canvas.team})


@login_required
@require_POST
def canvas_check(request, pk):
    """The live checker: findings for the editor's unsaved text, as out-of-band fragments for htmx."""
    canvas = canvas_for(request.user, pk, perm="canvases.change_canvas")
    base = _posted_base(request, canvas)
    editor = CanvasEditor(canvas.document, base, data=request.POST)
    if not editor.is_valid():
        # Half-typed input (a year like "20") is not worth a verdict; keep the last one on screen.
        return HttpResponse(status=204)
    document = editor.build_document()
    checker = checker_view(document)
    return render(
        request,
        "canvases/partials/check_response.html",
        {
            "checker": checker,
            "canvas": canvas,
            "can_waive": request.user.has_perm("canvases.waive_rule", canvas),
            "toc_doc": document,  # the map beside the links, redrawn from the same unsaved text
        },
    )


@login_required
def waiver_add(request, pk):
    canvas = canvas_for(request.user, pk, perm="canvases.waive_rule")
    form = WaiverForm(
        request.POST if request.method == "POST" else None,
        rules=rules(),
        initial={"rule": request.GET.get("rule", ""), "base_revision": canvas.revision_number},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.waive_rule(
                canvas=canvas,
                user=request.user,
                rule=form.cleaned_data["rule"],
                reason=form.cleaned_data["reason"],
                base_revision=form.cleaned_data["base_revision"],
            )
        except services.EditConflict:
            messages.error(
                request, "Someone saved the canvas meanwhile. Check the findings again before switching a rule off."
            )
            return redirect(canvas)
        messages.success(request, f"Rule {form.cleaned_data['rule']} is switched off for this canvas.")
        return redirect(f"{canvas.get_absolute_url()}#checker-findings")
    return render(
        request,
        "canvases/waiver_form.html",
        {"canvas": canvas, "team": canvas.team, "form": form},
        status=422 if form.errors else 200,
    )


@login_required
@require_POST
def waiver_remove(request, pk, rule):
    canvas = canvas_for(request.user, pk, perm="canvases.waive_rule")
    if not any(w.get("rule") == rule for w in canvas.document.get("waivers", [])):
        raise Http404("This rule is not switched off.")
    try:
        services.unwaive_rule(canvas=canvas, user=request.user, rule=rule, base_revision=_posted_base(request, canvas))
    except services.EditConflict:
        messages.error(request, "Someone saved the canvas meanwhile; nothing was changed. Try again.")
        return redirect(canvas)
    messages.success(request, f"Rule {rule} is back on for this canvas.")
    return redirect(f"{canvas.get_absolute_url()}#checker-findings")


def checker_rules(request):
    """How the checker works: every rule, what it looks for, why, and how to satisfy it."""
    groups: dict = {}
    for rule in rules():
        key = rule["criterion"] or "other"
        groups.setdefault(key, (key, rule["criterion_label"], []))[2].append(rule)
    order = [*CRITERIA, "other"]
    criteria = [groups[key] for key in order if key in groups]
    return render(request, "checker/rules.html", {"criteria": criteria, "levels": LEVELS})
