"""The report reader: the text of a Vietnamese review report in, structured data out.

Pure Python (no Django). `extract_report(text)` returns a `Report` whose `to_dict()`
is the object of the extraction spec; `read_document(path)` pulls the text out of
.txt, .docx, .html and .pdf files; `read_review(text)` reads the review-cycle content
(the event, awards, recommendations, Party figures, next year's tasks).
"""

from tongket.extract.engine import extract_report
from tongket.extract.model import EventDate, Fact, Person, Report, Summary, UnitName
from tongket.extract.reader import UnreadableDocument, read_document
from tongket.extract.review import ReviewReading, read_review

__all__ = [
    "EventDate",
    "Fact",
    "Person",
    "Report",
    "ReviewReading",
    "Summary",
    "UnitName",
    "UnreadableDocument",
    "extract_report",
    "read_document",
    "read_review",
]
