"""clean: page residue, boilerplate, captions and blocks of page furniture (invented text)."""

from __future__ import annotations

import pytest

from newsprism.clean import clean

from .helpers import BODY, BODY2, CITES_A_POST, LEAD, S, covered, doc, flat, reasons


def test_clean_image_copyright_paragraph_is_a_photo_copyright_not_the_outlet() -> None:
    a = clean(doc(f"Title\n\nImage copyright Harbour Photo Agency\n\n{BODY}\n\n{BODY2}"), S)
    assert a.paragraphs == (BODY, BODY2)
    [r] = [r for r in a.removals if r.reason == "copyright"]
    assert r.text == "Image copyright Harbour Photo Agency"
    assert r.detail is not None and "Harbour Photo Agency" in r.detail and "not the outlet" in r.detail
    assert a.outlet is None


def test_clean_image_copyright_and_caption_line_split_into_copyright_and_caption() -> None:
    line = "Image copyright Nordic Pictures Image caption Volunteers fill sandbags near the old depot"
    text = f"Title\n\n{line}\n\n{BODY}\n\n{BODY2}"
    a = clean(doc(text), S)
    assert a.paragraphs == (BODY, BODY2)
    assert [c.text for c in a.captions] == ["Volunteers fill sandbags near the old depot"]
    c = a.captions[0]
    assert text[c.start:c.end] == "Volunteers fill sandbags near the old depot"
    assert reasons(a) == ["title", "copyright", "caption"]
    assert [r.text for r in a.removals][1:] == ["Image copyright Nordic Pictures",
                                                 "Image caption Volunteers fill sandbags near the old depot"]
    assert a.outlet is None


def test_clean_flattened_lead_caption_ends_where_the_lead_begins() -> None:
    text = ("Image copyright Nordic Pictures Image caption Volunteers worked along the river bank "
            f"{LEAD} {BODY2}")
    a = clean(flat(text), S)
    assert a.paragraphs == (f"{LEAD} {BODY2}",)
    assert [c.text for c in a.captions] == ["Volunteers worked along the river bank"]
    assert reasons(a) == ["copyright", "caption"]
    s, e = a.offsets.span_to_source(0, len(LEAD))
    assert text[s:e] == LEAD
    covered(a, text)


def test_clean_caption_does_not_end_inside_a_quote_or_after_in_the() -> None:
    text = ('Media caption Mayor Brandt in Ostrava Nova: "We will rebuild. We will not wait." '
            f"{LEAD} {BODY2}")
    a = clean(flat(text), S)
    assert [c.text for c in a.captions] == ['Mayor Brandt in Ostrava Nova: "We will rebuild. We will not wait."']
    assert a.paragraphs[0].startswith("Hundreds of volunteers")


def test_clean_caption_that_runs_too_long_leaves_the_words_and_cuts_the_label() -> None:
    words = " ".join(["and the water rose"] * 15)
    text = f"Image caption Volunteers {words} {LEAD}"
    a = clean(flat(text), S)
    assert a.captions == ()
    assert [(r.reason, r.text) for r in a.removals] == [("ui-residue", "Image caption ")]
    assert a.paragraphs[0].startswith("Volunteers and the water rose")
    # with caption_max_words = 80 the caption's end is looked for further, and found
    longer = clean(flat(text), S.replace(caption_max_words=80))
    assert [c.text[:30] for c in longer.captions] == ["Volunteers and the water rose "]


def test_clean_removal_run_stores_a_run_of_removals_as_one() -> None:
    lines = "\n\n".join(["Advertisement"] * 3)
    text = f"Title\n\n{lines}\n\n{BODY}"
    assert [r.reason for r in clean(doc(text), S).removals].count("boilerplate") == 3
    runs = [r for r in clean(doc(text), S.replace(removal_run=2)).removals if r.detail and "a run of" in r.detail]
    assert [r.detail[:16] for r in runs] == ["a run of 3 remov"]


def test_clean_repeated_image_caption_is_a_caption_repeat() -> None:
    cap = "Image caption Volunteers fill sandbags near the old depot"
    a = clean(doc(f"Title\n\n{cap}\n\n{BODY}\n\n{cap}\n\n{BODY2}"), S)
    assert reasons(a) == ["title", "caption", "caption-repeat"]
    assert len(a.captions) == 1


