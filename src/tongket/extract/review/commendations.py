"""Awards handed out at the event: "trao giấy khen cho 2 tập thể, 11 cá nhân",
"đồng chí X được trao tặng Kỷ niệm chương “Vì sự nghiệp Dân vận”"."""

from __future__ import annotations

from dataclasses import dataclass, replace

from tongket.extract.review.document import Document
from tongket.extract.review.model import CommendationReading

VERB_REACH = 10  # words from an award verb to the form it awards
QUOTES = {"“": "”", '"': '"', "«": "»", "'": "'"}
MAX_TITLE = 120
MAX_NAME_WORDS = 12
SUBJECT_WORDS = 8
RECIPIENT_REACH = 150  # characters from a named recipient to the passive verb


@dataclass(frozen=True)
class Verb:
    start: int
    end: int
    passive: bool


@dataclass(frozen=True)
class Award:
    """One mention of a form of award with its verb, in a sentence."""

    form: str
    start: int
    end: int  # after the form, or after its quoted title
    title: str | None
    verb: Verb
    sentence: tuple[int, int]
    limit: int  # where what this award says ends (next form, ";", sentence end)


def read_commendations(doc: Document) -> tuple[CommendationReading, ...]:
    forms = doc.find(doc.lexicon.forms)
    readings: list[CommendationReading] = []
    for number, (index, phrase) in enumerate(forms):
        following = doc.starts[forms[number + 1][0]] if number + 1 < len(forms) else len(doc.text)
        award = _award(doc, index, phrase, following)
        if award is not None:
            readings.extend(_readings(doc, award))
    return _merge(readings)


def _award(doc: Document, index: int, phrase: tuple[str, ...], following: int) -> Award | None:
    start, end = doc.chars(index, index + len(phrase))
    sentence = doc.sentence(start)
    verb = _verb_before(doc, index, sentence[0])
    if verb is None:
        return None
    title, end = _quoted_title(doc, end)
    semicolon = doc.text.find(";", end, sentence[1])
    limit = min(following, sentence[1], semicolon if semicolon >= 0 else sentence[1])
    return Award(doc.lexicon.form_of[phrase], start, end, title, verb, sentence, limit)


def _verb_before(doc: Document, index: int, sentence_start: int) -> Verb | None:
    """The nearest award verb before the form, in reach and in the same clause; None when
    there is none or it is negated ("không đạt", "chưa được trao")."""
    lexicon = doc.lexicon
    last = index
    while last > 0 and index - last < VERB_REACH and doc.starts[last - 1] >= sentence_start:
        if any(mark in doc.gap(last - 1) for mark in ".;:"):
            return None
        passive = doc.ends_with(lexicon.cue("award_passive"), last)
        active = doc.ends_with(lexicon.cue("award_active"), last)
        if passive is not None or active is not None:
            length = max(len(passive or ()), len(active or ()))
            first = last - length
            if doc.ends_with(lexicon.cue("negation"), first) is not None:
                return None
            is_passive = passive is not None and len(passive) == length
            return Verb(doc.starts[first], doc.ends[last - 1], is_passive)
        last -= 1
    return None


def _quoted_title(doc: Document, end: int) -> tuple[str | None, int]:
    """A quoted name right after the form (Kỷ niệm chương “Vì sự nghiệp Dân vận”)."""
    pos = end
    while pos < len(doc.text) and doc.text[pos] == " ":
        pos += 1
    closing = QUOTES.get(doc.text[pos : pos + 1])
    if closing is None:
        return None, end
    close = doc.text.find(closing, pos + 1, pos + 1 + MAX_TITLE)
    if close <= pos + 1:
        return None, end
    return doc.text[pos + 1 : close].strip(), close + 1


def _readings(doc: Document, award: Award) -> list[CommendationReading]:
    counts = _counts(doc, award.end, award.limit)
    if not counts and not award.verb.passive:
        counts = _counts(doc, award.verb.end, award.start)
    giver = _giver(doc, award.end)
    if giver is None and not award.verb.passive:
        giver = _subject_body(doc, award.sentence[0], award.verb.start)
    if counts:
        return [
            CommendationReading(award.form, giver, kind, count, None, award.title, doc.span(*span))
            for count, kind, span in counts
        ]
    if award.verb.passive:
        recipient = _passive_recipient(doc, award.sentence[0], award.verb.start)
    else:
        recipient = _named_after(doc, award.end, award.limit)
    if recipient is None:
        return []
    kind, name, (start, end) = recipient
    span = doc.span(min(start, award.start), max(end, award.end))
    return [CommendationReading(award.form, giver, kind, 1, name, award.title, span)]


def _counts(doc: Document, start: int, end: int) -> list[tuple[int, str, tuple[int, int]]]:
    """(count, recipient kind, span) of each "2 tập thể", "11 cá nhân" in text[start:end]."""
    found = []
    first = doc.word_at(start)
    for index, phrase in doc.find(doc.lexicon.recipients, start, end):
        count = doc.number(index - 1)
        if index > first and count is not None and doc.gap(index - 1).isspace():
            kind = doc.lexicon.recipient_kind_of[phrase]
            found.append((count, kind, doc.chars(index - 1, index + len(phrase))))
    return found


