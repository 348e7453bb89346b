"""Mentions -> canonical entities.

Alias packs (``data/aliases/*.toml``, plus any the ``alias_packs`` setting
names) give canonical names, spelling and transliteration variants ("same
as"), versions of an item ("variant of"), NATO reporting names, and capitals
or seats of government that can stand for a government (metonymy).

Resolution, in order:

1. a mention that matched a pack entry (or whose normalised text is a pack
   name) takes that entry's id;
2. within an article, a partial person name ("Shoigu") takes the id of the
   one full name it is part of ("Sergei Shoigu"; a given name "Bassem" that of
   "Bassem Tamimi"), unless it is that name's surname and the body uses it
   on its own ``Settings.short_name_alone`` times before it first gives that
   full name; a role description ("the
   North Korean leader") is kept only when the entity it names is also named
   in the article, otherwise it stays unresolved;
3. across articles, names outside the packs merge when their normalised forms
   are equal or close (rapidfuzz ratio >= ``fuzzy_threshold``) within one
   type group (people, places, organisations, groups, equipment).
"""

from __future__ import annotations

import math
import re
import tomllib
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from rapidfuzz import fuzz, process

from .errors import SettingsError
from .lexicon import ORG_HEADS, UNIT_NOUNS
from .lexicon import normalise as normalise  # re-exported: its old home
from .records import AliasPacks as AliasPacks  # re-exported: its old home
from .records import (
    Analysis,
    ArticleMentions,
    Entity,
    EntityUpdate,
    Mention,
    Quote,
    Relation,
    ResolvedMentions,
    Rewrite,
)
from .records import PackEntry as PackEntry  # re-exported: its old home
from .records import Resolution as Resolution  # re-exported: its old home
from .settings import Settings

#: Labels that share one namespace for canonical entities.
GROUPS = {
    "PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place",
    "NORP": "group", "EQUIPMENT": "equipment",
}  # fmt: skip
RELATION_KEYS = ("variant_of", "capital_of", "government_of", "part_of")
#: Designation stem: Tu-95MS -> Tu-95, Su-30SM -> Su-30, F-35A -> F-35.
_STEM = re.compile(r"^([A-Za-z]{1,8}-\d+)[A-Za-z][A-Za-z0-9]*$")


def load_packs(settings: Settings | None = None) -> AliasPacks:
    """Read the built-in packs and those named in ``settings.alias_packs``."""
    extra = tuple(settings.alias_packs) if settings else ()
    builtin = settings.builtin_aliases if settings else True
    return _load_packs(extra, builtin)


@lru_cache(maxsize=8)
def _load_packs(extra: tuple[str, ...], builtin: bool) -> AliasPacks:
    entries: dict[str, PackEntry] = {}
    sources: list[tuple[str, str]] = []
    if builtin:
        folder = resources.files("newsprism") / "data" / "aliases"
        for item in sorted(folder.iterdir(), key=lambda p: p.name):
            if item.name.endswith(".toml"):
                sources.append((f"newsprism/data/aliases/{item.name}", item.read_text(encoding="utf-8")))
    for path in extra:
        try:
            sources.append((path, Path(path).read_text(encoding="utf-8")))
        except OSError as exc:
            raise SettingsError(f"{path}: cannot read alias pack ({exc.strerror}); fix alias_packs") from None
    for name, text in sources:
        for entry in _parse_pack(name, text):
            entries[entry.entity_id] = entry
    by_name: dict[str, str] = {}
    for e in entries.values():
        for n in (e.name, *e.aliases, *((e.nato,) if e.nato else ())):
            by_name.setdefault(normalise(n), e.entity_id)
    return AliasPacks(tuple(entries.values()), MappingProxyType(by_name), MappingProxyType(dict(entries)))


def _parse_pack(name: str, text: str) -> list[PackEntry]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{name}: alias pack is not valid TOML ({exc})") from None
    out = []
    for i, raw in enumerate(data.get("entity", [])):
        missing = [k for k in ("id", "name", "type") if k not in raw]
        if missing:
            raise SettingsError(f"{name}: entity {i + 1} lacks {', '.join(missing)}")
        if raw["type"] not in GROUPS:
            raise SettingsError(f"{name}: entity {raw['id']!r} has type {raw['type']!r}; "
                                f"use one of {', '.join(GROUPS)}")
        relations = tuple(Relation(k, str(raw[k])) for k in RELATION_KEYS if k in raw)
        out.append(PackEntry(
            entity_id=str(raw["id"]), name=str(raw["name"]), label=str(raw["type"]),
            aliases=tuple(str(a) for a in raw.get("aliases", ())),
            descriptions=tuple(str(d) for d in raw.get("descriptions", ())),
            nato=str(raw["nato"]) if raw.get("nato") else None,
            relations=relations, pack=name,
        ))
    return out