@pytest.mark.parametrize(
    ("residue", "reason"),
    [
        ("Media playback is unsupported on your device", "ui-residue"),
        ("Media playback is not supported on this device", "ui-residue"),
        ("Click to share on WhatsApp (Opens in new window)", "ui-residue"),
        ("Skip Ad Ad Loading... x Embed x Share", "ui-residue"),
        ("3 of 12 Skip in Skip x Embed x Share CLOSE", "ui-residue"),
        ("1 of 9 Full Screen Autoplay Close Skip Ad x", "ui-residue"),
        ("2 of 9 Full Screen Autoplay Close Skip Ad ×", "ui-residue"),
        ("Buy Photo Wait 1 second to continue.", "ui-residue"),
        ("Facebook Twitter Pinterest", "ui-residue"),
        ("Video Loading Video Unavailable Click to play Tap to play The video will start in 8 Cancel Play now "
         "Watch this video again Video will play in Share this video Watch Next", "ui-residue"),
        ("Get local updates directly to your inbox + Subscribe Thank you for subscribing! Could not subscribe, "
         "try again later Invalid Email", "boilerplate"),
        ("Advertisement Continue reading the main story", "boilerplate"),
        ("Read or Share this story: https://example.test/2xYz", "boilerplate"),
    ],
    ids=["playback-unsupported", "playback-not-supported", "share-widget", "skip-ad", "gallery-skip",
         "autoplay", "autoplay-times", "buy-photo", "share-icons", "video-player", "signup-widget", "advert",
         "read-or-share"],
)
def test_clean_cuts_widget_text_glued_into_a_paragraph(residue: str, reason: str) -> None:
    text = f"{LEAD} {residue} {BODY2}"
    a = clean(flat(text), S)
    assert a.paragraphs == (f"{LEAD} {BODY2}",)
    assert [(r.reason, r.text) for r in a.removals] == [(reason, residue)]
    r = a.removals[0]
    assert text[r.start:r.end] == residue
    covered(a, text)


def test_clean_widget_text_as_its_own_paragraph_is_removed_whole() -> None:
    a = clean(doc(f"Title\n\n{BODY}\n\nClick to share on Facebook (Opens in new window)\n\n{BODY2}"), S)
    assert a.paragraphs == (BODY, BODY2)
    assert reasons(a) == ["title", "ui-residue"]


def test_clean_leading_photo_label_before_a_dateline_is_cut_but_photos_sentences_stay() -> None:
    a = clean(flat(f"Photo OSTRAVA NOVA, Czech Republic -- {LEAD}"), S)
    assert a.paragraphs == (f"OSTRAVA NOVA, Czech Republic -- {LEAD}",)
    assert [(r.reason, r.text) for r in a.removals] == [("ui-residue", "Photo")]
    for real in ("Photos released by the council on Monday show the flooded depot and the damaged tram lines.",
                 "Photo ID cards will be required at the new depot from next year, the council said.",
                 "Photo LAB owners said they lost equipment in the flood, and the council promised help."):
        b = clean(flat(f"{real} {LEAD}"), S)
        assert b.paragraphs == (f"{real} {LEAD}",) and b.removals == ()


def test_clean_leading_close_label_of_a_video_player_is_cut() -> None:
    a = clean(flat(f"CLOSE {LEAD}"), S)
    assert a.paragraphs == (LEAD,)
    assert [(r.reason, r.text) for r in a.removals] == [("ui-residue", "CLOSE")]


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("Reuters Volunteers fill sandbags near the old tram depot in Ostrava Nova",
         "Volunteers fill sandbags near the old tram depot in Ostrava Nova"),
        ("AP:Associated Press The river rose by two metres overnight", "The river rose by two metres overnight"),
        ("Getty Images - Getty Firefighters pump water from the depot", "Firefighters pump water from the depot"),
        ("EPA Mayor Ilse Brandt visits the flooded depot", "Mayor Ilse Brandt visits the flooded depot"),
    ],
)
def test_clean_caption_led_by_a_photo_credit_is_a_caption(line: str, caption: str) -> None:
    a = clean(doc(f"Title\n\n{BODY}\n\n{line}\n\n{BODY2}"), S)
    assert a.paragraphs == (BODY, BODY2)
    assert [c.text for c in a.captions] == [caption]  # the credit is not the caption
    assert [r.text for r in a.removals if r.reason == "caption"] == [line]
    c = a.captions[0]
    assert a.source_text[c.start:c.end] == caption