def _giver(doc: Document, end: int) -> str | None:
    """The body after "của" right after the form ("bằng khen của Chủ tịch UBND tỉnh")."""
    index = doc.word_at(end)
    if index >= len(doc.words) or not doc.text[end : doc.starts[index]].isspace():
        return None
    link = doc.match_at(doc.lexicon.cue("giver_link"), index)
    if link is None:
        return None
    return _capitalised_run(doc, index + len(link))


def _capitalised_run(doc: Document, index: int) -> str | None:
    """Words from `index` that open with a capital letter, up to a stop word or a mark."""
    if index >= len(doc.words) or not doc.text[doc.starts[index]].isupper():
        return None
    last = doc.read_body(index, doc.lexicon.cue("name_stop"), MAX_NAME_WORDS)
    return doc.text[doc.starts[index] : doc.ends[last - 1]]


def _subject_body(doc: Document, sentence_start: int, verb_start: int) -> str | None:
    """The body that hands out the award: the subject before the verb, when it names a
    body ("UBND phường trao giấy khen") rather than a person."""
    if doc.mentions_in(sentence_start, verb_start):
        return None
    first, last = doc.words_in(_clause_start(doc, sentence_start, verb_start), verb_start)
    while last > first and doc.ends_with(doc.lexicon.cue("subject_tail"), last):
        last -= len(doc.ends_with(doc.lexicon.cue("subject_tail"), last) or ())
    if last <= first or last - first > SUBJECT_WORDS or not doc.joined(first, last):
        return None
    if doc.match_at(doc.lexicon.cue("body_head"), first) is None:
        return None
    if not doc.text[doc.starts[first]].isupper():
        return None
    return doc.text[doc.starts[first] : doc.ends[last - 1]]


def _clause_start(doc: Document, sentence_start: int, pos: int) -> int:
    return max(sentence_start, *(doc.text.rfind(mark, sentence_start, pos) + 1 for mark in ",;:"))


Recipient = tuple[str, str | None, tuple[int, int]]


def _passive_recipient(doc: Document, sentence_start: int, verb_start: int) -> Recipient | None:
    """Who received the award: the last person named before the verb, else the subject
    of the clause ("Nhân dân và cán bộ phường X được nhận bằng khen")."""
    mentions = doc.mentions_in(sentence_start, verb_start)
    if mentions:
        mention = mentions[-1]
        between = doc.text[mention.end : verb_start]
        if ";" not in between and len(between) <= RECIPIENT_REACH:
            return "person", mention.name, (mention.start, mention.end)
        return None
    first, last = doc.words_in(_clause_start(doc, sentence_start, verb_start), verb_start)
    while first < last and not doc.text[doc.starts[first]].isupper():
        first += 1
    if last <= first or last - first > MAX_NAME_WORDS or not doc.joined(first, last):
        return None
    if doc.match_at(doc.person_cue, first) is not None:
        return None  # "đồng chí Bí thư": a person, but not named
    start, end = doc.chars(first, last)
    return "collective", doc.text[start:end], (start, end)


def _named_after(doc: Document, start: int, limit: int) -> Recipient | None:
    """ "cho đồng chí X" (a person) or "cho Chi bộ khu phố 3" (a collective)."""
    index = doc.word_at(start)
    link = doc.match_at(doc.lexicon.cue("recipient_link"), index)
    if link is None or not doc.text[start : doc.starts[index]].isspace():
        return None
    after = doc.ends[index + len(link) - 1]
    mentions = doc.mentions_in(after, limit)
    if mentions and doc.text[after : mentions[0].cue_start].isspace():
        return "person", mentions[0].name, (mentions[0].start, mentions[0].end)
    name = _capitalised_run(doc, index + len(link))
    if name is None or doc.match_at(doc.person_cue, index + len(link)) is not None:
        return None
    name_start = doc.starts[index + len(link)]
    return "collective", name, (name_start, name_start + len(name))


def _merge(readings: list[CommendationReading]) -> tuple[CommendationReading, ...]:
    """One reading per award: mentions that agree (a photo caption and the text) merge,
    the fuller one giving the span."""
    merged: list[CommendationReading] = []
    by_key: dict[tuple[str, str, int, str | None], list[int]] = {}
    for reading in readings:
        key = (reading.form, reading.recipient_kind, reading.count, reading.recipient_name)
        bucket = by_key.setdefault(key, [])
        for number in bucket:
            if _same_award(merged[number], reading):
                merged[number] = _fuller(merged[number], reading)
                break
        else:
            bucket.append(len(merged))
            merged.append(reading)
    return tuple(merged)


def _same_award(a: CommendationReading, b: CommendationReading) -> bool:
    if a.recipient_name is None and a.span == b.span:
        return True
    compatible = all(
        x is None or y is None or x == y
        for x, y in ((a.title, b.title), (a.awarding_body, b.awarding_body))
    )
    return compatible


def _fuller(a: CommendationReading, b: CommendationReading) -> CommendationReading:
    richer, other = (b, a) if _richness(b) > _richness(a) else (a, b)
    return replace(
        richer,
        title=richer.title or other.title,
        awarding_body=richer.awarding_body or other.awarding_body,
    )


def _richness(reading: CommendationReading) -> int:
    return (reading.title is not None) + (reading.awarding_body is not None)
