"""Key findings: the few plain sentences a busy reader takes from a briefing.

Each finding is written from the measures already in the `Briefing`, carries its number(s) in
the sentence, and cites the sentences behind it so a reader can audit it. A finding is only
written when the data supports it: no labels finding without an actor labelled by two outlets,
no blindspot without a topic that others cover. Outlets are named by their article label.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from framing.compare.source_findings import who_is_quoted
from framing.models import (
    ActorProfile,
    Article,
    Briefing,
    Evidence,
    Finding,
    FrameScore,
    Match,
    Prescription,
)

MAX_EVIDENCE = 6
LABELS_SHOWN = 2  # labels quoted per outlet in the labels finding
OUTLETS_SHOWN = 4  # outlets named in one sentence before "and N others"
MIN_ANONYMOUS = 3  # anonymous-source phrases needed to call an outlet reliant on them
ANONYMOUS_RATIO = 2.0  # …and its rate must be this many times the next outlet's
MIN_TONE_SENTENCES = 5
MIN_TONE_SPREAD = 0.1  # VADER compound points: below this the spread is noise
TONE_EVIDENCE = 3  # sentences cited at each end of the tone range


def key_findings(briefing: Briefing, limit: int = 8) -> tuple[Finding, ...]:
    """The briefing's findings, most telling first, at most `limit` of them.

    The order is fixed (labels, blindspot, anonymous sourcing, who is quoted, prescription,
    genre, tone, frames, readability) so the same corpus always gives the same list."""
    writers: tuple[Callable[[Briefing], Finding | None], ...] = (
        _labels,
        _blindspot,
        _anonymous,
        who_is_quoted,
        _prescription,
        _genre,
        _tone,
        _frames,
        _readability,
    )
    found = (writer(briefing) for writer in writers)
    return tuple(finding for finding in found if finding is not None)[:limit]


# --- labels ---------------------------------------------------------------------------------


def _labels(briefing: Briefing) -> Finding | None:
    """The most-mentioned actor that two or more outlets label: what each calls it."""
    totals: Counter[str] = Counter()
    labelled: Counter[str] = Counter()
    for article in briefing.articles:
        for actor in article.framing.actors:
            totals[actor.name] += actor.mentions
            labelled[actor.name] += bool(actor.labels)
    candidates = [name for name in totals if labelled[name] >= 2]
    if not candidates:
        return None
    name = max(candidates, key=lambda n: (totals[n], n))
    profiles = [(a, _actor(a, name)) for a in briefing.articles]
    with_labels = [(a, p) for a, p in profiles if p is not None and p.labels]
    without = [(a, p) for a, p in profiles if p is not None and not p.labels]
    phrases = [f"{a.label} uses {_quoted_labels(p)}" for a, p in with_labels[:OUTLETS_SHOWN]]
    if len(with_labels) > OUTLETS_SHOWN:
        phrases.append(f"{len(with_labels) - OUTLETS_SHOWN} other {_unit(briefing)} label it too")
    each = ", each differently" if _disjoint([p for _, p in with_labels]) else ""
    text = (
        f"{len(with_labels)} of {len(briefing.articles)} {_unit(briefing)} label {name} "
        f"({totals[name]} mentions in all){each}: " + "; ".join(phrases)
    )
    if without:
        verb = "uses" if len(without) == 1 else "use"
        text += f"; {_names([a.label for a, _ in without])} {verb} no label in {_counts(without)}"
    groups = [
        [Evidence(a.id, label.sentence_id) for label in p.labels[:LABELS_SHOWN]]
        for a, p in with_labels
    ]
    return Finding("labels", text + ".", _interleave(groups))


def _counts(unlabelled: Sequence[tuple[Article, ActorProfile]]) -> str:
    """Their mentions: each count for a few outlets, the range for many."""
    mentions = [p.mentions for _, p in unlabelled]
    if len(mentions) <= OUTLETS_SHOWN:
        return _join([str(n) for n in mentions]) + " mentions"
    return f"{min(mentions)} to {max(mentions)} mentions each"


def _actor(article: Article, name: str) -> ActorProfile | None:
    return next((p for p in article.framing.actors if p.name == name), None)


def _disjoint(profiles: Sequence[ActorProfile]) -> bool:
    """True when no label (case aside) is used by two of these outlets."""
    sets = [{label.text.lower() for label in p.labels} for p in profiles]
    return sum(len(labels) for labels in sets) == len(set().union(*sets))


def _quoted_labels(profile: ActorProfile) -> str:
    """The first labels exactly as written, marking a speaker's words as quoted."""
    shown = [
        f"“{label.text}”" + (" (in a quote)" if label.quoted else "")
        for label in profile.labels[:LABELS_SHOWN]
    ]
    more = len(profile.labels) - LABELS_SHOWN
    return _join(shown + ([f"{more} more"] if more > 0 else []))


