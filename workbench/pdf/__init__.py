"""The PDF one-pager: print layout, WeasyPrint behind a locked-down fetcher, and a cache."""