def _slug(text: str) -> str:
    return re.sub(r"\s+", "-", normalise(text)) or "x"


def resolve(analyses: Sequence[Analysis], settings: Settings | None = None,
            packs: AliasPacks | None = None) -> Resolution:
    """Give every mention (and quote speaker) a canonical entity id.

    Args:
        analyses: analyses of any number of articles; resolution across them.
        settings: ``fuzzy_threshold`` and alias pack settings.
        packs: alias packs (default: :func:`load_packs` of ``settings``).

    Returns:
        The canonical entities, and the analyses with ``entity_id``,
        ``stands_for`` and ``speaker_entity_id`` set.
    """
    resolved = resolve_mentions([ArticleMentions(a.article_id, a.mentions) for a in analyses], settings, packs)
    return Resolution(resolved.entities, tuple(with_mentions(a, m.mentions)
                                               for a, m in zip(analyses, resolved.articles, strict=True)))


def resolve_mentions(articles: Sequence[ArticleMentions], settings: Settings | None = None,
                     packs: AliasPacks | None = None) -> ResolvedMentions:
    """:func:`resolve` over the mentions alone: each article's mentions, in the order :func:`resolve`
    would take their analyses. Returns the canonical entities and each article's resolved mentions;
    :func:`with_mentions` puts them (and the quote speakers they give) into an analysis. A store
    resolves this way without loading every analysis."""
    settings = settings or Settings()
    packs = packs or load_packs(settings)
    relabelled = _one_type_per_name([a.mentions for a in articles], packs)
    # 1 + 2: a provisional key per mention, article by article
    keyed: list[list[tuple[Mention, str | None]]] = [_article_keys(m, packs, settings.short_name_alone)
                                                      for m in relabelled]
    # 3: merge non-pack keys across articles by fuzzy matching within a group
    key_names: dict[str, Counter[str]] = defaultdict(Counter)
    for rows in keyed:
        for m, key in rows:
            if key is not None:
                key_names[key][_surface(m.text)] += 1
    merged = _merge_fuzzy(key_names, packs, settings.fuzzy_threshold)
    pack_ids = {e.entity_id for e in packs.entries}
    merged.update(_short_names_across(keyed, merged))
    merged.update(_org_short_names(keyed, merged, packs))
    merged.update(_longer_names({merged.get(k, k) for k in key_names
                                 if k.startswith("person:") and k not in pack_ids}))
    # entity ids and records
    final: dict[str, str] = {k: _root(k, merged) for k in key_names}
    out: list[ArticleMentions] = []
    per_entity: dict[str, list[tuple[Mention, str]]] = defaultdict(list)
    for article, rows in zip(articles, keyed, strict=True):
        article_id = article.article_id
        mentions = []
        for m, key in rows:
            eid = final[key] if key is not None else None
            stands = None
            if eid is not None and m.metonymic:
                entry = packs.entry(eid)
                if entry is not None:
                    stands = next((r.target for r in entry.relations
                                   if r.kind in ("capital_of", "government_of")), None)
            new = replace(m, entity_id=eid, stands_for=stands)
            mentions.append(new)
            if eid is not None:
                per_entity[eid].append((new, article_id))
        out.append(ArticleMentions(article_id, tuple(mentions)))
    entities = tuple(_entity(eid, rows, packs) for eid, rows in sorted(per_entity.items()))
    return ResolvedMentions(entities, tuple(out))


