"""The report reader: the text of a Vietnamese review report in, structured data out.

Pure Python (no Django). `extract_report(text)` returns a `Report` whose `to_dict()`
is the object of the extraction spec; `read_document(path)` pulls the text out of
.txt, .docx, .html and .pdf files.
"""

from tongket.extract.engine import extract_report
from tongket.extract.model import EventDate, Fact, Person, Report, Summary, UnitName
from tongket.extract.reader import UnreadableDocument, read_document

__all__ = [
    "EventDate",
    "Fact",
    "Person",
    "Report",
    "Summary",
    "UnitName",
    "UnreadableDocument",
    "extract_report",
    "read_document",
]
