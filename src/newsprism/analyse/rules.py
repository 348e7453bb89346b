"""Rule tables of the analyse stage: data, not logic."""

from __future__ import annotations

import re

from ..lexicon import CLOCK_NUMBER_RE as CLOCK_NUMBER_RE  # read here by analyse
from ..lexicon import CLOCK_SUFFIXES as CLOCK_SUFFIXES  # read here by analyse
from ..lexicon import CLOCK_TOKEN_RE as CLOCK_TOKEN_RE  # read here by analyse
from ..lexicon import NUMBER_WORDS as NUMBER_WORDS  # read here by quantities and times
from ..lexicon import ORG_HEADS as ORG_HEADS  # read here by analyse
from ..lexicon import OUTLET_NOUNS as _OUTLET_NOUNS
from ..lexicon import UNIT_NOUNS as UNIT_NOUNS  # read here by analyse

#: Entity labels kept as mentions.
ENTITY_LABELS = frozenset({"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC", "EQUIPMENT"})

#: Military designations: a maker or series prefix, a hyphen, a number and an
#: optional variant suffix (Tu-160, Tu-95MS, MiG-31I, Kh-47M2, S-400, F-35A).
#: Single-letter prefixes need two digits or more (F-16, not B-1 visas).
DESIGNATION = (
    r"^(?:(?:Tu|MiG|Mig|MIG|Su|Kh|Il|An|Ka|Mi|Yak|Be|KJ|AH|UH|CH|MH|MQ|RQ|KC|EA|AGM|AIM|MGM|MIM|FGM|BGM|RIM|"
    r"AS|SA|SS|BMP|BTR|BMD|Hwasong|Hwaseong|Pukguksong|KN|DF|JL|HQ|YJ|Shahed|Fateh|Geran|Zolfaghar|Kheibar)"
    r"-\d{1,4}|(?:A|B|C|E|F|J|M|P|S|T)-\d{2,4})[A-Za-z0-9]{0,6}$"
)
DESIGNATION_RE = re.compile(DESIGNATION)
#: Makers that often precede a designation ("Tupolev Tu-160").
MAKERS = ("Tupolev", "Sukhoi", "Mikoyan", "Ilyushin", "Antonov", "Kamov", "Mil", "Yakovlev", "Boeing",
          "Lockheed", "Northrop", "Dassault", "Saab", "Chengdu", "Shenyang", "Xian")

#: Words before a number that make it no time ("No 10 PM Theresa May", "£7 pm").
NOT_CLOCK_BEFORE = frozenset({"no", "no.", "number", "nr", "#"})
#: Parts of a day the model tags apart from the day before them ("Wednesday" + "morning"), joined to it; only
#: those the time resolver reads with a day ("Wednesday midday" would no longer resolve). Not all the parts
#: of a day the resolver reads after a day (``datewords.PARTS_OF_DAY``).
JOINED_PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})

#: Model errors a rule can fix: words the model tags as PERSON that are not names.
#: Social networks and messaging apps: where words are posted, never who posts them.
PLATFORMS = frozenset({"Twitter", "Facebook", "Instagram", "YouTube", "TikTok", "Telegram", "WhatsApp", "Snapchat",
                       "Weibo", "WeChat", "LinkedIn", "Reddit", "Tumblr"})
NOT_PERSON = frozenset({"Photo", "Photos", "Image", "Video", "File", "Getty", "AFP", "Reuters", "AP"}) | PLATFORMS
#: Nouns after which a one-word ORG is part of a title ("Defense Minister").
TITLE_NOUNS = frozenset({"Minister", "minister", "Secretary", "secretary", "Chief", "chief", "Spokesperson",
                         "spokesperson", "Spokesman", "spokesman", "Ministers", "Secretaries"})
#: Evidence for an entity's type in the words around a name, read per mention and decided per name
#: (``analyse._decide_types``): a preposition of place before it ("in Varnholm"), a head word of a place
#: or an organisation in it ("Cape Erimo", "Harbour Gazette"), a title before it ("Mayor Elin Marsh") or
#: a person's noun after its possessive ("Vessa's lawyer"). PERSON_TITLES are the nouns for a person.
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "into", "across", "around", "towards",
                                "toward", "through", "throughout", "downstream", "upstream", "from", "village",
                                "town", "city", "port", "region", "province", "county"})
