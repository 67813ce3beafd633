"""A Word report (.docx, .doc, .wps) → the common document.

A .docx is a zip of XML parts. Before python-docx opens it, the zip's directory is checked: the
number of its entries and the sizes it declares once unpacked (what a zip bomb lies about is cut
at the declared size when read), then the XML parts are counted element by element without
building them (lxml's iterparse), so that python-docx only ever builds a tree within the limits
the HTML reader keeps to. The body is then read in order (docx_body.py).

A .doc or .wps (Word 97–2003's and WPS's own binary formats, also RTF and Word 2003 XML under
those names) is first converted to .docx by LibreOffice when ``soffice`` is on the machine, within
the time budget; without it, the message says how to install it or convert by hand. A Word name on
a web page or a text file (portals publish pages saved as .doc) is read as what it is.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from lxml import etree

from ..catalogue import importer as msg
from .document import MAX_DEPTH, MAX_FILE_BYTES, MAX_PAGE_ELEMENTS, Document, LimitReached, check_time, time_left
from .docx_body import read_body

WORD_SUFFIXES = (".docx", ".doc", ".wps")
# A report in Word is well under 5 MB; photos inserted at full size make one larger, and they
# are not read: a file of this size is still read within the time and memory budget.
MAX_WORD_BYTES = 100_000_000
MAX_ZIP_ENTRIES = 5_000  # a .docx holds a few dozen parts; a zip directory is read whole
MAX_UNPACKED = 2 * MAX_WORD_BYTES  # all parts unpacked: python-docx holds them in memory
MAX_XML_BYTES = MAX_FILE_BYTES  # one XML part unpacked, as large as the largest page read
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97–2003, WPS, and an encrypted .docx
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_WORD_2003_XML = (b"w:worddocument", b'progid="word.document"')


class WordRefused(LimitReached):
    """The file cannot be read as a Word report; the message (Chinese) says why and what to do."""


def read_word(path: Path, markup: Callable[[Path], Document]) -> Document:
    """The Word file's document; ``markup`` reads a web page or text file given a Word name."""
    with path.open("rb") as file:
        head = file.read(4096)
    if not head:
        raise WordRefused(msg.WORD_EMPTY())
    if head.startswith(b"PK\x03\x04"):
        return read_docx(path)  # whatever its name says (a .docx renamed .doc reads as well)
    lowered = head.lower()
    if head.startswith(_OLE):
        if _ENCRYPTED in path.read_bytes():  # the size is checked: at most MAX_WORD_BYTES
            raise WordRefused(msg.WORD_ENCRYPTED())
        return convert(path)
    if lowered.lstrip().startswith(b"{\\rtf") or any(mark in lowered for mark in _WORD_2003_XML):
        return convert(path)
    if b"\x00" not in head and (path.suffix.lower() != ".docx" or b"<" in head):
        doc = markup(path)
        doc.warnings.insert(0, msg.WORD_IS_MARKUP(suffix=path.suffix))
        return doc
    raise WordRefused(msg.WORD_NOT_WORD(suffix=path.suffix))


# --- .docx -----------------------------------------------------------------------------------------

def read_docx(path: Path) -> Document:
    _check_zip(path)
    try:
        word = docx.Document(str(path))
    except LimitReached:
        raise
    except Exception as exc:  # python-docx raises what the package meets: KeyError, ValueError, XMLSyntaxError …
        if "is not a Word file" in str(exc):
            raise WordRefused(msg.WORD_NOT_DOCX()) from None
        raise WordRefused(msg.WORD_CORRUPT()) from None
    check_time()
    doc = Document(kind="word")
    body = word.element.body
    if body is None:  # no w:body: a document of nothing, said as such by the caller
        return doc
    try:
        numbering = getattr(word.part.part_related_by(RELATIONSHIP_TYPE.NUMBERING), "element", None)
    except KeyError:  # no numbering part: no list numbers
        numbering = None
    doc.blocks, doc.errors = read_body(body, word.styles.element, numbering)
    title = (word.core_properties.title or "").strip()
    if "报告" in title:  # the file's own title, kept for when the text has none
        doc.meta["title"] = title
    return doc


