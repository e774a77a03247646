"""Pull the text out of a report file: .txt, .docx, .html or .pdf."""

from __future__ import annotations

import codecs
import io
import re
from pathlib import Path

from tongket.extract.lexicon import load_lexicon

HTML_NOISE = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe")
HTML_NOISE_NAMES = re.compile(r"menu|nav|breadcrumb|counter|sidebar|footer|share|social|comment")
HTML_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br", "td", "section")
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


class UnreadableDocument(ValueError):
    """The file's format is not one the reader knows, or the file is broken."""


def read_document(source: str | Path | bytes, filename: str | None = None) -> str:
    """The text of a report given as a path, or as bytes with their file name."""
    if isinstance(source, bytes):
        data, name = source, filename or "document.txt"
    else:
        path = Path(source)
        data, name = path.read_bytes(), filename or path.name
    suffix = Path(name).suffix.lower()
    readers = {".docx": docx_text, ".html": html_text, ".htm": html_text, ".pdf": pdf_text}
    reader = readers.get(suffix, decode_text)
    try:
        return reader(data)
    except UnreadableDocument:
        raise
    except Exception as error:  # a broken docx/pdf raises whatever its library raises
        raise UnreadableDocument(f"cannot read {name}: {error}") from error


def decode_text(data: bytes) -> str:
    """Bytes of a text file: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1258."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        return data.decode("latin-1")
    return text


def docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def html_text(data: bytes) -> str:
    """The article text of a web page, without scripts, menus and counters."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(data, "html.parser")
    for tag in soup.find_all(HTML_NOISE):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.attrs is None:
            continue
        names = f"{tag.get('class') or ''} {tag.get('id') or ''}"
        if names.strip() and HTML_NOISE_NAMES.search(names.lower()):
            tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    for tag in root.find_all(HTML_BLOCKS):
        tag.insert_before("\n")
    lines = (" ".join(line.split()) for line in root.get_text().splitlines())
    return "\n".join(line for line in lines if line and not _is_furniture(line))


def _is_furniture(line: str) -> bool:
    lower = line.lower()
    return len(line) < 60 and any(marker in lower for marker in load_lexicon().boilerplate)


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    pages = [page.extract_text() or "" for page in reader.pages]
    return CONTROL.sub(" ", "\n".join(pages))