PLACE_HEADS = frozenset({"cape", "mount", "mt", "lake", "river", "bay", "island", "islands", "street", "road",
                         "avenue", "square", "bridge", "dam", "valley", "harbour", "harbor", "port", "airport",
                         "airfield", "station", "peninsula", "strait", "gulf", "sea", "ocean", "coast", "hill"})
#: Common nouns of a building or site after a name that make the name a facility's ("the Solbacken care
#: home", "the Lindby sports hall"): a person's name before them stays a person's only when no such noun follows.
FACILITY_HEADS = frozenset({"home", "hall", "centre", "center", "church", "stadium", "arena", "park", "camp",
                            "prison", "farm", "hotel", "museum", "library", "mine", "plant", "factory", "mill",
                            "shelter", "clinic", "hospital", "school", "college", "barracks", "base", "terminal"})
#: Lower-case words that end a name: the model ran a name on into the clause after it ("Varnholm as
#: Tormund gate is closed").
NAME_BREAKS = frozenset({"as", "while", "when", "after", "before", "because", "since", "if", "is", "was", "are",
                         "were", "has", "had", "will", "would", "says", "said"})
PERSON_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "mayor", "president",
                           "minister", "spokesman", "spokeswoman", "spokesperson", "chief", "director",
                           "professor", "prof", "general", "gen", "colonel", "col", "captain", "capt",
                           "sergeant", "officer", "senator", "governor", "judge", "rabbi", "pope", "king",
                           "queen", "prince", "princess", "secretary", "chairman", "chairwoman", "coach",
                           "engineer", "resident", "farmer", "inspector", "superintendent", "manager",
                           "head", "leader", "ambassador", "adviser", "advisor", "analyst", "expert",
                           "official", "executive", "ceo", "founder", "witness", "friend", "sister",
                           "brother", "mother", "father", "wife", "husband", "son", "daughter", "relative",
                           "neighbour", "neighbor", "teacher", "doctor", "lawyer", "prosecutor",
                           "fisherman", "passenger", "driver", "pilot", "survivor", "researcher",
                           "scientist", "astronaut", "banker", "economist"})
#: Titles and roles the model takes into a person's name ("Comedian Nils Vang", "Deputy Aske", "Dr Lund"):
#: cut from its start, so that the name is the one the text uses alone. Titles that are part of the name a
#: person is known by ("Pope X", "King X", "Lord X") and nouns that are also surnames stay.
NAME_TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "sir", "mayor", "president", "minister", "spokesman", "spokeswoman",
    "professor", "prof", "general", "gen", "colonel", "col", "captain", "capt", "sergeant", "sgt", "officer",
    "senator", "sen", "governor", "gov", "judge", "secretary", "chairman", "chairwoman", "coach", "inspector",
    "insp", "superintendent", "supt", "ambassador", "director", "deputy", "sheriff", "detective", "det", "rep",
    "lt", "actor", "actress", "comedian", "singer", "rapper", "ceo", "cfo", "gm", "mvp", "rabbi", "reverend",
    "rev", "pastor"})
#: Roles that tell a person's sex: "she" never stands for "their son", nor "he" for "the spokeswoman".
MALE_ROLES = frozenset({"spokesman", "chairman", "king", "prince", "father", "husband", "son", "brother",
                        "fisherman", "boy", "man", "grandfather", "uncle", "nephew", "sir", "lord", "mr"})
FEMALE_ROLES = frozenset({"spokeswoman", "chairwoman", "queen", "princess", "mother", "wife", "daughter",
                          "sister", "girl", "woman", "grandmother", "aunt", "niece", "dame", "lady", "mrs", "ms"})
#: Roles that name someone beside a story's protagonist (a spokesman speaks for another, a witness saw it):
#: a bare "the witness" never stands for the person the lead quotes (``speakers.Speakers.lead_person``).
BYSTANDER_ROLES = frozenset({"spokesman", "spokeswoman", "spokesperson", "official", "witness", "resident",
                             "relative", "neighbour", "neighbor", "friend", "sister", "brother", "mother",
                             "father", "wife", "husband", "son", "daughter", "passenger", "driver", "pilot",
                             "survivor", "officer", "lawyer", "prosecutor", "judge", "doctor", "teacher",
                             "adviser", "advisor", "analyst", "expert"})
