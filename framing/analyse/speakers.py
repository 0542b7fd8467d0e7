"""Who a speaker phrase names: its kind (person, organisation, anonymous), full name, role
(official, expert, ordinary, anonymous, organisation, other) and the side it speaks for."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from framing.analyse.reported import FINITE
from framing.analyse.sourcing_lexicon import SourcingLexicon
from framing.analyse.speaker_phrases import NAME, head_word, speaker_span, wordset
from framing.lexicon import TokenizedSentence, tokenize
from framing.models import Match

PRONOUN_WINDOW = 3
"""Sentences looked back through to resolve "he" or "she"."""

PRONOUNS = {"he": "person", "she": "person", "it": "organisation", "they": "anonymous"}
_INDEFINITE = wordset("a an another one two three four several some many other others senior")
_OPENING_PRONOUN = re.compile(r"\s*(He|She|They|It|We)\b")
_SPOKESPEOPLE = wordset("spokesperson spokesman spokeswoman spokespeople statement")
DESCRIBED_MENTIONS = 3
"""A person's first mentions read for what describes them: news names a role once, then
quotes by surname ("Rep. Darrell Issa (R-Calif.)", later "Issa said")."""
TITLE_WORDS = 4
"""Words before a name read as its title: "Republican Sen.", "Harvard economist"."""
_APPOSITION = re.compile(
    r"\s*(?:\(([^()]{1,40})\)|,\s*((?:a|an|the|who|whose|his|her|its|their|[A-Z][\w.'’\-]*)\b"
    r"[^,;:()\"“”—–]{0,80}))"
)
"""A parenthesis ("(R-Ariz.)") or an apposition (", a professor at Yale,") after a name."""
_INITIAL = re.compile(r"\b([A-Z])-[A-Z][A-Za-z.]*|\(([A-Z])\)")
"""A party initial before a state ("R-Ariz.", "D-N.Y.") or alone in brackets ("(R)")."""
_MENTION = re.compile(r"[\w\-]+")
"""A word as a surname is looked up: letters, digits and hyphens."""
_PHRASE_WORD = re.compile(r"[\w'’\-]+")
_ARTICLE = re.compile(r"^(?:the|The)\s+")
_PHRASE_BREAK = re.compile(r"[,;:()\"“”—–]")
"""Punctuation that ends the words before a name which may describe it."""
_TITLE_STOPS = wordset("said says told and but or the a an of in on at for with by to from that")


def speaker_kind(phrase: str, lexicon: SourcingLexicon) -> str:
    """ "person", "organisation" or "anonymous" for a speaker phrase, from its head word:
    a capitalised name is a person; an institution word or name an organisation, and so is
    an unnamed spokesperson (the institution speaks); any other unnamed speaker is
    anonymous ("an Israeli diplomat", "officials", "sources")."""
    lowered = phrase.lower()
    if lowered in PRONOUNS:
        return PRONOUNS[lowered]
    words = [w.lower() for w in _PHRASE_WORD.findall(phrase)]
    if "source" in words or "sources" in words or any(a in lowered for a in lexicon.anonymity):
        return "anonymous"
    core = _strip_article(phrase)
    if core in lexicon.org_names:
        return "organisation"
    head = head_word(phrase)
    if head.lower() in _SPOKESPEOPLE or (len(head) > 1 and head.isupper()):
        return "organisation"
    if head in lexicon.titles and phrase.split()[0].lower() == "the":
        return "person"  # "the prime minister": a known person, named elsewhere
    if head[:1].isupper() and head.lower() not in lexicon.people_nouns | lexicon.org_words:
        return "organisation" if head in lexicon.org_names else "person"
    if head.lower() in lexicon.org_words:
        return "organisation"
    return "anonymous"


def unnamed_source(phrase: str, lexicon: SourcingLexicon) -> bool:
    """Whether a speaker phrase is an unnamed source: "an Israeli diplomat", "officials",
    "sources", not "the prime minister" (someone named before) nor "critics"."""
    if speaker_kind(phrase, lexicon) != "anonymous":
        return False
    if any(word in phrase.lower().split() for word in ("source", "sources")):
        return True
    head = head_word(phrase).lower()
    first = phrase.split()[0].lower()
    return head in lexicon.roles and (first in _INDEFINITE or head.endswith("s"))


def bare_name(phrase: str, titles: frozenset[str]) -> str:
    """The capitalised words ending a phrase, titles left out ("Rep. Darrell Issa")."""
    words: list[str] = []
    for word in reversed(phrase.split()):
        if not word[:1].isupper() or word in titles:
            break
        words.insert(0, word)
    return " ".join(words)


def clause_subject(
    sentence: TokenizedSentence, verb: Match, quoted: Callable[[int], bool]
) -> tuple[int, int] | None:
    """The subject of the sentence's first finite verb before `verb` (a pronoun opening the
    sentence, or the phrase before the first auxiliary or -ed verb), for a verb with no
    subject of its own: "the MedStar Washington Hospital Center issued a statement saying"."""
    text = sentence.text
    pronoun = _OPENING_PRONOUN.match(text)
    if pronoun:
        return pronoun.span(1)
    for match in _PHRASE_WORD.finditer(text[: verb.start]):
        word = match.group()
        if quoted(match.start()) or not word.islower():
            continue
        if word.endswith("ed") or word in FINITE:
            main = Match(sentence.id, match.start(), match.end(), word, word, "")
            return speaker_span(text, 0, main, quoted)
    return None


class People:
    """The people one article names, each by surname at their fullest, so that quotes group
    by who spoke and "he" or "she" resolves to someone named before."""

    def __init__(
        self,
        sentences: Sequence[TokenizedSentence],
        named_speakers: Sequence[Sequence[tuple[int, str]]],
        quoted: Callable[[int, int], bool],
        lexicon: SourcingLexicon,
    ) -> None:
        """`named_speakers` holds, per sentence, (position, name) of each person named as the
        subject of a reporting verb; `quoted` tells whether a sentence's character is quoted."""
        self.sentences = sentences
        self.named_speakers = named_speakers
        self.quoted = quoted
        self.lexicon = lexicon
        # Every capitalised run (sentence index, match), in document order, found once for
        # the surname table and the speakers' descriptions, and indexed by its last word.
        self._named = [
            (index, match)
            for index, sentence in enumerate(sentences)
            for match in NAME.finditer(sentence.text)
        ]
        self._by_last: dict[str, list[tuple[int, re.Match[str]]]] = {}
        for index, match in self._named:
            self._by_last.setdefault(match.group().rpartition(" ")[2], []).append((index, match))
        self.by_surname = self._by_surname()
        self._descriptions: dict[str, str] = {}

    def full_name(self, phrase: str) -> str:
        """A person speaker by name alone, at its fullest in the article: "Defense Minister
        Israel Katz" and "Katz" are both "Israel Katz", so quotes group by who spoke."""
        name = bare_name(phrase, self.lexicon.titles)
        return self.by_surname.get(name.rpartition(" ")[2], name) if name else ""

    def resolve(self, index: int, position: int) -> str:
        """The person "he" or "she" at (`index`, `position`) most likely is, or "": going
        back sentence by sentence, the last named speaker, else the one person named."""
        for back in range(index, max(index - PRONOUN_WINDOW, 0) - 1, -1):
            limit = position if back == index else len(self.sentences[back].text)
            speakers = [name for at, name in self.named_speakers[back] if at < limit]
            if speakers:
                return self.by_surname.get(speakers[-1].rpartition(" ")[2], speakers[-1])
            named = self._mentions(back, limit)
            if named:
                return named.pop() if len(named) == 1 else ""
        return ""

    def role(self, phrase: str, kind: str, near: str) -> tuple[str, str]:
        """A speaker's role and side, from the phrase, the words `near` it and, for a
        person, what describes them where the article names them."""
        name = self.full_name(phrase) if kind == "person" else ""
        description = f"{near} {self.description(name)}" if name else near
        role = speaker_role(phrase, kind, description, self.lexicon)
        return role, speaker_side(phrase, description, self.lexicon)

    def description(self, name: str) -> str:
        """What describes a person at their first mentions by name outside quotations."""
        if name not in self._descriptions:
            found: list[str] = []
            for index, match in self._by_last.get(name.rpartition(" ")[2], ()):
                if len(found) == DESCRIBED_MENTIONS:
                    break
                if not self.quoted(index, match.start()):
                    text = self.sentences[index].text
                    found.append(f"{match.group()} {described(text, *match.span())}")
            self._descriptions[name] = " ".join(found)
        return self._descriptions[name]

    def _mentions(self, index: int, limit: int) -> set[str]:
        """The known people named in a sentence before `limit`, outside quotations."""
        return {
            self.by_surname[match.group()]
            for match in _MENTION.finditer(self.sentences[index].text[:limit])
            if match.group() in self.by_surname and not self.quoted(index, match.start())
        }

    def _by_surname(self) -> dict[str, str]:
        """Surname -> fullest name, for every person named after a title ("President
        Vladimir Putin", "spokesperson Maria Zakharova") or as a speaker ("Trump said")."""
        names = [name for speakers in self.named_speakers for _, name in speakers]
        for index, match in self._named:
            if not self.quoted(index, match.start()):
                names.append(self._titled_name(self.sentences[index].text, match))
        people: dict[str, str] = {}
        for name in names:
            surname = name.rpartition(" ")[2]
            if name and len(name) > len(people.get(surname, "")):
                people[surname] = name
        return people

    def _titled_name(self, text: str, match: re.Match[str]) -> str:
        """The name in a capitalised run after its title words, or "" without a title."""
        titles = self.lexicon.titles
        words = match.group().split()
        titled = [i for i, word in enumerate(words) if word in titles]
        before = text[: match.start()].rsplit(None, 1)  # its last word is all that counts
        if titled:
            words = words[titled[-1] + 1 :]
        elif not before or before[-1].rstrip(",") not in titles:
            return ""
        name = " ".join(words)
        return "" if name in self.lexicon.org_names else name