@pytest.mark.parametrize(
    "line",
    [
        "Reuters reported on Monday that the depot would close for a month.",
        "Reuters The council said it would vote again on Friday.",
        "AFP was unable to confirm the figures independently.",
    ],
)
def test_clean_sentence_about_an_agency_stays_body(line: str) -> None:
    a = clean(doc(f"Title\n\n{BODY}\n\n{line}\n\n{BODY2}"), S)
    assert a.paragraphs == (BODY, line, BODY2)


@pytest.mark.parametrize("line", ["Anna Berg/AP Anna Berg/AP", "Tomas Ek/Getty Images", "Jo Lind /AFP/Getty Images"])
def test_clean_photo_credit_line_is_a_copyright_removal(line: str) -> None:
    a = clean(doc(f"Title\n\n{line}\n\n{BODY}\n\n{BODY2}"), S)
    assert a.paragraphs == (BODY, BODY2)
    assert [(r.reason, r.text) for r in a.removals][1:] == [("copyright", line)]
    assert a.outlet is None


@pytest.mark.parametrize(
    "line",
    [
        "Newsletter Sign Up Continue reading the main story The Harbour Briefing Get the news of the valley "
        "delivered to your inbox every morning. Please verify you're not a robot by clicking the box. Invalid "
        "email address. Please re-enter. You must select a newsletter to subscribe to. Sign Up You agree to "
        "receive occasional updates and special offers. Thank you for subscribing. An error has occurred. "
        "Please try again later. View all New York Times newsletters.",
        "NPR transcripts are created on a rush deadline by an NPR contractor, and produced using a proprietary "
        "transcription process developed with NPR. This text may not be in its final form and may be updated "
        "or revised in the future. Accuracy and availability may vary.",
        "We pay for your stories! Do you have a story for The Harbour Gazette news team? Email us at "
        "tips@example.test or call 0100 000 0000. We pay for videos too. Click here to upload yours.",
    ],
    ids=["nyt-newsletter", "npr-transcript", "tips"],
)
def test_clean_long_widget_paragraphs_are_boilerplate(line: str) -> None:
    assert len(line.split()) > 30
    a = clean(doc(f"Title\n\n{BODY}\n\n{line}\n\n{BODY2}"), S)
    assert a.paragraphs == (BODY, BODY2)
    assert [(r.reason, r.text) for r in a.removals][1:] == [("boilerplate", line)]


@pytest.mark.parametrize(
    ("block", "reason", "kind"),
    [
        ("JUST WATCHED Why the depot is closing Replay More Videos ... MUST WATCH Why the depot is closing 01:42",
         "ui-residue", "video player controls"),
        ("Trams are part of who we are. pic.twitter.com/abc123XYZ — Ostrava Nova Trams (@onova_trams) March 9, 2025",
         "embed", "social media post embedded in the page"),
        ("The depot closes, and we say goodbye. — Jan Novak (@jnovak) 9 March 2025",
         "embed", "social media post embedded in the page"),
        ("Last ride through the depot A post shared by Jan Novak (@jnovak) on Mar 9, 2025 at 5:12pm CET",
         "embed", "social media post embedded in the page"),
        ("[Ostrava Nova weighs a new bus line for the east bank]", "boilerplate", "related headline"),
        ("MOST READ IN NEWS TRAM TROUBLE Depot staff tell of last shift FLOOD FEARS River rises again",
         "boilerplate", "most read sidebar"),
        ("Related stories DEPOT DRAMA Council row over tram sheds BUS PLAN New line for east bank",
         "boilerplate", "list of related headlines"),
    ],
    ids=["video-player", "tweet", "tweet-day-first", "instagram", "related-headline", "most-read", "related-list"],
)
def test_clean_recognises_page_furniture_blocks(block: str, reason: str, kind: str) -> None:
    a = clean(doc(f"Title\n\n{BODY}\n\n{block}\n\n{BODY2}"), S)
    assert a.paragraphs == (BODY, BODY2)
    assert [(r.reason, r.text, r.detail) for r in a.removals if r.reason != "title"] == [(reason, block, kind)]
    assert a.captions == ()