#: A plural acronym ("ICBMs", "SLBMs") is a weapon class, not a place or a group.
PLURAL_ACRONYM_RE = re.compile(r"^[A-Z]{2,}s$")
#: Spellings no person's name has: a capital inside a word after two or more lower-case letters, as
#: companies and products are written ("SpaceX", "PayPal", "YouTube"; not "McCain", "DeAndre", "LeBron",
#: nor the Mac, Van and Fitz names: "MacArthur"), or a word of three or more capitals ("CNET").
NOT_A_PERSON_SPELLING_RE = re.compile(r"^(?!(?:Mac|Van|Von|Fitz)[A-Z])[A-Za-z]*[a-z]{2}[A-Z][A-Za-z]*$|^[A-Z]{3,}$")

#: Lemmas of reporting verbs, which introduce a quotation or a report (not those whose present tense the
#: time resolver reads as a report: ``datewords.REPORTING_PRESENT_VERBS``).
REPORTING_VERBS = frozenset({
    "say", "tell", "state", "add", "announce", "claim", "clarify", "confirm", "insist", "contend",
    "emphasize", "emphasise", "stress", "note", "warn", "argue", "explain", "report", "assert",
    "declare", "deny", "reiterate", "acknowledge", "admit", "allege", "suggest", "write", "indicate",
    "point", "predict", "believe", "maintain", "highlight", "remark", "comment", "reply", "respond",
    "ask", "urge", "vow", "pledge", "promise", "threaten", "accuse", "estimate", "conclude", "recall",
    "continue", "tweet", "shout", "holler", "exclaim", "describe", "call", "brand", "dismiss", "read", "quote",
    "caution", "joke", "quip", "recount", "concede", "complain", "lament", "boast", "testify", "reveal",
    "retort", "observe", "apologise", "apologize", "proclaim", "opine", "post", "attest",
})  # fmt: skip
#: Verbs that give a quote its speaker: the reporting verbs, "cite" (who is cited speaks: "the agency
#: cited its website"), "agree" ("X agreed that "..."") and "begin" ('"...," the letter began', framing a
#: quote only: ``FRAMING_ONLY_VERBS``); only the speaker rules read them.
#: Verbs of how something is said ("Kari Mo fumed on Twitter: "..."", 'a co-worker yelled, "..."', 'she
#: answered, "Yes."'): they frame a quote (``FRAMING_ONLY_VERBS``), and report nothing else.
SPEAKING_VERBS = frozenset({"answer", "yell", "scream", "fume"})
QUOTING_VERBS = REPORTING_VERBS | {"cite", "agree", "begin"} | SPEAKING_VERBS
#: Endings of nouns for a person who does or is something ("advocate", "businesswoman", "novelist",
#: "film star"): a description that may stand for a person named before (``speakers``' epithets).
AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person", "ee", "ess", "ate", "star",
                  "ive")
#: Endings that make a noun of an act or a body, never a person's, whatever ``AGENT_SUFFIXES`` says: "the
#: government", "the department" (``agent_word``).
NON_AGENT_SUFFIXES = ("ment",)


def agent_word(lemma: str) -> bool:
    """A noun that may name what a person is or does by its ending ("banker", "journalist", "resident"),
    not one of an act or a body ("government")."""
    return lemma.endswith(AGENT_SUFFIXES) and not lemma.endswith(NON_AGENT_SUFFIXES)
#: Modals that say a verb ought to happen, not that it did ("Seoul should respond"): it reports nothing.
OBLIGATION_MODALS = frozenset({"should", "must", "ought"})
#: Reporting verbs with an everyday sense ("the talks continued"): they report only when they frame a
#: quote themselves, never inside what another verb reports.
FRAMING_ONLY_VERBS = frozenset({"continue", "conclude", "begin"}) | SPEAKING_VERBS
#: Nouns for what someone issued: its speaker is who issued it ("a statement released by the agency").
STATEMENT_NOUNS = frozenset({"statement", "release", "communique", "communiqué", "message", "letter", "post",
                             "tweet", "report", "commentary", "notice", "announcement", "apology",
                             "disclaimer", "directive", "resolution", "sign", "placard", "banner"})
#: Nouns for a news outlet, with words of their own or none ("state media", "the German paper", "the
#: agency"): they stand for the outlet the text named (``OUTLET_HEADS``, or called by such a noun before).
#: The one-word nouns of ``lexicon.OUTLET_NOUNS`` (an outlet interviews were given to), and those for one
#: that speaks but is not told things ("state media"); not "website" (whose is it: "the centre's website").
OUTLET_NOUNS = frozenset(w for w in _OUTLET_NOUNS if " " not in w and w != "website") | {
    "media", "daily", "television", "tv", "radio", "wire"}