def _strip_article(phrase: str) -> str:
    return _ARTICLE.sub("", phrase.strip())


def described(text: str, start: int, end: int) -> str:
    """The words that say who is named at `text[start:end]`: the capitalised or role words
    right before it ("Republican Sen."), and its parenthesis or apposition after it."""
    before = _PHRASE_BREAK.split(text[:start])[-1].split()
    title: list[str] = []
    for word in reversed(before[-TITLE_WORDS:]):
        if word.lower() in _TITLE_STOPS:
            break
        title.insert(0, word)
    after = _APPOSITION.match(text, end)
    apposition = (f"({after.group(1)})" if after.group(1) else after.group(2)) if after else ""
    if apposition.split()[:1] in (["said"], ["says"], ["told"]):
        apposition = ""
    return " ".join([*title, apposition])


def speaker_role(phrase: str, kind: str, description: str, lexicon: SourcingLexicon) -> str:
    """The role a speaker speaks in: its head word's role, else the first role word of the
    phrase or its description; unnamed sources are "anonymous"; else by kind and side
    (see `[roles]` in sourcing.toml)."""
    if kind == "unattributed":
        return ""
    if kind == "anonymous" and unnamed_source(phrase, lexicon):
        return "anonymous"
    head = _roles(head_word(phrase), lexicon)
    found = head or _roles(phrase, lexicon) or _roles(description, lexicon)
    if found:
        return found[0]
    side = speaker_side(phrase, description, lexicon)
    if side in lexicon.party_initials.values() or side in lexicon.states:
        return "official"
    return "organisation" if kind == "organisation" else "other"


def speaker_side(phrase: str, description: str, lexicon: SourcingLexicon) -> str:
    """The party or actor a speaker phrase or its description names, party words first
    (more telling in a country's own politics), then the first actor named; else ""."""
    text = f"{phrase} {description}"
    for initial in _INITIAL.finditer(text):
        letter = initial.group(1) or initial.group(2)
        if letter in lexicon.party_initials:
            return lexicon.party_initials[letter]
    found = [m.category for m in lexicon.sides.find(tokenize(text), text, "")]
    parties = [side for side in found if side in lexicon.party_initials.values()]
    return (parties or found or [""])[0]


def _roles(text: str, lexicon: SourcingLexicon) -> list[str]:
    return [m.category for m in lexicon.role_words.find(tokenize(text), text, "")]