# --- blindspot ------------------------------------------------------------------------------


def _blindspot(briefing: Briefing) -> Finding | None:
    """The most widely covered topic that some outlet never mentions."""
    total = len(briefing.articles)
    gaps = [t for t in briefing.topics if 2 <= len(t.articles) < total]
    if not gaps:
        return None
    topic = max(
        gaps,
        key=lambda t: (len(t.articles), sum(len(c.sentence_ids) for c in t.articles)),
    )
    covering = {c.article_id for c in topic.articles}
    missing = [a.label for a in briefing.articles if a.id not in covering]
    sentences = [len(c.sentence_ids) for c in topic.articles]
    shares = [c.share for c in topic.articles]
    verb = "never mentions" if len(missing) == 1 else "never mention"
    text = (
        f"{_names(missing)} {verb} {topic.name}, which the other {len(topic.articles)} "
        f"{_unit(briefing)} cover ({_range(sentences)} sentences, {_percent(min(shares))} to "
        f"{_percent(max(shares))} of each article)."
    )
    evidence = tuple(Evidence(c.article_id, c.sentence_ids[0]) for c in topic.articles)
    return Finding("blindspot", text, evidence[:MAX_EVIDENCE])


# --- anonymous sourcing ---------------------------------------------------------------------


def _anonymous(briefing: Briefing) -> Finding | None:
    """The outlet whose anonymous-source phrases stand out against all the others'."""
    if len(briefing.articles) < 2:
        return None
    ranked = sorted(briefing.articles, key=lambda a: -_per_1000(len(_anon(a)), a))
    top, others = ranked[0], ranked[1:]
    top_rate = _per_1000(len(_anon(top)), top)
    other_rates = [_per_1000(len(_anon(a)), a) for a in others]
    if len(_anon(top)) < MIN_ANONYMOUS or top_rate < ANONYMOUS_RATIO * max(other_rates):
        return None
    counts = [len(_anon(a)) for a in others]
    text = (
        f"{top.label} leans most on anonymous sources: {len(_anon(top))} anonymous-source "
        f"phrases ({_fmt(top_rate)} per 1,000 words), against {_range(counts)} "
        f"(at most {_fmt(max(other_rates))} per 1,000 words) in {_others(len(others))}"
    )
    attributed = [q for q in top.framing.quotes if q.speaker_type != "unattributed"]
    unnamed = [q for q in attributed if q.speaker_type == "anonymous"]
    if unnamed:
        text += f"; {len(unnamed)} of its {len(attributed)} attributions are to unnamed speakers"
    evidence = _unique(Evidence(top.id, m.sentence_id) for m in _anon(top))
    return Finding("anonymous", text + ".", evidence[:MAX_EVIDENCE])


def _anon(article: Article) -> Sequence[Match]:
    return article.framing.anonymous_sources


# --- prescription ---------------------------------------------------------------------------


def _prescription(briefing: Briefing) -> Finding | None:
    """Which outlets tell someone what should be done, how often, and whom."""
    prescribing = sorted(
        (a for a in briefing.articles if a.framing.prescriptions),
        key=lambda a: -len(a.framing.prescriptions),
    )
    if not prescribing:
        return None
    parts = [
        f"{a.label} with {_prescribes(a, first=i == 0)}"
        for i, a in enumerate(prescribing[:OUTLETS_SHOWN])
    ]
    if len(prescribing) > OUTLETS_SHOWN:
        parts.append(f"{len(prescribing) - OUTLETS_SHOWN} other {_unit(briefing)}")
    total = len(briefing.articles)
    if total == 1:
        text = f"{prescribing[0].label} prescribes action with {_prescribes(prescribing[0], True)}."
    else:
        text = f"{len(prescribing)} of {total} {_unit(briefing)} prescribe action: {_join(parts)}"
        text += "; the others prescribe nothing." if len(prescribing) < total else "."
    groups = [[Evidence(a.id, p.sentence_id) for p in a.framing.prescriptions] for a in prescribing]
    return Finding("prescription", text, _interleave(groups))


