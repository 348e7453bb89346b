"""analyse/quotes: direct and indirect quotes and their speakers, on fictional texts.

Tests that need the parser run on the model's cached parses of their texts (``tests/_parses.py``).
"""

from __future__ import annotations

import pytest

from newsprism.analyse import analyse


def test_analyse_direct_quote_per_paragraph(blank, make_article) -> None:  # type: ignore[no-untyped-def]
    body = "“We will rebuild the bridge.\n\n“It will take two years,” the mayor said. A “Kinzhal” flew."
    (result,) = analyse([make_article(body)], nlp=blank)
    assert [q.text for q in result.quotes] == ["We will rebuild the bridge.", "It will take two years,"]
    assert all(body[q.start:q.end] == q.text and q.kind == "direct" for q in result.quotes)


def test_analyse_quotes_with_speakers(make_article) -> None:
    body = ("“The harbour will reopen next week after the repairs,” said Mayor Anna Lindqvist on Tuesday.\n\n"
            "Port director Tomas Berg said that the cranes were damaged by the storm.\n\n"
            "“Ships can dock again by Friday at the latest,” according to Tomas Berg.")
    (result,) = analyse([make_article(body)])
    got = [(q.kind, q.speaker, q.verb) for q in result.quotes]
    assert got == [("direct", "Anna Lindqvist", "say"), ("indirect", "Tomas Berg", "say"),
                   ("direct", "Tomas Berg", "according to")]
    assert result.quotes[1].text == "the cranes were damaged by the storm"


def test_analyse_continued_quote_keeps_its_speaker(make_article) -> None:
    body = ("Harbour master Tove Lindahl said the quay would stay shut. “The water came over the wall at "
            "dawn,” she said. “We moved every boat to the inner basin before noon.”\n\n"
            "“Nobody was hurt and the cranes are safe,” Lindahl added.\n\n"
            "“We will reopen the quay on Friday once the divers have checked it.\n\n"
            "The storm also closed the road to Brekkvik, where mayor Pål Henriksen ordered sandbags.")
    (result,) = analyse([make_article(body)])
    direct = [(q.text[:12], q.speaker) for q in result.quotes if q.kind == "direct"]
    assert direct == [("The water ca", "Tove Lindahl"), ("We moved eve", "Tove Lindahl"),
                      ("Nobody was h", "Lindahl"), ("We will reop", "Lindahl")]


def test_analyse_role_speaker_resolves_to_the_named_person(make_article) -> None:
    body = ("The council's spokeswoman, Marit Dahl, confirmed the closure on Monday.\n\n"
            "“The bridge is unsafe for heavy lorries until the survey is done,” the spokeswoman said.")
    (result,) = analyse([make_article(body)])
    (q,) = [q for q in result.quotes if q.kind == "direct"]
    assert q.speaker == "Marit Dahl"


def test_analyse_pronoun_after_a_role_speaker_is_that_role(make_article) -> None:
    body = ("A Kessford Fire Service spokesman said crews had been called at 6am to the flooded underpass.\n\n"
            "“There are six fire engines and three rescue boats at the scene,” they added.")
    (result,) = analyse([make_article(body)])
    (q,) = [q for q in result.quotes if q.kind == "direct"]
    assert q.speaker is not None and "spokesman" in q.speaker


def test_analyse_a_sentence_reporting_something_else_is_no_attribution(make_article) -> None:
    body = ("Passenger Ivar Holm was in the front carriage.\n\n"
            "“There was water everywhere and bags floating in the aisle.” Police say that a "
            "man was arrested at the station.")
    (result,) = analyse([make_article(body)])
    (q,) = [q for q in result.quotes if q.kind == "direct"]
    assert q.speaker != "Police"