def update(stored: Sequence[ArticleMentions], settings: Settings, added: Collection[str],
           read: Callable[[list[str]], Mapping[str, Analysis]], write: Callable[[tuple[Analysis, ...]], None],
           analysed: Callable[[], Iterable[str]]) -> EntityUpdate:
    """Resolve the ``stored`` mentions of every analysed article (:func:`resolve_mentions`) and write
    again, batch by batch (``write``, one call a batch of ``settings.analyse_batch_size`` articles), the
    analyses it changes (:func:`rewrites`: of the articles ``added`` since the last resolution and those
    whose mentions it changed, read by ``read``). Returns the entities and the analysed articles
    (``analysed``, read once the writes are done) whose analysis was not written again: their cached
    claim vectors are dropped all the same, as a rewrite drops them. The result is that of
    :func:`resolve` over every stored analysis."""
    resolved = resolve_mentions(stored, settings)
    written: set[str] = set()
    for part in rewrites(stored, resolved, added, read, settings.analyse_batch_size):
        write(part.changed)
        written.update(a.article_id for a in part.changed)
    return EntityUpdate(resolved.entities, tuple(aid for aid in analysed() if aid not in written))


def rewrites(stored: Sequence[ArticleMentions], resolved: ResolvedMentions, added: Collection[str],
             read: Callable[[list[str]], Mapping[str, Analysis]], batch: int) -> Iterator[Rewrite]:
    """The stored analyses a resolution (``resolved``, of the ``stored`` mentions) writes again, in
    batches of ``batch`` articles (a store transaction each): of the articles ``added`` since the last
    resolution and those whose mentions it changed, the analyses (read by ``read``) that
    :func:`with_mentions` changes, and the ids of those it leaves as they were."""
    touched = [before.article_id for before, after in zip(stored, resolved.articles, strict=True)
               if before.article_id in added or before.mentions != after.mentions]
    by_id = {after.article_id: after.mentions for after in resolved.articles}
    for i in range(0, len(touched), batch):
        ids = touched[i:i + batch]
        analyses = read(ids)
        changed: list[Analysis] = []
        kept: list[str] = []
        for aid in ids:
            result = with_mentions(analyses[aid], by_id[aid])
            if result != analyses[aid]:
                changed.append(result)
            else:
                kept.append(aid)
        yield Rewrite(tuple(changed), tuple(kept))


def with_mentions(analysis: Analysis, mentions: Sequence[Mention]) -> Analysis:
    """The analysis with these (resolved) mentions, and each quote's speaker entity set from them."""
    return replace(analysis, mentions=tuple(mentions),
                   quotes=tuple(_speaker_id(q, mentions) for q in analysis.quotes))