def test_clean_gallery_captions_lose_their_counters_and_credits() -> None:
    gallery = [
        "Photos: The old depot Trams wait in the depot on the last day of service. Hide Caption 1 of 3",
        "Photos: The old depot Mayor Ilse Brandt speaks to workers. Hide Caption 2 of 3",
    ]
    a = clean(doc("\n\n".join(["Title", BODY, *gallery, BODY2])), S)
    assert a.paragraphs == (BODY, BODY2)
    assert [c.text for c in a.captions] == [
        "The old depot Trams wait in the depot on the last day of service.",
        "The old depot Mayor Ilse Brandt speaks to workers.",
    ]
    assert all(r.detail == "kept as a caption: gallery captions with counters"
               for r in a.removals if r.reason == "caption")
    src = a.source_text
    for c in a.captions:
        assert src[c.start:c.end] == c.text


def test_clean_gallery_counters_need_a_series() -> None:
    items = ["1/3 Trams wait in the depot Jana Novak/Getty Images", "2/3 Workers leave the depot Rex Features"]
    a = clean(doc("\n\n".join(["Title", BODY, *items, BODY2])), S)
    assert a.paragraphs == (BODY, BODY2)
    assert [c.text for c in a.captions] == ["Trams wait in the depot", "Workers leave the depot"]
    lone = "9/11 changed how the town thought about its stations, the mayor said on Monday in a speech."
    b = clean(doc("\n\n".join(["Title", BODY, lone, BODY2])), S)
    assert b.paragraphs == (BODY, lone, BODY2)


@pytest.mark.parametrize(
    "post",
    [
        "3/3 This is why we ask every rider to sign the petition before the depot closes.",
        "(2/5) Riders deserve better than a bus that comes once an hour. #SaveTheDepot",
        "We will be at the depot gates at 6am tomorrow. Join us. (4/4)",
    ],
    ids=["counter-first", "counter-in-parentheses", "counter-last"],
)
def test_clean_thread_post_after_the_text_that_cites_it_is_an_embed(post: str) -> None:
    a = clean(doc("\n\n".join(["Title", BODY, CITES_A_POST, post, BODY2])), S)
    assert a.paragraphs == (BODY, CITES_A_POST.replace("\u2019", "'"), BODY2)
    assert [(r.reason, r.text, r.detail) for r in a.removals if r.reason != "title"] == [
        ("embed", post, "social media post with a thread counter, after the text that cites it")]


@pytest.mark.parametrize(
    ("before", "line"),
    [
        ("The union asked riders to sign a petition.",  # no post cited
         "3/3 This is why we ask every rider to sign the petition before the depot closes."),
        (CITES_A_POST, "9/11 Memorial trams will run from the depot on Sunday, the council said."),  # a date's name
        (CITES_A_POST, "24/7 Service returns to the east bank once the new depot opens, the council said."),
        (CITES_A_POST, "The depot will stay open around the clock (24/7)"),
        (CITES_A_POST, "5/8 of the riders asked said they would take the bus instead."),  # a fraction: lower case
    ],
    ids=["no-citation", "date-9-11", "part-over-parts", "24-7-at-the-end", "fraction"],
)
def test_clean_counters_that_are_not_thread_posts_stay_text(before: str, line: str) -> None:
    a = clean(doc("\n\n".join(["Title", BODY, before, line, BODY2])), S)
    assert a.paragraphs == (BODY, before.replace("\u2019", "'"), line, BODY2)


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("Volunteers fill sandbags near the depot. (Jana Novak/AP)", "Volunteers fill sandbags near the depot."),
        ("Volunteers fill sandbags near the depot. Photograph: Jana Novak/Reuters",
         "Volunteers fill sandbags near the depot."),
        ("Volunteers fill sandbags near the depot Jana Novak/Getty Images", "Volunteers fill sandbags near the depot"),
        ("GETTY Volunteers fill sandbags near the depot", "Volunteers fill sandbags near the depot"),
        ("FILE - In this March 2, 2025, file photo, trams wait in the depot in Ostrava Nova. The council voted on "
         "Monday to close it. (AP Photo/Jana Novak, File)",
         "FILE - In this March 2, 2025, file photo, trams wait in the depot in Ostrava Nova. The council voted on "
         "Monday to close it."),
    ],
    ids=["paren-credit", "photograph", "slash-credit", "credit-first", "ap-file-photo"],
)
def test_clean_photo_caption_with_credit_is_a_caption_without_it(line: str, caption: str) -> None:
    a = clean(doc(f"Title\n\n{BODY}\n\n{line}\n\n{BODY2}"), S)
    assert a.paragraphs == (BODY, BODY2)
    assert [c.text for c in a.captions] == [caption]
    assert [r.text for r in a.removals if r.reason == "caption"] == [line]


