"""The web face in a real browser: Debian's chromium driven by Playwright.

Skipped when chromium is not installed (`apt-get install chromium`; .ci/run
installs it) or the spaCy model is missing (the store is built by a full run).
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from newsprism import Settings

CHROMIUM = shutil.which("chromium")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium); "
                                                 "the browser tests need it"),
]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def server(web_db: str) -> Iterator[str]:
    import uvicorn

    from newsprism.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(Settings(db=web_db)), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Watched:
    """A page with every dialog, console error and page error recorded."""

    def __init__(self, browser: Any) -> None:
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    w = Watched(browser)
    yield w
    w.close()


def _biggest_story(server: str, page: Any) -> dict[str, Any]:
    stories = page.request.get(f"{server}/api/stories").json()
    return dict(max(stories, key=lambda s: s["size"]))


def test_web_browser_stories_page_and_search(server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(server + "/")
    assert page.title() == "Stories · newsprism"
    story = _biggest_story(server, page)
    link = page.locator("a.story-link", has_text=story["title"])
    assert link.count() == 1
    page.wait_for_selector("td.counts .st")  # status counts arrive through htmx
    page.fill("header form.search input[name=q]", "spillway")
    page.click("header form.search button")
    page.wait_for_url("**/search?q=spillway")
    assert page.locator("ul.articles-found li a").count() >= 2
    assert page.locator("ul.stories-found li a", has_text=story["title"]).count() == 1
    assert watched.dialogs == [] and watched.errors == []


def test_web_browser_citation_opens_article_with_span_highlighted(server: str, watched: Watched) -> None:
    page = watched.page
    story = _biggest_story(server, page)
    page.goto(server + "/")
    page.click(f"a[href='/stories/{story['id']}']")
    page.wait_for_url(f"**/stories/{story['id']}")
    assert page.locator("h1").inner_text().strip()
    cites = page.locator("ul.summary a.cite")
    assert cites.count() >= 1
    for i in range(min(cites.count(), 4)):
        cite = cites.nth(i)
        aid, field = cite.get_attribute("data-article"), cite.get_attribute("data-field")
        start, end = int(cite.get_attribute("data-start") or 0), int(cite.get_attribute("data-end") or 0)
        article = page.request.get(f"{server}/api/articles/{aid}").json()
        text = {"body": "\n\n".join(article["paragraphs"]), "title": article["title"]}.get(
            str(field), article["captions"][int(str(field).split(":")[-1])] if str(field).startswith("caption:") else "")
        cite.click()
        page.wait_for_selector(f"#reader article#a-{aid} mark.cited")
        marks = page.locator("#reader mark.cited")
        shown = "\n\n".join(marks.nth(j).inner_text() for j in range(marks.count()))
        assert shown == text[start:end]
        from playwright.sync_api import expect

        expect(marks.first).to_be_in_viewport()
    assert watched.dialogs == [] and watched.errors == []


def test_web_browser_matrix_sorts(server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(f"{server}/stories/{_biggest_story(server, page)['id']}")
    status = page.locator("table.matrix th", has_text="status")
    status.click()
    first = page.locator("table.matrix tbody tr td:nth-child(2)").all_inner_texts()
    assert first == sorted(first, reverse=True)
    status.click()
    assert page.locator("table.matrix tbody tr td:nth-child(2)").all_inner_texts() == sorted(first)


def test_web_browser_entity_page(server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(f"{server}/stories/{_biggest_story(server, page)['id']}")
    link = page.locator("a[href^='/entities/']").first
    name = link.inner_text()
    link.click()
    page.wait_for_url("**/entities/**")
    assert page.locator("h1").inner_text() == name
    assert page.locator("ul.entity-stories li a").count() >= 1
    assert page.locator("table.timeline meter").count() >= 1
    assert watched.dialogs == [] and watched.errors == []


def test_web_browser_hostile_articles_never_run(server: str, watched: Watched) -> None:
    page = watched.page
    arts = page.request.get(f"{server}/api/articles?limit=1000").json()
    hostile = [a for a in arts if a["title"] and ("defaced" in a["title"] or "fake flood page" in a["title"])]
    assert len(hostile) == 2
    found = page.request.get(f"{server}/api/search?q=prankster").json()
    urls = [f"/articles/{a['id']}" for a in hostile] + ["/", "/articles", "/search?q=prankster", "/?q=prankster"]
    urls += [f"/stories/{s['id']}" for s in found["stories"]]
    for url in urls:
        page.goto(server + url)
        title = page.title()
        assert title != "pwned" and title.endswith(" · newsprism")
        if url.startswith("/articles/"):
            a = next(x for x in hostile if url.endswith(x["id"]))
            assert title == f"{a['title']} · newsprism"  # the markup is shown as text
            assert page.locator("article .title").inner_text() == a["title"]
            assert page.locator("a[href^='javascript:' i]").count() == 0
        if url.startswith("/stories/"):  # open every citation of the hostile articles beside the dossier
            for aid in (a["id"] for a in hostile):
                cites = page.locator(f"a.cite[data-article='{aid}']")
                for i in range(min(cites.count(), 3)):
                    cites.nth(i).click()
                    page.wait_for_selector(f"#reader article#a-{aid}")
        page.wait_for_timeout(150)
        assert page.title() == title
    assert watched.dialogs == [], watched.dialogs
    assert watched.errors == [], watched.errors
