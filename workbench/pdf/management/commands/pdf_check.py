"""manage.py pdf_check: render a small one-pager here and now, and say whether PDF downloads will work."""

import time

import weasyprint
from django.core.management.base import BaseCommand, CommandError

from workbench.document import empty_document
from workbench.pdf import services
from workbench.pdf.engine import RenderError
from workbench.pdf.render import render_one_pager_output


class Command(BaseCommand):
    help = "Render a small one-pager to check that WeasyPrint, Pango and the fonts are installed."

    def handle(self, *args, **options):
        document = empty_document("A mission to check the PDF renderer")
        started = time.perf_counter()
        try:
            output = render_one_pager_output(document, meta=services.example_meta(document), layout="a4")
        except (RenderError, OSError) as error:
            raise CommandError(
                f"PDF one-pagers: NOT working ({error}). Install the Debian packages in "
                "workbench/pdf/DEBIAN_PACKAGES (make install does, as root)."
            ) from None
        self.stdout.write(
            f"PDF one-pagers: working (WeasyPrint {weasyprint.__version__}, a test page in "
            f"{time.perf_counter() - started:.1f} s, {len(output.pdf):,} bytes)."
        )