@pytest.mark.parametrize(("body", "speakers"), [
    ("Ola Berg, 30, a passenger, said the bus sped up and “all of us were thrown out of our seats,” the Valley "
     "Courier reports.", ["Ola Berg"]),
    ("The flood reached the square at noon. Mr Berg said: “We saw the wall go and the water came through the "
     "streets.\n\nOla Berg outside his house in Lindvik\n\n“We had ten minutes to get the children upstairs and "
     "the dog.”", ["Berg", "Berg"]),
    ("The sirens started at dawn in Lindvik.\n\nKari Nystrom, who has run the bakery for 20 years, was opening "
     "the shop when the sirens started.\n\n“I have never heard anything like it in my whole life.”",
     ["Kari Nystrom"]),
    ("Vestland accused the council of pushing the valley towards “an extreme level of danger” and declared it "
     "will respond with “harsh reprisals”.", ["Vestland", "Vestland"]),  # (a few words "declared" reports too)
    ("The line went quiet for a minute. Then one officer described exactly what he could see from the roof:\n\n"
     "“I can see the water coming over the wall on the east side of the quay.”\n\n"
     "“Repeating, the water is over the wall. Move everyone back.”", ["one officer", "one officer"]),
    ("Mayor Lena Voss walked to the quay on Tuesday and said: “We will not leave anyone behind tonight.”",
     ["Lena Voss"]),
    ("The firm said on Monday that a file holding 15,000 customer records had been stolen.\n\n"
     "It added: “We are writing to every one of these customers by post.”", ["firm"]),
    ("Mayor Lena Voss toured the quay.\n\nEarlier Voss declared “we have heard the river's warning loud and "
     "clear” after the dam gave way.", ["Voss"]),
    ('Mr Berg said: "When we came round the bend the bus was going faster and faster.\n\nOla Berg at the '
     'hospital on Tuesday\n\n"We took the corner much too quickly and the bus rolled over. "There was a boy lying across '
     'my legs and he did not move at all. "People were hurt and crying on every seat.\n\nThe police closed the '
     'road\n\n"There was glass everywhere and bags and shoes. It was chaos." Police say a man was arrested.',
     ["Berg"] * 5),
    ("Here is how one local blog summed up the council's week:\n\n\"The mayor has written 3 letters, each using "
     "the word 'delay' as often as the phrases 'sources suggest' and 'may have been'.\"\n\n\"Neither letter names "
     "the contractor, nor does either mention the missing money from the bridge fund.\"",
     ["one local blog", "one local blog"]),
    ("The hearing ended at noon.\n\nLawyer Harjit Singh said: “We will appeal the ruling as soon as the court "
     "opens.”", ["Harjit Singh"]),
    ("Maja Lund from Brekke said the bill was wrong, the Valley Courier reported.\n\n“My eyes nearly popped "
     "out of my head,” she told the paper. “We had put up the lights and wondered if we did it wrong.”",
     ["Maja Lund", "Maja Lund"]),
    ("Two years ago a retired ferryman, Peter Holmberg, a lifelong friend of Mayor Lena Voss, told a reporter that he "
     "was a humble man. “I have got a boat, a shed and a cabin,” he said.", ["Peter Holmberg"]),
    ("The documents have clear political targets, the Harbour Gazette said.\n\n- Strike a blow -\n\nSuch leaks "
     "were \"a new means for rival councils to strike a blow at the harbour board\", it added.",
     ["Harbour Gazette"]),
    ("Brekke United issued a statement on behalf of the manager and the players, offering their \"deepest "
     "sympathy to everyone hurt on the quay\".", ["Brekke United"]),
    ("In a university news release, Tova Rask had a simpler way to put it: “This is very fine science indeed.”",
     ["Tova Rask"]),
    ("The harbour board did not immediately respond to a request for comment.\n\n\"NO DEAL, NOT EVEN A "
     "THREAT\"", [None]),
    ("Retired harbour historian Roger Lund cautioned that the firm has “a habit of promising too much,” "
     "although it delivers in the end.", ["Roger Lund"]),
    ("A spokesperson for Mayor Voss, Ole Brandt, said the release \"is the outcome of long talks between the "
     "council and the union.\"", ["Ole Brandt"]),
    ("Ivar Holm was on the morning flight.\n\nHe recalled the pilot telling the passengers: “We will leave "
     "now, but if the wind picks up, we will come straight back.”", ["pilot"]),
    ("Scenes on board the ferry have been described as “like a scene from a disaster movie” by the crew.\n\n"
     "Scenes on the quay have been described as “total chaos from start to finish”.", ["crew", None]),
    ("\"It was a long and stressful week for all of us,'' Kari Nystrom said on Monday.", ["Kari Nystrom"]),
    ("Mayor Lena Voss condemned the attack on the quay, saying the town had \"come close to the brink of ruin\".",
     ["Lena Voss"]),
    ("The Valley Courier reported that Vestland have made an offer for the ferry line.\n\nThough the paper does "
     "not name its source, it said the offer is \"believed to be for at least eight years.\"", ["Valley Courier"]),
    ("Nordvik Lines provided the Courier a statement by email, which read in part: “Nordvik Lines takes the "
     "safety of every passenger seriously and will review the timetable.”", ["Nordvik Lines"]),
    ("The port has not commented, but a commentary published in the Valley Courier on Friday said “no matter "
     "how hard the storm blows, the harbour will stand.”", ["Valley Courier"]),
    ("A disclaimer by the Harbour Trust, which ran the survey, states that “there are good reasons to keep boats "
     "in the outer basin,” adding that owners need not move.", ["Harbour Trust"]),
    ("The video showed three fishermen on the quay. “The nets are empty and the boats are old,” one of the "
     "fishermen says. “Nobody in the town listens to us anymore.”", ["one of the fishermen"] * 2),
    ("From Oslo, Kari Mo, the minister's adviser, said that the decision, coming so soon after the storm, “is yet "
     "another blow to the harbour towns.”", ["Kari Mo"]),
    ("Nordvik Lines has not answered a request for comment.\n\nIvar Holm, a former sailor, left the town in 2014. "
     "He has since run Nordvik Lines from Oslo. On its website, the company said it is “ready to move again if "
     "the rules change.”", ["Nordvik Lines"]),
    ("From Bergen, Tove Lindahl, Mayor Voss’s chief of staff, said that the closure of the quay, following so "
     "closely after the storm, “represents yet another blow to the fishing fleet.”", ["Tove Lindahl"]),
    ("“The divers will start at dawn,” the mayor of Esk said, confirming the search will go on.\n\nThe UK Ferry "
     "Service also confirmed the loss of two boats, declining to name the owners “to spare their "
     "relatives.”\n\n“Our thoughts are with everyone in the town. We are talking to the harbour master,” "
     "it said.", ["mayor", "UK Ferry Service", "UK Ferry Service"]),
    ("Today, Nordvik Lines informed the Courier that it is “reviewing” the timetable and provided this statement "
     "by email: “Nordvik Lines takes the safety of every passenger seriously and will review the timetable.”",
     ["Nordvik Lines"]),
    ("The Courier asked Ivar Holm, head of lending at Esk Bank, if the loans could go bad. “Definitely. This is "
     "why most banks have stopped lending to the boat owners.”", ["Ivar Holm"]),
    ("Kari Mo asked Ivar Holm: “Why did the bank stop lending to the boat owners?”", ["Kari Mo"]),
], ids=["inner-clause-before-the-paper-reports", "left-open-quote-across-a-caption", "introduced-person",
        "organisation-subject-not-it", "colon-introduces-the-quotes", "second-verb-of-one-subject",
        "it-is-the-noun-that-spoke", "no-adverb-in-the-name", "straight-marks-reopened-sentence-by-sentence",
        "colon-subject-not-a-verb-inside-a-quote", "no-title-before-the-name", "she-is-a-person-not-the-paper",
        "pronoun-to-the-name-in-apposition-to-the-subject", "it-across-a-crosshead", "who-issued-the-statement",
        "colon-after-a-person-subject", "a-verb-denied-attributes-nothing", "more-reporting-verbs",
        "role-named-in-apposition", "the-noun-a-participle-qualifies", "a-passive-subject-is-spoken-of",
        "two-apostrophes-close-a-quote", "a-participle-takes-the-clause-subject", "it-is-who-reported-not-the-reported",
        "the-statement-not-its-medium", "published-in-a-paper",
        "a-disclaimer-by", "one-of-a-group", "subject-set-off-after-a-place", "the-company-named-before",
        "subject-joined-to-a-place", "it-is-an-untagged-body-that-spoke",
        "issued-by-the-subject-of-the-first-verb", "the-one-asked-answers", "the-asker-asks"])
def test_analyse_quote_speaker_follows_the_text(body: str, speakers: list[str], make_article) -> None:
    (result,) = analyse([make_article(body)])
    assert [q.speaker for q in result.quotes if q.kind == "direct"] == speakers


def test_analyse_tweeted_by_a_title_after_the_verb(make_article) -> None:
    body = ("President Lena Voss has accused Vestland of selling oil to the north. Oslo has denied it.\n\n"
            "“Seen in BROAD DAYLIGHT – so let down that Vestland keeps selling fuel to the north. There will "
            "never be a deal if this goes on!” tweeted the Esk president.")
    (result,) = analyse([make_article(body)])
    (q,) = [q for q in result.quotes if q.kind == "direct"]
    assert q.speaker == "Lena Voss"


@pytest.mark.parametrize(("body", "speaker"), [
    # a relative pronoun is the phrase it attaches to
    ("The closure angered the fishermen of Brekkvik, who said the new quay was too short for their boats.",
     "fishermen"),
    ("The plan was backed by harbour master Tove Lindahl, who said the quay would reopen in May.",
     "Tove Lindahl"),
    ("The Varnholm Courier, which said the mayor had resigned, printed a correction on Monday.",
     "Varnholm Courier"),
    ("The council backed the new harbour plan, which says that every boat must carry a radio.",
     "new harbour plan"),
    # "one of the X" is the phrase
    ("Two of the passengers were hurt.\n\nOne of the passengers said the driver had braked far too late.",
     "One of the passengers"),
    # a name the model cuts before its last word is the whole name
    ("The bridge was closed at noon after the crash, Transport for London said.", "Transport for London"),
    ("Bank of America said on Monday that the ferry company owed it money.", "Bank of America"),
])
def test_analyse_speaker_is_a_whole_phrase(body: str, speaker: str, make_article) -> None:
    (result,) = analyse([make_article(body)])
    assert [q.speaker for q in result.quotes] == [speaker]


@pytest.mark.parametrize("body", [
    "The storm flooded the square. Some believe the ferry will never return to Brekkvik.",
    "That said, the new quay is too short for the bigger trawlers that dock in winter.",
    "Who would say that the ferry was safe after such a storm in the valley?",
    "That one, like the last one, said the quay would be shut for the whole of the winter season.",
])
def test_analyse_a_word_that_names_nobody_is_no_speaker(body: str, make_article) -> None:
    (result,) = analyse([make_article(body)])
    assert [q.speaker for q in result.quotes if q.speaker is not None] == []


def test_analyse_an_abstract_noun_is_no_speaker(make_article) -> None:
    body = ("Kessford joined the wave of regional condemnation with local leaders in the valley branding the "
            "dam “reckless, costly and dangerous” for the town.")
    (result,) = analyse([make_article(body)])
    assert [q.speaker for q in result.quotes] == ["local leaders"]



