"""What publishing needs of every output: the fragment options a CMS template needs, the title
and metadata set by the caller, schema.org JSON-LD, the cast line, typography, the presets that
turn them on, and the command line that lists every format. HTML with the new options is
checked by the W3C Nu checker."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import lxml.html
import pytest

import qaformat
from qaformat import Kind, RenderOptions, Role, Section, Span, SpanKind, Speaker, Transcript, Turn
from qaformat.errors import OptionError
from qaformat.presets import apply_preset
from qaformat.renderers import RENDERERS, format_for_suffix
from qaformat.renderers.castline import cast_line
from qaformat.renderers.typography import smart_text
from tests.builders import a, interview, load_case, q
from tests.conftest import need_program

EXAMPLE = load_case("example")
PANEL = Transcript(
    title="Power Lines",
    intro=("An interview.",),
    speakers=(Speaker("emily-carter", "Emily Carter", Role.INTERVIEWER, description="senior editor"),
              Speaker("alexander-petrov", "Dr. Alexander Petrov", Role.INTERVIEWEE,
                      description="senior fellow at the Grid Institute"),
              Speaker("q", "Q", Role.INTERVIEWER)),
    sections=(Section(None, (Turn(Kind.QUESTION, "emily-carter", ("Why now?",), 1),
                             Turn(Kind.ANSWER, "alexander-petrov", ("Because.",), 2)), 1),),
)


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "qaformat", *args], capture_output=True, text=True, timeout=120,
                          check=False)


def article(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fragment_fromstring(html)


# -- the fragment a CMS template needs ----------------------------------------------------------

def test_defaults_are_unchanged() -> None:
    root = article(qaformat.render(EXAMPLE, "html"))
    assert root.find("h1").get("class") == "qa-title" and root.find("section/h2").get("class") == "qa-heading"
    assert root.find("script") is None and root.find(".//p[@class='qa-cast']") is None


def test_no_title_no_intro_heading_level_and_class_prefix() -> None:
    options = RenderOptions(show_title=False, show_intro=False, heading_level=3, class_prefix="interview-")
    root = article(qaformat.render(EXAMPLE, "html", options))
    assert root.get("class") == "interview-interview"
    assert root.find("h1") is None and root.find("h2") is None
    assert root.find("div[@class='interview-intro']") is None
    assert [h.tag for h in root.iter("h1", "h2", "h3", "h4")] == ["h3", "h3"]
    classes = {c for e in root.iter() for c in (e.get("class") or "").split()}
    assert classes and all(c.startswith("interview-") for c in classes)
    assert {"interview-turn", "interview-question", "interview-answer", "interview-speaker"} <= classes


def test_title_is_one_level_above_the_headings() -> None:
    root = article(qaformat.render(EXAMPLE, "html", RenderOptions(heading_level=4)))
    assert root.find("h3").get("class") == "qa-title" and root.find("section/h4") is not None
    root = article(qaformat.render(EXAMPLE, "html", RenderOptions(heading_level=1)))
    assert root.find("h1").get("class") == "qa-title" and root.find("section/h1") is not None


def test_no_intro_keeps_the_note_and_the_cast() -> None:
    root = article(qaformat.render(EXAMPLE, "html", RenderOptions(show_intro=False, note="Edited.", cast=True)))
    assert [p.get("class") for p in root.find("div").iter("p")] == ["qa-note", "qa-cast"]


def test_page_stylesheet_follows_the_prefix() -> None:
    page = str(qaformat.render(EXAMPLE, "html", RenderOptions(standalone=True, class_prefix="iv_")))
    assert ".iv_turn" in page and ".qa-turn" not in page and "var(--qa-text)" in page


@pytest.mark.parametrize("prefix", ["1x", "a b", 'x"', "x>", "é-"])
def test_class_prefix_must_be_a_class_name(prefix: str) -> None:
    with pytest.raises(OptionError, match="class prefix"):
        RenderOptions(class_prefix=prefix)


@pytest.mark.parametrize("level", [0, 7])
def test_heading_level_is_1_to_6(level: int) -> None:
    with pytest.raises(ValueError):
        RenderOptions(heading_level=level)


def test_markdown_and_wordpress_follow_the_options() -> None:
    options = RenderOptions(show_title=False, heading_level=3)
    markdown = str(qaformat.render(EXAMPLE, "md", options))
    assert not markdown.startswith("# ") and "\n### Starting Out\n" in markdown
    assert str(qaformat.render(EXAMPLE, "md", RenderOptions(heading_level=3))).startswith("## The Night Shift")


# -- title and metadata given by the caller -------------------------------------------------------

def test_title_and_metadata_replace_the_inputs_in_every_format() -> None:
    options = RenderOptions(title="A Better Headline", metadata={"date": "2024-05-01", "author": "Desk"})
    assert article(qaformat.render(EXAMPLE, "html", options)).find("h1").text == "A Better Headline"
    data = json.loads(qaformat.render(EXAMPLE, "json", options))
    assert data["title"] == "A Better Headline" and data["metadata"]["date"] == "2024-05-01"
    ast = json.loads(qaformat.render(EXAMPLE, "pandoc", options))
    assert ast["meta"]["date"]["c"] == [{"t": "Str", "c": "2024-05-01"}]
    assert str(qaformat.render(EXAMPLE, "md", options)).startswith("# A Better Headline\n")


def test_cli_title_and_meta(tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    done = cli("convert", "examples/interview.txt", "--standalone", "--title", "Set <Title>", "--meta", "date=2024-05-01",
               "--meta", "lang=en", "-o", str(out))
    assert done.returncode == 0, done.stderr
    root = lxml.html.document_fromstring(out.read_text(encoding="utf-8"))
    assert root.find("head/title").text == "Set <Title>" and root.get("lang") == "en"
    data = json.loads(root.find("head/script").text)
    assert data["headline"] == "Set <Title>" and data["datePublished"] == "2024-05-01" and data["inLanguage"] == "en"
    bad = cli("convert", "examples/interview.txt", "--meta", "nothing", "-o", str(tmp_path / "x.html"))
    assert bad.returncode == 2 and bad.stderr == "qaformat: error: --meta wants KEY=VALUE, got 'nothing'\n"
    assert not (tmp_path / "x.html").exists()


# -- schema.org JSON-LD -----------------------------------------------------------------------------

def jsonld(html: str) -> dict[str, object]:
    root = lxml.html.document_fromstring(html)
    (script,) = root.iter("script")
    assert script.get("type") == "application/ld+json"
    return dict(json.loads(script.text))


def test_page_carries_an_article_naming_the_title_as_headline() -> None:
    transcript = Transcript(**{**{f: getattr(PANEL, f) for f in ("title", "intro", "speakers", "sections")},
                               "metadata": {"date": "2024-05-01", "description": "On the grid."}})
    data = jsonld(str(qaformat.render(transcript, "html", RenderOptions(standalone=True, lang="en-GB"))))
    assert data == {
        "@context": "https://schema.org", "@type": "Article", "headline": "Power Lines", "description": "On the grid.",
        "author": [{"@type": "Person", "name": "Emily Carter", "description": "senior editor"}],
        "about": [{"@type": "Person", "name": "Dr. Alexander Petrov",
                   "description": "senior fellow at the Grid Institute"}],
        "datePublished": "2024-05-01", "inLanguage": "en-GB",
    }


def test_fragment_carries_it_on_request() -> None:
    assert article(qaformat.render(PANEL, "html")).find("script") is None
    fragment = str(qaformat.render(PANEL, "html", RenderOptions(jsonld=True)))
    assert jsonld(fragment)["headline"] == "Power Lines"


@pytest.mark.parametrize("title", ["</script><script>alert(1)</script>", "<!-- <script>", "a & b > c",
                                   "line\u2028sep \x85 \ud800 \U0001fffe", "\"quoted\" \\ back"])
def test_no_title_can_end_the_script_element(title: str) -> None:
    html = str(qaformat.render(interview(q("Hi?"), a("Hi."), title=title), "html", RenderOptions(standalone=True)))
    head = html.split("<style>")[0]
    script = head.split('<script type="application/ld+json">', 1)[1]
    assert "<" not in script.split("</script>")[0] and head.count("</script>") == 1
    assert jsonld(html)["headline"] == title.strip()


# -- the cast line --------------------------------------------------------------------------------

def test_cast_line_names_who_talks_with_whom() -> None:
    assert cast_line(PANEL) == ("Emily Carter, senior editor, talks with Dr. Alexander Petrov, senior fellow at the"
                                " Grid Institute.")
    two = Transcript(speakers=(Speaker("a", "Ann Lee", Role.INTERVIEWER), Speaker("b", "Bo Diaz", Role.INTERVIEWER),
                               Speaker("c", "Cy Young", Role.INTERVIEWEE)))
    assert cast_line(two) == "Ann Lee and Bo Diaz talk with Cy Young."
    assert cast_line(Transcript(speakers=(Speaker("q", "Q", Role.INTERVIEWER), Speaker("c", "Cy Young", Role.INTERVIEWEE)))) \
        == "With Cy Young."
    assert cast_line(Transcript(speakers=(Speaker("q", "Q", Role.INTERVIEWER), Speaker("a", "A", Role.INTERVIEWEE)))) is None


def test_cast_line_in_html_docx_markdown_and_the_ast() -> None:
    line = cast_line(PANEL)
    assert line
    options = RenderOptions(cast=True)
    root = article(qaformat.render(PANEL, "html", options))
    assert root.find("div[@class='qa-intro']/p[@class='qa-cast']").text == line
    assert f"\n\n*{line}*\n\n" in str(qaformat.render(PANEL, "md", options))
    ast = json.loads(qaformat.render(PANEL, "pandoc", options))
    cast_div = next(b for b in ast["blocks"] if b["c"][0][1] == ["qa-cast"])
    assert cast_div["c"][0][2] == [["custom-style", "QA Cast"]]
    with zipfile.ZipFile(io.BytesIO(bytes(qaformat.render(PANEL, "docx", options)))) as package:
        document = package.read("word/document.xml").decode()
        styles = package.read("word/styles.xml").decode()
    style_id = styles.split('<w:name w:val="QA Cast"/>')[0].rsplit('w:styleId="', 1)[1].split('"')[0]
    assert f'<w:pStyle w:val="{style_id}"/>' in document and "senior fellow at the Grid Institute." in document


# -- typography -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "text", "expected"), [
    (None, 'He said "it\'s done"... -- then left', "He said “it’s done”… — then left"),
    ("en", "'Quoted' - and 1990--1995, the '90s", "‘Quoted’ – and 1990–1995, the ’90s"),
    ("de", 'Er sagte "nein" und \'ja\'', "Er sagte „nein“ und ‚ja‘"),
    ("fr-CA", 'Il a dit "non" et l\'a fait', "Il a dit «\u00a0non\u00a0» et l’a fait"),
    (None, "5 km, 40 % and 3 kg for Dr. Petrov and Ms Lee", "5\u00a0km, 40\u00a0% and 3\u00a0kg for Dr.\u00a0Petrov"
                                                              " and Ms\u00a0Lee"),
    (None, "Mr. and mrs. in 5 minutes, 5 in the box", "Mr. and mrs. in 5 minutes, 5 in the box"),
])
def test_smart_typography(lang: str | None, text: str, expected: str) -> None:
    assert smart_text(text, lang)[0] == expected


def test_smart_keeps_spans_on_their_text_and_is_off_by_default() -> None:
    text = '"Well..." [laughs] -- it was [inaudible 00:15:05] "fine"'
    spans = (Span(0, 10, 18, SpanKind.DIRECTION), Span(0, 29, 49, SpanKind.DIRECTION),
             Span(0, 40, 48, SpanKind.TIMESTAMP))
    transcript = interview(a(text, spans=spans))
    assert [text[s.start:s.end] for s in spans] == ["[laughs]", "[inaudible 00:15:05]", "00:15:05"]
    plain = article(qaformat.render(transcript, "html"))
    assert '"Well..."' in plain.text_content()
    smart = article(qaformat.render(transcript, "html", RenderOptions(smart=True)))
    assert [s.text_content() for s in smart.iter("span", "time")] == ["[laughs]", "[inaudible 00:15:05]", "00:15:05"]
    assert "“Well…” [laughs] — it was [inaudible 00:15:05] “fine”" in smart.text_content()


def test_presets_turn_on_cast_and_typography() -> None:
    newsroom = apply_preset("newsroom", {})
    assert newsroom.cast and newsroom.smart
    magazine = apply_preset("magazine", {})
    assert magazine.smart and not magazine.cast
    assert not apply_preset("newsroom", {"smart": False}).smart
    assert not RenderOptions().smart and not RenderOptions().cast


# -- the command line lists every format ----------------------------------------------------------

def test_formats_command_lists_every_format_with_purpose_and_needs() -> None:
    done = cli("formats")
    assert done.returncode == 0
    for fmt in RENDERERS.values():
        assert f"{fmt.name:<10} {fmt.purpose}\n" in done.stdout
        assert fmt.purpose
    assert "needs pandoc" in done.stdout and "needs a transcript with times" in done.stdout


def test_convert_help_lists_every_format() -> None:
    done = cli("convert", "--help")
    assert done.returncode == 0
    listed = done.stdout.split("output formats:")[1]
    assert [line.split()[0] for line in listed.strip().splitlines()] == list(RENDERERS)
    for flag in ("--no-title", "--no-intro", "--heading-level", "--class-prefix", "--cast", "--smart", "--jsonld",
                 "--title", "--meta", "--pandoc-api"):
        assert flag in done.stdout


def test_docs_cli_lists_every_format() -> None:
    text = (Path(__file__).parent.parent / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in RENDERERS:
        assert f"| `{name}` |" in text


@pytest.mark.parametrize(("name", "fmt"), [("talk.html", "html"), ("talk.wp.html", "wordpress"),
                                           ("talk.pandoc.json", "pandoc"), ("talk.transcript.json", "podcast"),
                                           ("talk.json", "json"), ("talk.vtt", "vtt"), ("talk.icml", "icml"),
                                           ("talk.tex", "latex")])
def test_output_suffixes(name: str, fmt: str) -> None:
    found = format_for_suffix(name)
    assert found is not None and found.name == fmt


# -- W3C validity of the HTML with the new options ------------------------------------------------

def nu_check(tmp_path: Path, documents: dict[str, str]) -> None:
    vnu = need_program("vnu")
    files = []
    for name, html in documents.items():
        if not html.startswith("<!DOCTYPE"):
            html = ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>'
                    + html + "</body></html>\n")
        files.append(tmp_path / name)
        files[-1].write_text(html, encoding="utf-8")
    result = subprocess.run([vnu, "--errors-only", *map(str, files)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.external
def test_html_with_the_new_options_passes_the_nu_checker(tmp_path: Path) -> None:
    hostile = interview(q('</script><!-- "x" & y'), a("fine"), title="</script><script>x</script>",
                        metadata={"date": "2024-05-01"})
    nu_check(tmp_path, {
        "fragment.html": str(qaformat.render(EXAMPLE, "html", RenderOptions(
            show_title=False, heading_level=3, class_prefix="iv-", cast=True, jsonld=True, smart=True, note="Edited."))),
        "no-intro.html": str(qaformat.render(PANEL, "html", RenderOptions(show_intro=False, heading_level=1, cast=True))),
        "page.html": str(qaformat.render(PANEL, "html", RenderOptions(standalone=True, cast=True, smart=True,
                                                                     heading_level=5, class_prefix="x_"))),
        "hostile.html": str(qaformat.render(hostile, "html", RenderOptions(standalone=True, lang="de", smart=True))),
        "hostile-fragment.html": str(qaformat.render(hostile, "html", RenderOptions(jsonld=True))),
    })
