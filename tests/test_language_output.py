"""The document's language from parse to output: metadata, diagnostics, HTML ``lang``/``dir``, DOCX ``w:lang``."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import lxml.etree
import lxml.html
import pytest

import qaformat
from qaformat.errors import OptionError
from qaformat.model import Kind, Turn
from qaformat.options import ParseOptions, RenderOptions
from qaformat.renderers.docx import render_docx
from qaformat.renderers.html import render_html
from tests.builders import a, interview, q
from tests.checkers import validate_html

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

GERMAN = """\
Interview: Die letzte Fährfrau vom Bodensee

Lena Vogt: Frau Brandt, wie sind Sie zu diesem Beruf gekommen?

Ines Brandt: Das war eher ein Zufall. Mein Vater hatte die Fähre, und als er krank wurde, habe ich sie
einfach übernommen. Ich dachte, das ist nur für einen Sommer, aber dann bin ich geblieben.

Lena Vogt: Und was ist das Schwierigste an der Arbeit?

Ines Brandt: Der Nebel im November. Man sieht nichts, und trotzdem wollen die Leute pünktlich am anderen
Ufer sein. Da muss man sich auf die Instrumente verlassen und auf das eigene Gehör.
"""

# An English interview whose guest answers once in French and once in Arabic (code-switching).
SWITCHING = interview(
    q("Your family moved from Lyon to Beirut when you were twelve, and then to London when you were twenty."
      " You have lived in English for most of your life since then. What did you speak at home as a child?"),
    a("It depended on who was in the kitchen. With my father it was French, with my grandmother Arabic, and"
      " with my brothers a mixture that nobody else could follow. When I moved to London I stopped speaking"
      " either of them for years, and I think that is why the songs came back to me in both of them at once"
      " when I finally started to write again. It was as if they had been waiting for me."),
    q("Do you remember what your father said on the day you left?"),
    a("Il m'a dit que la mer ne sépare jamais vraiment les gens, qu'elle les attend seulement, et que nous"
      " reviendrions tous un jour pour les vacances.",
      "I have thought about that sentence more than about anything else he told me."),
    q("And your grandmother?"),
    a("كانت تقول لي دائما إن البحر لا ينسى من يحبه، وإن علينا أن نعود إليه في كل صيف مهما حدث في حياتنا."),
    a("Elle ne parlait jamais de la guerre. Elle parlait du jardin, des citrons et de la mer, et elle chantait"
      " le soir quand elle croyait que nous dormions.",
      "Elle avait une voix très douce, et je crois que c'est pour cela que je suis devenue chanteuse."),
)


def _write(tmp_path: Path, text: str, name: str = "talk.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- parsing: found, reported, overridden, stored --------------------------------------------------


def test_the_language_is_guessed_reported_and_stored() -> None:
    transcript = qaformat.parse(GERMAN)
    assert transcript.metadata["lang"] == "de"
    reports = [d for d in transcript.diagnostics if d.code == "language-guessed"]
    assert len(reports) == 1 and reports[0].severity.value == "info" and reports[0].line is None
    assert reports[0].message.startswith("de (confidence 0.") or reports[0].message.startswith("de (confidence 1.00)")
    assert json.loads(str(qaformat.render(transcript, "json")))["metadata"] == {"lang": "de"}


def test_the_callers_language_wins_and_is_not_guessed() -> None:
    transcript = qaformat.parse(GERMAN, options=ParseOptions(lang="de-AT"))
    assert transcript.metadata["lang"] == "de-AT"
    assert not [d for d in transcript.diagnostics if d.code.startswith("language-")]


def test_a_declared_language_is_kept_and_a_malformed_one_replaced() -> None:
    page = "<html lang='de-CH'><body>" + "".join(f"<p>{line}</p>" for line in GERMAN.splitlines() if line) + "</body></html>"
    assert qaformat.parse(page.encode(), format="html").metadata["lang"] == "de-CH"
    page = page.replace("de-CH", "Deutsch")
    assert qaformat.parse(page.encode(), format="html").metadata["lang"] == "de"


def test_too_little_text_is_reported_and_no_language_stored() -> None:
    transcript = qaformat.parse("Q: 12?\nA: 34.\nQ: 56?\nA: 78!\n")
    assert "lang" not in transcript.metadata
    assert [d.code for d in transcript.diagnostics if d.code.startswith("language-")] == ["language-unknown"]
    html = render_html(transcript, RenderOptions(standalone=True))
    assert lxml.html.document_fromstring(html).get("lang") is None


@pytest.mark.parametrize("tag", ["en us", "english!", ""])
def test_a_malformed_tag_is_refused(tag: str) -> None:
    with pytest.raises(OptionError, match=r"^ParseOptions\.lang: .* is not a BCP 47 language tag"):
        ParseOptions(lang=tag)


def test_command_line(tmp_path: Path) -> None:
    source = _write(tmp_path, GERMAN)
    run = [sys.executable, "-m", "qaformat"]
    checked = subprocess.run([*run, "check", str(source)], capture_output=True, text=True, check=False)
    assert f"{source}:1:1: info language-guessed de (confidence " in checked.stdout
    out = tmp_path / "talk.json"
    subprocess.run([*run, "convert", str(source), "--lang", "de-AT", "-o", str(out)], check=True)
    assert json.loads(out.read_text(encoding="utf-8"))["metadata"]["lang"] == "de-AT"
    html = subprocess.run([*run, "convert", str(out), "-t", "html", "--lang", "gsw"], capture_output=True, text=True,
                          check=True).stdout
    assert html.startswith('<article class="qa-interview" lang="gsw">')
    bad = subprocess.run([*run, "convert", str(source), "--lang", "de at", "-t", "json"], capture_output=True, text=True,
                         check=False)
    assert bad.returncode == 2 and bad.stdout == ""
    assert bad.stderr == "qaformat: error: --lang: 'de at' is not a BCP 47 language tag (such as en, en-GB, ar, zh-Hant)\n"


# --- HTML ---------------------------------------------------------------------------------------------


def test_html_marks_turns_and_paragraphs_in_another_language() -> None:
    root = lxml.html.fragment_fromstring(render_html(SWITCHING, RenderOptions()))
    assert root.get("lang") == "en" and root.get("dir") is None
    turns = root.findall(".//div")
    marks = [(t.get("lang"), t.get("dir"), [(p.get("lang"), p.get("dir")) for p in t.findall("p")]) for t in turns]
    assert marks == [
        (None, None, [(None, None)]),
        (None, None, [(None, None)]),
        (None, None, [(None, None)]),
        ("fr", None, [(None, None), ("en", None)]),  # mostly French, its last paragraph in English
        (None, None, [(None, None)]),  # "And your grandmother?": too short to tell
        ("ar", "rtl", [(None, None)]),  # the whole turn in Arabic, which runs the other way
        ("fr", None, [(None, None), (None, None)]),  # the whole turn in French
    ]


def test_html_marks_english_inside_an_arabic_interview_left_to_right() -> None:
    transcript = interview(
        q("كيف بدأت العمل في ترميم المخطوطات القديمة في المكتبة الوطنية، وما الذي جذبك إلى هذه المهنة؟"),
        a("بدأت بالصدفة تقريبا، عندما كنت طالبة في الجامعة وكانت المكتبة تبحث عن متطوعين في الصيف."),
        a("The first thing my teacher told me was that a manuscript is never finished, it is only handed on to"
          " the next person who has to look after it."),
    )
    root = lxml.html.fragment_fromstring(render_html(transcript, RenderOptions()))
    assert (root.get("lang"), root.get("dir")) == ("ar", "rtl")
    assert [(t.get("lang"), t.get("dir")) for t in root.findall("section/div")][2] == ("en", "ltr")


@pytest.mark.external
def test_marked_pages_are_valid_html(tmp_path: Path) -> None:
    files = []
    for standalone in (False, True):
        path = tmp_path / f"switching-{standalone}.html"
        path.write_text(render_html(SWITCHING, RenderOptions(standalone=standalone)), encoding="utf-8")
        files.append(path)
    validate_html(files)


def test_a_short_quote_is_not_marked() -> None:
    transcript = interview(q("What was written over the door of the lighthouse when you arrived there?"),
                           a("Just two words in French: bon courage. I laughed, and then I understood why."))
    assert "lang=" not in render_html(transcript, RenderOptions()).split("\n", 1)[1]


def test_nothing_is_marked_in_a_language_the_guess_does_not_know() -> None:
    """Given Basque, a Spanish-looking paragraph may be Basque with Spanish words: leave it."""
    html = render_html(SWITCHING, RenderOptions(lang="eu"))
    assert html.count("lang=") == 1 and html.startswith('<article class="qa-interview" lang="eu">')


def test_the_intro_is_marked_too() -> None:
    transcript = interview(q("Why a lighthouse, of all places, after twenty years in the city?"),
                           intro=("La mer, toujours la mer: c'est ce qu'elle répète quand on lui demande pourquoi elle"
                                  " est restée ici après la fermeture du port et le départ de tous ses voisins.",),
                           metadata={"lang": "en"})
    root = lxml.html.fragment_fromstring(render_html(transcript, RenderOptions()))
    assert root.find("div[@class='qa-intro']/p").get("lang") == "fr"


# --- DOCX ---------------------------------------------------------------------------------------------


def _parts(data: bytes) -> tuple[lxml.etree._Element, lxml.etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return (lxml.etree.fromstring(package.read("word/styles.xml")),
                lxml.etree.fromstring(package.read("word/document.xml")))


def _style_lang(styles: lxml.etree._Element, name: str) -> dict[str, str]:
    for style in styles.iter(f"{W}style"):
        if style.find(f"{W}name").get(f"{W}val").lower() == name.lower():
            found = style.find(f"{W}rPr/{W}lang")
            return {} if found is None else {k.removeprefix(W): v for k, v in found.attrib.items()}
    raise AssertionError(name)


@pytest.mark.parametrize(("lang", "expected"), [
    ("de", {"val": "de"}),
    ("ja", {"val": "ja", "eastAsia": "ja"}),
    ("fa-IR", {"val": "fa-IR", "bidi": "fa-IR"}),
])
def test_docx_language_in_defaults_and_every_qa_style(lang: str, expected: dict[str, str]) -> None:
    data = render_docx(interview(q("Wie?"), a("So.")), RenderOptions(lang=lang))
    styles, _ = _parts(data)
    defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert {k.removeprefix(W): v for k, v in defaults.attrib.items()}.items() >= expected.items()
    for name in ("Normal", "Title", "Heading 1", "QA Intro", "QA Question", "QA Answer", "QA Remark", "QA Note",
                 "QA Speaker", "QA Direction", "QA Timestamp"):
        assert _style_lang(styles, name) == expected, name
    assert docx.Document(io.BytesIO(data)).core_properties.language == lang


def test_docx_template_styles_that_name_english_are_overridden(tmp_path: Path) -> None:
    house = docx.Document()
    for name in ("Normal", "Heading 1"):
        house.styles[name].element.get_or_add_rPr()
        lang = lxml.etree.SubElement(house.styles[name].element.rPr, f"{W}lang")
        lang.set(f"{W}val", "en-US")
    house.save(tmp_path / "house.docx")
    data = render_docx(qaformat.parse(GERMAN), RenderOptions(template=str(tmp_path / "house.docx")))
    styles, _ = _parts(data)
    assert _style_lang(styles, "Normal") == {"val": "de"} and _style_lang(styles, "Heading 1") == {"val": "de"}


def test_docx_without_a_language_does_not_claim_english() -> None:
    data = render_docx(interview(q("12?"), a("34.")), RenderOptions())
    styles, _ = _parts(data)
    assert styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang") is None
    assert "en-US" not in lxml.etree.tostring(styles).decode()
    assert docx.Document(io.BytesIO(data)).core_properties.language == ""


def test_docx_runs_of_a_paragraph_in_another_language_carry_it() -> None:
    japanese = Turn(Kind.ANSWER, "ruth-adebayo", ("祖母はいつも、海は自分を愛する人のことを決して忘れないと言っていました。",), 9)
    transcript = interview(*SWITCHING.sections[0].turns, japanese)
    _, body = _parts(render_docx(transcript, RenderOptions()))
    langs = []
    for paragraph in body.iter(f"{W}p"):
        found = {tuple(sorted((k.removeprefix(W), v) for k, v in lang.attrib.items())) for lang in paragraph.iter(f"{W}lang")}
        runs = paragraph.findall(f"{W}r")
        if found:
            assert len(found) == 1 and len(list(paragraph.iter(f"{W}lang"))) == len(runs)  # every run, label too
        langs.append(next(iter(found)) if found else None)
    assert langs == [None, None, None, (("val", "fr"),), (("val", "en"),), None, (("bidi", "ar"),), (("val", "fr"),),
                     (("val", "fr"),), (("eastAsia", "ja"),)]