def test_analyse_one_said_is_one_not_the_speaker_before(make_article) -> None:
    body = ("Harbour master Tove Lindahl said: “The water rose over the quay in minutes.”\n\n"
            "“We lost two boats and the crane,” one said. “Nobody could stop it.”")
    (result,) = analyse([make_article(body)])
    assert [q.speaker for q in result.quotes if q.kind == "direct"] == ["Tove Lindahl", "one", "one"]


@pytest.mark.parametrize(("body", "speakers"), [
    ("\"Nobody has ever seen the river this high in October,\" Ragnhild Aasen Vik, the harbour board's head of "
     "works, pointed out.", ["Ragnhild Aasen Vik"]),
    ("In a statement to Harbour News, a rep for Holm said, \"Mr. Holm regrets the remark he made to Ms. Mo at the "
     "quay and has apologised to her in writing.\"", ["rep"]),
    ("In Brekkvik, Vestland, Pastor Jonas Lie of the Seamen's Church said three families of his parish had lost "
     "someone in the storm.\n\n\"It is a terrible loss for a small town like ours,\" he said.", ["Jonas Lie"]),
    ("The Harbour Board denied that the dredging had caused the flood on Tuesday, stating, \"The work on the "
     "channel did not raise the water in the quay.\"", ["Harbour Board"]),
    ("Tomas Berg has said that shooting the ferry scene at night was wrong.\n\nThe storm had been forecast for "
     "days.\n\nThe director said sending the actors out in the storm was \"the worst call of my whole working "
     "life\".", ["Tomas Berg"]),
    ("Kari Mo, the spokeswoman for Mayor Lena Voss, said the council welcomed the offer.\n\n\"The council is "
     "ready to talk to the ferry company at any time,\" the spokeswoman said.", ["Kari Mo"]),
    ("Bruce Hagen and his two sons were on the ferry, said Pastor Jonas Lie in a statement posted on the "
     "church website.\n\n\"This loss hits our whole parish very hard and we pray for the family,\" the "
     "statement said.", ["Jonas Lie"]),
    ("Most of the families moved to Oslo after the flood, according to Kari Mo, who runs the Brekkvik shelter.\n\n"
     "\"We could not find homes for all of them in the valley.\"", ["Kari Mo"]),
    ("Hours after the bridge fell into the river, the Harbour Radio Channel, which many believe is one of the "
     "board's own outlets, issued a directive: \"All boat owners must move their boats into the inner basin before "
     "dark.\"", ["Harbour Radio Channel"]),
    ("\"A town that cannot keep a ferry running has no business calling itself a port,\" Ola Dahl posted on the "
     "council's page.", ["Ola Dahl"]),
    ("\"We left everything on the quay,\" said Kari Mo, a teacher. Ivar Holm, who fishes out of Brekkvik, "
     "watched the wave from his boat. He told the Courier the sea wall gave way in seconds. \"The water was in "
     "the square before anyone could shout.\"", ["Kari Mo", "Ivar Holm"]),
], ids=["subject-after-the-quote-the-parser-lost", "subject-the-parser-hung-on-the-phrase-before",
        "subject-after-a-place", "participle-takes-the-sentence-subject", "the-role-is-the-lead-speaker",
        "name-then-role-both-subjects", "the-statement-is-its-makers", "according-to-a-person-speaks-on",
        "a-relative-clause-verb-reports-nothing-it-does-not-hold", "posted", "he-is-who-acted-in-the-sentence-before"])
def test_analyse_speaker_the_parse_or_the_text_leaves_implicit(body: str, speakers: list[str], make_article) -> None:
    (result,) = analyse([make_article(body)])
    assert [q.speaker for q in result.quotes if q.kind == "direct"] == speakers


@pytest.mark.parametrize(("body", "speakers"), [
    # someone the text does not name is no other person of that role
    ("Harbour spokesman Ole Brandt said the ferry would sail on Friday.\n\nA coastguard spokesman in Bergen "
     "said the crew were safe.\n\n\"Every member of the crew is back on shore,\" he said.",
     ["coastguard spokesman"]),
    # "she" is never a man the text calls "Mr."
    ("Mr. Holm ran the ferry for ten years.\n\nA neighbour, Kari Mo, told the Courier that Mr. Holm kept to "
     "himself.\n\n\"He fixed my fence once and never asked for a penny,\" she said. \"I did not know him well.\"",
     ["Kari Mo", "Kari Mo"]),
    # the company is the one that spoke, not the one that passed its words on
    ("\"The ferry will sail on the new route from May,\" Nordvik Lines confirmed, as cited by Harbour Wire.\n\n"
     "\"The old quay will be closed for the whole summer,\" the company added.", ["Nordvik Lines", "Nordvik Lines"]),
    # "she" of the paragraph before stands for the person it stood for there, not whom she spoke to
    ("Kari Mo watched from her balcony as the water came over the wall.\n\nShe said it took a minute to see "
     "that the wall had gone.\n\nShe saw cars float down the street.\n\nThen the lights went out.\n\n\"I "
     "grabbed my son and ran inside,\" she told Radio Esk's Tom Berg.\n\n\"He is still frightened,\" she said. "
     "\"Nobody should see a thing like that.\"", ["Kari Mo", "Kari Mo", "Kari Mo"]),
    # the one named is the subject ("a student named X was ...")
    ("Back in 1985, a young student named Ivar Holm was flying home after a month with his friend Tom Berg.\n\n"
     "He boarded the wrong plane after he misheard the gate number.\n\n\"The gate was changed and nobody told me,\" "
     "he told the Courier. \"It was a very long way home.\"", ["Ivar Holm", "Ivar Holm"]),
], ids=["an-unnamed-role-is-no-named-one", "she-is-no-mister", "the-company-that-spoke",
        "she-before-is-who-she-was", "the-one-named-is-the-subject"])
def test_analyse_speaker_is_not_the_wrong_one_nearby(body: str, speakers: list[str], make_article) -> None:
    (result,) = analyse([make_article(body)])
    assert [q.speaker for q in result.quotes if q.kind == "direct"] == speakers