def _prescribes(article: Article, first: bool) -> str:
    """'8 prescriptive phrases (3 addressed to Israel)'; after the first, just '3 (…)'."""
    count = len(article.framing.prescriptions)
    noun = (" prescriptive phrase" if count == 1 else " prescriptive phrases") if first else ""
    whom = _addressees(article, article.framing.prescriptions)
    told = [f"{n} addressed to {name}" for name, n in whom]
    return f"{count}{noun}" + (f" ({_join(told)})" if told else "")


def _addressees(article: Article, prescriptions: Iterable[Prescription]) -> list[tuple[str, int]]:
    """Addressees that are actors the article names, most told first.

    The addressee is the clause subject as written ("the US", "it", "neither"); only those
    that are one of the article's actor mentions are trusted, and named by the actor."""
    names = {
        _bare(m.text): actor.name
        for actor in article.framing.actors
        for m in actor.mentions_evidence
    }
    told = Counter(names[_bare(p.addressee)] for p in prescriptions if _bare(p.addressee) in names)
    return sorted(told.items(), key=lambda item: (-item[1], item[0]))


def _bare(phrase: str) -> str:
    words = phrase.strip().lower()
    return words.removeprefix("the ")


# --- genre ----------------------------------------------------------------------------------


def _genre(briefing: Briefing) -> Finding | None:
    """How many articles read as news, analysis or opinion, when they differ."""
    by_genre: dict[str, list[Article]] = {}
    for article in briefing.articles:
        by_genre.setdefault(article.framing.genre.label, []).append(article)
    if len(by_genre) < 2:
        return None
    ordered = sorted(by_genre.items(), key=lambda item: (-len(item[1]), item[0]))
    parts = [
        f"{len(group)} as {label} ({_names([a.label for a in group])})" for label, group in ordered
    ]
    noun = "article reads" if len(ordered[0][1]) == 1 else "articles read"
    text = f"The articles differ in genre: {parts[0].replace(' as ', f' {noun} as ', 1)}"
    text += ", " + _join(parts[1:]) + "." if len(parts) > 2 else " and " + parts[1] + "."
    groups = [[e] for a in briefing.articles if (e := _genre_evidence(a)) is not None]
    return Finding("genre", text, _interleave(groups))


def _genre_evidence(article: Article) -> Evidence | None:
    """A sentence showing the trait that most marks the article's genre."""
    framing = article.framing
    ids: list[str] = (
        [p.sentence_id for p in framing.prescriptions]
        + [m.sentence_id for m in framing.first_person]
        + [q.sentence_id for q in framing.quotes]
        + [m.sentence_id for m in framing.anonymous_sources]
        + [m.sentence_id for m in framing.hedges]
    )
    if framing.genre.label == "news":
        ids = [q.sentence_id for q in framing.quotes] + ids
    return Evidence(article.id, ids[0]) if ids else None


# --- tone -----------------------------------------------------------------------------------


def _tone(briefing: Briefing) -> Finding | None:
    """The spread of overall tone, when it is wide enough to mention, with its caveat."""
    scored = [a for a in briefing.articles if a.framing.tone.n >= MIN_TONE_SENTENCES]
    if len(scored) < 2:
        return None
    low = min(scored, key=lambda a: a.framing.tone.mean)
    high = max(scored, key=lambda a: a.framing.tone.mean)
    if high.framing.tone.mean - low.framing.tone.mean < MIN_TONE_SPREAD:
        return None
    text = (
        f"Overall tone ranges from {_tone_value(low)} to {_tone_value(high)} on a -1 to 1 "
        "scale; this word-list measure has low validity for news, so treat the gap as a hint, "
        "not a verdict."
    )
    evidence = _extreme_sentences(low, lowest=True) + _extreme_sentences(high, lowest=False)
    return Finding("tone", text, evidence)


def _tone_value(article: Article) -> str:
    """'-0.08 in JFeed (13 negative and 9 positive of 29 sentences)'."""
    tone = article.framing.tone
    split = f"{tone.negative} negative and {tone.positive} positive of {tone.n} sentences"
    return f"{tone.mean:.2f} in {article.label} ({split})"


def _extreme_sentences(article: Article, lowest: bool) -> tuple[Evidence, ...]:
    tone = article.framing.tone
    pairs = sorted(zip(tone.scores, tone.sentence_ids, strict=True), reverse=not lowest)
    return tuple(Evidence(article.id, sid) for _, sid in pairs[:TONE_EVIDENCE])


# --- frames ---------------------------------------------------------------------------------