#: Last words of a news outlet's name ("... News Agency", "The Lindvik Courier").
OUTLET_HEADS = frozenset({"gazette", "times", "post", "news", "herald", "courier", "radio", "tv", "television",
                          "agency", "press", "journal", "tribune", "chronicle", "daily"})
#: Units of time: a subject that is one is when, not who ("Hours after the crash, the council issued ...",
#: parsed with two subjects).
TIME_NOUNS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "moment"})
#: Abstract nouns that name a feeling, a stance or a response, never who speaks ("the chorus of
#: international condemnation ... branding the action "..."").
UNSPEAKING_NOUNS = frozenset({"condemnation", "concern", "reaction", "response", "criticism", "outrage",
                              "anger", "fear", "backlash", "praise", "support", "uproar", "chorus",
                              "speculation", "confusion", "debate", "opposition", "sympathy", "alarm"})
#: Words that stand for a phrase elsewhere and name nobody by themselves: relative pronouns ("who",
#: "which") and determiners or number words without a noun ("One said", "Some believe").
REFERRING_WORDS = frozenset({"who", "whom", "whose", "which", "that", "what", "whoever", "one", "some",
                             "many", "several", "both", "few", "most", "others", "all", "each", "none",
                             "any", "either", "neither", "this", "these", "those"})
#: Nouns that stand for an organisation the text has named ("Telegram ... the company said").
ORGANISATION_NOUNS = frozenset({"company", "firm", "corporation", "business", "airline", "carrier", "retailer",
                                "paper", "newspaper", "magazine", "broadcaster", "network", "website",
                                "group", "organisation", "organization", "charity"})
#: Verbs that sum someone or something up: they frame a quote only in their "as" phrase ("X hailed the
#: plan as "a new start"", "the store was praised by the paper as "..."").
CHARACTERISING_VERBS = frozenset({"praise", "hail", "condemn", "criticise", "criticize", "denounce", "label",
                                  "slam", "tout", "bill", "characterise", "characterize", "portray", "depict",
                                  "defend", "treat", "regard", "view"})
#: Verbs that give a thing its name ("a campaign dubbed The Price of Fish", "a group known as ..."): the
#: thing is what the name names when the text speaks of it again by its noun ("the campaign states").
NAMING_VERBS = frozenset({"dub", "call", "name", "title", "brand", "know", "christen", "label"})
#: Nouns for a business set before its name ("rival Nordvik", "chipmaker Brekkum": also any "-maker"): the
#: name is an organisation's (``analyse._cue``), with ``ORGANISATION_NOUNS``.
BUSINESS_NOUNS = frozenset({"rival", "giant", "startup", "start-up", "supplier", "manufacturer", "insurer",
                            "lender", "subsidiary", "conglomerate", "operator", "brand"})
#: Nouns for a country's armed services: "the military" is the one the text named ("the Indian navy").
ARMED_FORCE_NOUNS = frozenset({"military", "army", "navy", "coastguard", "marines"})
#: Nouns for who speaks for an organisation: the organisation that names them spoke ("Nordvik spokeswoman
#: Kari Mo said ... the company's statement said").
SPOKESPERSON_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative"})
#: How a statement travels, never who made it ("a statement by email").
MEDIA_NOUNS = frozenset({"email", "e-mail", "mail", "phone", "telephone", "fax"})
#: Reporting verbs whose object is who was spoken to, never the speaker ("... told the passengers").
ADDRESSING_VERBS = frozenset({"tell", "ask", "urge", "warn", "accuse"})
#: Verbs of issuing a statement noun: its speaker is their subject ("X issued an apology – "..."").
ISSUING_VERBS = frozenset({"issue", "release", "publish", "post", "send", "give", "make", "put", "provide",
                           "adopt", "pass"})
#: Verbs of putting one's name to a statement noun: its speaker is their agent ("a letter signed by X").
SIGNING_VERBS = frozenset({"sign", "write", "author", "pen", "draft"})
#: Reporting verbs that name who passed words on rather than who said them ("X said ... "...," the paper
#: reports"): when another reporting verb also holds the quote, its subject is the speaker.
SOURCING_VERBS = frozenset({"report"})
#: Reporting verbs whose object (not only a clause) is what was said, in paraphrase.
PARAPHRASE_VERBS = frozenset({"emphasize", "emphasise", "stress", "highlight", "claim", "deny", "reiterate",
                              "announce", "note", "confirm"})