def _check_zip(path: Path) -> None:
    """Refuse a file that is no zip, or whose parts would unpack past the limits."""
    try:
        if _entries(path) > MAX_ZIP_ENTRIES:
            raise WordRefused(msg.WORD_TOO_MANY_PARTS(limit=MAX_ZIP_ENTRIES))
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            if "[Content_Types].xml" not in names or not any(n.startswith("word/") for n in names):
                raise WordRefused(msg.WORD_NOT_DOCX())
            total = sum(info.file_size for info in infos)
            if total > MAX_UNPACKED:
                raise WordRefused(msg.WORD_UNPACKED_TOO_LARGE(size=total, limit=MAX_UNPACKED))
            xml = [info for info in infos if info.filename.endswith((".xml", ".rels"))]
            for info in xml:
                if info.file_size > MAX_XML_BYTES:
                    raise WordRefused(msg.WORD_PART_TOO_LARGE(part=info.filename, size=info.file_size,
                                                              limit=MAX_XML_BYTES))
            elements = 0
            for info in xml:
                with archive.open(info) as part:
                    elements = _count(part, elements)
    except LimitReached:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, etree.XMLSyntaxError, EOFError, ValueError,
            NotImplementedError, OSError):
        raise WordRefused(msg.WORD_CORRUPT()) from None


def _entries(path: Path) -> int:
    """The entries the zip's end record declares, read before zipfile reads its whole directory
    (a zip64 record, which no Word file needs, counts as too many)."""
    with path.open("rb") as file:
        file.seek(0, os.SEEK_END)
        size = file.tell()
        file.seek(max(0, size - 65_557))
        tail = file.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + 12 > len(tail):
        raise zipfile.BadZipFile
    count = int.from_bytes(tail[at + 10:at + 12], "little")
    return MAX_ZIP_ENTRIES + 1 if count == 0xFFFF else count


def _count(part: Any, elements: int) -> int:
    """``elements`` and the part's own, counted without keeping them; WordRefused past the limits."""
    depth = 0
    for event, element in etree.iterparse(part, events=("start", "end"), resolve_entities=False, no_network=True):
        if event == "start":
            elements += 1
            depth += 1
            if depth > MAX_DEPTH:
                raise WordRefused(msg.WORD_TOO_DEEP(limit=MAX_DEPTH))
            if not elements & 0xFFF:
                check_time()
                if elements > MAX_PAGE_ELEMENTS:
                    raise WordRefused(msg.WORD_TOO_MANY_ELEMENTS(limit=MAX_PAGE_ELEMENTS))
        else:
            depth -= 1
            element.clear()
            while element.getprevious() is not None:
                del element.getparent()[0]
    return elements


# --- .doc and .wps, through LibreOffice ----------------------------------------------------------------

def convert(path: Path) -> Document:
    """The file converted to .docx by LibreOffice, then read; refused with what to do when
    LibreOffice is not there, fails, or takes longer than the time left."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise WordRefused(msg.WORD_NEEDS_LIBREOFFICE(suffix=path.suffix, name=path.name))
    with tempfile.TemporaryDirectory(prefix="nianbao-word-") as tmp:
        work = Path(tmp)
        # A copy under a plain name: LibreOffice names its output after the input, and a name
        # starting with "-" or holding odd characters is then no problem.
        source = work / ("source" + (path.suffix.lower() if path.suffix.lower() in (".doc", ".wps") else ".doc"))
        shutil.copyfile(path, source)
        out = work / "out"
        out.mkdir()
        seconds = max(1.0, min(time_left(), 600.0))
        command = [soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore",
                   "--convert-to", "docx", "--outdir", str(out), str(source)]
        code = _run(command, work, seconds)
        produced = out / "source.docx"
        if not produced.is_file():
            produced = next(iter(sorted(out.glob("*.docx"))), produced)
        if not produced.is_file() or produced.stat().st_size == 0:
            raise WordRefused(msg.WORD_CONVERT_FAILED(name=path.name, code=code))
        if produced.stat().st_size > MAX_WORD_BYTES:
            raise WordRefused(msg.WORD_FILE_TOO_LARGE(size=produced.stat().st_size, limit=MAX_WORD_BYTES))
        doc = read_docx(produced)
    doc.warnings.insert(0, msg.WORD_CONVERTED(suffix=path.suffix))
    return doc


def _run(command: list[str], home: Path, seconds: float) -> int:
    """Run LibreOffice in its own process group (it starts soffice.bin below itself), with a home
    of its own; the whole group is killed past ``seconds``. Its exit code."""
    env = {**os.environ, "HOME": str(home)}
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, env=env, cwd=home, start_new_session=True)
    except OSError as exc:
        raise WordRefused(msg.WORD_CONVERT_NOT_RUN(error=exc.strerror or exc)) from None
    try:
        return process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        raise WordRefused(msg.WORD_CONVERT_TIMEOUT(seconds=round(seconds))) from None
    finally:
        if process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except OSError:
                pass
            process.wait()
