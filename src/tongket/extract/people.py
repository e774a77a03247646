"""People named in the report ("đồng chí Mai Việt Trung - Ủy viên Ban Thường vụ Tỉnh ủy, ...")
with their roles, abbreviations expanded ("PBT" -> "Phó Bí thư")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tongket.extract.anchors import matches_at_words
from tongket.extract.lexicon import Lexicon
from tongket.extract.lookups import Lookups, lookups_of
from tongket.extract.model import Person

ROLE_TOKEN = re.compile(r"[A-ZĐ]{2,}\.|[^\W_]+|[,;:()\-–—/.]")
SEPARATORS = (",", "-", "–", "—", ":")
MAX_NAME_WORDS = 5
MAX_ROLE_WORDS = 14
MAX_ROLES = 4
MAX_TOKENS = 40  # read after a cue
TOKEN_REACH = 320  # characters that usually hold MAX_TOKENS tokens
TITLE_TOKENS = 6  # looked at for one title
# Reading a name looks at the tokens before index MAX_NAME_WORDS - 1 and the title that
# may start at each: the first NAME_TOKENS tokens are all it can see.
NAME_TOKENS = MAX_NAME_WORDS - 1 + TITLE_TOKENS

Title = tuple[tuple[str, ...], int]  # the title's words (expanded) and the tokens it takes


def _is_name_word(word: str) -> bool:
    return word[0].isupper() and not word.isupper() and word.isalpha()


def role_tokens(text: str, pos: int, limit: int = MAX_TOKENS) -> list[str]:
    """The first `limit` tokens of ROLE_TOKEN from `pos`.

    No token holds a space, so the tokens are those of each space-separated piece in
    turn, and a piece of letters and digits only is one token. When a bounded stretch
    holds more than `limit` tokens, the first `limit` end before the next one starts,
    so they are the tokens an unbounded scan would give.
    """
    tokens: list[str] = []
    pieces = text[pos : pos + TOKEN_REACH].split(None, limit + 1)
    for piece in pieces[: limit + 1]:  # each gives a token at least
        if piece.isalnum():
            tokens.append(piece)
        else:
            tokens.extend(ROLE_TOKEN.findall(piece))
    if len(tokens) > limit:
        return tokens[:limit]
    if pos + TOKEN_REACH < len(text):
        finder = ROLE_TOKEN.finditer(text, pos)
        return [m.group() for _, m in zip(range(limit), finder, strict=False)]
    return tokens


@dataclass(frozen=True)
class PeopleReader:
    text: str
    lower: str
    lexicon: Lexicon
    lookups: Lookups
    titles: dict[tuple[str, ...], Title | None] = field(default_factory=dict)  # seen ones

    def people(self) -> dict[str, Person]:
        """Each person once, with the roles of the first mention that gives any."""
        found: dict[str, Person] = {}
        cues = matches_at_words(self.lookups.person_cue, self.lower, self.lookups.person_cue_words)
        for cue in cues:
            named = self.read_name(cue.end())
            if named is None:
                continue
            name, tokens, index = named
            known = found.get(name)
            if known is not None and known.roles:
                continue  # nothing a later mention says changes the person
            if len(tokens) == NAME_TOKENS:  # the name was read from the first tokens only
                tokens = role_tokens(self.text, cue.end())
            roles = self.read_roles(tokens, index)
            if known is None or roles:
                found[name] = Person(name, roles)
        return found

    def read_name(self, pos: int) -> tuple[str, list[str], int] | None:
        """The name after a cue, the first NAME_TOKENS tokens from there and the index of
        the token after the name."""
        if not self.text[pos : pos + 1].isupper():
            return None
        tokens = role_tokens(self.text, pos, NAME_TOKENS)
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
        return " ".join(name), tokens, index

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
        """The longest title that the tokens start with, abbreviations expanded, walking
        the title trie word by word."""
        abbreviations = self.lexicon.abbreviations
        level = self.lexicon.title_words.forward
        title: tuple[str, ...] | None = None
        title_token = 0  # the token holding its last word
        title_rest: tuple[str, ...] = ()  # the words of that token after it
        for offset, word in enumerate(tokens):
            abbreviation = abbreviations.get(word.rstrip("."))
            if abbreviation is not None and abbreviation.expand_in_roles:
                words = tuple(abbreviation.expansion.split())
            elif word[0].isalnum():
                words = (word.rstrip("."),)
            else:
                break
            walking = True
            for index, expanded in enumerate(words):
                node = level.get(expanded.lower())
                if node is None:
                    walking = False  # no title goes on with this word
                    break
                if node[0] is not None:
                    title, title_token, title_rest = node[0], offset, words[index + 1 :]
                level = node[1]
            if not walking:
                break
        if title is None:
            return None
        canonical = self.lookups.canonical_titles.get(title) or " ".join(title)
        return (canonical, *title_rest), title_token + 1

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
    return tuple(PeopleReader(text, lower, lexicon, lookups_of(lexicon)).people().values())
