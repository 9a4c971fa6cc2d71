"""The HTML reader: a whole web page or a CMS fragment as blocks, page furniture left out.

Owns reading HTML: the declared encoding, which elements are page furniture (navigation, page
header and footer, asides, forms, scripts, comments) and are reported in ``omitted`` with their
source lines, block elements and ``<br>`` as blocks and lines, whitespace collapsed as a
browser does, and the hints HTML carries (``<h1>``-``<h6>``, a bold run at the start, a paragraph
in italics, ``<blockquote>``, a name-only ``<dt>`` naming its ``<dd>``'s speaker, a transcript
``<table>`` of speaker, time and text columns naming each row's speaker and time, our own ``qa-*``
classes). Page furniture is known by its element or landmark role (``<nav>``, ``<aside>``,
``<figcaption>``) and by the words CMSs name their components with (``class="most-read"``,
``id="comments"``, ``aria-label="Share"``). Office suites' pages read like hand-written ones:
bold and italics set in a style sheet's class rules (Google Docs), Word's title class, its
``<o:p>`` spacers and its conditional comments. Knows nothing about interviews. Imports lxml
and, from qaformat, only the blocks, the errors, the names vocabulary, `decode` and `tables`.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence
from itertools import pairwise

import attrs
from lxml import etree

from qaformat.blocks import Block, Document, Omitted
from qaformat.errors import Diagnostic, InputError
from qaformat.names import is_name_only
from qaformat.patterns import lazy
from qaformat.readers.decode import decode
from qaformat.readers.tables import Columns, find_columns, is_header, is_talk, seconds

__all__ = ["MAX_DEPTH", "read_html"]

_Element = etree._Element

# Elements that end a line of text and start another (the rest is inline, like <span>).
_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre",
    "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
# Page furniture by tag, and why it is left out.
_FURNITURE = {
    "script": "script",
    "style": "style sheet",
    "noscript": "noscript fallback",
    "template": "template",
    "nav": "page navigation",
    "header": "page header",
    "footer": "page footer",
    "aside": "sidebar (aside)",
    "iframe": "embedded frame",
    "svg": "graphic (svg)",
    "object": "embedded media",
    "embed": "embedded media",
    "video": "embedded media",
    "audio": "embedded media",
    "canvas": "embedded media",
    "button": "form control",
    "select": "form control",
    "textarea": "form control",
    "figcaption": "photo caption",
}
# Furniture that holds no words a reader of the page sees: left out without a `left-out` report.
_WORDLESS = frozenset({"script", "style sheet", "noscript fallback", "template", "HTML comment", "graphic (svg)",
                       "embedded frame", "embedded media", "form control", "hidden element", "stand-in title",
                       "table header row"})
# The same furniture marked with an ARIA landmark role on a <div>.
_ROLES = {
    "navigation": "page navigation",
    "banner": "page header",
    "contentinfo": "page footer",
    "complementary": "sidebar (aside)",
    "search": "search form",
}
# <header> and <footer> inside these belong to the article (its headline, its byline).
_SECTIONING = frozenset({"article", "main", "section"})
# Content of these is metadata or nothing at all; never text, never worth reporting.
_SILENT = frozenset({"title", "meta", "link", "base"})
# Components a CMS marks by class, id or a short aria-label (``<section class="most-read">``,
# ``<div class="ad-slot">``, ``<div id="comments">``): the words of a name, and why it is left out.
_COMPONENT_WORDS = {
    **dict.fromkeys(("comments", "disqus", "respond", "comentarios", "kommentare", "commentaires", "commenti"),
                    "comments"),
    **dict.fromkeys(("related", "recommended", "recommendations", "recirculation", "recirc", "outbrain", "taboola",
                     "trending", "relacionadas", "relacionados", "correlati", "verwandte"), "links to other articles"),
    **dict.fromkeys(("newsletter", "newsletters", "subscribe", "subscription", "signup", "optin", "mailchimp"),
                    "newsletter sign-up"),
    **dict.fromkeys(("share", "sharing", "sharebar", "sharedaddy", "addthis", "addtoany", "social"), "share buttons"),
    **dict.fromkeys(("jwplayer", "audioplayer", "videoplayer"), "audio or video player"),
    **dict.fromkeys(("ad", "ads", "advert", "adverts", "advertisement", "adslot", "dfp", "sponsored", "promo",
                     "publicidad", "anuncio", "werbung", "anzeige", "publicite", "pubblicita"), "advertisement"),
    **dict.fromkeys(("paywall", "regwall", "premium"), "paywall"),
    "caption": "photo caption",
    "pullquote": "pull quote",
    **dict.fromkeys(("breadcrumb", "breadcrumbs", "pagination", "pager"), "page navigation"),
    **dict.fromkeys(("cookie", "cookies", "consent", "gdpr"), "cookie notice"),
    "tags": "tags",
    # A profile box beside or after an interview (Folha's "Raio-X", Spiegel's "Steckbrief"): the
    # interviewee's age and career as a list, which no one says.
    **dict.fromkeys(("bio", "biobox", "biography", "perfil", "steckbrief", "factbox", "infobox"), "profile box"),
}
_COMPONENT_PAIRS = {
    **dict.fromkeys((("comment", "list"), ("comment", "area"), ("comment", "section"), ("comment", "thread"),
                     ("comment", "form")), "comments"),
    **dict.fromkeys((("most", "read"), ("most", "popular"), ("most", "viewed"), ("most", "shared"), ("read", "more"),
                     ("more", "stories"), ("also", "read"), ("further", "reading"), ("you", "may"), ("you", "might")),
                    "links to other articles"),
    **dict.fromkeys((("sign", "up"),), "newsletter sign-up"),
    **dict.fromkeys((("audio", "player"), ("video", "player"), ("media", "player"), ("podcast", "player"),
                     ("embed", "player"), ("audio", "controls"), ("player", "controls")), "audio or video player"),
    **dict.fromkeys((("photo", "credit"), ("image", "credit")), "photo caption"),
    ("pull", "quote"): "pull quote",
    **dict.fromkeys((("raio", "x"), ("fact", "box"), ("info", "box"), ("fact", "file")), "profile box"),
}
# Words that make a class a state of what it marks (``has-comments``, ``comments-open``), not a part.
_STATE_WORDS = frozenset({"has", "no", "with", "without", "is", "open", "closed", "enabled", "disabled", "active",
                          "allowed", "hidden", "visible", "show", "on", "off"})
# A class that names a post's taxonomy (WordPress's ``tag-social``, ``category-ads``) says what the
# post is about, not what the element is.
_TAXONOMY_WORDS = frozenset({"tag", "category", "cat", "topic", "term", "post", "page", "single"})
# These hold the page itself, never a component of it; nor does an element around a <main> or <h1>.
_NEVER_COMPONENT = frozenset({"html", "body", "main", "head"})
_COMPONENT_SHARE = 0.5  # an element holding more of the page's text than this is the page, whatever its class
_NAME_WORD = lazy(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_FORM_KINDS = (("comment", "comment form"), ("reply", "comment form"), ("search", "search form"),
               ("newsletter", "newsletter form"), ("subscribe", "newsletter form"), ("login", "login form"))

_BOLD_TAGS = frozenset({"strong", "b"})
_ITALIC_TAGS = frozenset({"em", "i"})
_PRE_TAGS = frozenset({"pre", "listing"})
# Tags that change the context of their content (other elements only by class or style).
_CONTEXT_TAGS = _BOLD_TAGS | _ITALIC_TAGS | _PRE_TAGS | _SECTIONING | {"blockquote", "li"}
_FONT_WEIGHT = lazy(r"font-weight\s*:\s*(\w+)", re.IGNORECASE)
# A style sheet rule for one class (``.c1{...}``, ``p.MsoTitle, li.MsoTitle {...}``).
_CSS_RULE = lazy(r"([^{}]+)\{([^{}]*)\}")
_CLASS_SELECTOR = lazy(r"\s*[a-zA-Z]*\.([\w-]+)\s*")
_CSS_COMMENT = lazy(r"/\*.*?\*/", re.DOTALL)
# Classes that mark a document's title: Word's and Google Docs' (and LibreOffice's) title paragraphs.
_TITLE_CLASSES = frozenset({"MsoTitle", "title"})
# Word's conditional-comment markers around list numbers (<![if !supportLists]>): not content.
_CONDITIONAL_MARKER = lazy(r"\[(?:if [^\]]*|endif)\]")
_FONT_STYLE = lazy(r"font-style\s*:\s*(\w+)", re.IGNORECASE)
_SPACES = lazy(r"[ \t\n\r\f]+")  # what HTML collapses; U+00A0 is not among them
_ASCII_SPACE = " \t\n\r\f"

# Our own HTML output (renderers/html.py): the qa-* class a block keeps as its `style` (an
# interviewer's remark by the class that says so, beside qa-remark).
_OWN_STYLES = ("qa-title", "qa-heading", "qa-intro", "qa-question", "qa-answer", "qa-by-interviewer", "qa-remark",
               "qa-note")
# A CMS that marks each paragraph of an interview by its role (``<p class="question">`` /
# ``<p class="answer">``): the class tokens that name the asking side and the answering side. Only
# whole tokens count (``qa-question`` is our own output's, read back by its style), and only on
# a page where both sides recur.
_ASKING_CLASSES = frozenset({"question", "q", "interviewer", "frage", "pregunta", "pergunta", "domanda", "vraag"})
_ANSWERING_CLASSES = frozenset({"answer", "a", "interviewee", "antwort", "respuesta", "resposta", "risposta",
                                "antwoord"})
_FEWEST_ROLE_PARAGRAPHS = 2
_META = {"author": "author", "date": "date", "description": "description",
         "dc.date": "date", "dcterms.date": "date", "article:published_time": "date"}
_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_XML_DECLARATION = lazy(r"\A\s*<\?xml[^>]*\?>")
_SURROGATES = lazy("[\ud800-\udfff]")
_LINE_END = lazy(r"\r\n?")
_PRESCAN_BYTES = 4096
_LINE_CAP = 65535  # libxml2 reports no line above this
MAX_DEPTH = 256
"""Elements nested deeper than this are refused: the reader walks the tree recursively."""


def read_html(data: str | bytes, source: str | None = None) -> Document:
    """Read HTML: a whole page or a fragment (str or bytes).

    Bytes are decoded as the document declares (``<meta charset>``, or an XML declaration), else
    as UTF-8, falling back to Windows-1252 with a warning (see `decode`).

    Returns:
        One block per line of each block element, ``line`` being the element's source line;
        page furniture and comments in ``omitted`` (a ``left-out`` info for each piece that
        holds words); ``<title>``, ``<meta>`` and ``lang`` in ``metadata``.

    Raises:
        InputError: binary or too large input, elements nested more than `MAX_DEPTH` deep, or
            the HTML parser stopped at one of its limits.
    """
    text, diagnostics = _decode(data, source)
    root = _parse(text, source)
    if root is None:
        return Document((), {}, tuple(diagnostics))
    body = root.find("body")
    reader = _TreeReader(_class_styles(root), _text_length(body if body is not None else root), _asking_classes(root))
    # Comments before <html> and after </html> are siblings of the root.
    for node in [*reversed(list(root.itersiblings(preceding=True))), root, *root.itersiblings()]:
        reader.walk(node, _Context())
        reader.text(node.tail, _Context())
    reader.close()
    metadata = _metadata(root)
    blocks, omitted = _title_and_byline(reader.blocks, reader.omitted, metadata)
    diagnostics += [left_out.as_diagnostic() for left_out in omitted if left_out.reason not in _WORDLESS]
    return Document(tuple(blocks), metadata, tuple(diagnostics), tuple(omitted))


# -- decoding and parsing --------------------------------------------------------------------


def _decode(data: str | bytes, source: str | None) -> tuple[str, list[Diagnostic]]:
    if isinstance(data, str):
        return data.removeprefix("\ufeff"), []
    text, diagnostics = decode(data, source)  # BOMs, UTF-8, the cp1252 fallback, binary refused
    declared = _declared_codec(data)
    if declared is None or declared == "utf-8" or data.startswith(codecs.BOM_UTF8):
        return text, diagnostics
    try:
        return data.decode(declared), []
    except UnicodeDecodeError:
        return text, diagnostics  # it does not hold what it declares: keep the fallback and its warning


def _declared_codec(data: bytes) -> str | None:
    """The Python codec for the charset the document declares, or ``None``."""
    head = data[:_PRESCAN_BYTES]
    match = _CHARSET.search(head) or _XML_ENCODING.match(head)
    if match is None:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
    # As browsers do (WHATWG Encoding): pages labelled Latin-1 or ASCII are Windows-1252, and a
    # UTF-16 label in bytes that could be read to find it is a mistake (a BOM would have said so).
    if name.startswith(("utf-16", "utf-32")):
        return None
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def _parse(text: str, source: str | None) -> _Element | None:
    text = _LINE_END.sub("\n", text)  # CR and CRLF count as one line end, as in the text reader
    text = _SURROGATES.sub("\ufffd", text)  # libxml2 drops the rest of a text after one
    # lxml refuses a str with an XML encoding declaration; blank it out, keeping line numbers.
    text = _XML_DECLARATION.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
    if not text.strip():
        return None
    # Plain elements: lxml.html's element classes cost time and give nothing here. huge_tree:
    # without it libxml2 stops at a text or attribute of 10 MB (an inlined image) and returns a
    # tree cut short there, silently.
    parser = etree.HTMLParser(huge_tree=True)
    root = etree.fromstring(text, parser=parser)
    for error in parser.error_log:
        # libxml2 stops reading (and returns what it has) at a limit: say so, never read half a page.
        if error.level == etree.ErrorLevels.FATAL and "depth" in error.message:
            raise _too_deep(error.line, source)
        if error.level == etree.ErrorLevels.FATAL and ("limit" in error.message or "HUGE" in error.message):
            raise InputError(f"the HTML parser stopped at its limit: {error.message.strip()}", source=source, line=error.line)
    return root  # None: nothing but comments or a doctype


def _too_deep(line: int | None, source: str | None = None) -> InputError:
    return InputError(f"elements are nested more than {MAX_DEPTH} deep (the HTML reader's limit)", source=source, line=line)


def _metadata(root: _Element) -> dict[str, str]:
    metadata: dict[str, str] = {}
    title = root.find("head/title")
    title = title if title is not None else root.find(".//title")
    if title is not None and _collapse(_visible_text(title)):
        # A page's <title> usually carries the site's name too: kept apart from a real title.
        metadata["page_title"] = _collapse(_visible_text(title))
    for meta in root.iter("meta"):
        key = _META.get((meta.get("name") or meta.get("property") or "").strip().lower())
        content = _collapse(meta.get("content") or "")
        if key and content and key not in metadata:
            metadata[key] = content
    lang = root.get("lang") or next((a.get("lang") for a in root.iter("article") if a.get("lang")), None)
    if lang and lang.strip():
        metadata["lang"] = lang.strip()
    return metadata


def _class_styles(root: _Element) -> dict[str, str]:
    """The declarations of each class's rules in the page's style sheets (later rules after earlier ones)."""
    found: dict[str, str] = {}
    for sheet in root.iter("style"):
        for selectors, declarations in _CSS_RULE.findall(_CSS_COMMENT.sub("", sheet.text or "")):
            for selector in selectors.split(","):
                match = _CLASS_SELECTOR.fullmatch(selector)
                if match and ("font-weight" in declarations or "font-style" in declarations):
                    found[match.group(1)] = found.get(match.group(1), "") + ";" + declarations
    return found


def _asking_classes(root: _Element) -> frozenset[str]:
    """The role class tokens that mark the questions, where paragraphs marked as questions and
    paragraphs marked as answers both recur: those paragraphs read as if set apart in bold, the
    mark the question conventions read. One class alone (a site's ``.answer`` box) marks nothing."""
    asking: dict[str, int] = {}
    answering = 0
    for element in root.iter("p", "div", "li", "dd", "blockquote", "section"):
        tokens = {token.lower() for token in _classes(element)}
        for token in tokens & _ASKING_CLASSES:
            asking[token] = asking.get(token, 0) + 1
        answering += bool(tokens & _ANSWERING_CLASSES)
    if answering < _FEWEST_ROLE_PARAGRAPHS:
        return frozenset()
    return frozenset(token for token, count in asking.items() if count >= _FEWEST_ROLE_PARAGRAPHS)


def _title_and_byline(blocks: list[Block], omitted: list[Omitted],
                      metadata: dict[str, str]) -> tuple[list[Block], list[Omitted]]:
    """Where nothing marks the title, the paragraph that says exactly what ``<title>`` says is it;
    a paragraph right under it that says exactly what ``<meta name="author">`` says is its byline.

    Word processors' pages mark neither (LibreOffice writes the title as a bold paragraph and the
    author as a plain one), but they fill ``<title>`` and the author from the document's properties.
    """
    page_title = metadata.get("page_title")
    if not page_title or any(block.title for block in blocks):
        return blocks, omitted
    index = next((i for i, block in enumerate(blocks) if block.text == page_title), None)
    if index is None:
        return blocks, omitted
    blocks = [*blocks[:index], attrs.evolve(blocks[index], title=True), *blocks[index + 1:]]
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    if following is not None and following.text == metadata.get("author") and following.gap_before:
        del blocks[index + 1]
        omitted = sorted([*omitted, Omitted(following.line, following.line, "author line (the page's author)")],
                         key=lambda o: o.first_line)
    return blocks, omitted


def _collapse(text: str) -> str:
    return _SPACES.sub(" ", text).strip(_ASCII_SPACE)


# -- what to leave out -----------------------------------------------------------------------


def _classes(element: _Element) -> list[str]:
    return (element.get("class") or "").split()


def _furniture(element: _Element, in_section: bool, page_chars: int = 0) -> str | None:
    """Why an element is left out, or ``None`` if it is read; ``page_chars`` is the length of
    the page's text."""
    tag = element.tag
    if tag == "form":
        return _form_kind(element)
    if tag in ("header", "footer") and in_section:
        return None
    if tag in _FURNITURE:
        return _FURNITURE[tag]
    role = (element.get("role") or "").strip().lower()
    if role in _ROLES:
        return _ROLES[role]
    if tag == "div" and element.get("title") in ("header", "footer"):
        return f"page {element.get('title')}"  # LibreOffice's page header and footer
    if element.get("hidden") is not None:
        return "hidden element"
    if "qa-untitled" in _classes(element):
        return "stand-in title"  # our renderer's heading for a page whose transcript has no title
    reason = _component(element, tag)
    if reason is not None and not _holds_the_page(element, page_chars):
        return reason
    return None


def _component(element: _Element, tag: str) -> str | None:
    """What a page component is, by the words of its class, id or short aria-label
    (``most-read``, ``ad-slot``, ``newsletterSignup``, ``aria-label="Share"``), or ``None``."""
    if tag in _NEVER_COMPONENT or tag not in _BLOCK_TAGS:
        return None
    names = [*_classes(element), element.get("id") or ""]
    label = element.get("aria-label") or ""
    if len(label.split()) <= 3:
        names.append(label)
    for name in names:
        words = [word.lower() for word in _NAME_WORD.findall(name)]
        if not words or not _STATE_WORDS.isdisjoint(words) or (len(words) > 1 and words[0] in _TAXONOMY_WORDS):
            continue
        for word in words:
            if word in _COMPONENT_WORDS:
                return _COMPONENT_WORDS[word]
        for pair in pairwise(words):
            if pair in _COMPONENT_PAIRS:
                return _COMPONENT_PAIRS[pair]
    return None


def _holds_the_page(element: _Element, page_chars: int) -> bool:
    """An element around the headline or the main content, or holding most of the page's text,
    is the page itself, whatever its class says (``<div class="post social-share">``)."""
    if element.find(".//h1") is not None or element.find(".//main") is not None:
        return True
    return page_chars > 0 and _text_length(element) > _COMPONENT_SHARE * page_chars


def _text_length(element: _Element) -> int:
    """Characters of text in an element, not counting white space, scripts and style sheets."""
    length = 0
    for inner in element.iter():
        if isinstance(inner.tag, str) and inner.tag not in ("script", "style"):
            length += len((inner.text or "").strip())
        if inner is not element:
            length += len((inner.tail or "").strip())
    return length


def _form_kind(form: _Element) -> str:
    marks = " ".join(form.get(name) or "" for name in ("id", "class", "action", "name", "role")).lower()
    return next((reason for word, reason in _FORM_KINDS if word in marks), "form")


def _sourceline(element: _Element) -> int | None:
    line: object = element.sourceline  # the stubs type it as "..."
    return line if isinstance(line, int) else None


def _visible_text(element: _Element) -> str:
    return str(etree.tostring(element, method="text", encoding="unicode", with_tail=False))


def _newlines(element: _Element) -> int:
    """Line ends inside an element (its text and its descendants' text and tails, not its tail)."""
    count = (element.text or "").count("\n")
    for inner in element.iterdescendants():
        count += (inner.text or "").count("\n") + (inner.tail or "").count("\n")
    return count


# -- reading ---------------------------------------------------------------------------------


@attrs.frozen
class _Context:
    """What the elements around a piece of text say about it."""

    bold: bool = False
    italic: bool = False
    quote: bool = False
    list_item: bool = False
    note: bool = False
    speaker: str | None = None
    style: str | None = None
    in_section: bool = False
    pre: bool = False


@attrs.frozen
class _Piece:
    """A stretch of a line's text with its formatting."""

    text: str
    bold: bool
    italic: bool


@attrs.define
class _Line:
    """One line of the open block; its number is set by its first visible character."""

    number: int | None
    pieces: list[_Piece] = attrs.field(factory=list)


@attrs.define
class _Open:
    """The block being filled: its hints, and its lines (split at ``<br>``)."""

    context: _Context
    heading: int | None = None
    title: bool = False
    lines: list[_Line] = attrs.field(factory=list)


class _TreeReader:
    """Walks the tree in document order, filling one open block at a time.

    ``cursor`` is the source line at the current position: libxml2 gives each element's line
    but stops counting at 65535, so past that the reader counts the line ends in the text.
    """

    def __init__(self, class_styles: dict[str, str], page_chars: int, asking: frozenset[str] = frozenset()) -> None:
        self.class_styles = class_styles
        self.asking = asking  # role classes that mark the questions (`_asking_classes`)
        self.page_chars = page_chars  # the length of the page's text
        self.blocks: list[Block] = []
        self.omitted: list[Omitted] = []
        self.open: _Open | None = None
        self.time: float | None = None  # a transcript table row's time, for the first block of its text
        self.cursor = 1
        self.depth = 0  # elements open around the current one

    def walk(self, element: _Element, context: _Context) -> None:
        """Read an element and everything inside it (its tail is the parent's business)."""
        self.sync(element)
        if not isinstance(element.tag, str):  # a comment or processing instruction
            self.skip(element, _comment_reason(element))
            return
        tag = element.tag.lower()
        if tag == "head":
            self.children(element, _Context(), head=True)
            return
        reason = _furniture(element, context.in_section, self.page_chars)
        if reason is not None or tag in _SILENT:
            self.skip(element, reason)
            return
        context = _inner_context(element, tag, context, self.class_styles)
        if self.asking and not context.bold and not self.asking.isdisjoint(c.lower() for c in _classes(element)):
            context = attrs.evolve(context, bold=True)
        if tag == "br":
            self.line_break(context)
            return
        if tag not in _BLOCK_TAGS:
            self.children(element, context)
            return
        self.close()
        if _is_dialogue_list(element):
            self.dialogue(element, context)
            return
        if tag == "table" and self.transcript_table(element, context):
            return
        heading, title = _heading(element, tag)
        self.open = _Open(context, heading, title, [_Line(self.cursor)])  # line = the element's line
        self.children(element, context)
        self.close()

    def children(self, element: _Element, context: _Context, *, head: bool = False) -> None:
        """An element's text and children in order, each child's tail in this context."""
        self.enter()
        self.text(element.text, context)
        for child in element:
            if head and isinstance(child.tag, str) and child.tag.lower() in _SILENT:
                self.skip(child, None)  # <title> and <meta> are metadata
            else:
                self.walk(child, context)
            self.text(child.tail, context)
        self.depth -= 1

    def enter(self) -> None:
        """One level deeper (left by ``depth -= 1``); refused past `MAX_DEPTH`."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _too_deep(self.cursor)

    def dialogue(self, dl: _Element, context: _Context) -> None:
        """``<dt>`` names the speaker of the ``<dd>`` after it (one or several)."""
        speaker: str | None = None
        self.enter()
        self.text(dl.text, context)
        for child in dl:
            if _is_skipped(child, context, self.page_chars) or child.tag not in ("dt", "dd"):
                self.walk(child, context)  # comments, furniture, a <div> grouping dt and dd
            elif child.tag == "dd":
                self.walk(child, attrs.evolve(context, speaker=speaker))
            else:
                # Only a name names the speaker: "<b>STQ:</b> Do you still play?" is a paragraph like any other.
                name = _collapse(_visible_text(child)).rstrip(":：").rstrip()
                speaker = name if _next_item(child, context, self.page_chars) == "dd" and is_name_only(name) else None
                if speaker is None:
                    self.walk(child, context)
                else:
                    self.sync(child)
                    self.skip(child, None)  # its text is the speaker of the blocks that follow
            self.text(child.tail, context)
        self.depth -= 1
        self.close()

    def transcript_table(self, table: _Element, context: _Context) -> bool:
        """A time | speaker | text table (any order, header row or not, as `tables` reads it),
        as web transcript players set one: each row's text is read with its speaker and time.
        ``False`` for any other table, which is read cell by cell."""
        rows = [(tr, cells) for tr, cells in _rows(table) if cells]
        texts = [[_collapse(_visible_text(cell)) for cell in cells] for _, cells in rows]
        columns = find_columns(texts[1:] or texts)
        if columns is None:
            return False
        header = is_header(texts[0], columns, repeated=all(cell.tag == "th" for cell in rows[0][1]))
        if not is_talk(texts[1:] if header else texts, columns):
            return False
        self.enter()
        for caption in table.iterchildren("caption"):
            self.walk(caption, context)
        for index, ((tr, row), cells) in enumerate(zip(rows, texts, strict=True)):
            self.sync(tr)
            if index == 0 and header:
                self.skip(tr, "table header row")
            elif len(row) != columns.count:
                self.walk(tr, context)  # a row across the table ("Part two"): read as it stands
            elif not cells[columns.text]:
                self.skip(tr, "table row with no text")
            else:
                self.transcript_row(row, cells, columns, context)
        self.depth -= 1
        return True

    def transcript_row(self, row: list[_Element], cells: list[str], columns: Columns, context: _Context) -> None:
        speaker = cells[columns.speaker].rstrip(":： ").strip() or None
        time = seconds(cells[columns.time]) if columns.time is not None else None
        for index, cell in enumerate(row):
            if index == columns.text:
                self.time = time
                self.walk(cell, attrs.evolve(context, speaker=speaker))
                self.time = None
            elif index == columns.time and time is None and cells[index]:
                self.walk(cell, context)  # not a time after all (a note such as "later"): plain text
            else:
                self.sync(cell)
                self.skip(cell, None)  # its text is the speaker (or the time) of the row's text
            self.text(cell.tail, context)

    # position

    def sync(self, element: _Element) -> None:
        line = _sourceline(element)
        if line is not None and line < _LINE_CAP:
            # A comment's line is where it ends.
            self.cursor = line - (element.text or "").count("\n") if isinstance(element, etree._Comment) else line

    def skip(self, element: _Element, reason: str | None) -> None:
        """Leave an element out (reported when there is a reason), moving past its lines."""
        first = self.cursor
        self.cursor += _newlines(element)
        if reason is not None:
            self.omitted.append(Omitted(first, self.cursor, reason))

    # text

    def text(self, text: str | None, context: _Context) -> None:
        if not text:
            return
        if self.open is None:
            if not text.strip(_ASCII_SPACE):
                self.cursor += text.count("\n")
                return
            # Text straight inside a container (a <div>, a fragment's <body>): a block of its own.
            self.open = _Open(context, lines=[_Line(None)])
        parts = text.split("\n") if context.pre else [text]
        for index, part in enumerate(parts):
            if index:  # a line end in <pre> is a line break
                self.cursor += 1
                self.open.lines.append(_Line(None))
            self.add(part, context)
        if not context.pre:
            self.cursor += text.count("\n")

    def add(self, text: str, context: _Context) -> None:
        assert self.open is not None
        line = self.open.lines[-1]
        if line.number is None and text.strip(_ASCII_SPACE):
            line.number = self.cursor + text[: len(text) - len(text.lstrip(_ASCII_SPACE))].count("\n")
        line.pieces.append(_Piece(text, context.bold, context.italic))

    def line_break(self, context: _Context) -> None:
        if self.open is None:
            self.open = _Open(context, lines=[_Line(None)])
        self.open.lines.append(_Line(None))

    def close(self) -> None:
        """Turn the open block's lines into blocks; a blank line (``<br><br>``) is a gap."""
        block, self.open = self.open, None
        if block is None:
            return
        gap = True
        hints = block.context
        for line in block.lines:
            text, bold_prefix, italic = _join(line.pieces, pre=hints.pre)
            if not text or text.isspace():  # a paragraph of &nbsp; is a blank line
                gap = True
                continue
            self.blocks.append(Block(
                text=text, line=line.number or self.cursor, gap_before=gap, heading=block.heading, title=block.title,
                bold_prefix=bold_prefix, italic=italic or hints.note, quote=hints.quote, list_item=hints.list_item,
                speaker=hints.speaker, time=self.time, style=hints.style,
            ))
            self.time = None  # the row's time is its first line's, as a Word table row's is
            gap = False


def _rows(table: _Element) -> list[tuple[_Element, list[_Element]]]:
    """Each row of a table (in its ``<thead>``, ``<tbody>`` or straight in it, not in a table
    inside one of its cells) with its cells."""
    rows = []
    for tr in table.iter("tr"):
        parent = tr.getparent()
        while parent is not None and parent.tag != "table":
            parent = parent.getparent()
        if parent is table:
            rows.append((tr, [cell for cell in tr if cell.tag in ("td", "th")]))
    return rows


def _is_skipped(element: _Element, context: _Context, page_chars: int) -> bool:
    """A comment, a processing instruction, or furniture: never a dialogue item."""
    if not isinstance(element.tag, str):
        return True
    return _furniture(element, context.in_section, page_chars) is not None


def _next_item(element: _Element, context: _Context, page_chars: int) -> str | None:
    """The tag of the next sibling that is read (``dd`` after a ``dt``), or ``None``."""
    for sibling in element.itersiblings():
        if not _is_skipped(sibling, context, page_chars):
            return str(sibling.tag)
    return None


def _is_dialogue_list(element: _Element) -> bool:
    """A ``<dl>`` (or a ``<div>`` grouping inside one) with at least one ``<dd>``."""
    if element.tag == "div":
        parent = element.getparent()
        if parent is None or parent.tag != "dl":
            return False
    return any(child.tag == "dd" for child in element)


def _comment_reason(node: _Element) -> str | None:
    if not isinstance(node, etree._Comment):
        return None  # a processing instruction
    return None if _CONDITIONAL_MARKER.fullmatch((node.text or "").strip()) else "HTML comment"


def _inner_context(element: _Element, tag: str, context: _Context, class_styles: dict[str, str]) -> _Context:
    """The context for an element's content: formatting and hints it adds."""
    if tag not in _CONTEXT_TAGS and element.get("class") is None and element.get("style") is None:
        return context
    classes = _classes(element)
    # The element's own style attribute wins over its classes' rules, as in CSS. Class rules count
    # on inline elements only (Google Docs' <span class="c1">): on a block they are a site's look
    # (a bold lead paragraph, a byline), not a label.
    rules = [class_styles[name] for name in classes if name in class_styles] if tag not in _BLOCK_TAGS else []
    style = ";".join([*rules, element.get("style") or ""])
    inner = _Context(
        bold=_weight(style, tag, context.bold),
        italic=_slant(style, tag, context.italic),
        quote=context.quote or tag == "blockquote",
        list_item=context.list_item or tag == "li",
        note=context.note or "qa-note" in classes,
        speaker=context.speaker,
        style=next((name for name in _OWN_STYLES if name in classes), context.style),
        in_section=context.in_section or tag in _SECTIONING,
        pre=context.pre or tag in _PRE_TAGS,
    )
    return context if inner == context else inner  # most elements change nothing: share it


def _weight(style: str, tag: str, bold: bool) -> bool:
    # Google Docs wraps a whole pasted document in <b style="font-weight:normal">: not bold.
    matches = _FONT_WEIGHT.findall(style)
    if matches:
        value = matches[-1].lower()
        return value in ("bold", "bolder") or (value.isdigit() and int(value) >= 600)
    return bold or tag in _BOLD_TAGS


def _slant(style: str, tag: str, italic: bool) -> bool:
    matches = _FONT_STYLE.findall(style)
    if matches:
        return matches[-1].lower() in ("italic", "oblique")
    return italic or tag in _ITALIC_TAGS


def _heading(element: _Element, tag: str) -> tuple[int | None, bool]:
    classes = _classes(element)
    if "qa-title" in classes or not _TITLE_CLASSES.isdisjoint(classes):
        return None, True
    if tag in _HEADINGS:
        return _HEADINGS[tag], False
    if "qa-heading" in classes:
        return 2, False  # our renderer's section headings are <h2>; a restyled one still counts
    return None, False


def _join(pieces: Sequence[_Piece], *, pre: bool) -> tuple[str, int, bool]:
    """A line's text (whitespace collapsed unless preformatted, ends trimmed), the number of
    leading bold characters, and whether all of it is in italics."""
    items = _trimmed(pieces if pre else _collapsed(pieces))
    text = "".join(piece.text for piece in items)
    prefix = 0
    for piece in items:
        if not piece.bold and piece.text.strip(_ASCII_SPACE):
            break
        prefix += len(piece.text)
    bold = len(text[:prefix].rstrip(_ASCII_SPACE))
    visible = [piece.italic for piece in items if piece.text.strip(_ASCII_SPACE)]
    return text, bold, bool(visible) and all(visible)


def _collapsed(pieces: Sequence[_Piece]) -> list[_Piece]:
    """Runs of HTML white space as one space, across pieces; none at the start of the line."""
    out: list[_Piece] = []
    after_space = True
    for piece in pieces:
        text = _SPACES.sub(" ", piece.text)
        if after_space and text.startswith(" "):
            text = text[1:]
        if text:
            after_space = text.endswith(" ")
            out.append(piece if text == piece.text else _Piece(text, piece.bold, piece.italic))
    return out


def _trimmed(pieces: Sequence[_Piece]) -> list[_Piece]:
    """Pieces without the line's leading and trailing white space."""
    start, stop = 0, len(pieces)
    while start < stop and not pieces[start].text.strip(_ASCII_SPACE):
        start += 1
    while stop > start and not pieces[stop - 1].text.strip(_ASCII_SPACE):
        stop -= 1
    items = list(pieces[start:stop])  # sliced, not popped from the front: a line can hold thousands
    if items:
        first = items[0]
        items[0] = _Piece(first.text.lstrip(_ASCII_SPACE), first.bold, first.italic)
        last = items[-1]
        items[-1] = _Piece(last.text.rstrip(_ASCII_SPACE), last.bold, last.italic)
    return items