def test_speakers_a_unit_of_time_is_no_subject() -> None:
    """The parser may give a verb two subjects ("Hours after the flood, the board issued ..."): the unit of
    time says when, the other who."""
    import spacy
    from spacy.tokens import Doc

    from newsprism.analyse.speakers import Speakers

    words = ["Hours", "after", "the", "flood", ",", "the", "board", "issued", "a", "statement", "."]
    heads = [7, 0, 3, 1, 7, 6, 7, 7, 9, 7, 7]
    deps = ["nsubj", "prep", "det", "pobj", "punct", "det", "nsubj", "ROOT", "det", "dobj", "punct"]
    pos = ["NOUN", "ADP", "DET", "NOUN", "PUNCT", "DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT"]
    lemmas = ["hour", "after", "the", "flood", ",", "the", "board", "issue", "a", "statement", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    speakers = Speakers(doc, [(0, len(doc.text))])
    assert speakers.subject(doc[7]).text == "board"


def test_analyse_a_platform_run_into_a_name_is_no_part_of_it(make_article) -> None:
    body = ("\"Stay in your homes tonight. More information will follow,\" wrote on Twitter Kari Mo, mayor of "
            "Brekkvik.")
    (result,) = analyse([make_article(body)])
    assert [q.speaker for q in result.quotes if q.kind == "direct"] == ["Kari Mo"]
    assert "Kari Mo" in {m.text for m in result.mentions if m.label == "PERSON"}


@pytest.mark.parametrize(("body", "speakers"), [
    # "she" of the sentence before, across the paragraph the quote opens, is whom that "she" stood for
    ("Kari Mo was aboard the ferry with her son. She wondered why the captain, Tomas Berg, had said nothing.\n\n"
     "\"Why did nobody tell us anything? We paid for the crossing,\" she wrote.", ["Kari Mo"]),
    # "she" is no man the article calls "he" or "his" elsewhere
    ("Kari Mo runs the harbour office in Lindvik. Tomas Berg said his crew had worked through the night.\n\n"
     "Mo walked the quay at dawn. Berg checked the cranes.\n\n\"We had never seen a storm like it,\" she said.",
     ["Mo"]),
    # someone the sentence before brings in by a role
    ("At 6 a.m., an officer at the quay raises the alarm. \"The water is over the wall,\" he says.", ["officer"]),
    # a quote that is a paragraph of its own goes on from the last one when the narration between names nobody
    ("At 6 a.m., an officer at the quay raises the alarm. \"The water is over the wall,\" he says.\n\n"
     "The line goes quiet for a minute.\n\n\"Move everyone back from the east side of the quay now.\"",
     ["officer", "officer"]),
    # ... but not over a paragraph that brings in someone else
    ("At 6 a.m., an officer at the quay raises the alarm. \"The water is over the wall,\" he says.\n\n"
     "The Harbour Board closed the road to the quay ten minutes later.\n\n"
     "\"Move everyone back from the east side of the quay now.\"", ["officer", None]),
    # a spokeswoman's statement is her company's
    ("In a statement, Nordvik Lines spokeswoman Kari Mo said the ferry would sail again on Friday.\n\n"
     "\"All of the passengers are safe and back on shore,\" the statement said.\n\n"
     "\"We thank the crews who helped us,\" the company's statement said.", ["Nordvik Lines", "Nordvik Lines"]),
    # a name with a person's title in apposition after the verb speaks, whatever the model called it
    ("\"Stay in your homes tonight. More news will follow,\" wrote on Facebook Ivar Tangen, mayor of Lindvik.",
     ["Ivar Tangen"]),
    # a name the model missed, with a person's title in apposition, in the sentence before
    ("Senator Lena Holm blamed the weather, saying: \"The storm came too fast.\" Vinmark, head of a guild "
     "of 300 fishing firms, blamed the harbour board. He told the Courier: \"We asked for a new wall for years.\"",
     ["Lena Holm", "Vinmark"]),
    # the sentence after a quote attributes it only when a reporting verb is its main verb
    ("Nordvik Lines said in a statement: \"Fares on every route will rise in May.\" \"We know this is hard "
     "for everyone who uses the ferry.\" Customers replying to the post were scathing.",
     ["Nordvik Lines", "Nordvik Lines"]),
    # a plural role is a group, not the person the text names for the singular
    ("Organiser Kari Mo opened the march at noon.\n\n\"We must stand together against the closure of the "
     "quay,\" organisers of the march wrote on Facebook.", ["organisers"]),
    # "continued" inside what another verb reports is no reporting verb
    ("One harbour official who knew them both said the partnership continued but that, in the end, \"They never "
     "spoke to each other again.\"", ["One harbour official"]),
], ids=["she-of-the-sentence-before-across-a-paragraph", "sex-from-the-article", "role-in-the-sentence-before",
        "block-quote-goes-on", "block-quote-not-past-someone-else", "spokeswoman-statement-is-the-company",
        "name-with-a-title-after-the-verb", "missed-name-with-a-title", "next-sentence-of-its-own",
        "a-plural-role-is-a-group", "continued-inside-a-report"])
def test_analyse_speaker_follows_the_article_structure(body: str, speakers: list[str | None],
                                                      make_article) -> None:
    (result,) = analyse([make_article(body)])
    assert [q.speaker for q in result.quotes if q.kind == "direct"] == speakers


@pytest.mark.parametrize(("body", "speakers"), [
    # a heading with no verb names who speaks
    ("The names of the dead were released on Friday. A Harbour Police spokesman: \"Their families are being "
     "supported by specialist officers.\"", ["Harbour Police spokesman"]),
    # "she" after a sentence that cites a person is that person
    ("Lena Holm led the race until the last week, according to Kari Mo, who runs the poll. \"Voters who decided "
     "late broke for the other side,\" she explained.", ["Kari Mo"]),
], ids=["a-heading-names-the-speaker", "she-is-who-the-sentence-before-cites"])
def test_analyse_speaker_named_without_a_verb(body: str, speakers: list[str | None], make_article) -> None:
    (result,) = analyse([make_article(body)])
    assert [q.speaker for q in result.quotes if q.kind == "direct"] == speakers


def test_analyse_they_after_a_role_that_spoke_is_that_role(make_article) -> None:
    body = ("Ivar Holm, who lives by the quay, told the Courier: \"The wall went in seconds.\" A Kessford Fire "
            "Service spokesman said they had been called at 6am. \"There are eight fire engines at the scene,\" "
            "they added.")
    (result,) = analyse([make_article(body)])
    assert [q.speaker for q in result.quotes if q.kind == "direct"] == ["Ivar Holm", "Kessford Fire Service spokesman"]


@pytest.mark.parametrize(("body", "speakers"), [
    # a photo caption between two paragraphs is no part of the story: the quote goes on past it
    ("\"The divers found the hull at forty metres,\" said Dr Lena Holm.\n\n"
     "Getty Images Rescue boats at the harbour mouth on Tuesday morning\n\n"
     "\"We will raise it when the weather allows.", ["Lena Holm", "Lena Holm"]),
    # a role in apposition tells the sex of a name whose surname a woman of the article shares
    ("Marta Lindqvist, who is in her fifties, was detained at dawn.\n\nHer husband, Johan Lindqvist, said the "
     "police had given no reason.\n\n\"They came at five and took her away,\" he said.", ["Johan Lindqvist"]),
    # "its" after a name tells a body, never a "he"
    ("For Mr. Holm, who built the yard, Nordvik's troubles are ones his team can fix, and that Nordvik has not "
     "fixed on its own.\n\n\"We can do much more with the yard,\" he said.", ["Holm"]),
    # "it" is a name that spoke before, whatever the model made of it
    ("Fotoweb said it is \"a valued part of many people's lives\".\n\n\"We know our pages can help bring people "
     "closer together,\" it said.", ["Fotoweb", "Fotoweb"]),
    # a role with words of its own is the person named for the same role, not another one's
    ("Vestland's ambassador to the United Nations Kari Mo, speaking in New York, said: \"I think enough is enough.\"\n\n"
     "Nordland's ambassador to the UN in Geneva, Anders Holmgren, said: \"We will answer any threat.\"\n\n"
     "Later the Vestland ambassador to the United Nations said the talks were \"over for this year\".",
     ["Kari Mo", "Anders Holmgren", "Kari Mo"]),
    # who is cited speaks
    ("\"The attack was carried out by one of our fighters,\" the Courier cited the Nordvik Bulletin, a website "
     "close to the group.", ["Nordvik Bulletin"]),
    # what ought to happen is nobody's words
    ("Rather than backing measures that \"put the whole valley at risk,\" Lindvik should instead talk to the "
     "farmers, Kari Mo said.", ["Kari Mo"]),
    # a description stands for the person the sentence before is about
    ("Kari Mo announced her third book in July.\n\nSpeaking to the Courier last year, the novelist and "
     "painter praised her quiet life in the valley.\n\nShe told us: \"I was far more anxious before.\"",
     ["Kari Mo"]),
    # a quote in parentheses after a name is that person's
    ("The remark was met with anger: Kari Mo (\"Women have been stepping up for centuries\") and Lena Holm "
     "both condemned it.", ["Kari Mo"]),
    # quoted words inside what a named person does are that person's; the next paragraph's go on from them
    ("Two days ago, Nordvik CEO and Brekk founder Elin Sandvik unveiled plans to send her \"old red touring "
     "bicycle\" around the world.\n\nThe planned route: a \"slow loop through every capital city.\"",
     ["Elin Sandvik", "Elin Sandvik"]),
    # a second reporting verb the parser may hang on the reported clause goes with the first
    ("Dmitri Volkov told reporters that Vestland \"firmly and resolutely condemns\" such moves and said that the "
     "test will \"only raise the tension in the whole region.\"", ["Dmitri Volkov", "Dmitri Volkov"]),
    # the subject of a participle set in a sentence is not whom the sentence is about
    ("\"I loved every minute of it,\" Kari Mo said of the film.\n\n"
     "The last scene sets up a sequel, with Nessa taking the captain's chair, something that thrilled Mo.\n\n"
     "\"I was so sad when the shoot ended,\" she said.", ["Kari Mo", "Kari Mo"]),
    # a verb that ends its sentence after what it reports: the person set off by commas before it
    ("The driver did not stop at the lights, the brother of the driver, Anders Holmgren, from Lindvik, said.\n\n"
     "\"He had never had an accident in twenty years,\" he told the Courier.", ["Anders Holmgren"]),
    # a description stands only for a person: "the harbour" is no epithet of the person before
    ("Kari Mo runs the ferry office at the quay. The harbour says the quay \"will stay closed until further "
     "notice.\"", ["harbour"]),
], ids=["past-a-caption", "a-role-tells-the-sex", "its-tells-a-body", "it-is-a-name-that-spoke",
        "a-role-with-words-of-its-own", "who-is-cited-speaks", "what-ought-to-happen-reports-nothing",
        "a-description-is-the-person-before", "a-quote-in-parentheses-after-a-name", "quoted-words-of-a-named-person",
        "a-second-verb-hung-on-the-report", "a-participle-subject-is-not-the-topic",
        "a-trailing-subject-set-off-by-commas", "a-thing-is-no-description-of-a-person"])
def test_analyse_speaker_follows_the_text_of_the_story(body: str, speakers: list[str | None],
                                                       make_article) -> None:
    (result,) = analyse([make_article(body)])
    assert [q.speaker for q in result.quotes if q.kind == "direct"] == speakers


@pytest.mark.parametrize(("body", "speakers"), [
    # an age is a description of the person the sentence before is about
    ("Ivar Tangen, whose farm lies by the river, told the Courier he heard the bank give way.\n\n"
     "The 64-year-old said: \"The water came over the field in a few minutes.\"", ["Ivar Tangen"]),
    # a description looks back past a caption, and its sex tells apart the two people of the sentence before
    ("Lena Brekke and her husband Per Solheim already have two sons.\n\n"
     "Getty Images Lena Brekke at the premiere in Lindvik\n\n"
     "The actress said they \"could not be happier with the new house.\"", ["Lena Brekke"]),
    # whose words the text says they are
    ("The new bridge is the end of an era, in Kari Mo's words: \"Nobody will wait for the ferry in the rain again.\"",
     ["Kari Mo"]),
    # "the airline" with no organisation named near it: the last one that spoke in the article
    ("Nordvik Air told the Courier in a statement that the flight had turned back.\n\n"
     "Passengers waited in the hall for four hours.\n\nThe plane landed again at noon.\n\n"
     "\"We are looking into how the passenger boarded the plane,\" the airline said.", ["Nordvik Air"]),
    # a common word before the noun does not say which organisation it is
    ("The Vestland Front claimed the attack on Sunday.\n\n"
     "The militant group said the bomber had \"acted on the orders of its council.\"", ["Vestland Front"]),
    # several people named for a role: the one the sentences before are about
    ("His brother, Ola Dahl, said the family was in shock.\n\n"
     "Per Dahl, another brother, said they had not spoken in years.\n\n"
     "Ola Dahl said the news had shaken him. The brother told the Courier that he knew of no weapons.\n\n"
     "\"He was a quiet man who liked to fish,\" the brother said.", ["Ola Dahl"]),
    # "she also wrote": the speaker before goes on, not whom the sentence before is about
    ("Kari Mo is mourning her cousin.\n\n"
     "The singer posted a photo with Ola Berg on Sunday, writing that she \"will miss him every single day.\"\n\n"
     "Berg died on Saturday after a fall in Lindvik, where Mo grew up. She also wrote: \"Hold your loved ones "
     "close tonight.\"", ["Kari Mo", "Kari Mo"]),
], ids=["an-age-describes-the-person-before", "a-description-past-a-caption-by-sex", "in-whose-words",
        "the-airline-is-the-last-that-spoke", "a-common-word-names-no-organisation", "one-of-several-named-for-a-role",
        "also-goes-on-from-the-speaker"])
def test_analyse_speaker_a_description_or_continuation_names(body: str, speakers: list[str | None],
                                                              make_article) -> None:
    (result,) = analyse([make_article(body)])
    assert [q.speaker for q in result.quotes if q.kind == "direct"] == speakers


@pytest.mark.parametrize(("body", "speakers"), [
    # "the statement" is the statement the text introduced, not a tweet named after it
    ("A jet returned to the airport on Tuesday, Nordvik Air said in a statement.\n\n"
     "The flight landed at noon, the airline said.\n\n"
     "Singer Kari Mo said in a tweet that she and her husband were on the flight.\n\n"
     "\"During the flight, the crew found that one of the passengers was on the wrong plane,\" the statement said. "
     "\"The captain decided to return to the airport, where the passenger left the plane.\"",
     ["Nordvik Air", "Nordvik Air"]),
    # "a police statement": the police the text named
    ("Thousands are expected at the festival on Sunday.\n\n"
     "Lindvik police confirmed that a tent would be staffed by nurses.\n\n"
     "\"The organisers have set up a safe place for anyone who feels unwell in the crowd,\" a police statement said.\n\n"
     "\"We will keep the gates open all night,\" a press statement said.",
     ["Lindvik police", "press statement"]),
    # a body's name right after a noun that is no person's
    ("The British tabloid the Courier says Mo \"took the phrase from an old song about the sea.\"", ["Courier"]),
    # a man in apposition is his name, and "it" is the message he posted, never the man
    ("Another man, Ivar Tofield, who also lives in Lindvik, said he had taken the same ferry. Later that day, "
     "he posted a picture online of a message to his sister written at dawn. It read: \"The captain turned the "
     "boat so hard that the cups slid off every table.\"", ["Ivar Tofield"]),
    # "the firm" is the one the text called a firm, not the paper that spoke before
    ("The Courier says it got the files from a reader in May.\n\n"
     "— And what does the law firm Solvang & Partners say to all of it?\n\n"
     "Not much, the Courier said. The firm sent a short letter to the paper saying that \"every one of our clients has "
     "always kept to the law of the land.\"", ["Solvang & Partners"]),
], ids=["the-statement-is-the-one-introduced", "a-police-statement-is-the-police-named",
        "a-body-named-after-its-noun", "it-read-is-the-message-its-poster", "the-firm-the-text-called-a-firm"])
def test_analyse_speaker_a_noun_stands_for(body: str, speakers: list[str | None], make_article) -> None:
    (result,) = analyse([make_article(body)])
    assert [q.speaker for q in result.quotes if q.kind == "direct"] == speakers


@pytest.mark.parametrize(("body", "speakers"), [
    # what two people agreed to do is no one's words: the report is the one who had the call
    ("Kari Mo had a long phone call with Ivar Holm after the storm, saying the two leaders had agreed to call "
     "for an emergency meeting of the council \"and increase the pressure on the builders.\"", ["Kari Mo"]),
    # words quoted in what a pronoun's person or an organisation does are theirs
    ("Kari Mo says the agency knew about it.\n\n"
     "She talks at length about \"the power of that first film\" and says it is part of history.\n\n"
     "The Vestland Trust aims to \"reverse the loss of the coastal forests\" within ten years.",
     ["Kari Mo", "Vestland Trust"]),
    # a line with no verb that names whose words follow
    ("The Courier reports that the ship was seized in November.\n\nFrom the Courier:\n\n"
     "\"The ship was chartered by a company in Lindvik and had visited the port twice before, the officials "
     "noted. \"Instead it sailed north, they said.\"", ["Courier", "Courier"]),
    # a relative clause right before the quote is its attribution
    ("As the staff gathered on stage, Holm began to stagger. The manager Kari Mo noticed something was wrong "
     "with Holm, who told the coach Ola Lund, \"I do not feel too good at all.\"", ["Holm"]),
    # a participle goes on from the reporting clause before it, not from the sentence's main verb
    ("His remarks followed similar criticism from the investor Ivar Holm who said in November that he had "
     "become an objector to the apps, adding that the firms were exploiting \"a weakness in how people think\".",
     ["Ivar Holm"]),
    # "As Lindvik media reports," (the tagger takes the verb for a noun)
    ("As state-run Lindvik media reports, \"Holm said that the ship had not docked in any port of the country "
     "since August.\"", ["Lindvik media"]),
    # a verb that sums something up frames the quote in its "as" phrase, also in the passive
    ("The new library in Lindvik has been praised by one of the town's papers as a \"calm and bright home "
     "for the whole harbour,\" but the roof leaks.\n\n"
     "Kari Mo hailed the plan as \"a new start for the whole valley\" on Monday.",
     ["one of the town's papers", "Kari Mo"]),
    # a person's noun set off after the name that opens the sentence is that person (the parser left the
    # name out of the subject)
    ("The keeper left early.\n\nTove Nicely, a zoo visitor who was at the pond when the boy fell, described a "
     "frantic scene in an interview with the Courier, saying: \"Everybody started screaming and running around.\"",
     ["Tove Nicely"]),
], ids=["agreed-to-do-is-no-report", "inside-what-a-pronoun-or-body-does", "from-whom-a-line-with-no-verb",
        "who-told-right-before-the-quote", "adding-after-who-said", "as-media-reports", "praised-as",
        "name-before-a-persons-noun"])
def test_analyse_speaker_the_sentence_frames(body: str, speakers: list[str | None], make_article) -> None:
    (result,) = analyse([make_article(body)])
    assert [q.speaker for q in result.quotes if q.kind == "direct"] == speakers


@pytest.mark.parametrize(("body", "speakers"), [
    # a role with words of its own that fit no one named for it is the person the sentence before is about
    ("Vestland leader Ivar Holm watched the launch from a hill.\n\n"
     "UN Secretary-General Kari Mo said talks would be held next week.\n\n"
     "Mo called on the Vestland leadership \"to stop the tests,\" read a statement by her spokesman.\n\n"
     "The UN leader \"condemns the launch\" and said she will be discussing it \"with all parties in the margins "
     "of the next assembly.\"", ["Mo", "Mo"]),
    # a thing named before ("dubbed ...") speaks under its name
    ("Behind the campaign - dubbed The Price of Fish - are Kari Mo, a former fisher, and Ivar Holm.\n\n"
     "On its website, the campaign states that the big trawlers are \"not neutral\" but \"are part of a "
     "system designed to empty the sea\".", ["The Price of Fish", "The Price of Fish"]),
    # a work is its maker's ("a poem by ...")
    ("At the show, Lina Berg wore a dress with a poem by the artist Kari Mo stitched into the back: \"Rejoice! "
     "Our times are hard,\" the poem began. \"Take heart, for the worst is a sign of the best.\"",
     ["Kari Mo", "Kari Mo"]),
], ids=["a-role-whose-words-fit-no-one-named", "a-thing-speaks-under-its-name", "a-work-is-its-makers"])
def test_analyse_speaker_the_text_names_for_a_noun(body: str, speakers: list[str | None], make_article) -> None:
    (result,) = analyse([make_article(body)])
    assert [q.speaker for q in result.quotes if q.kind == "direct"] == speakers


@pytest.mark.parametrize(("body", "speakers"), [
    # a quoted heading is the words of whoever says them in the section, not of the speaker before it
    ("The crew worked through the night, Kari Mo said. \"We slept on the boat for a week.\"\n\n"
     "“Let’s Just Ask the Captain”\n\n"
     "That was when the mate, Ivar Holm, said, “Well, let’s just ask the captain. He will know the way.”",
     ["Kari Mo", "Ivar Holm", "Ivar Holm"]),
    # and nobody's when no one says them
    ("The crew worked through the night, Kari Mo said. \"We slept on the boat for a week.\"\n\n"
     "“The Longest Night at Sea”\n\nThe storm came in from the west.", ["Kari Mo", None]),
], ids=["a-heading-said-later", "a-heading-nobody-says"])
def test_analyse_a_quoted_heading_is_not_the_last_speakers(body: str, speakers: list[str | None],
                                                           make_article) -> None:
    (result,) = analyse([make_article(body)])
    assert [q.speaker for q in result.quotes if q.kind == "direct"] == speakers


@pytest.mark.parametrize(("body", "speakers"), [
    # a noun for a news outlet, with words of its own, stands for the outlet the text named
    ("Pictures released by the country's Vestland Central News Agency show officials watching the launch.\n\n"
     "\"Crowds in many lands have cheered our bold new rocket,\" claimed the VK state media.",
     ["Vestland Central News Agency"]),
    ("The German newspaper Tagesblatt first reported the sale on Monday.\n\n"
     "\"The deal was signed in a hotel in Hamburg late last night,\" the German paper said.", ["Tagesblatt"]),
    # (an indefinite one is some other outlet, and so is one with a name of its own no outlet named shares)
    ("The launch was watched by thousands.\n\n"
     "\"Crowds in many lands have cheered our bold new rocket,\" a local paper said.",
     ["local paper"]),
    ("Pictures released by the Vestland Central News Agency show officials watching the launch.\n\n"
     "As state-run Norland media reports, \"the minister said the ship had never docked in any port of the "
     "country since August.\"", ["Norland media"]),
    # a resolution is the words of the body that adopted it; a letter, of who signed it; a sign, of whose it is
    ("The Nordic Council unanimously adopted a resolution on the valley dispute on Friday.\n\n"
     "\"All parties must withdraw their forces from the valley within thirty days,\" the resolution says.",
     ["Nordic Council"]),
    ("The joint letter, first reported by the Courier, was signed by Kari Mo, Lina Berg and Ola Dahl.\n\n"
     "According to the letter, \"the board is out of touch with the people who make the music and the ones who "
     "buy it.\"", ["Kari Mo"]),
    ("\"Can you hear the harbour roar?\" read one fan's sign after the game.", ["one fan"]),
    # a description after a sentence with an empty "it" is the person of its clause
    ("The tide tables were printed in May.\n\n"
     "It wasn't until 1979 that Ingrid Solberg first named the spring surge, which is now a common term.\n\n"
     "The astronomer explained that the surge is \"a tide that comes with the moon at its closest to the coast "
     "in a given month.\"", ["Ingrid Solberg"]),
    # a title of a place before a name whose first word the model left untagged; a name set after a noun
    # for it, parsed as a second subject
    ("The tram came off the rails at dawn. Mayor of Chicago Rahm Patel said: \"I am in contact with the crews "
     "and the harbour board.\"", ["Rahm Patel"]),
    ("The dam was finished in May.\n\n"
     "Norland's state-run news agency NRTA released a report Saturday promising that it would go on.\n\n"
     "\"Do not expect any change in our plans,\" the report read.", ["NRTA"]),
], ids=["state-media", "the-german-paper", "a-local-paper", "a-name-of-its-own", "a-resolution", "a-signed-letter",
        "a-fans-sign", "after-an-empty-it", "title-of-a-place-then-a-name", "a-noun-then-its-name"])
def test_analyse_speaker_a_description_stands_for(body: str, speakers: list[str | None], make_article) -> None:
    (result,) = analyse([make_article(body)])
    assert [q.speaker for q in result.quotes if q.kind == "direct"] == speakers


@pytest.mark.parametrize(("body", "speakers"), [
    # words one person says another told them, in indirect speech, are the first person's
    ("Kari Berg, 30, a passenger, was hurt in the crash. Berg said the guard told him that \"the brakes may have "
     "failed on the hill.\"", ["Berg"]),
    # "quoting" names who spoke
    ("\"Building the dam is our legitimate right and nobody will stop it,\" the Vestland News Agency said, "
     "quoting the ministry director who was not named.", ["ministry director"]),
    # a short quote with no one to say it that someone says in full later is theirs
    ("The lorry rolled through the market \"like a bowling ball\" for half a mile before it stopped.\n\n"
     "The police closed the square within minutes.\n\n"
     "One stallholder said: \"The whole street is for walkers and the lorry came down the hill.\n\n"
     "\"It rolled through the crowd like a bowling ball. Nothing could stop it.\"",
     ["One stallholder", "One stallholder", "One stallholder"]),
    # no speaker from inside the quote ("... from this disaster")
    ("Leaders have denounced the flooding. Regional governor Ivar Holm issued a statement saying, \"We stand "
     "with the valley as it recovers from this disaster.\"", ["Ivar Holm"]),
    # "it" after "the firm said" is the firm named; not whom the organiser's words are about
    ("Nordvik Bank said an old file had been stolen.\n\n"
     "The firm said yesterday the stolen file held 2 million records.\n\n"
     "It added: \"We will write to every customer by post.\"", ["Nordvik Bank"]),
    ("The organiser of the lantern festival said in a statement that the evening was calm.\n\n"
     "The organiser said the boatmen believe a lamp had tipped over in the wind.\n\n"
     "It added that \"no one was hurt at all\".", ["organiser"]),
], ids=["reported-in-indirect-speech", "quoting", "said-in-full-later", "not-from-inside-the-quote",
        "it-after-the-firm", "it-not-whom-words-are-about"])
def test_analyse_speaker_of_words_passed_on(body: str, speakers: list[str | None], make_article) -> None:
    (result,) = analyse([make_article(body)])
    assert [q.speaker for q in result.quotes if q.kind == "direct"] == speakers


@pytest.mark.parametrize(("body", "speakers"), [
    # a name right after the reporting verb is its subject, even when the parser hung it on a clause after it
    ("The harbour was shut for a week after the storm. \"There is no more water in the square now, the flood is "
     "over,\" said ferry fan Ola Brekke, 24, moments after the boats came back.", ["Ola Brekke"]),
    # but a complement the verb before the quote takes is no such clause: the title inside it is no speaker
    ("Local councillor Martin Hale described the quay as \"a scene of total horror\" and confirmed the driver was "
     "stopped by police \"apparently after a long chase through the town\".", ["Martin Hale", "Martin Hale"]),
    # a sentence that opens "To X," is about X
    ("Martin Hale says the town would be better off with a bridge. To Daniel Webb, head of the ferry union, that "
     "is a bad idea. \"This is not just a ferry problem, it is a problem for the whole valley,\" he says.",
     ["Daniel Webb"]),
    # "he" is the main clause's subject, not one inside the clause its verb takes
    ("The vote on the ferry is months away. Daniel Webb doubts a judge will stop it early. \"The council is not "
     "going to avoid a vote because of a detail,\" he says.", ["Daniel Webb"]),
    # "the centre" is the organisation named with that head word; its website speaks for it
    ("Now a group of former ferry captains has formed a coalition called the Lindvik Centre for Fair Harbours.\n\n"
     "The centre is run by Sarah Collins, a former harbour master.\n\n"
     "\"Our harbour is being ruined by the cruise ships,\" the centre's website reads.",
     ["Lindvik Centre for Fair Harbours"]),
    ("Now a group of former ferry captains has formed a coalition called the Lindvik Centre for Fair Harbours.\n\n"
     "\"Our harbour is being ruined by the cruise ships,\" the centre said on Monday.",
     ["Lindvik Centre for Fair Harbours"]),
    # an indefinite description is the person the next sentence names speaking again ("also said", "added")
    ("The price of the shares fell again on Tuesday. The fall came as a leading banker described the market as "
     "\"a bubble and a danger to savers\".\n\n"
     "The new head of the Nordic Savings Board, Daniel Webb, also said the shares threatened the trust of savers.",
     ["Daniel Webb"]),
    ("Earlier this week, a former reviewer of ferry safety for the council called the new boat \"a welcome change "
     "for the town\".\n\nIt did make some repairs harder, but this was offset by the lower cost, Daniel Webb added.",
     ["Daniel Webb"]),
    ("Earlier this week, a former reviewer of ferry safety called the new boat \"a welcome change for the town\".\n\n"
     "Daniel Webb said the repairs were harder.", ["former reviewer"]),
    # "he" in a paragraph of its own: the person's noun that spoke in the paragraph before, not a speaker
    # further back nor a subject inside what that one reported
    ("\"People fell over like skittles,\" Jacques Moreau, a baker on the quay, told the radio.\n\n"
     "A reporter for the Lindvik Courier said that the lorry drove on through the market stalls by the water.\n\n"
     "\"It was total chaos\" on the quay by the harbour, he said.", ["Jacques Moreau", "reporter"]),
    # a body is no description of the person before: "-ment" names no person, a nationality says which one
    ("Martin Hale, spokesman for the Danish prime minister, said the navy had been told to be ready.\n\n"
     "\"The firing of yet another missile is a clear breach of the treaty,\" the Danish government said in a "
     "statement.", ["Danish government"]),
    ("Martin Hale left the ministry in May.\n\n"
     "\"The new rules are a clear breach of the treaty we signed,\" the government said.", ["government"]),
    # a verb set after the quote by a comma frames the sentence: the report before the quote holds it
    ("Martin Hale said he spoke to Daniel Webb on Tuesday and they agreed to keep the ferry. Webb also said the "
     "council was \"fully behind the harbour\", Hale told reporters.", ["Webb"]),
    # "the letter" is the letter the article introduced, however far back, before the speaker just before
    ("The open letter was signed by Sarah Collins, the head of the ferry union.\n\n"
     "The ferry has sailed from the quay since 1950.\n\nIts engines were replaced in 1990.\n\n"
     "Passengers have complained about the delays for years.\n\n"
     "Martin Hale said the council would meet in May to talk about the ferry.\n\n"
     "The letter says that \"the new quay is far too short for the ships that will dock there in winter.\"",
     ["Sarah Collins"]),
], ids=["a-name-hung-on-a-later-clause", "not-a-title-in-a-complement", "to-x-opens-the-sentence",
        "not-a-subject-inside-a-complement", "a-bodys-website", "the-noun-a-name-is-headed-by",
        "an-indefinite-description-also-said", "an-indefinite-description-added",
        "an-indefinite-description-only-when-named-again",
        "a-persons-noun-spoke-the-paragraph-before", "a-nationality-says-which-body", "ment-is-no-person",
        "a-report-framed-by-a-verb-after-it", "the-letter-introduced-far-back"])
def test_analyse_speaker_read_from_the_sentence_and_its_neighbours(body: str, speakers: list[str | None],
                                                                 make_article) -> None:
    (result,) = analyse([make_article(body)])
    assert [q.speaker for q in result.quotes if q.kind == "direct"] == speakers


@pytest.mark.parametrize(("body", "speakers"), [
    # a quote left open that the next paragraph goes on with, unopened, to its closing mark and attribution
    ("The ferry left Brekkvik at noon.\n\n\u201cWe cast off as the wind rose over the point.\n\n"
     "The waves broke over the bow before we reached the bend, \u201d said Tomas Berg, the skipper.",
     ["Tomas Berg", "Tomas Berg"]),
    # a paragraph with no mark between goes on too, at any length
    ("The ferry left Brekkvik at noon.\n\n\"We cast off as the wind rose.\n\nThen it turned.\n\n"
     "Nobody on the quay saw the waves coming,'' Tomas Berg said.", ["Tomas Berg", "Tomas Berg", "Tomas Berg"]),
    # a paragraph that only says who spoke, right after a quote that closes its paragraph
    ("\u201cThe council must fix the harbour wall before the winter storms.\n\nRight away! \u201d\n\n"
     "Ivar Lund, a harbour pilot, said before the meeting began.", ["Ivar Lund", "Ivar Lund"]),
    # one that reports something else is no attribution
    ("Kari Mo spoke first. \u201cThe council must fix the harbour wall before the storms,\u201d she said. "
     "\u201cThe quay will not last another winter.\u201d\n\n"
     "Lindvik continued to dredge the harbour through the spring.", ["Kari Mo", "Kari Mo"]),
], ids=["runs-over-paragraphs-unreopened", "a-paragraph-with-no-mark-goes-on", "a-bare-attribution-after",
        "not-a-paragraph-that-reports-else"])
def test_analyse_quote_that_runs_over_paragraphs(body: str, speakers: list[str], make_article) -> None:
    (result,) = analyse([make_article(body)])
    assert [q.speaker for q in result.quotes if q.kind == "direct"] == speakers


def test_analyse_a_paragraph_that_reopens_is_no_run(make_article) -> None:
    body = ("\u201cWe cast off as the wind rose over the point.\n\n\u201cThe waves broke over the bow,\u201d "
            "Per Holm said.\n\nThe ferry docked at one. \u201cNightjar\u201d is its name.")
    (result,) = analyse([make_article(body)])
    assert [q.text for q in result.quotes if q.kind == "direct"] == [
        "We cast off as the wind rose over the point.", "The waves broke over the bow,"]


@pytest.mark.parametrize(("body", "quoted", "speaker"), [
    ("Harbour master Siri Dahl said the repair would take \"several weeks\" at the least.", "several weeks",
     "Siri Dahl"),
    ("\"Absolutely not,\" Siri Dahl said when asked about the new quay.", "Absolutely not,", "Siri Dahl"),
    ("Siri Dahl told the radio that the storm was \"a bit odd\" for May.", "a bit odd", "Siri Dahl"),
    # a verb that sums something up frames a few words in its "as" phrase too
    ("The old boathouse, which is being treated by the fire brigade as \"possibly deliberate\", burned down.",
     "possibly deliberate", "fire brigade"),
], ids=["in-a-reported-clause", "speech-before-the-verb", "told-that", "treated-as"])
def test_analyse_a_few_words_quoted_in_what_a_verb_reports(body: str, quoted: str, speaker: str,
                                                          make_article) -> None:
    (result,) = analyse([make_article(body)])
    assert [(q.text, q.speaker) for q in result.quotes if q.kind == "direct"] == [(quoted, speaker)]


@pytest.mark.parametrize("body", [
    "Siri Dahl said the \"Harbour Lights\" would close in May after the storm.",
    "The \"new\" quay was built in a hurry before the summer.",
    "The ferry \"Nightjar\" sailed at dawn, the harbour office said.",
], ids=["a-title", "a-scare-quote", "a-name"])
def test_analyse_a_few_words_quoted_are_no_quote_otherwise(body: str, make_article) -> None:
    (result,) = analyse([make_article(body)])
    assert [q.text for q in result.quotes if q.kind == "direct"] == []


@pytest.mark.parametrize(("body", "speakers"), [
    # a verb of how something is said frames its quote; a word joined by hyphens is one word
    ("The fire spread along the quay. Then a co-pilot yelled, \"Get off the boat right now!\"", ["co-pilot"]),
    ("Kari Mo, a councillor, blamed the board.\n\n\"Please keep away from the quay tonight,\" Mo fumed on "
     "the radio.", ["Mo"]),
    # a participle hung on the object of a verb, a thing that cannot speak, is its subject's
    ("A harbour official downplayed the strike saying that \"every spring there have been marches on this quay "
     "without much harm.\"", ["harbour official"]),
    # whom "tell" addresses is no content: a bare "X told a news conference." attributes the quote before
    ("\"The lorry left the road at the bend near the school.\" Ola Berg told a news conference.", ["Ola Berg"]),
    # a name after a person's noun is that person, however the model tagged it
    ("\u201cYou try not to think about it at night, \u201d said Ms. Holm\u2019s sister Crystal.", ["Crystal"]),
    # "the military" is the armed service the text named; a business noun stands for the business named
    ("The Vestland navy seized two boats and \"a large store of rifles and rope ladders,\" the military said "
     "in a statement.", ["Vestland navy"]),
    ("Nordvik Systems released a fix for the flaw on Tuesday.\n\nThe software maker said on its website "
     "that \"only a handful of users were hit by the flaw.\"", ["Nordvik Systems"]),
    # a name after a long title right after the verb is its subject, however the parser read the title
    ("\u201cIt is an honour to welcome the tall ships back to the harbour, \u201d said Lindvik Harbour Board Group "
     "prexy Tomas Berg.", ["Tomas Berg"]),
    # a surname of the article's person the tagger took for a plural noun is that person
    ("Simmons told police he ran off when the shouting started.\n\n"
     "He said the bike he rode was kept in a shed and used by \"every kid on the street,\" and said he "
     "rode home.\n\nOla Simmons, 17, faces trial in May.", ["Simmons"]),
    # "she" in a sentence that named a person before it is that person, not a speaker further back
    ("Per Holm runs the gallery that first showed Kari Mo. \"They were a hit in every shop,\" Holm said.\n\n"
     "The best photos of Kari Mo were her harbour scenes, which she said were staged.\n\n"
     "\"I never liked posing on the cold quay,\" she later said.", ["Holm", "Kari Mo"]),
    # a paragraph with no quote whose first sentence is about a "she" introduces whom "she" stands for
    ("Kari Mo, a singer, left the stage in 1990. \"I never liked the lights,\" she told the Courier.\n\n"
     "Late in life, she would not sing for Per Holm or anyone else.\n\n"
     "\"I want to be remembered for the songs and nothing more.\"", ["Kari Mo", "Kari Mo"]),
    # "One said" is one of those the text spoke of, as "another" is
    ("Neighbours called the police at dawn.\n\nOne said: \"I heard the dogs bark all night long.\"", ["One"]),
], ids=["yelled-co-pilot", "fumed", "a-participle-on-a-thing", "told-a-news-conference",
        "a-name-after-a-persons-noun", "the-military", "the-software-maker", "a-long-title-after-the-verb",
        "a-surname-tagged-a-plural-noun", "a-person-named-in-the-pronouns-sentence",
        "introduced-by-a-pronoun", "one-said"])
def test_analyse_speaker_read_from_the_structure(body: str, speakers: list[str], make_article) -> None:
    (result,) = analyse([make_article(body)])
    assert [q.speaker for q in result.quotes if q.kind == "direct"] == speakers
