"""People named in the report ("đồng chí Mai Việt Trung - Ủy viên Ban Thường vụ Tỉnh ủy, ...")
with their roles, abbreviations expanded ("PBT" -> "Phó Bí thư")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tongket.extract.lexicon import Lexicon
from tongket.extract.lookups import Lookups, lookups_of
from tongket.extract.model import Person

# Each cue word carries its own "(?<!\w)" after it, so that the regex engine can skip ahead
# to candidate positions (a leading assertion makes it try every position).
PERSON_CUE = re.compile(
    r"(?:đồng chí(?<!\wđồng chí)|đ/c(?<!\wđ/c)|ông(?<!\wông)|bà(?<!\wbà))\s+(?=[^\W\d_])"
)
ROLE_TOKEN = re.compile(r"[A-ZĐ]{2,}\.|[^\W_]+|[,;:()\-–—/.]")
SEPARATORS = (",", "-", "–", "—", ":")
MAX_NAME_WORDS = 5
MAX_ROLE_WORDS = 14
MAX_ROLES = 4
MAX_TOKENS = 40  # read after a cue
TOKEN_REACH = 320  # characters that usually hold MAX_TOKENS tokens
TITLE_TOKENS = 6  # looked at for one title

Title = tuple[tuple[str, ...], int]  # the title's words (expanded) and the tokens it takes


@dataclass(frozen=True)
class Mention:
    name: str
    roles: tuple[str, ...]


def _is_name_word(word: str) -> bool:
    return word[0].isupper() and not word.isupper() and word.isalpha()


def role_tokens(text: str, pos: int) -> list[str]:
    """The first MAX_TOKENS tokens of ROLE_TOKEN from `pos`.

    No token holds a space, so the tokens are those of each space-separated piece in
    turn, and a piece of letters and digits only is one token. When a bounded stretch
    holds more than MAX_TOKENS tokens, the first MAX_TOKENS end before the next one
    starts, so they are the tokens an unbounded scan would give.
    """
    tokens: list[str] = []
    for piece in text[pos : pos + TOKEN_REACH].split():
        if piece.isalnum():
            tokens.append(piece)
        else:
            tokens.extend(ROLE_TOKEN.findall(piece))
        if len(tokens) > MAX_TOKENS:
            return tokens[:MAX_TOKENS]
    if pos + TOKEN_REACH < len(text):
        finder = ROLE_TOKEN.finditer(text, pos)
        return [m.group() for _, m in zip(range(MAX_TOKENS), finder, strict=False)]
    return tokens


@dataclass(frozen=True)
class PeopleReader:
    text: str
    lower: str
    lexicon: Lexicon
    lookups: Lookups
    titles: dict[tuple[str, ...], Title | None] = field(default_factory=dict)  # seen ones

    def mentions(self) -> list[Mention]:
        found = []
        for cue in PERSON_CUE.finditer(self.lower):
            mention = self.read_mention(cue.end())
            if mention is not None:
                found.append(mention)
        return found

    def read_mention(self, pos: int) -> Mention | None:
        if not self.text[pos : pos + 1].isupper():
            return None
        tokens = role_tokens(self.text, pos)
        name: list[str] = []
        index = 0
        while index < len(tokens) and len(name) < MAX_NAME_WORDS:
            word = tokens[index]
            if not _is_name_word(word) or self.title_at(tokens, index) is not None:
                break
            name.append(word)
            index += 1
        if len(name) < 2:
            return None
        return Mention(" ".join(name), self.read_roles(tokens, index))

    def title_at(self, tokens: list[str], index: int) -> tuple[list[str], int] | None:
        """The title starting at tokens[index] (expanded), and how many tokens it takes."""
        if index >= len(tokens) or not self.may_start_title(tokens[index]):
            return None
        key = tuple(tokens[index : index + TITLE_TOKENS])
        if key in self.titles:
            found = self.titles[key]
        else:
            found = self.titles[key] = self.read_title(key)
        return None if found is None else (list(found[0]), found[1])

    def read_title(self, tokens: tuple[str, ...]) -> Title | None:
        words: list[str] = []
        sources: list[int] = []
        for offset, word in enumerate(tokens):
            abbreviation = self.lexicon.abbreviations.get(word.rstrip("."))
            if abbreviation is not None and abbreviation.expand_in_roles:
                expanded = abbreviation.expansion.split()
                words.extend(expanded)
                sources.extend([offset] * len(expanded))
            elif word[0].isalnum():
                words.append(word.rstrip("."))
                sources.append(offset)
            else:
                break
        lowered = [word.lower() for word in words]
        if not lowered:
            return None
        title = self.lexicon.title_words.match_at(lowered, 0)
        if title is None:
            return None
        canonical = self.lookups.canonical_titles.get(title) or " ".join(title)
        used = sources[len(title) - 1] + 1
        rest = words[len(title) : sources.index(used)] if used in sources else words[len(title) :]
        return (canonical, *rest), used

    def may_start_title(self, word: str) -> bool:
        word = word.rstrip(".")
        return word.lower() in self.lexicon.title_words.by_first_word or (
            word in self.lexicon.abbreviations
        )

    def read_roles(self, tokens: list[str], index: int) -> tuple[str, ...]:
        roles: list[str] = []
        while index < len(tokens) and len(roles) < MAX_ROLES:
            while index < len(tokens) and tokens[index] in SEPARATORS:
                index += 1
            found = self.title_at(tokens, index)
            if found is None:
                break
            words, used = found
            index += used
            index = self.read_role_tail(tokens, index, words)
            roles.append(" ".join(words))
            if index >= len(tokens) or tokens[index] not in SEPARATORS:
                break
        return tuple(roles)

    def read_role_tail(self, tokens: list[str], index: int, words: list[str]) -> int:
        """The body a title belongs to: "Đảng ủy phường", "UBND thành phố", "tổ dân phố 4"."""
        while index < len(tokens) and len(words) < MAX_ROLE_WORDS:
            word = tokens[index]
            if not word[0].isalnum() or self.title_at(tokens, index) is not None:
                break
            abbreviation = self.lexicon.abbreviations.get(word.rstrip("."))
            if abbreviation is not None:
                words.extend(
                    abbreviation.expansion.split() if abbreviation.expand_in_roles else [word]
                )
                index += 1
                continue
            if word.isdigit() and words and not words[-1].isdigit():
                words.append(word)
                index += 1
                continue
            role_word = None
            if word.lower() in self.lexicon.role_words.by_first_word:  # else no role word here
                lowered = [t.lower() for t in tokens[index : index + 3] if t[0].isalnum()]
                role_word = self.lexicon.role_words.match_at(lowered, 0)
            if role_word is not None:
                words.extend(tokens[index : index + len(role_word)])
                index += len(role_word)
                continue
            if not word[0].isupper():
                break
            words.append(word.rstrip("."))
            index += 1
        return index


def find_people(text: str, lower: str, lexicon: Lexicon) -> tuple[Person, ...]:
    """Each person once, with the roles of the first mention that gives any."""
    people: dict[str, Person] = {}
    for mention in PeopleReader(text, lower, lexicon, lookups_of(lexicon)).mentions():
        known = people.get(mention.name)
        if known is None or (not known.roles and mention.roles):
            people[mention.name] = Person(mention.name, mention.roles)
    return tuple(people.values())
