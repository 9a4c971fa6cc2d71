"""The DOCX renderer's styles made with python-docx: a house template's, and the default package.

For a ``--template`` it opens the reference document, empties its body while keeping the
section properties (page setup, headers, footers), adds each QA style (`SPECS`) the
document lacks, with restrained defaults an editor can restyle in Word, writes the language
and the core properties, and saves it with `docx_base.BODY_MARKER` where the body goes.
Without a template the same steps, run on python-docx's own default document with
placeholders for the language and the properties, make the parts `docx_base` ships
(`shipped_parts`; ``pytest --regen tests/test_docx_base.py`` writes them), so a rendering
without a template never imports this module. It imports python-docx and lxml and, from
qaformat, only the errors and `docx_base`.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

import attrs
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from lxml import etree

from qaformat.errors import RenderError
from qaformat.renderers.docx_base import (
    BODY_MARKER,
    LANGUAGE_PLACEHOLDER,
    STYLE_NAMES,
    W3CDTF,
    CoreProperties,
    language_attributes,
)

__all__ = [
    "SPECS",
    "StyleSpec",
    "clear_language",
    "open_base",
    "set_language",
    "set_properties",
    "shipped_parts",
    "style_ids",
    "template_parts",
]

_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# The time the shipped core properties are made with (2001-02-03 04:05:06 UTC), written as
# the ``{now}`` placeholder.
_PLACEHOLDER_TIME = 981173106


@attrs.frozen
class StyleSpec:
    """A style qaformat supplies when the base document lacks it."""

    name: str
    paragraph: bool = True
    base: str | None = "Normal"
    next: str | None = None
    bold: bool = False
    italic: bool = False
    color: str | None = None
    size: float | None = None
    before: float | None = None
    after: float | None = None
    keep_next: bool = False
    outline: int | None = None
    builtin: bool = False


SPECS = (
    StyleSpec("Title", size=24, after=12, keep_next=True, builtin=True, next="Normal"),
    StyleSpec("Heading 1", bold=True, size=15, before=20, after=6, keep_next=True, outline=0, builtin=True),
    StyleSpec("Heading 2", bold=True, size=13, before=14, after=4, keep_next=True, outline=1, builtin=True),
    StyleSpec("QA Intro", size=12, color="404040", after=14),
    StyleSpec("QA Cast", base="QA Intro", italic=True),
    StyleSpec("QA Question", next="QA Answer", color="1F3864", before=12, after=3, keep_next=True),
    StyleSpec("QA Answer", next="QA Question", after=6),
    StyleSpec("QA Remark", base="QA Answer"),
    StyleSpec("QA Interviewer Remark", base="QA Question", next="QA Question"),
    StyleSpec("QA Note", italic=True, color="666666", before=6, after=6),
    StyleSpec("QA Speaker", paragraph=False, base=None, bold=True),
    StyleSpec("QA Direction", paragraph=False, base=None, italic=True),
    StyleSpec("QA Timestamp", paragraph=False, base=None, color="7F7F7F", size=9),
)
"""The look of each style in `STYLE_NAMES`, in that order, where the base document lacks it."""

_FILE_ERRORS: dict[type[OSError], str] = {
    FileNotFoundError: "no such file",
    IsADirectoryError: "is a folder, not a file",
    PermissionError: "permission denied",
}


def template_parts(template: str | None, lang: str, properties: CoreProperties) -> tuple[dict[str, str], list[tuple[str, bytes]]]:
    """The package made from the template (or python-docx's default document): each style
    name of `STYLE_NAMES` with its id, and the parts in order as (name, bytes), with
    `BODY_MARKER` in ``word/document.xml`` where the body goes.

    Args:
        template: the house template's path, or ``None`` for python-docx's default document.
        lang: the document's language tag, or ``""``.
        properties: what the core properties say.

    Raises:
        RenderError: the template is missing, not a Word document, or corrupt, or has a QA
            style of the wrong type.
    """
    document = open_base(template)
    ids = style_ids(document, template)
    if lang:
        set_language(document, lang)
    elif template is None:
        clear_language(document)
    set_properties(document.core_properties, properties)
    body = document.element.body
    marker = etree.Comment(BODY_MARKER)
    if body.sectPr is not None:
        body.sectPr.addprevious(marker)  # the section properties stay last, as the schema wants
    else:
        body.append(marker)
    saved = io.BytesIO()
    document.save(saved)
    with zipfile.ZipFile(saved) as package:
        return ids, [(info.filename, package.read(info)) for info in package.infolist()]


def shipped_parts() -> list[tuple[str, bytes]]:
    """The default package's parts as `docx_base` ships them: python-docx's default document
    with the QA styles, the language placeholder in every ``w:lang`` a language goes into, and
    placeholders for the core properties."""
    placeholders = CoreProperties("{title}", "{keywords}", "{author}", "{language}", _PLACEHOLDER_TIME)
    _, parts = template_parts(None, LANGUAGE_PLACEHOLDER, placeholders)
    stamp = dt.datetime.fromtimestamp(_PLACEHOLDER_TIME, dt.UTC).strftime(W3CDTF).encode()
    return [(name, data.replace(stamp, b"{now}") if name == "docProps/core.xml" else data) for name, data in parts]


def open_base(template: str | None) -> Any:
    """The document to write into: the template with its body emptied, or the default.

    Raises:
        RenderError: the template is missing, not a Word document, or corrupt.
    """
    if template is None:
        document = Document()
        styles = document.styles.element
        # Letter spacing in python-docx's Title breaks the joining of Arabic script; its 99
        # table styles (nine tenths of styles.xml) style nothing here, and Word has them built in.
        for unused in styles.xpath("w:style[@w:styleId='Title']/w:rPr/w:spacing | w:style[@w:type='table'][not(@w:default)]"):
            unused.getparent().remove(unused)
        _drop_stale_parts(document)
        return document
    try:
        data = Path(template).read_bytes()
    except OSError as exc:
        reason = _FILE_ERRORS.get(type(exc), exc.strerror or str(exc))
        raise RenderError(f"cannot read the DOCX template: {reason}", source=template) from exc
    try:
        document = Document(io.BytesIO(_as_document(data)))
    except Exception as exc:  # python-docx raises many kinds (zip, XML, KeyError, ValueError)
        why = str(exc.args[0] if isinstance(exc, KeyError) and exc.args else exc)  # KeyError's str() is a repr
        raise RenderError(f"cannot use it as a DOCX template: {why or type(exc).__name__}", source=template) from exc
    body = document.element.body
    for child in body.xpath("./*[not(self::w:sectPr)]"):
        body.remove(child)
    _drop_stale_parts(document)
    return document


def _drop_stale_parts(document: Any) -> None:
    """Drop the base's thumbnail (a picture of another document) and Word 2010's stylesWithEffects
    copy of the styles, which would not have the styles added here."""
    for rels, stale in ((document.part.package.rels, "/thumbnail"), (document.part.rels, "/stylesWithEffects")):
        for rid in [rid for rid, rel in rels.items() if rel.reltype.endswith(stale)]:
            del rels[rid]


def _as_document(data: bytes) -> bytes:
    """A .dotx re-labelled as a .docx (python-docx opens documents only); other bytes unchanged."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ValueError("not a Word document (not a zip package)")
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        if "[Content_Types].xml" not in source.namelist():
            raise ValueError("not a Word document (a zip package without [Content_Types].xml)")
        if _TEMPLATE_TYPE not in source.read("[Content_Types].xml"):
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                blob = source.read(item)
                if item.filename == "[Content_Types].xml":
                    blob = blob.replace(_TEMPLATE_TYPE, _DOCUMENT_TYPE)
                target.writestr(item, blob)
    return out.getvalue()


def style_ids(document: Any, template: str | None) -> dict[str, str]:
    """Add the styles the document lacks; map each name in `STYLE_NAMES` to its style id.

    Raises:
        RenderError: the template has a style of one of these names but of the wrong type.
    """
    styles = document.styles
    added = []
    for spec in SPECS:
        wanted = WD_STYLE_TYPE.PARAGRAPH if spec.paragraph else WD_STYLE_TYPE.CHARACTER
        if spec.name not in styles:
            added.append((spec, _add_style(styles, spec, wanted)))
        elif styles[spec.name].type != wanted:
            kind = "paragraph" if spec.paragraph else "character"
            raise RenderError(f"style {spec.name!r} must be a {kind} style", source=template)
    for spec, style in added:  # once all exist, as a base or next style may come later in SPECS
        if spec.base is not None and spec.base in styles:
            style.base_style = styles[spec.base]
        if spec.next is not None and spec.next in styles:
            style.next_paragraph_style = styles[spec.next]
    return {name: styles[name].style_id for name in STYLE_NAMES}


def _add_style(styles: Any, spec: StyleSpec, kind: Any) -> Any:
    style = styles.add_style(spec.name, kind, builtin=spec.builtin)
    style.quick_style = True
    font = style.font
    # Each with its complex-script twin (bCs, iCs, szCs), so right-to-left text gets it too.
    # python-docx adds the w:rPr with the first of them; a style with none has no w:rPr.
    if spec.bold:
        font.bold = True
        style.element.rPr.get_or_add_bCs()
    if spec.italic:
        font.italic = True
        style.element.rPr.get_or_add_iCs()
    if spec.color is not None:
        font.color.rgb = RGBColor.from_string(spec.color)
    if spec.size is not None:
        font.size = Pt(spec.size)
        rpr = style.element.rPr
        rpr.sz.addnext(OxmlElement("w:szCs", {qn("w:val"): str(round(spec.size * 2))}))
    if spec.paragraph:
        _paragraph_format(style, spec)
    return style


def _paragraph_format(style: Any, spec: StyleSpec) -> None:
    fmt = style.paragraph_format
    if spec.before is not None:
        fmt.space_before = Pt(spec.before)
    if spec.after is not None:
        fmt.space_after = Pt(spec.after)
    if spec.keep_next:
        fmt.keep_with_next = True
    if spec.outline is not None:
        style.element.get_or_add_pPr().get_or_add_outlineLvl().val = spec.outline


def set_language(document: Any, lang: str) -> None:
    """Make `lang` the language of every run that does not say otherwise: in the document
    defaults, and in Normal and every style the renderer uses (a template's own styles may name
    another language, which the QA styles would inherit)."""
    attributes = language_attributes(lang, document=True)
    _set_lang(_default_run_properties(document), attributes)
    styles = document.styles
    for name in ("Normal", *STYLE_NAMES):
        if name in styles:
            _set_lang(styles[name].element.get_or_add_rPr(), attributes)


def clear_language(document: Any) -> None:
    """Drop the document defaults' language (python-docx's base says ``en-US`` whatever the text)."""
    for language in _default_run_properties(document).findall(qn("w:lang")):
        language.getparent().remove(language)


def _default_run_properties(document: Any) -> Any:
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    return rpr


def _set_lang(rpr: Any, attributes: dict[str, str]) -> None:
    language = rpr.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        rpr.insert_element_before(language, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    for name, value in attributes.items():
        language.set(qn(name), value)


def set_properties(props: Any, properties: CoreProperties) -> None:
    """Core properties describe this interview, nothing of the template or the machine."""
    props.title = properties.title
    props.keywords = properties.keywords
    props.author = properties.author
    props.language = properties.language
    for field in ("subject", "comments", "category", "content_status", "identifier", "version", "last_modified_by"):
        setattr(props, field, "")  # the template's, or python-docx's "python-docx"
    props.revision = 1
    props.created = props.modified = dt.datetime.fromtimestamp(properties.now, dt.UTC)
    # python-docx has no way to unset a date; a template's last-printed date is not ours.
    for printed in props._element.xpath("cp:lastPrinted"):
        props._element.remove(printed)
