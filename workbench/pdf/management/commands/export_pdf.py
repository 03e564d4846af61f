"""manage.py export_pdf CANVAS_ID_OR_SEED_FILE -o FILE [--layout a4|a3]"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from workbench.canvases.models import Canvas
from workbench.document import DocumentInvalid, parse
from workbench.pdf import services
from workbench.pdf.engine import RenderError
from workbench.pdf.render import DEFAULT_LAYOUT, LAYOUTS, render_one_pager_output


class Command(BaseCommand):
    help = "Write the PDF one-pager of a canvas (by id) or of a canvas document file (.json)."

    def add_arguments(self, parser):
        parser.add_argument("source", help="a canvas id, or the path of a canvas document .json file")
        parser.add_argument("-o", "--output", required=True, help="the PDF file to write")
        parser.add_argument("--layout", choices=sorted(LAYOUTS), default=DEFAULT_LAYOUT)

    def handle(self, *args, source: str, output: str, layout: str, **options):
        if source.isdigit():
            canvas = Canvas.objects.live().select_related("team", "current_revision").filter(pk=int(source)).first()
            if canvas is None:
                raise CommandError(f"No canvas with id {source} (or it is in the bin).")
            document, meta = canvas.document, services.canvas_meta(canvas)
        else:
            path = Path(source)
            if path.suffix.lower() != ".json":
                raise CommandError(f"{source} is neither a canvas id nor a .json canvas document file.")
            try:
                text = path.read_bytes()
            except OSError as error:
                raise CommandError(f"Cannot read {source}: {error.strerror}.") from None
            try:
                document = parse(text)
            except DocumentInvalid as error:
                problems = "\n".join(f"  {problem}" for problem in error.errors)
                raise CommandError(f"{source} is not a valid canvas document:\n{problems}") from None
            meta = services.example_meta(document)
        try:
            result = render_one_pager_output(document, meta=meta, layout=layout)
        except RenderError as error:
            raise CommandError(str(error)) from None
        Path(output).write_bytes(result.pdf)
        pages = "1 page" if result.pages == 1 else f"{result.pages} pages"
        self.stdout.write(f"Wrote {output} ({pages}, {layout.upper()} landscape, {len(result.pdf):,} bytes).")
