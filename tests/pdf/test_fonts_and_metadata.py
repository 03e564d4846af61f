"""Every script renders with a real glyph from an embedded font; the PDF is tagged and described."""

import io

from pypdf import PdfReader

from tests.pdf.conftest import embedded_fonts, pdf_text
from tests.pdf.documents import typical_document
from workbench.pdf.render import render_one_pager_output

SAMPLES = {
    "Swedish": "Västerås sjukhus för åäö ÅÄÖ",
    "German": "Straße, Größe, Übergänge",
    "Polish": "Łódź, Śląsk, żółć, źdźbło",
    "Dutch": "ĳverige ĲSSELMEER",
    "Arabic": "مرحبا بالعالم",
    "Chinese": "每个人每天都吃得好",
    "emoji": "🍎🚲❤",
}


def _unicode_document() -> dict:
    document = typical_document()
    document["statement"] = SAMPLES["Swedish"] + " – " + SAMPLES["German"]
    document["root_causes"][0]["title"] = SAMPLES["Polish"]
    document["root_causes"][1]["title"] = SAMPLES["Dutch"]
    document["stakeholders"][0]["name"] = SAMPLES["Arabic"]
    document["opportunity_areas"][0]["title"] = SAMPLES["Chinese"]
    document["levers"][0]["title"] = "Retrofit fund " + SAMPLES["emoji"]
    return document


def test_every_character_of_every_script_maps_to_a_real_glyph_of_an_embedded_font(meta):
    pdf = render_one_pager_output(_unicode_document(), meta=meta).pdf

    fonts = embedded_fonts(pdf)
    assert fonts and all(font["embedded"] for font in fonts.values()), fonts.keys()
    # A missing glyph is drawn as .notdef (the box), through an encoding CMap instead of Identity-H;
    # CID 0 is .notdef itself.
    assert {font["encoding"] for font in fonts.values()} == {"/Identity-H"}, fonts
    assert all(0 not in font["cids"] for font in fonts.values())
    covered = set().union(*(font["chars"] for font in fonts.values()))
    for language, sample in SAMPLES.items():
        missing = {char for char in sample if not char.isspace() and char not in covered}
        assert not missing, f"{language}: no glyph for {sorted(missing)}"
    names = " ".join(fonts)
    for family in ("Noto-Sans-Arabic", "Noto-Sans-CJK", "Noto-Color-Emoji"):
        assert family in names, f"{family} is not embedded: {names}"


def test_a_character_no_font_has_is_detected_as_a_missing_glyph(meta):
    # Proves the check above can fail: a private-use character has no glyph in any installed font.
    document = typical_document()
    document["statement"] = "A \ue000 B"

    fonts = embedded_fonts(render_one_pager_output(document, meta=meta).pdf)

    assert "CMap stream" in {font["encoding"] for font in fonts.values()}


def test_latin_text_comes_back_out_of_the_pdf(meta):
    text = pdf_text(render_one_pager_output(_unicode_document(), meta=meta).pdf)

    for language in ("Swedish", "German", "Polish", "Dutch", "Chinese"):
        assert SAMPLES[language] in text, language


def test_pdf_is_tagged_pdf_ua_with_title_author_subject_date_and_language(meta):
    document = typical_document()
    pdf = render_one_pager_output(document, meta=meta).pdf

    reader = PdfReader(io.BytesIO(pdf))
    info = reader.metadata
    assert info.title == f"{document['title']} – mission on a page"
    assert info.author == "Northfield housing team"
    assert info.subject == document["statement"]
    assert info.creation_date.date().isoformat() == "2025-03-04"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert 'pdfuaid:part="1"' in xmp
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
