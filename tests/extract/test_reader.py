"""Reading .txt (several encodings), .docx, .html and .pdf files built by the tests."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest

from tongket.extract import UnreadableDocument, extract_report, read_document

TEXT = "Sáng 8/1, Đảng ủy phường Hòa Bình tổng kết năm 2023. Tỷ lệ thu gom rác thải đạt 98,5%."
TONES = "\u0300\u0301\u0303\u0309\u0323"
FONTS = [Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")]


def cp1258(text: str) -> bytes:
    """Windows-1258 bytes: letters with a tone written as base letter + combining tone."""
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            tones = "".join(part for part in parts if part in TONES)
            base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in TONES))
            out += (base + tones).encode("cp1258")
    return out


def assert_reads_the_report(text: str) -> None:
    report = extract_report(text)
    assert report.unit.name == "Hòa Bình"
    assert [text[slice(*fact.spans[0])] for fact in report.facts] == ["98,5%"]


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),
        TEXT.replace(". ", ".\r\n").encode("utf-8"),
        cp1258(TEXT),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "crlf", "cp1258"],
)
def test_text_files(data: bytes, tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    assert_reads_the_report(read_document(path))
    assert_reads_the_report(read_document(data, "report.txt"))


def test_undecodable_bytes_fall_back_to_latin_1() -> None:
    assert read_document(b"\x81\x8d\x8f\x90", "x.txt") == "\x81\x8d\x8f\x90"


def test_docx(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for sentence in TEXT.split(". "):
        document.add_paragraph(sentence)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Kết nạp đảng viên"
    table.rows[0].cells[1].text = "12 đảng viên"
    path = tmp_path / "report.docx"
    document.save(str(path))
    text = read_document(path)
    assert "Tỷ lệ thu gom rác thải đạt 98,5%" in text
    assert "12 đảng viên" in text
    assert extract_report(text).unit.name == "Hòa Bình"


def test_html_keeps_the_article_only() -> None:
    page = f"""<html><head><title>Tin</title><script>var n = 12345;</script></head>
    <body><nav><a href="/">Trang chủ</a> <a>Tin tức 2024</a></nav>
    <div class="menu">Giới thiệu 17 phòng ban</div>
    <article><h1>Tổng kết</h1><p>{TEXT.split(". ")[0]}.</p><p>{TEXT.split(". ")[1]}</p></article>
    <div id="visitor-counter">Trực tuyến: 236</div><footer>Lượt xem: 1314</footer>
    </body></html>"""
    text = read_document(page.encode("utf-8"), "news.html")
    assert "12345" not in text and "17 phòng ban" not in text and "236" not in text
    assert_reads_the_report(text)


def test_pdf_text_layer(tmp_path: Path) -> None:
    fpdf = pytest.importorskip("fpdf")
    font = next((path for path in FONTS if path.exists()), None)
    if font is None:
        pytest.skip("no Unicode font to write a Vietnamese PDF")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.add_font("body", fname=str(font))
    pdf.set_font("body", size=11)
    pdf.multi_cell(0, 6, TEXT)
    path = tmp_path / "report.pdf"
    path.write_bytes(bytes(pdf.output()))
    assert_reads_the_report(read_document(path))


def test_broken_files_raise_unreadable_document() -> None:
    with pytest.raises(UnreadableDocument):
        read_document(b"not a zip", "report.docx")
    with pytest.raises(UnreadableDocument):
        read_document(io.BytesIO(b"%PDF-1.4 broken").getvalue(), "report.pdf")
