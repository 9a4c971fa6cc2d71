"""The DOCX renderer's base document and named styles: where the house style comes from.

It opens the reference document (the caller's template, or python-docx's default), empties
its body while keeping the section properties (page setup, headers, footers), and adds each
QA style the document lacks, with restrained defaults an editor can restyle in Word. It
imports python-docx and lxml and, from qaformat, only the errors; the DOCX renderer is its
only user, so writing HTML never loads python-docx.
"""

from __future__ import annotations

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

from qaformat.errors import RenderError
from qaformat.language import script_kind

__all__ = ["STYLE_NAMES", "clear_language", "language_attributes", "open_base", "set_language", "style_ids"]

_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


_FILE_ERRORS: dict[type[OSError], str] = {
    FileNotFoundError: "no such file",
    IsADirectoryError: "is a folder, not a file",
    PermissionError: "permission denied",
}


@attrs.frozen
class _Spec:
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


_SPECS = (
    _Spec("Title", size=24, after=12, keep_next=True, builtin=True, next="Normal"),
    _Spec("Heading 1", bold=True, size=15, before=20, after=6, keep_next=True, outline=0, builtin=True),
    _Spec("Heading 2", bold=True, size=13, before=14, after=4, keep_next=True, outline=1, builtin=True),
    _Spec("QA Intro", size=12, color="404040", after=14),
    _Spec("QA Cast", base="QA Intro", italic=True),
    _Spec("QA Question", next="QA Answer", color="1F3864", before=12, after=3, keep_next=True),
    _Spec("QA Answer", next="QA Question", after=6),
    _Spec("QA Remark", base="QA Answer"),
    _Spec("QA Interviewer Remark", base="QA Question", next="QA Question"),
    _Spec("QA Note", italic=True, color="666666", before=6, after=6),
    _Spec("QA Speaker", paragraph=False, base=None, bold=True),
    _Spec("QA Direction", paragraph=False, base=None, italic=True),
    _Spec("QA Timestamp", paragraph=False, base=None, color="7F7F7F", size=9),
)

STYLE_NAMES = tuple(spec.name for spec in _SPECS)
"""Every style the renderer uses, by the name an editor sees in Word."""


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
    for spec in _SPECS:
        wanted = WD_STYLE_TYPE.PARAGRAPH if spec.paragraph else WD_STYLE_TYPE.CHARACTER
        if spec.name not in styles:
            added.append((spec, _add_style(styles, spec, wanted)))
        elif styles[spec.name].type != wanted:
            kind = "paragraph" if spec.paragraph else "character"
            raise RenderError(f"style {spec.name!r} must be a {kind} style", source=template)
    for spec, style in added:  # once all exist, as a base or next style may come later in _SPECS
        if spec.base is not None and spec.base in styles:
            style.base_style = styles[spec.base]
        if spec.next is not None and spec.next in styles:
            style.next_paragraph_style = styles[spec.next]
    return {name: styles[name].style_id for name in STYLE_NAMES}


def _add_style(styles: Any, spec: _Spec, kind: Any) -> Any:
    style = styles.add_style(spec.name, kind, builtin=spec.builtin)
    style.quick_style = True
    font = style.font
    rpr = style.element.get_or_add_rPr()
    if spec.bold:
        font.bold = True
        rpr.get_or_add_bCs()
    if spec.italic:
        font.italic = True
        rpr.get_or_add_iCs()
    if spec.color is not None:
        font.color.rgb = RGBColor.from_string(spec.color)
    if spec.size is not None:
        font.size = Pt(spec.size)
        size_cs = OxmlElement("w:szCs", {qn("w:val"): str(round(spec.size * 2))})
        rpr.sz.addnext(size_cs)  # complex-script size, so right-to-left text gets it too
    if spec.paragraph:
        _paragraph_format(style, spec)
    return style


def _paragraph_format(style: Any, spec: _Spec) -> None:
    fmt = style.paragraph_format
    if spec.before is not None:
        fmt.space_before = Pt(spec.before)
    if spec.after is not None:
        fmt.space_after = Pt(spec.after)
    if spec.keep_next:
        fmt.keep_with_next = True
    if spec.outline is not None:
        style.element.get_or_add_pPr().get_or_add_outlineLvl().val = spec.outline


def language_attributes(lang: str, *, document: bool) -> dict[str, str]:
    """The ``w:lang`` attributes for a language: Word keeps one language for Latin text
    (``w:val``), one for Chinese, Japanese and Korean (``w:eastAsia``) and one for right-to-left
    scripts (``w:bidi``). A document's language goes in ``w:val`` and, where its script needs,
    the slot of that script too; a paragraph's only in the slot of its script, so the Latin
    words inside an Arabic quote keep the document's."""
    slot = {"east-asian": "w:eastAsia", "complex": "w:bidi"}.get(script_kind(lang))
    attributes = {"w:val": lang} if document or slot is None else {}
    if slot is not None:
        attributes[slot] = lang
    return attributes


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
