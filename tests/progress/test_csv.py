"""CSV import as councils' spreadsheets write it, and a refusal that names the row and column and stores nothing."""

import datetime as dt

import pytest

from workbench.progress import csvfile
from workbench.progress.models import Measurement, MeasurementChange

METRICS = {"metric-1": "Residents who eat well every day", "metric-2": "Children in food poverty"}


def test_excel_semicolons_bom_decimal_comma_percent_and_years_or_dates():
    # What Excel in a European locale saves as "CSV UTF-8": a byte order mark, semicolons, decimal commas.
    data = (
        "\ufeffMetric;Date;Value;Source;Note\r\n"
        "metric-1;2023;41,5 %;Camden Residents Survey 2023;\r\n"
        "metric-1;2024-06-30;43,25%;Camden Residents Survey 2024;mid-year\r\n"
        "Children in food poverty;2024;1.250,5;DWP;by name\r\n"
        ";;;;\r\n"
    ).encode("utf-8")
    rows = csvfile.read(data, metrics=METRICS)
    assert [(r.metric, r.year, r.date, r.value, r.source, r.note) for r in rows] == [
        ("metric-1", 2023, None, 41.5, "Camden Residents Survey 2023", ""),
        ("metric-1", 2024, dt.date(2024, 6, 30), 43.25, "Camden Residents Survey 2024", "mid-year"),
        ("metric-2", 2024, None, 1250.5, "DWP", "by name"),
    ]
    assert [r.line for r in rows] == [2, 3, 4]


def test_commas_with_quoted_decimal_comma_and_thousands():
    data = b'metric,year,value,source\nmetric-1,2022,"12,5",ONS\nmetric-2,2023,"1,250",ONS\nmetric-2,2024,-3.75,ONS\n'
    rows = csvfile.read(data, metrics=METRICS)
    assert [r.value for r in rows] == [12.5, 1250.0, -3.75]


def test_tab_separated_without_bom():
    rows = csvfile.read(b"metric\tdate\tvalue\nmetric-1\t2021\t7\n", metrics=METRICS)
    assert [(r.metric, r.year, r.value) for r in rows] == [("metric-1", 2021, 7.0)]


@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        ("metric-9;2024;12", "Metric", "no metric of this canvas has the id or name “metric-9”"),
        ("metric-1;30/06/2024;12", "Date", "neither a year"),
        ("metric-1;2024-02-30;12", "Date", "not a date in the calendar"),
        ("metric-1;2024;twelve", "Value", "“twelve” is not a number"),
        ("metric-1;2024;", "Value", "the value is missing"),
        ("metric-1;;12", "Date", "the year or date is missing"),
    ],
)
def test_a_bad_row_is_named_by_row_and_column(row, column, words):
    data = f"Metric;Date;Value\nmetric-1;2023;10\n{row}\n".encode()
    with pytest.raises(csvfile.CsvInvalid) as raised:
        csvfile.read(data, metrics=METRICS)
    (problem,) = raised.value.problems
    assert (problem.row, problem.column) == (3, column)
    assert words in problem.message
    assert str(problem).startswith(f"Row 3, column “{column}”: ")


def test_the_same_metric_and_year_twice_is_refused():
    data = b"metric;date;value\nmetric-1;2023;10\nmetric-1;2023;11\n"
    with pytest.raises(csvfile.CsvInvalid) as raised:
        csvfile.read(data, metrics=METRICS)
    assert "row 2 already gives a value" in str(raised.value)


def test_a_missing_column_and_a_file_that_is_not_utf8():
    with pytest.raises(csvfile.CsvInvalid) as raised:
        csvfile.read(b"metric;value\nmetric-1;3\n", metrics=METRICS)
    assert "needs the columns date" in str(raised.value)
    with pytest.raises(csvfile.CsvInvalid) as raised:
        csvfile.read("metric;date;value\nmetric-1;2023;3 \u20ac\n".encode("cp1252"), metrics=METRICS)
    assert "not UTF-8" in str(raised.value)


def test_export_opens_in_excel_and_imports_back():
    data = csvfile.write([["metric-1", "Residents", "2024-06-30", 43.25, "%", "=HYPERLINK()", "", "demo", ""]])
    assert data.startswith("\ufeff".encode())
    assert b"'=HYPERLINK()" in data  # a formula is written as text
    rows = csvfile.read(data, metrics=METRICS)
    assert [(r.metric, r.date, r.value) for r in rows] == [("metric-1", dt.date(2024, 6, 30), 43.25)]


def test_a_file_with_one_bad_row_stores_nothing(client_for, canvas):
    client = client_for("editor")
    before = Measurement.objects.count()
    upload = _upload(b"\xef\xbb\xbfmetric;date;value\nmetric-1;2024;12,5\nmetric-2;2024;lots\n")
    response = client.post(f"/canvases/{canvas.pk}/progress/import/", {"file": upload})
    assert response.status_code == 422
    page = response.content.decode()
    assert "Row 3, column “value”: “lots” is not a number" in page
    assert "Nothing from this file was stored" in page
    assert Measurement.objects.count() == before and not MeasurementChange.objects.exists()


def test_a_good_file_is_stored_with_its_history(client_for, canvas):
    client = client_for("editor")
    upload = _upload(
        "\ufeffmetric;date;value;source\nmetric-1;2024;25 %;Survey\nmetric-2;2024-03-31;21,5;Survey\n".encode()
    )
    response = client.post(f"/canvases/{canvas.pk}/progress/import/", {"file": upload})
    assert response.status_code == 302
    stored = sorted(Measurement.objects.filter(canvas=canvas).values_list("metric", "year", "date", "value"))
    assert stored == [("metric-1", 2024, None, 25.0), ("metric-2", 2024, dt.date(2024, 3, 31), 21.5)]
    assert set(MeasurementChange.objects.values_list("action", flat=True)) == {"imported"}
    # The export reads back the same values.
    exported = client.get(f"/canvases/{canvas.pk}/progress/measurements.csv")
    assert exported["Content-Type"] == "text/csv; charset=utf-8"
    again = csvfile.read(exported.content, metrics={"metric-1": "Metric 1", "metric-2": "Metric 2"})
    assert sorted((r.metric, r.year, r.date, r.value) for r in again) == stored


def _upload(data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("values.csv", data, content_type="text/csv")


def test_a_dot_before_three_digits_separates_thousands_in_a_semicolon_file():
    data = b"metric;date;value\nmetric-1;2022;11.900\nmetric-1;2023;12.5\nmetric-2;2023;1.250.000\n"
    assert [r.value for r in csvfile.read(data, metrics=METRICS)] == [11900.0, 12.5, 1250000.0]
