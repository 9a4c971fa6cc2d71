"""Opening a Word package: its parts found through relationships, Strict namespaces read as transitional.

Owns the Open Packaging Conventions side of a .docx: the zip archive, the package
relationships (``_rels/.rels``) that name the main document whatever its file name (Word's
Transcribe export writes ``word/document2.xml``), the main document's own relationships to its
styles, numbering, footnotes, endnotes, headers and footers, the core properties, and the size
limits. Every part is parsed with lxml, and a part in ISO/IEC 29500 Strict namespaces is
renamed into the transitional ones, so that the rest of the reader knows one vocabulary. A
relationship that is missing or points at nothing is a one-line `InputError` naming it. Knows
nothing about paragraphs or interviews; from qaformat it imports only the errors and the input
size limit.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from collections.abc import Iterator
from datetime import datetime
from urllib.parse import unquote

import attrs
from lxml import etree

from qaformat.errors import InputError
from qaformat.options import MAX_INPUT_BYTES

__all__ = ["Package", "W", "not_docx", "open_package"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
"""The WordprocessingML namespace every part is read in (Strict parts are renamed into it)."""

_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CORE = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DCTERMS = "{http://purl.org/dc/terms/}"
# Strict (ISO/IEC 29500-1 Strict) namespace -> the transitional one Word writes by default.
_STRICT = {
    "http://purl.oclc.org/ooxml/wordprocessingml/main": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/officeDocument/relationships":
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
_STRICT_MARK = b"purl.oclc.org/ooxml/"
# What a relationship type names, after ".../relationships/": the same words in transitional
# (schemas.openxmlformats.org/officeDocument/2006/relationships/...) and Strict
# (purl.oclc.org/ooxml/officeDocument/relationships/...) packages.
MAIN = "officeDocument"
CORE_PROPERTIES = "metadata/core-properties"
_MAX_UNPACKED = 4 * MAX_INPUT_BYTES  # all parts unpacked; text compresses well, a zip bomb far better

# python-docx's own default template says its author is "python-docx" and stamps this date.
_TEMPLATE_AUTHOR = "python-docx"
_TEMPLATE_CREATED = datetime.fromisoformat("2013-12-23T23:15:00+00:00")
# The main part of other Office packages, by the namespace of its root element.
_OTHER_OFFICE = {
    "spreadsheetml": "an Excel workbook",
    "presentationml": "a PowerPoint presentation",
}


def not_docx(why: str, source: str | None) -> InputError:
    """The one error of a file that is not a readable Word document."""
    return InputError(f"not a Word .docx file: {why}", source=source)


@attrs.frozen
class _Relationship:
    """One relationship of a part: its id, what it names, and the part it points at."""

    id: str
    kind: str
    """The end of its type (``officeDocument``, ``styles``, ``footnotes``)."""
    target: str
    """The zip name of the target part (resolved against the source part's folder)."""
    external: bool


class Package:
    """A Word package whose parts are looked up through relationships."""

    def __init__(self, archive: zipfile.ZipFile, source: str | None):
        self._archive = archive
        self._source = source
        # Part names are case-insensitive in a package (and Word writes them as it likes).
        self._names = {name.lower(): name for name in archive.namelist()}
        self.main_name, self.main = self._main_part()
        self._main_relationships = self.relationships(self.main_name)

    # parts

    def has(self, name: str) -> bool:
        return name.lower() in self._names

    def xml(self, name: str) -> etree._Element:
        """A part parsed, in transitional namespaces.

        Raises:
            InputError: the part is not well-formed XML.
        """
        try:
            data = self._archive.read(self._names[name.lower()])
        except RuntimeError:  # zipfile's word for an encrypted entry
            raise not_docx(f"{name} is encrypted", self._source) from None
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, KeyError, NotImplementedError, OSError):
            raise not_docx(f"the zip archive is damaged or truncated ({name})", self._source) from None
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        try:
            root = etree.fromstring(data, parser=parser)
        except etree.XMLSyntaxError as error:
            if "XML_PARSE_HUGE" in str(error):  # a limit of the parser, not damage: say which and where
                raise InputError(_past_limit(name, error), source=self._source) from None
            raise not_docx(f"its parts are damaged ({name}: {_short(error)})", self._source) from None
        if _STRICT_MARK in data:
            _to_transitional(root)
        return root

    def relationships(self, part: str) -> list[_Relationship]:
        """The relationships of a part (``""`` for the package's own), in file order."""
        folder, file = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", file + ".rels")
        if not self.has(rels):
            return []
        found = []
        for element in self.xml(rels).iter(_RELS + "Relationship"):
            kind = (element.get("Type") or "").rsplit("/relationships/", 1)[-1]
            target = element.get("Target") or ""
            external = (element.get("TargetMode") or "").lower() == "external"
            if not external:
                target = _resolve(folder, target)
            found.append(_Relationship(element.get("Id") or "", kind, target, external))
        return found

    def related(self, kind: str) -> Iterator[tuple[str, etree._Element]]:
        """The main document's parts of one kind (``styles``, ``footer``), with their ids.

        Raises:
            InputError: a relationship names a part the package does not have.
        """
        for relationship in self._main_relationships:
            if relationship.kind == kind and not relationship.external:
                self._check(relationship, self.main_name)
                yield relationship.id, self.xml(relationship.target)

    def first(self, kind: str) -> etree._Element | None:
        """The main document's one part of a kind (styles, numbering, footnotes), or ``None``."""
        return next((part for _, part in self.related(kind)), None)

    def kinds(self) -> set[str]:
        """What the main document's relationships name."""
        return {relationship.kind for relationship in self._main_relationships}

    def metadata(self) -> dict[str, str]:
        """Title, author and creation date from the core properties, where the package has them."""
        core = next((r for r in self.relationships("") if r.kind == CORE_PROPERTIES and not r.external), None)
        if core is None:
            return {}
        self._check(core, "")
        root = self.xml(core.target)
        if root.tag != _CORE + "coreProperties":
            return {}
        metadata: dict[str, str] = {}
        title = _text(root.find(_DC + "title"))
        if title:
            metadata["title"] = title
        author = _text(root.find(_DC + "creator"))
        if author and author != _TEMPLATE_AUTHOR:
            metadata["author"] = author
        created = _date(_text(root.find(_DCTERMS + "created")))
        if created is not None and created != _TEMPLATE_CREATED:
            metadata["date"] = created.date().isoformat()
        return metadata

    # the main document

    def _main_part(self) -> tuple[str, etree._Element]:
        if not self.has("_rels/.rels"):
            raise not_docx(f"{_which_zip(set(self._names))} has no _rels/.rels (the package relationships"
                           " that name its main document)", self._source)
        main = next((r for r in self.relationships("") if r.kind == MAIN and not r.external), None)
        if main is None:
            raise not_docx("_rels/.rels has no officeDocument relationship naming the main document", self._source)
        self._check(main, "")
        root = self.xml(main.target)
        namespace = etree.QName(root).namespace or ""
        if root.tag != W + "document":
            other = next((name for key, name in _OTHER_OFFICE.items() if key in namespace), None)
            what = f"{other}, not a Word document" if other else f"its main part is not a Word document ({root.tag})"
            raise not_docx(f"{what} (main part {main.target})", self._source)
        return main.target, root

    def _check(self, relationship: _Relationship, part: str) -> None:
        if not self.has(relationship.target):
            rels = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
            raise not_docx(f"{rels}: the {relationship.kind} relationship {relationship.id or '(no id)'} points to"
                           f" {relationship.target}, which the package does not have", self._source)