def _frames(briefing: Briefing) -> Finding | None:
    """The frame that most cleanly separates the outlets that lead with it from the rest."""
    if len(briefing.articles) < 2:
        return None
    best: tuple[float, str] | None = None
    for key in _frame_keys(briefing):
        holders, others = _split_by_frame(briefing, key)
        if holders and others:
            gap = min(_score(a, key).per_1000 for a in holders)
            gap -= max(_score(a, key).per_1000 for a in others)
            if gap > 0 and (best is None or gap > best[0]):
                best = (gap, key)
    if best is None:
        return None
    key = best[1]
    holders, others = _split_by_frame(briefing, key)
    label = _score(holders[0], key).label
    rates = _join([_fmt(_score(a, key).per_1000) for a in holders])
    other_rates = [_score(a, key).per_1000 for a in others]
    only = " only" if len(holders) > 1 else ""
    text = (
        f"Frames diverge most on {label.lower()}: it is a dominant frame for "
        f"{_names([a.label for a in holders])}{only} ({rates} cue words per 1,000 words), "
        f"against {_span(other_rates)} in {_others(len(others))}."
    )
    groups = [
        list(_unique(Evidence(a.id, m.sentence_id) for m in _score(a, key).matches))
        for a in holders
    ]
    return Finding("frames", text, _interleave(groups))


def _frame_keys(briefing: Briefing) -> list[str]:
    return [score.key for score in briefing.articles[0].framing.frames]


def _split_by_frame(briefing: Briefing, key: str) -> tuple[list[Article], list[Article]]:
    holders = [a for a in briefing.articles if key in a.framing.dominant_frames]
    return holders, [a for a in briefing.articles if key not in a.framing.dominant_frames]


def _score(article: Article, key: str) -> FrameScore:
    return next(score for score in article.framing.frames if score.key == key)


# --- readability ----------------------------------------------------------------------------


def _readability(briefing: Briefing) -> Finding | None:
    """The Flesch-Kincaid grade range, over articles long enough and in a scored language."""
    scored = [a for a in briefing.articles if a.readability.scored and not a.readability.too_short]
    if not scored:
        return None
    easy = min(scored, key=lambda a: a.readability.flesch_kincaid_grade)
    hard = max(scored, key=lambda a: a.readability.flesch_kincaid_grade)
    grade = _fmt(easy.readability.flesch_kincaid_grade)
    if len(scored) == 1:
        text = f"{easy.label} reads at US school grade {grade} (Flesch-Kincaid)."
    else:
        text = (
            f"Reading difficulty ranges from US school grade {grade} ({easy.label}) to "
            f"{_fmt(hard.readability.flesch_kincaid_grade)} ({hard.label}) on the "
            f"Flesch-Kincaid scale, across {len(scored)} articles."
        )
    return Finding("readability", text, ())


# --- wording and evidence helpers -----------------------------------------------------------


def _per_1000(count: int, article: Article) -> float:
    words = article.framing.words
    return 1000 * count / words if words else 0.0


def _fmt(value: float) -> str:
    """A number as a reader writes it: whole numbers bare, others to one decimal."""
    rounded = round(value, 1)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"


def _percent(share: float) -> str:
    return f"{round(100 * share)}%"


def _span(values: Sequence[float]) -> str:
    low, high = _fmt(min(values)), _fmt(max(values))
    return low if low == high else f"{low} to {high}"


def _others(count: int) -> str:
    return "the other article" if count == 1 else f"the other {count} articles"


def _range(values: Sequence[int]) -> str:
    low, high = min(values), max(values)
    return str(low) if low == high else f"{low} to {high}"


def _unit(briefing: Briefing) -> str:
    """What the counts count: outlets when each has one article, else articles."""
    labels = {a.label for a in briefing.articles}
    return "outlets" if len(labels) == len(briefing.articles) else "articles"


def _join(items: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _names(labels: Sequence[str]) -> str:
    """Outlet labels joined, each once, the list cut after a few with 'and N others'."""
    distinct = list(dict.fromkeys(labels))
    if len(distinct) <= OUTLETS_SHOWN:
        return _join(distinct)
    return _join([*distinct[:OUTLETS_SHOWN], f"{len(distinct) - OUTLETS_SHOWN} others"])


def _unique(evidence: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return tuple(dict.fromkeys(evidence))


def _interleave(groups: Sequence[Sequence[Evidence]]) -> tuple[Evidence, ...]:
    """Take evidence from each group in turn, so every outlet is cited before any twice."""
    longest = max((len(g) for g in groups), default=0)
    taken = (group[i] for i in range(longest) for group in groups if i < len(group))
    return _unique(taken)[:MAX_EVIDENCE]