@pytest.mark.parametrize(
    "line",
    [
        "[Editor's note: This story has been updated with the mayor's comments.]",
        "[The account below is based on interviews with six depot workers.]",
        "The closure was first reported by Reuters, and confirmed by the council on Monday (local time).",
        "Brandt wrote on Twitter that the depot \"served us well\" and thanked @onova_trams for 90 years.",
        "Features like autoplay videos keep riders on the app, the operator said.",
    ],
    ids=["editors-note", "account-note", "reuters-mention", "handle-in-text", "autoplay"],
)
def test_clean_keeps_article_text_that_looks_like_furniture(line: str) -> None:
    a = clean(doc(f"Title\n\n{BODY}\n\n{line}\n\n{BODY2}"), S)
    assert a.paragraphs == (BODY, line.replace("\u2019", "'"), BODY2)


def test_clean_a_copyright_line_is_not_a_photo_caption() -> None:
    line = "Copyright © 2025 Ostrava Courier Media Ventures. Nordic - Courier Network"
    a = clean(doc(f"Title\n\n{BODY}\n\n{line}\n\n{BODY2}"), S)
    assert a.paragraphs == (BODY, BODY2)
    assert [r.reason for r in a.removals if r.text == line] == ["copyright"]
    assert a.captions == ()


@pytest.mark.parametrize(
    ("line", "caption", "kind"),
    [
        ("FILE - In this March 2, 2025 file photo trams wait in the depot in Ostrava Nova. The council voted on "
         "Monday to close it.",
         "FILE - In this March 2, 2025 file photo trams wait in the depot in Ostrava Nova. The council voted on "
         "Monday to close it.", "photo caption"),
        ("Trams wait in the old depot in this undated photo released by the Ostrava Nova council on March 2, 2025.",
         "Trams wait in the old depot in this undated photo released by the Ostrava Nova council on March 2, 2025.",
         "photo caption"),
        ("This March 2, 2025 photo provided by the Ostrava Nova council shows trams in the old depot.",
         "This March 2, 2025 photo provided by the Ostrava Nova council shows trams in the old depot.",
         "photo caption"),
        ("Grab from a video obtained by the Ostrava Courier shows the last tram leaving the depot on Monday",
         "Grab from a video obtained by the Ostrava Courier shows the last tram leaving the depot on Monday",
         "caption of a frame from a video"),
        ("Mayor Ilse Brandt (pictured) said the depot had served the town for 90 years",
         "Mayor Ilse Brandt (pictured) said the depot had served the town for 90 years",
         "photo caption pointing at the picture, without a full stop"),
        ("Driver Jan Kral (left) and conductor Eva Sova (second right) on the last run from the depot",
         "Driver Jan Kral (left) and conductor Eva Sova (second right) on the last run from the depot",
         "photo caption pointing at the picture, without a full stop"),
        ("The council voted to close the depot. Pictured: trams wait in the yard on Monday",
         "The council voted to close the depot. Pictured: trams wait in the yard on Monday",
         "photo caption pointing at the picture, without a full stop"),
        ("Volunteers fill sandbags near the depot on Monday. (Jana Novak/Ostrava Courier via AP) (Associated Press)",
         "Volunteers fill sandbags near the depot on Monday.", "photo caption with its credit"),
        ("Mayor Brandt says why the depot must close and what the site will become. (March 3) AP",
         "Mayor Brandt says why the depot must close and what the site will become. (March 3)",
         "video caption with its date and credit"),
    ],
    ids=["file-photo-no-comma", "undated-photo-released-by", "this-photo-shows", "grab-from-video", "pictured",
         "left-right", "pictured-colon", "via-ap", "ap-video"],
)
def test_clean_wire_and_tabloid_captions_are_captions(line: str, caption: str, kind: str) -> None:
    a = clean(doc(f"Title\n\n{BODY}\n\n{line}\n\n{BODY2}"), S)
    assert a.paragraphs == (BODY, BODY2)
    assert [c.text for c in a.captions] == [caption]
    assert [(r.reason, r.detail) for r in a.removals if r.text == line] == [("caption", f"kept as a caption: {kind}")]
    c = a.captions[0]
    assert a.source_text[c.start:c.end] == caption


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("Trams wait in the depot in Ostrava Nova on Monday. [Photo/Agencies]",
         "Trams wait in the depot in Ostrava Nova on Monday."),
        ("The old depot in Ostrava Nova, seen from the river (file photo)",
         "The old depot in Ostrava Nova, seen from the river"),
    ],
    ids=["photo-agencies", "file-photo-at-the-end"],
)
def test_clean_caption_ending_in_a_photo_label_is_a_caption(line: str, caption: str) -> None:
    a = clean(doc(f"Title\n\n{BODY}\n\n{line}\n\n{BODY2}"), S)
    assert a.paragraphs == (BODY, BODY2)
    assert [c.text for c in a.captions] == [caption]
    assert [r.reason for r in a.removals if r.text == line] == ["caption"]


