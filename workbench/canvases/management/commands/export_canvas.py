from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from workbench.canvases.models import Canvas
from workbench.canvases.services import export_document


class Command(BaseCommand):
    help = "Write a canvas as a canvas document file (JSON, schema mission-canvas/1)."

    def add_arguments(self, parser):
        parser.add_argument("canvas_id", type=int)
        parser.add_argument("-o", "--output", help="File to write; standard output when left out.")

    def handle(self, canvas_id, output=None, **options):
        canvas = Canvas.objects.filter(pk=canvas_id).first()
        if canvas is None:
            raise CommandError(f"No canvas has the id {canvas_id}.")
        text = export_document(canvas)
        if output:
            Path(output).write_text(text, encoding="utf-8")
            self.stderr.write(f"Wrote “{canvas.title}” (revision {canvas.revision_number}) to {output}")
        else:
            self.stdout.write(text, ending="")