def open_package(data: str | bytes, source: str | None) -> Package:
    """Open a .docx package, or raise a one-line error saying what the file is instead.

    Raises:
        InputError: not a zip archive, a damaged one, a zip bomb, another kind of package, or a
            missing or broken relationship.
    """
    if isinstance(data, str):
        raise not_docx("got text, not the bytes of a file (read it with format='text')", source)
    if not data.startswith(b"PK\x03\x04"):
        raise not_docx(_what_it_is(data), source)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError):
        raise not_docx("the zip archive is damaged or truncated", source) from None
    if unpacked > _MAX_UNPACKED:
        # Every part read is held in memory: refuse a zip bomb before unpacking any.
        raise InputError(f"its parts would unpack to {unpacked / 2**20:.0f} MiB; the limit is"
                         f" {_MAX_UNPACKED // 2**20} MiB", source=source)
    return Package(archive, source)


# libxml2's limits without XML_PARSE_HUGE, by the words of its message. They are kept: the body
# is walked recursively, and no real Word file comes near them.
_LIMITS = (
    ("Text node too long", "a text longer than 10,000,000 characters"),
    ("depth", "elements nested more than 256 deep"),
    ("", "a name or attribute longer than 10,000,000 characters"),
)


def _past_limit(name: str, error: etree.XMLSyntaxError) -> str:
    """Which limit of the XML parser a part went past, and where."""
    what = next(what for words, what in _LIMITS if words in str(error))
    line, column = error.position
    return f"{name}, line {line}, column {column}: {what}, past the XML parser's limit; the file cannot be read in full"


def _resolve(folder: str, target: str) -> str:
    """A relationship target as a zip name: relative to the source part's folder, or absolute."""
    target = unquote(target.split("#", 1)[0])
    path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
    return posixpath.normpath(path).lstrip("/")


def _to_transitional(root: etree._Element) -> None:
    """Rename Strict namespaces into transitional ones, in elements and attributes."""
    strict = {"{" + old + "}": "{" + new + "}" for old, new in _STRICT.items()}
    for element in root.iter():
        tag = element.tag
        if not isinstance(tag, str):
            continue
        for old, new in strict.items():
            if tag.startswith(old):
                element.tag = new + tag[len(old):]
                break
        for key in [str(key) for key in element.attrib if str(key).startswith("{")]:
            for old, new in strict.items():
                if key.startswith(old):
                    element.attrib[new + key[len(old):]] = element.attrib.pop(key)
                    break
    etree.cleanup_namespaces(root)


def _text(element: etree._Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


def _date(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")) if text else None
    except ValueError:
        return None


def _short(error: BaseException) -> str:
    text = str(error).strip("'\"") or type(error).__name__
    return text if len(text) <= 120 else text[:117] + "..."


def _what_it_is(data: bytes) -> str:
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "this is an old Word 97-2003 .doc (or a password-protected file); save it as .docx"
    if data.startswith(b"{\\rtf"):
        return "this is an RTF file; save it as .docx"
    if not data.strip():
        return "the file is empty"
    return "it is not a zip archive (is it plain text? read it with format='text')"


def _which_zip(names: set[str]) -> str:
    if any(name.startswith("xl/") for name in names):
        return "an Excel workbook"
    if any(name.startswith("ppt/") for name in names):
        return "a PowerPoint presentation"
    if "content.xml" in names:
        return "an OpenDocument file"
    return "a zip archive that"