def test_clean_photo_credit_glued_before_a_paragraph_is_cut_and_the_text_kept() -> None:
    line = f"Jana Novak / Reuters {BODY}"
    a = clean(doc(f"Title\n\n{line}\n\n{BODY2}"), S)
    assert a.paragraphs == (BODY, BODY2)
    assert [(r.reason, r.text, r.detail) for r in a.removals if r.reason == "copyright"] == [
        ("copyright", "Jana Novak / Reuters", "a photo's copyright (Jana Novak / Reuters); not the outlet")]
    assert a.captions == ()


@pytest.mark.parametrize(
    "line",
    ["CTK / Reuters", "Jana Novak/EPA /Landov Jana Novak/EPA /Landov", "Twitter/OstravaTrams via Storyful"],
    ids=["agency-slash-agency", "doubled-credit", "via-agency"],
)
def test_clean_a_credit_line_alone_is_removed_as_a_photo_credit(line: str) -> None:
    a = clean(doc(f"Title\n\n{BODY}\n\n{line}\n\n{BODY2}"), S)
    assert a.paragraphs == (BODY, BODY2)
    assert [r.reason for r in a.removals if r.text == line] == ["copyright"]
    assert a.captions == ()


@pytest.mark.parametrize(
    "line",
    [
        "Mayor Ilse Brandt, who was pictured at the depot on Monday, said it would close in the spring.",
        "A photo released by the council on Monday shows the depot before the fire, the mayor said.",
        "\"I was pictured on the last tram, on the left,\" Brandt said.",
        "What happens to the depot next",
        "Left and right on the council agree on the closure",
        "The council said the depot would close in the spring. — Reuters",
        "The closure was first reported by Reuters.",
        "Riders at the depot on Monday (left to right in the queue) waited for an hour.",
    ],
    ids=["pictured-in-a-sentence", "photo-in-a-sentence", "quote", "heading", "heading-left-right",
         "wire-credit-after-a-dash", "reuters-mention", "left-in-a-sentence"],
)
def test_clean_text_that_mentions_a_picture_stays_body(line: str) -> None:
    a = clean(doc(f"Title\n\n{BODY}\n\n{line}\n\n{BODY2}"), S)
    assert a.paragraphs == (BODY, line, BODY2)
    assert a.captions == ()


def test_clean_a_sentence_repeating_a_caption_of_the_text_stays_body() -> None:
    caption = "The depot closes on Friday after 90 years (file photo)"
    sentence = "The depot closes on Friday after 90 years."
    a = clean(doc(f"Title\n\n{BODY}\n\n{caption}\n\n{sentence}\n\n{BODY2}"), S)
    assert a.paragraphs == (BODY, sentence, BODY2)
    assert [c.text for c in a.captions] == ["The depot closes on Friday after 90 years"]


def test_clean_captions_ending_in_their_agency_after_a_full_stop_are_captions_in_a_series() -> None:
    one = "Volunteers fill sandbags near the depot on Monday. Reuters"
    two = "A tram waits outside the closed depot on Tuesday. AFP"
    a = clean(doc(f"Title\n\n{BODY}\n\n{one}\n\n{two}\n\n{BODY2}"), S)
    assert a.paragraphs == (BODY, BODY2)
    assert [c.text for c in a.captions] == ["Volunteers fill sandbags near the depot on Monday.",
                                           "A tram waits outside the closed depot on Tuesday."]


def test_clean_a_lone_paragraph_ending_in_an_agency_after_a_full_stop_stays_body() -> None:
    last = "The council will meet again on Friday to vote on the plan. AFP"
    a = clean(doc(f"Title\n\n{BODY}\n\n{BODY2}\n\n{last}"), S)
    assert a.paragraphs == (BODY, BODY2, last)
    assert a.captions == ()