#: Quotes shorter than this (in words) are names or scare quotes, not speech.
MIN_QUOTE_WORDS = 4

#: Scale words (the number words are :data:`newsprism.lexicon.NUMBER_WORDS`).
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mn": 1e6}
APPROXIMATE = frozenset({"about", "approximately", "around", "roughly", "nearly", "almost", "some",
                         "estimated", "an estimated", "close to", "circa", "approx."})
UPPER_BOUND = frozenset({"up to", "as many as", "at most", "no more than", "less than", "fewer than", "under"})
LOWER_BOUND = frozenset({"more than", "over", "at least", "upwards of", "in excess of"})
_MODS = sorted(APPROXIMATE | UPPER_BOUND | LOWER_BOUND | {"between", "from"}, key=len, reverse=True)
_NUM = (r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
        + r")(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?")
_SCALE = r"(?:\s(?:thousand|million|billion|trillion)|\s?(?:bn|mn)\b)"
_CUR = r"US\$|\$|€|£|¥|₩"
QUANTITY_RE = re.compile(
    rf"(?<![\w.,$€£¥₩-])(?:(?P<mod>{'|'.join(re.escape(m) for m in _MODS)})\s+)?"
    rf"(?:(?P<cur>{_CUR})\s?)?(?P<a>{_NUM})(?P<ascale>{_SCALE})?"
    rf"(?:\s?(?:to|-|–|—|and)\s?(?:{_CUR})?(?P<b>{_NUM})(?P<bscale>{_SCALE})?)?"
    r"(?![\w]|[.,]\d)",
    re.IGNORECASE,
)
CURRENCY_SYMBOLS = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW"}
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "won": "KRW", "yen": "JPY",
    "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "yuan": "CNY", "rupees": "INR",
    "pounds sterling": "GBP",
}  # fmt: skip
PERCENT_WORDS = ("%", "percent", "per cent", "percentage points")
#: Counts worth keeping without a unit: the number's noun, or a casualty verb after it.
CASUALTY_WORDS = frozenset({"killed", "dead", "died", "injured", "wounded", "hurt", "missing", "arrested",
                            "detained", "displaced", "evacuated", "rescued"})
#: Preferred canonical unit per pint dimensionality.
CANONICAL_UNITS = {
    "[length]": "km", "[mass]": "kg", "[length] / [time]": "km/h", "[time]": "day", "[length] ** 2": "km**2",
    "[length] ** 3": "L", "[mass] * [length] ** 2 / [time] ** 3": "W",
}  # fmt: skip
#: Single-character tokens accepted as units.
SHORT_UNITS = frozenset({"m", "g", "t", "%"})

_UNITS_OF_TIME = r"(?:year|month|week|day|hour|minute|second|decade|century|centuries|night|season|quarter)s?"
#: A DATE/TIME span that is a duration or an age, not a point in time ("25 years", "24-hour", "33-year-old").
DURATION_RE = re.compile(
    r"^(?:(?:about|around|some|nearly|almost|more than|over|less than|just|only|at least|the past|the last|"
    r"the next|the first|the previous|another|several|few|a few|many|the)\s+)*"
    r"(?:a|an|\d+(?:[.,]\d+)?|" + "|".join(NUMBER_WORDS) + r"|several|few|many)?(?:[\s-]+(?:and a half|plus))?[\s-]*"
    + _UNITS_OF_TIME + r"(?:[\s-](?:old|long|later|earlier))?$",
    re.IGNORECASE,
)
#: A bare number is a date only when it is a plausible year.
BARE_NUMBER_RE = re.compile(r"^\d+$")
DECADE_RE = re.compile(r"^(?:the\s+)?(?:\d{2}|')?\d0['’]?s$", re.IGNORECASE)  # "1990s", "the 1990's", "'90s"

#: Words stripped from a DATE/TIME span before dateparser reads it.
TIME_PREFIX_RE = re.compile(r"^(?:(?:at|on|in|around|about|approximately|by|since|until|during|early|late|mid|"
                            r"the|of)[\s-]+)+", re.IGNORECASE)
TIME_NOISE_RE = re.compile(r"\((?:local(?: time)?|KST|UTC|GMT|ET|EST|EDT)\)|\blocal time\b", re.IGNORECASE)
