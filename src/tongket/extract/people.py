"""People named in the report ("đồng chí Mai Việt Trung - Ủy viên Ban Thường vụ Tỉnh ủy, ...")
with their roles, abbreviations expanded ("PBT" -> "Phó Bí thư")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tongket.extract.lexicon import Lexicon
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


@dataclass(frozen=True)
class Mention:
    name: str
    roles: tuple[str, ...]


def _is_name_word(word: str) -> bool:
    return word[0].isupper() and not word.isupper() and word.isalpha()


@dataclass(frozen=True)
class PeopleReader:
    text: str
    lower: str
    lexicon: Lexicon

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
        tokens = [m for _, m in zip(range(40), ROLE_TOKEN.finditer(self.text, pos), strict=False)]
        name: list[str] = []
        index = 0
        while index < len(tokens) and len(name) < MAX_NAME_WORDS:
            word = tokens[index].group()
            if not _is_name_word(word) or self.title_at(tokens, index) is not None:
                break
            name.append(word)
            index += 1
        if len(name) < 2:
            return None
        return Mention(" ".join(name), self.read_roles(tokens, index))

    def title_at(self, tokens: list[re.Match[str]], index: int) -> tuple[list[str], int] | None:
        """The title starting at tokens[index] (expanded), and how many tokens it takes."""
        if index >= len(tokens) or not self.may_start_title(tokens[index].group()):
            return None
        words: list[str] = []
        sources: list[int] = []
        for offset, token in enumerate(tokens[index : index + 6]):
            word = token.group()
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
        canonical = self.canonical_title(title)
        used = sources[len(title) - 1] + 1
        rest = words[len(title) : sources.index(used)] if used in sources else words[len(title) :]
        return [canonical, *rest], used

    def may_start_title(self, word: str) -> bool:
        word = word.rstrip(".")
        return word.lower() in self.lexicon.title_words.by_first_word or (
            word in self.lexicon.abbreviations
        )

    def canonical_title(self, title: tuple[str, ...]) -> str:
        for candidate in self.lexicon.titles:
            if tuple(candidate.lower().split()) == title:
                return candidate
        return " ".join(title)

    def read_roles(self, tokens: list[re.Match[str]], index: int) -> tuple[str, ...]:
        roles: list[str] = []
        while index < len(tokens) and len(roles) < MAX_ROLES:
            while index < len(tokens) and tokens[index].group() in SEPARATORS:
                index += 1
            found = self.title_at(tokens, index)
            if found is None:
                break
            words, used = found
            index += used
            index = self.read_role_tail(tokens, index, words)
            roles.append(" ".join(words))
            if index >= len(tokens) or tokens[index].group() not in SEPARATORS:
                break
        return tuple(roles)

    def read_role_tail(self, tokens: list[re.Match[str]], index: int, words: list[str]) -> int:
        """The body a title belongs to: "Đảng ủy phường", "UBND thành phố", "tổ dân phố 4"."""
        while index < len(tokens) and len(words) < MAX_ROLE_WORDS:
            word = tokens[index].group()
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
            lowered = [
                t.group().lower() for t in tokens[index : index + 3] if t.group()[0].isalnum()
            ]
            role_word = self.lexicon.role_words.match_at(lowered, 0)
            if role_word is not None:
                words.extend(t.group() for t in tokens[index : index + len(role_word)])
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
    for mention in PeopleReader(text, lower, lexicon).mentions():
        known = people.get(mention.name)
        if known is None or (not known.roles and mention.roles):
            people[mention.name] = Person(mention.name, mention.roles)
    return tuple(people.values())
