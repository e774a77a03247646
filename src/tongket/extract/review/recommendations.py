"""What was done with the unit's recommendations: who was told to handle them and whom to
report back to. "đồng chí Bí thư Thị ủy đã giao UBND thị xã nghiên cứu giải quyết những kiến
nghị ..., báo cáo lại Thường trực Thị ủy"; "Về kiến nghị sửa chữa trụ sở UBND phường, ...
yêu cầu phòng tài chính rà soát".

Conservative: only sentences that mention a recommendation ("kiến nghị", "đề xuất") and
either name a speaker (a person cue) before the directive or open on the recommendation
("Về kiến nghị ..."); each ";"-clause gives one reading when a directive names a body.
"""

from __future__ import annotations

from tongket.extract.review.document import Document
from tongket.extract.review.model import RecommendationReading

REPORT_WORDS = 8
TEXT_TRIM = " ,.;:/-–…"


def read_recommendations(doc: Document) -> tuple[RecommendationReading, ...]:
    readings: list[RecommendationReading] = []
    seen: set[tuple[int, int]] = set()
    for index, _ in doc.find(doc.lexicon.cue("recommendation_topic")):
        sentence = doc.sentence(doc.starts[index])
        if sentence in seen:
            continue
        seen.add(sentence)
        if _is_directed(doc, *sentence):
            readings.extend(_read_sentence(doc, *sentence))
    return tuple(readings)


def _directives(doc: Document, start: int, end: int) -> list[tuple[int, tuple[str, ...]]]:
    lexicon = doc.lexicon
    found = doc.find(lexicon.cue("directive_assign"), start, end)
    found += doc.find(lexicon.cue("directive_request"), start, end)
    found += doc.find(lexicon.cue("addressee_link"), start, end)
    return sorted(found)


def _is_directed(doc: Document, start: int, end: int) -> bool:
    """Whether a speaker gives the directives, or the sentence opens on a recommendation."""
    directives = _directives(doc, start, end)
    if not directives:
        return False
    first = doc.word_at(start)
    opener = doc.match_at(doc.lexicon.cue("topic_opener"), first)
    if opener is not None and doc.match_at(
        doc.lexicon.cue("recommendation_topic"), first + len(opener) - 1
    ):
        return True
    speakers = doc.find(doc.person_cue, start, doc.starts[directives[0][0]])
    return bool(speakers)


def _read_sentence(doc: Document, start: int, end: int) -> list[RecommendationReading]:
    readings = []
    clause_start = start
    while clause_start < end:
        semicolon = doc.text.find(";", clause_start, end)
        clause_end = end if semicolon < 0 else semicolon
        reading = _read_clause(doc, clause_start, clause_end)
        if reading is not None:
            readings.append(reading)
        clause_start = clause_end + 1
    return readings


def _body_after(doc: Document, phrases: str, start: int, end: int) -> tuple[int, int] | None:
    """The body named right after the first phrase of a kind inside text[start:end]."""
    for index, phrase in doc.find(doc.lexicon.cue(phrases), start, end):
        body = doc.body_at(index + len(phrase))
        if body is None:
            person = doc.match_at(doc.person_cue, index + len(phrase))
            if person is not None:  # "giao cho đồng chí Phó Chủ tịch phụ trách ..."
                last = doc.read_body(index + len(phrase), doc.lexicon.cue("assignee_stop"))
                body = doc.chars(index + len(phrase), last)
        phrase_end = doc.ends[index + len(phrase) - 1]
        if body is not None and body[1] <= end and doc.text[phrase_end : body[0]].isspace():
            return body
    return None


def _read_clause(doc: Document, start: int, end: int) -> RecommendationReading | None:
    assignee = _body_after(doc, "directive_assign", start, end)
    addressee = _body_after(doc, "directive_request", start, end) or _body_after(
        doc, "addressee_link", start, end
    )
    main = assignee or addressee
    if main is None:
        return None
    report_back = _body_after_report(doc, main[1], end)
    topic = _topic(doc, start, end)
    if topic is None:
        text_end = report_back[0] if report_back else end
        topic = (main[1], text_end)
    text = _trimmed(doc, *topic)
    if text is None:
        return None
    back = report_back[1:] if report_back else None
    pieces = [piece for piece in (topic, assignee, addressee, back) if piece is not None]
    span_start = min(piece[0] for piece in pieces)
    span_end = max(piece[1] for piece in pieces)
    return RecommendationReading(
        text=doc.text[text[0] : text[1]],
        addressee=doc.text[addressee[0] : addressee[1]] if addressee else None,
        assignee=doc.text[assignee[0] : assignee[1]] if assignee else None,
        report_back_to=doc.text[report_back[1] : report_back[2]] if report_back else None,
        span=doc.span(span_start, span_end),
    )


def _body_after_report(doc: Document, start: int, end: int) -> tuple[int, int, int] | None:
    """(cue start, body start, body end) of "báo cáo lại Thường trực Thị ủy"."""
    for index, phrase in doc.find(doc.lexicon.cue("report_back"), start, end):
        after = index + len(phrase)
        if after >= len(doc.words) or doc.starts[after] >= end:
            continue
        if not doc.gap(after - 1).isspace():
            continue
        if doc.match_at(doc.lexicon.cue("body_head"), after) is None and not (
            doc.text[doc.starts[after]].isupper()
        ):
            continue
        last = doc.read_body(after, doc.lexicon.cue("name_stop"), REPORT_WORDS)
        return doc.starts[index], doc.starts[after], doc.ends[last - 1]
    return None


def _topic(doc: Document, start: int, end: int) -> tuple[int, int] | None:
    """The matter of a clause that opens on it: "Về kiến nghị sửa chữa trụ sở, ..."."""
    first = doc.word_at(start)
    if first >= len(doc.words) or doc.text[start : doc.starts[first]].strip():
        return None
    opener = doc.match_at(doc.lexicon.cue("topic_opener"), first)
    if opener is None:
        return None
    topic_start = doc.ends[first + len(opener) - 1]
    comma = doc.text.find(",", topic_start, end)
    return (topic_start, comma) if comma > topic_start else None


def _trimmed(doc: Document, start: int, end: int) -> tuple[int, int] | None:
    while start < end and doc.text[start] in TEXT_TRIM + " \n\t":
        start += 1
    while end > start and doc.text[end - 1] in TEXT_TRIM + " \n\t":
        end -= 1
    return (start, end) if end > start else None