def _one_type_per_name(articles: Sequence[Sequence[Mention]], packs: AliasPacks) -> list[list[Mention]]:
    """Every mention of a name outside the packs takes the type most of its mentions have across
    the articles (each article has already decided one type per name from the words around it); a
    tie goes to the type named first."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for mentions in articles:
        for m in mentions:
            if m.kind == "name" and m.pack_id is None and m.label != "EQUIPMENT" and not packs.lookup(m.text):
                votes[normalise(m.text)][GROUPS.get(m.label, "other")] += 1
    winners = {key: count.most_common(1)[0][0] for key, count in votes.items()}
    out = []
    for mentions in articles:
        kept = []
        for m in mentions:
            group = winners.get(normalise(m.text))
            if group is not None and GROUPS.get(m.label) != group:
                m = replace(m, label=next(lab for lab, g in GROUPS.items() if g == group))
            kept.append(m)
        out.append(kept)
    return out


def _short_names_across(keyed: Sequence[Sequence[tuple[Mention, str | None]]],
                        merged: dict[str, str]) -> dict[str, str]:
    """A one-word person's name in an article that gives no full name for it ("Ostrova" in a short
    follow-up) is the one full name of the story whose given name or surname it is ("Maria Ostrova"
    in another article); not when two full names share it (a family), nor when an article that gives a
    full name holding it kept it apart (``_article_keys``: a relative)."""
    full: dict[str, set[str]] = defaultdict(set)  # name word -> final keys of the multi-word person names
    apart: set[str] = set()  # one-word keys an article with a full name holding them kept apart
    for rows in keyed:
        words_here = set()
        for m, key in rows:
            if key is not None and m.kind == "name" and m.label == "PERSON":
                words = normalise(m.text).split()
                if len(words) > 1:
                    full[words[0]].add(merged.get(key, key))
                    full[words[-1]].add(merged.get(key, key))
                    words_here.update(words)
        for m, key in rows:
            if (key is not None and m.kind == "name" and m.label == "PERSON" and len(normalise(m.text).split()) == 1
                    and normalise(m.text) in words_here):
                apart.add(key)
    out: dict[str, str] = {}
    for rows in keyed:
        for m, key in rows:
            if (key is None or m.kind != "name" or m.label != "PERSON" or m.pack_id is not None or key in apart
                    or key in merged or key != f"person:{_slug(person_core(m.text))}"):
                continue
            words = normalise(m.text).split()
            targets = full.get(words[0], set()) if len(words) == 1 else set()
            if len(targets) == 1:
                out[key] = next(iter(targets))
    return out


#: Words closing a company's name that the text may leave off ("Brekkum Corp." is "Brekkum").
_COMPANY_ENDS = frozenset({"corp", "corporation", "inc", "incorporated", "ltd", "limited", "plc", "llc", "co"})


def _root(key: str, merged: Mapping[str, str]) -> str:
    """Where ``key`` ends up, following merges made in turn ("Aske" -> "Rolf Aske" -> "Rolf J. Aske")."""
    seen = {key}
    while (nxt := merged.get(key, key)) not in seen:
        seen.add(nxt)
        key = nxt
    return key


def _longer_names(keys: Collection[str]) -> dict[str, str]:
    """Each person key of ``keys`` whose two or more words the words of exactly one other key hold in
    order, the surname last ("person:mark-heller" in "person:mark-jay-heller"), mapped to that key. Keys
    are compared only with those of their surname (a store holds many names)."""
    by_surname: dict[str, list[list[str]]] = defaultdict(list)
    for key in keys:
        words = key.partition(":")[2].split("-")
        by_surname[words[-1]].append(words)
    out: dict[str, str] = {}
    for same in by_surname.values():
        for words in same:
            if len(words) < 2:
                continue
            found = None
            for longer in same:
                if len(longer) <= len(words):
                    continue
                it = iter(longer)
                if all(w in it for w in words):
                    if found is not None:
                        found = None
                        break
                    found = longer
            if found is not None:
                out["person:" + "-".join(words)] = "person:" + "-".join(found)
    return out


def _org_short_names(keyed: Sequence[Sequence[tuple[Mention, str | None]]], merged: dict[str, str],
                     packs: AliasPacks) -> dict[str, str]:
    """An organisation's name that the story also writes after a place ("the Kessford Gulls" and
    "the Gulls", a team by its town) or with a company ending ("Brekkum Corp.") is the longer name's,
    where only one longer name of the story holds it; not a name made only of an organisation's head
    words ("the Army", "the Post": ``lexicon.ORG_HEADS``), which many organisations share."""
    places = {normalise(m.text) for rows in keyed for m, key in rows
              if m.kind == "name" and GROUPS.get(m.label) == "place"}
    longer: dict[str, set[str]] = defaultdict(set)
    for rows in keyed:
        for m, key in rows:
            if key is None or m.kind != "name" or m.label != "ORG":
                continue
            words = normalise(m.text).split()
            target = merged.get(key, key)
            for k in range(1, len(words)):
                head = " ".join(words[:k])
                if head in places or GROUPS.get(_place_label(packs, head) or "") == "place":
                    longer[" ".join(words[k:])].add(target)
            if len(words) > 1 and words[-1] in _COMPANY_ENDS:
                longer[" ".join(words[:-1])].add(target)
    out: dict[str, str] = {}
    for rows in keyed:
        for m, key in rows:
            if key is None or m.kind != "name" or m.label != "ORG" or m.pack_id is not None or key in merged:
                continue
            short = normalise(m.text)
            if all(w in ORG_HEADS or w in UNIT_NOUNS for w in short.split()):
                continue  # "the Army", "the Post": a kind of organisation, not the one of a longer name
            targets = longer.get(short, set()) - {key}
            if len(targets) == 1:
                out[key] = next(iter(targets))
    return out


def _place_label(packs: AliasPacks, name: str) -> str | None:
    pid = packs.lookup(name)
    entry = packs.entry(pid) if pid else None
    return entry.label if entry is not None else None


#: A nickname in quotation marks inside a name ("Vincent 'The Chin' Gigante").
_NICKNAME = re.compile(r"\s[\"“'‘][^\"“”'‘’]+[\"”'’](?=\s)")
#: Words after a surname that tell a generation, not a person apart from the name.
_GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})


def person_core(text: str) -> str:
    """A person's name as one key for its spellings: without a nickname in quotation marks, middle
    initials or a generation ("Vincent L. Gigante", "Vincent 'The Chin' Gigante" -> "vincent gigante";
    "Rolf Aske Jr." -> "rolf aske"). A name left with fewer than two words keeps its initials."""
    words = normalise(_NICKNAME.sub(" ", text)).split()
    while len(words) > 2 and words[-1] in _GENERATIONS:
        words.pop()
    named = [w for w in words if len(w) > 1]
    return " ".join(named if len(named) >= 2 else words)


def _surface(text: str) -> str:
    t = " ".join(text.replace("’", "'").split())
    return re.sub(r"'s$", "", t)


def _article_keys(mentions: Sequence[Mention], packs: AliasPacks,
                  short_name_alone: int) -> list[tuple[Mention, str | None]]:
    keys: dict[int, str | None] = {}
    for i, m in enumerate(mentions):
        if m.kind != "name":
            continue
        pid = m.pack_id or packs.lookup(m.text)
        if pid is not None:
            keys[i] = pid
        elif m.label == "EQUIPMENT":
            keys[i] = f"equipment:{_slug(m.text)}"
        elif m.label == "PERSON":
            keys[i] = f"person:{_slug(person_core(m.text))}"
        else:
            keys[i] = f"{GROUPS.get(m.label, 'other')}:{_slug(m.text)}"
    # a shorter full name -> the one longer full name of the article that ends with it ("Joseph Aske" and
    # "Rolf Joseph Aske")
    longer = _longer_names({k for i, k in keys.items()
                            if k is not None and k.startswith("person:") and mentions[i].pack_id is None})
    keys.update((i, longer[k]) for i, k in keys.items() if k in longer)
    # partial person names -> the one full name in the article that holds them, unless the body used the
    # short name on its own short_name_alone times before it gave that full name
    full: dict[str, set[str]] = defaultdict(set)
    given: dict[str, set[str]] = defaultdict(set)  # the first word of each full name: a given name
    first_full: dict[str, int] = {}
    for i, m in enumerate(mentions):
        key = keys.get(i)
        if m.kind == "name" and m.label == "PERSON" and key is not None:
            tokens = normalise(m.text).split()
            if len(tokens) > 1:
                for t in tokens:
                    full[t].add(key)
                given[tokens[0]].add(key)
                if m.field == "body":
                    first_full.setdefault(key, m.start)
    shorts: dict[str, list[int]] = defaultdict(list)  # body offsets of each one-word person name
    for m in mentions:
        if m.kind == "name" and m.label == "PERSON" and m.field == "body" and len(normalise(m.text).split()) == 1:
            shorts[normalise(m.text)].append(m.start)
    for i, m in enumerate(mentions):
        if m.kind == "name" and m.label == "PERSON" and m.pack_id is None:
            tokens = normalise(m.text).split()
            if len(tokens) == 1 and len(full.get(tokens[0], ())) == 1:
                target = next(iter(full[tokens[0]]))
                named_at = first_full.get(target, 0)
                # a given name is its full name's however often it stood alone first ("Bassem" for
                # "Bassem Tamimi"); a surname may be a relative's (the rule above)
                if (target in given.get(tokens[0], ())
                        or sum(at < named_at for at in shorts.get(tokens[0], ())) < short_name_alone):
                    keys[i] = target
    _acronyms_to_names(mentions, keys)
    named = {k for k in keys.values() if k is not None}
    out: list[tuple[Mention, str | None]] = []
    for i, m in enumerate(mentions):
        if m.kind == "name":
            out.append((m, keys[i]))
        else:  # a description resolves only when its entity is named here too
            out.append((m, m.pack_id if m.pack_id in named else None))
    return out


_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
#: Lower-case words a name's initials skip ("Bank of Nordvik": BN).
_NAME_LINKS = frozenset({"of", "the", "and", "for", "de", "du", "des", "la", "le", "von", "van", "&"})


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", _surface(name)) if w and w.lower() not in _NAME_LINKS]
    return "".join(w[0] for w in words).upper() if all(w[:1].isupper() for w in words) else ""


def _acronyms_to_names(mentions: Sequence[Mention], keys: dict[int, str | None]) -> None:
    """An organisation's or a place's acronym ("NFL") is the one name of that kind in the article whose
    initials it spells ("Nordvik Ferry Lines"), when the pack knows neither."""
    full: dict[tuple[str, str], set[str]] = defaultdict(set)
    for i, m in enumerate(mentions):
        group = GROUPS.get(m.label)
        key = keys.get(i)
        if m.kind == "name" and group in ("org", "place") and key is not None and len(_surface(m.text).split()) > 1:
            letters = _initials(m.text)
            if len(letters) > 1:
                full[(group, letters)].add(key)
    for i, m in enumerate(mentions):
        group = GROUPS.get(m.label)
        text = _surface(m.text)
        if m.kind == "name" and m.pack_id is None and group in ("org", "place") and _ACRONYM.match(text):
            targets = full.get((group, text), set())
            if len(targets) == 1 and keys.get(i) == f"{group}:{_slug(m.text)}":  # a key of its own, from no pack
                keys[i] = next(iter(targets))


def _merge_fuzzy(key_names: dict[str, Counter[str]], packs: AliasPacks, threshold: float) -> dict[str, str]:
    """Map non-pack keys onto a pack id or onto an earlier, similar key.

    A key is compared with the pack names of its group, then with the keys of its group kept so
    far, in that order, and takes the first that has its numbers, a length within 3 and a fuzzy
    ratio of at least ``threshold``. Only the names that could reach the ratio are compared
    (:class:`_FuzzyIndex`), so the time grows with the names, not with their square."""
    merged: dict[str, str] = {}
    pack_ids = {e.entity_id for e in packs.entries}
    # most mentioned first, so that variants fold into the common spelling
    order = sorted((k for k in key_names if k not in pack_ids),
                   key=lambda k: (-sum(key_names[k].values()), k))
    names = [(GROUPS[e.label], normalise(n), e.entity_id) for e in packs.entries for n in (e.name, *e.aliases)]
    index = _FuzzyIndex(threshold, [n for _, n, _ in names] + [k.partition(":")[2].replace("-", " ") for k in order])
    for group, norm, key in names:
        index.keep(group, norm, key)
    for key in order:
        group, _, slug = key.partition(":")
        norm = slug.replace("-", " ")
        if len(norm) < 5 or group == "group":  # short names: exact only
            index.keep(group, norm, key)
            continue
        found = index.first(group, norm)
        if found is not None:
            merged[key] = merged.get(found, found)
        else:
            index.keep(group, norm, key)
    return merged


class _FuzzyIndex:
    """The names kept so far, by (group, numbers), indexed for the first one (in the order kept)
    whose length is within 3 of a name's and whose fuzzy ratio with it reaches ``threshold``.

    A ratio of ``t`` allows an insert-or-delete distance of at most ``d = (1 - t/100)(la + lb)``,
    and two names that far apart share at least ``max(la, lb) - (q - 1) - q * d`` of their pieces of
    ``q`` letters (``_Q``, counted with repeats: Ukkonen's q-gram lemma). Pieces are ordered rarest first over
    all the names; two names sharing ``T`` pieces share one of their first ``n - T + 1``, so a name
    is indexed by its first pieces only and a query reads the names holding one of its own first
    pieces (prefix filtering). A name whose bound is not positive is compared with every name."""

    def __init__(self, threshold: float, names: Iterable[str]) -> None:
        self._threshold = threshold
        counts: Counter[tuple[str, int]] = Counter()
        for n in names:
            counts.update(_pieces(n))
        self._rarity = counts
        # (group, numbers) -> kept names [(norm, key, length)] in the order kept; (group, numbers, length) ->
        # piece -> the positions of the names of that length indexed by it, and those read by every query
        self._kept: dict[tuple[str, tuple[str, ...]], list[tuple[str, str, int]]] = defaultdict(list)
        self._posts: dict[tuple[str, tuple[str, ...], int], dict[tuple[str, int], list[int]]] = defaultdict(dict)
        self._always: dict[tuple[str, tuple[str, ...], int], list[int]] = defaultdict(list)

    def _sizes(self, length: int) -> list[int]:
        # a ratio is at most 100 * (1 - |length - size| / (length + size)): sizes that cannot reach it are not read
        return [size for size in range(max(1, length - 3), length + 4)
                if 100 * (1 - abs(length - size) / (length + size)) >= self._threshold - 1e-9]

    def _prefix(self, norm: str) -> list[tuple[str, int]] | None:
        """The name's first pieces to index or probe by; None when it must meet every name."""
        length = len(norm)
        bound = min((max(length, size) - (_Q - 1)
                     - _Q * math.floor((1 - self._threshold / 100) * (length + size) + 1e-9)
                     for size in self._sizes(length)), default=0)
        pieces = _pieces(norm)
        if bound <= 0 or not pieces:
            return None
        pieces.sort(key=lambda p: (self._rarity[p], p))
        return pieces[:max(0, len(pieces) - bound + 1)]

    def keep(self, group: str, norm: str, key: str) -> None:
        where = (group, _numbers(norm))
        kept = self._kept[where]
        kept.append((norm, key, len(norm)))
        prefix = self._prefix(norm)
        if prefix is None:
            self._always[(*where, len(norm))].append(len(kept) - 1)
            return
        posts = self._posts[(*where, len(norm))]
        for piece in prefix:
            posts.setdefault(piece, []).append(len(kept) - 1)

    def first(self, group: str, norm: str) -> str | None:
        where = (group, _numbers(norm))
        kept = self._kept.get(where)
        if not kept:
            return None
        sizes = self._sizes(len(norm))
        prefix = self._prefix(norm)
        if prefix is None:
            near = [i for i, row in enumerate(kept) if row[2] in sizes]
        else:
            found: set[int] = set()
            for size in sizes:
                found.update(self._always.get((*where, size), ()))
                posts = self._posts.get((*where, size))
                if posts:
                    for piece in prefix:
                        found.update(posts.get(piece, ()))
            near = sorted(found)
        # the first candidate in rank order that reaches the ratio (the loop over the others runs in C)
        hit = next(process.extract_iter(norm, [kept[i][0] for i in near], scorer=fuzz.ratio,
                                        score_cutoff=self._threshold), None)
        return kept[near[hit[2]]][1] if hit is not None else None


#: The letters of a piece (:class:`_FuzzyIndex`).
_Q = 3


def _pieces(text: str) -> list[tuple[str, int]]:
    """The pieces of ``_Q`` letters of a text, each with how many times it came before (repeats counted)."""
    seen: Counter[str] = Counter()
    out = []
    for i in range(len(text) - _Q + 1):
        piece = text[i:i + _Q]
        out.append((piece, seen[piece]))
        seen[piece] += 1
    return out


_DIGITS = re.compile(r"\d+")


def _numbers(text: str) -> tuple[str, ...]:
    """The numbers in a name: "Hwasong-12" and "Hwasong-17" are two things however alike they look."""
    return tuple(_DIGITS.findall(text))


def _speaker_id(q: Quote, mentions: Iterable[Mention]) -> Quote:
    if q.speaker_start is None or q.speaker_end is None:
        return q
    best = None
    for m in mentions:
        covers = m.field == q.field and m.entity_id and m.start <= q.speaker_start and q.speaker_end <= m.end
        if covers and (best is None or (m.end - m.start) > (best.end - best.start)):
            best = m
    return replace(q, speaker_entity_id=best.entity_id) if best else q


#: A name that opens with an article in lower case: the model took the article in.
_ARTICLE_LEAD = re.compile(r"^(?:a|an|the)\s")


def _entity(eid: str, rows: list[tuple[Mention, str]], packs: AliasPacks) -> Entity:
    entry = packs.entry(eid)
    names = Counter(_surface(m.text) for m, _ in rows if m.kind == "name")
    descs = sorted({_surface(m.text) for m, _ in rows if m.kind != "name"})
    variants = tuple(sorted(names, key=lambda n: (-names[n], n))) + tuple(descs)
    articles = tuple(sorted({aid for _, aid in rows}))
    labels = Counter(m.label for m, _ in rows)
    if entry is not None:
        return Entity(eid, entry.name, entry.label, variants, len(rows), articles,
                      entry.relations, entry.nato, "pack")
    # the longest name, but not one the model ran an article into ("a Rite Aid") while another is written
    told = [n for n in names if not _ARTICLE_LEAD.match(n)] or list(names)
    name = max(told, key=lambda n: (len(n.split()), names[n], n)) if names else rows[0][0].text
    label = labels.most_common(1)[0][0]
    relations: tuple[Relation, ...] = ()
    owner = re.match(r"^(.+?)['’]s\s+\S", name)
    if GROUPS.get(label) == "place" and owner:
        whole = packs.lookup(owner.group(1))
        if whole is not None:
            relations = (Relation("part_of", whole),)
    if label == "EQUIPMENT":
        stem = _STEM.match(name)
        if stem:
            base = packs.lookup(stem.group(1))
            relations = (Relation("variant_of", base or f"equipment:{_slug(stem.group(1))}"),)
    return Entity(eid, name, label, variants, len(rows), articles, relations, None, "text")
