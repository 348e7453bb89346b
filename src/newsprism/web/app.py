"""The web face: HTML pages and a REST API over one store, thin over Prism.

Every route reads through :class:`WebStore` (a read-only Prism per worker
thread) and hands records to a template or to the JSON renderers the CLI's
``--json`` uses. Errors, JSON or HTML, come out of one handler with one shape:
``{"ok": false, "error": ..., "errors": [...], "status": N}``.
"""

from __future__ import annotations

import hmac
import io
import json
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping, Sequence
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from .. import __version__
from ..api import Prism
from ..errors import InputError, NewsprismError, NotFoundError, SettingsError, StoreError
from ..render import (
    analysis_dict,
    article_dict,
    copy_label,
    entity_dict,
    ingest_dict,
    origin_heading,
    plural,
    source_names,
    story_detail_dict,
    story_summary_dict,
    summary_dict,
)
from ..settings import Settings
from . import present
from .store import NotAnalysedError, WebStore

HERE = Path(__file__).parent
#: Content-Security-Policy of every response: scripts and styles only from
#: this server's /static, no inline script or style, no plugin, no framing.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
#: Largest request body accepted (POST /api/articles), in bytes.
MAX_BODY = 5 * 1024 * 1024
PAGE = 50

Limit = Annotated[int, Query(ge=1, le=1000, description="Rows to return.")]
Offset = Annotated[int, Query(ge=0, description="Rows to skip.")]
From = Annotated[date | None, Query(alias="from", description="Stories active on or after this day.")]
To = Annotated[date | None, Query(alias="to", description="Stories active on or before this day.")]
PageNo = Annotated[int, Query(alias="page", ge=1)]

ASGIApp = Callable[[MutableMapping[str, Any], Callable[[], Awaitable[MutableMapping[str, Any]]],
                    Callable[[MutableMapping[str, Any]], Awaitable[None]]], Awaitable[None]]


def create_app(settings: Settings, *, token: str | None = None, max_body: int = MAX_BODY,
               allowed_hosts: Sequence[str] | None = None) -> FastAPI:
    """The ASGI app over the store ``settings.db``.

    Args:
        settings: run settings; ``db`` names the store, which must exist.
        token: when set, ``POST /api/articles`` ingests for requests that send
            it as ``Authorization: Bearer TOKEN``; when None, writing is off.
        max_body: largest request body in bytes (larger: 413).
        allowed_hosts: when given, requests whose Host header (port aside) is
            not one of these get 400: a server on 127.0.0.1 answers only to
            local names, so a web page cannot reach it by DNS rebinding.
    """
    if not Path(settings.db).is_file():
        raise SettingsError(f"{settings.db}: no store there; create one with `newsprism ingest --db {settings.db} ...`")
    store = WebStore(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(title="newsprism", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Event dossiers over a newsprism store. JSON shapes are those of the CLI's --json "
                              "(docs/web.md); errors are {ok, error, errors, status}.")
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    env = templates.env
    env.autoescape = True
    env.globals.update(safe_url=present.safe_url, snippet=present.snippet, cites=present.cites, when=present.when,
                       day=present.day, short=present.short, plural=plural, joined=present.joined,
                       version=__version__, db=Path(settings.db).name)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.add_middleware(_Headers)
    app.add_middleware(_BodyLimit, max_bytes=max_body)
    if allowed_hosts is not None:
        app.add_middleware(_HostCheck, hosts=frozenset(h.lower() for h in allowed_hosts))

    def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        v = store.version()
        return templates.TemplateResponse(request, name, {"updated": v.updated, **context}, status_code=status)

    # ------------------------------------------------------------ errors: one handler, one shape

    def error(request: Request, status: int, message: str, errors: list[str] | None = None) -> Response:
        body = {"ok": False, "error": message, "errors": errors or [message], "status": status}
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
            return JSONResponse(body, status_code=status, headers=headers)
        return templates.TemplateResponse(request, "error.html", {"e": body, "updated": None}, status_code=status)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        errors = [f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors()]
        return error(request, 400, "invalid request: " + "; ".join(errors), errors)

    @app.exception_handler(NewsprismError)
    async def newsprism_error(request: Request, exc: NewsprismError) -> Response:
        status = (409 if isinstance(exc, NotAnalysedError) else 404 if isinstance(exc, NotFoundError)
                  else 400 if isinstance(exc, InputError) else 503 if isinstance(exc, StoreError) else 500)
        return error(request, status, str(exc))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        return error(request, 500, f"internal error ({type(exc).__name__}); the server log has the details")

    # ------------------------------------------------------------ shared reads

    def filtered(q: str | None, start: date | None, end: date | None, outlet: str | None,
                 entity: str | None) -> list[Any]:
        listing = store.listing()
        rows = list(listing.stories)
        if q:
            hits = {listing.story_of.get(a.article_id) for a in store.prism().search(q, limit=200)}
            rows = [s for s in rows if s.story_id in hits]
        if start:
            rows = [s for s in rows if s.last is not None and s.last.date() >= start]
        if end:
            rows = [s for s in rows if s.first is not None and s.first.date() <= end]
        if outlet:
            rows = [s for s in rows if outlet in s.outlets]
        if entity:
            ids = set(store.prism().entity(entity).articles)
            rows = [s for s in rows if ids.intersection(s.article_ids)]
        return rows

    def search_all(q: str, limit: int) -> dict[str, Any]:
        q = q.strip()
        if not q:
            raise InputError("query", "empty search; give some words")
        arts = store.prism().search(q, limit=limit)
        listing = store.listing()
        sids = list(dict.fromkeys(listing.story_of[a.article_id] for a in arts if a.article_id in listing.story_of))
        by_id = {s.story_id: s for s in listing.stories}
        needle = " ".join(w.strip('"*()').lower() for w in q.split() if w.upper() not in ("AND", "OR", "NOT"))
        ents = [e for e in store.entities()
                if needle and any(needle in v.lower() for v in (e.name, *e.variants))][:limit]
        claims = [c for c in store.prism().search_claims(q, limit=limit) if c.story_id in by_id]
        return {"articles": arts, "stories": [by_id[s] for s in sids], "entities": ents, "claims": claims}

    # ------------------------------------------------------------ API

    @app.get("/api/stories", tags=["api"], summary="Stories, newest activity first")
    def api_stories(limit: Limit = 100, offset: Offset = 0, q: str | None = None, start: From = None,
                    end: To = None, outlet: str | None = None, entity: str | None = None) -> list[dict[str, Any]]:
        """The objects of `newsprism stories --json`, filtered by full-text query, days, outlet and entity id."""
        rows = filtered(q, start, end, outlet, entity)
        return [story_summary_dict(s) for s in rows[offset:offset + limit]]

    @app.get("/api/stories/{story_id}", tags=["api"], summary="One story")
    def api_story(story_id: str) -> dict[str, Any]:
        """`newsprism story ID --json`: articles, how each joined, sources, copy groups and links."""
        return story_detail_dict(store.story(story_id))

    @app.get("/api/stories/{story_id}/dossier", tags=["api"], summary="A story's dossier")
    def api_dossier(story_id: str) -> dict[str, Any]:
        """`newsprism dossier ID --format json` (schema in docs/dossier.md); 409 when not analysed yet."""
        from ..render.json import dossier_dict

        return dossier_dict(store.dossier(story_id))

    @app.get("/api/articles", tags=["api"], summary="Articles, oldest first")
    def api_articles(limit: Limit = 100, offset: Offset = 0) -> list[dict[str, Any]]:
        """The objects of `newsprism articles --json`."""
        return [summary_dict(s) for s in store.articles()[offset:offset + limit]]

    @app.post("/api/articles", tags=["api"], summary="Ingest articles (needs the token)", status_code=201)
    async def api_ingest(request: Request) -> JSONResponse:
        """Ingest a JSON body in the JSON reader's schema (docs/formats.md): one object, or a list.
        Needs `Authorization: Bearer $NEWSPRISM_TOKEN`; off when the server has no token.
        Answers `newsprism ingest --json`: 201 when something was added, 200 when all was present,
        400 when no input could be read."""
        if token is None:
            raise HTTPException(403, "ingest is off: start the server with NEWSPRISM_TOKEN set to allow it")
        given = request.headers.get("authorization", "")
        scheme, _, value = given.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
            raise HTTPException(401, "a valid bearer token is needed: Authorization: Bearer $NEWSPRISM_TOKEN")
        body = await request.body()
        try:
            json.loads(body)
        except (ValueError, RecursionError) as exc:
            raise InputError("request body", f"not JSON ({exc})") from None
        result = await run_in_threadpool(_ingest, settings, body)
        if not result.ok and not (result.added or result.present or result.revised):
            raise HTTPException(400, "nothing ingested: " + "; ".join(f"{p.reason}" for p in result.problems))
        return JSONResponse(ingest_dict(result), status_code=201 if result.added or result.revised else 200)

    @app.get("/api/articles/{article_id}", tags=["api"], summary="One article")
    def api_article(article_id: str) -> dict[str, Any]:
        """`newsprism show ID --json`: metadata, body, captions, removals, and the analysis once analysed."""
        prism = store.prism()
        a = prism.article(article_id)
        an = prism.store.analysis(a.article_id)
        return {**article_dict(a), **(analysis_dict(an) if an else {})}

    @app.get("/api/entities", tags=["api"], summary="Canonical entities, most mentioned first")
    def api_entities(limit: Limit = 100, offset: Offset = 0, story: str | None = None) -> list[dict[str, Any]]:
        """The objects of `newsprism entities --json` (with `story`, only those of that story)."""
        if story:
            ids = {a.article_id for a in store.story(story).articles}
            rows = store.prism().store.entities(ids)
        else:
            rows = list(store.entities())
        return [entity_dict(e) for e in rows[offset:offset + limit]]

    @app.get("/api/entities/{entity_id}", tags=["api"], summary="One entity")
    def api_entity(entity_id: str) -> dict[str, Any]:
        """One object of `newsprism entities --json`."""
        return entity_dict(store.prism().entity(entity_id))

    @app.get("/api/search", tags=["api"], summary="Full-text search")
    def api_search(q: Annotated[str, Query(min_length=1, description="SQLite FTS5 query.")],
                   limit: Limit = 20) -> dict[str, Any]:
        """Articles matching an FTS5 query (title and body), the stories they are in, claim groups of the
        stored dossiers matching it, and entities whose name or a variant contains the words. A query
        that is not valid FTS5 answers 400."""
        found = search_all(q, limit)
        return {"query": q, "articles": [summary_dict(_summary(a)) for a in found["articles"]],
                "stories": [story_summary_dict(s) for s in found["stories"]],
                "claims": [{"story_id": c.story_id, "group_id": c.group_id, "text": c.text, "status": c.status,
                            "sources": c.sources} for c in found["claims"]],
                "entities": [entity_dict(e) for e in found["entities"]]}

    @app.get("/api/version", tags=["api"], summary="What the store holds now")
    def api_version() -> dict[str, Any]:
        """Changes whenever the store does; `updated` is the latest ingest or analysis."""
        v = store.version()
        return {"articles": v.articles, "analyses": v.analyses, "stories": v.stories, "updated": v.updated}

    # ------------------------------------------------------------ pages

    @app.get("/docs", include_in_schema=False)
    def docs_page(request: Request) -> HTMLResponse:
        return page(request, "docs.html", spec=app.openapi())

    @app.get("/", include_in_schema=False)
    def stories_page(request: Request, q: str | None = None, start: From = None, end: To = None,
                     outlet: str | None = None, entity: str | None = None,
                     page_no: PageNo = 1) -> HTMLResponse:
        q = (q or "").strip() or None
        rows = filtered(q, start, end, outlet, entity)
        listing = store.listing()
        outlets = sorted({o for s in listing.stories for o in s.outlets})
        ent = store.prism().entity(entity) if entity else None
        return page(request, "stories.html", rows=rows[(page_no - 1) * PAGE:page_no * PAGE], total=len(rows),
                    all_total=len(listing.stories), page_no=page_no, pages=max(1, -(-len(rows) // PAGE)),
                    q=q, start=start, end=end, outlet=outlet, entity=ent, outlets=outlets,
                    articles=sum(s.size for s in listing.stories))

    @app.get("/search", include_in_schema=False)
    def search_page(request: Request, q: str = "") -> HTMLResponse:
        try:
            found = search_all(q, 50)
        except InputError as exc:
            return page(request, "search.html", status=400, q=q, found=None, problem=exc.reason)
        return page(request, "search.html", q=q, found=found, problem=None)

    @app.get("/stories/{story_id}/counts", include_in_schema=False)
    def counts_fragment(request: Request, story_id: str) -> HTMLResponse:
        try:
            d = store.dossier(story_id)
        except NotAnalysedError:
            return HTMLResponse('<span class="muted">not analysed</span>')
        return templates.TemplateResponse(request, "_counts.html", {"counts": {c.status: c.count for c in d.status_counts}})

    @app.get("/stories/{story_id}", include_in_schema=False)
    def story_page(request: Request, story_id: str) -> HTMLResponse:
        detail = store.story(story_id)
        try:
            d = store.dossier(story_id)
            problem = None
        except NotAnalysedError as exc:
            d, problem = None, str(exc)

        def render() -> Markup:  # the dossier's HTML, kept as long as the dossier is
            names = {a.article_id: a.outlet or a.article_id for a in detail.articles}
            origins: dict[str, str] = {}
            if d:  # one name per article and per origin, as in every renderer
                by_article, origins = source_names(d)
                names.update(by_article)
            return Markup(env.get_template("_dossier.html").render(
                detail=detail, d=d, problem=problem, names=names, origins=origins,
                columns=[origins[o] for o in dict.fromkeys(s.origin for s in d.sources)] if d else [],
                rows={g.group_id: g for g in d.groups} if d else {},
                heading=(lambda o: origin_heading(d, o)) if d else None, copy_label=copy_label))

        v = store.version()
        body = store.memo(("story-html", detail.summary.story_id, d is None, v.stories, v.analyses), render)
        return page(request, "story.html", detail=detail, d=d, body=body)

    @app.get("/articles", include_in_schema=False)
    def articles_page(request: Request, page_no: PageNo = 1) -> HTMLResponse:
        rows = store.articles()
        return page(request, "articles.html", rows=rows[(page_no - 1) * PAGE * 2:page_no * PAGE * 2],
                    total=len(rows), page_no=page_no, pages=max(1, -(-len(rows) // (PAGE * 2))),
                    story_of=store.listing().story_of)

    @app.get("/articles/{article_id}", include_in_schema=False)
    def article_page(request: Request, article_id: str, field: str = "body",
                     start: Annotated[int | None, Query(ge=0)] = None,
                     end: Annotated[int | None, Query(ge=0)] = None) -> HTMLResponse:
        prism = store.prism()
        a = prism.article(article_id)
        an = prism.store.analysis(a.article_id)
        copies = [x for x in prism.store.copies().links if a.article_id in (x.source, x.target)]
        sid = store.listing().story_of.get(a.article_id)
        ents = prism.store.entities({a.article_id}) if an else []
        context: dict[str, Any] = {"a": a, "an": an, "field": field, "start": start, "end": end, "copies": copies,
                                   "story_id": sid,
                   "entities": ents, "paragraphs": present.body_paragraphs(a, start, end) if field == "body"
                   else present.body_paragraphs(a, None, None), "marked": present.marked}
        if request.headers.get("hx-request"):
            return templates.TemplateResponse(request, "_article.html", context)
        return page(request, "article.html", **context)

    @app.get("/entities", include_in_schema=False)
    def entities_page(request: Request, page_no: PageNo = 1) -> HTMLResponse:
        rows = store.entities()
        return page(request, "entities.html", rows=rows[(page_no - 1) * PAGE * 2:page_no * PAGE * 2],
                    total=len(rows), page_no=page_no, pages=max(1, -(-len(rows) // (PAGE * 2))))

    @app.get("/entities/{entity_id}", include_in_schema=False)
    def entity_page(request: Request, entity_id: str) -> HTMLResponse:
        prism = store.prism()
        e = prism.entity(entity_id)
        related = []
        for r in e.relations:
            try:
                related.append((r.kind, prism.entity(r.target)))
            except NotFoundError:
                continue
        listing = store.listing()
        ids = set(e.articles)
        stories = [s for s in listing.stories if ids.intersection(s.article_ids)]
        summaries = {s.article_id: s for s in store.articles()}
        days = Counter((summaries[a].published or "undated")[:10] for a in e.articles if a in summaries)
        quotes = []
        for aid in sorted(ids, key=lambda i: (summaries[i].published or "") if i in summaries else "")[:300]:
            an = prism.store.analysis(aid)
            if an:
                quotes += [(aid, q) for q in an.quotes if q.speaker_entity_id == e.entity_id]
        return page(request, "entity.html", e=e, related=related, stories=stories, quotes=quotes,
                    days=sorted(days.items()), most=max(days.values(), default=1), summaries=summaries)

    @app.get("/fragments/updated", include_in_schema=False)
    def updated_fragment(request: Request, seen: str = "") -> HTMLResponse:
        v = store.version()
        return templates.TemplateResponse(request, "_updated.html", {"updated": v.updated, "seen": seen})

    return app


def _ingest(settings: Settings, body: bytes) -> Any:
    with Prism(settings=settings.replace(format="json")) as prism:
        return prism.ingest(["-"], stdin=io.BytesIO(body))


def _summary(a: Any) -> Any:
    from ..store import ArticleSummary

    return ArticleSummary(a.article_id, a.outlet, a.title, a.published.isoformat() if a.published else None,
                          a.language, len(a.paragraphs), tuple(a.flags), a.url, a.source, a.revision)


# ------------------------------------------------------------ ASGI middleware


class _Headers:
    """Security headers on every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


#: The names a server bound to a loopback address answers to.
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


class _HostCheck:
    """Refuse requests whose Host header is not an allowed name (DNS rebinding)."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str]) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            host = next((v.decode("latin-1") for k, v in scope.get("headers", []) if k == b"host"), "")
            name = host[1:].split("]")[0] if host.startswith("[") else host.rsplit(":", 1)[0]
            if name.lower() not in self.hosts:
                await _send_json(send, 400, f"host {host!r} is not served here; use http://127.0.0.1")
                return
        await self.app(scope, receive, send)


class _BodyLimit:
    """Refuse request bodies over ``max_bytes`` with 413, whether announced
    by Content-Length or streamed."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_big = f"request body over {self.max_bytes} bytes"
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > self.max_bytes:
                await _send_json(send, 413, too_big)
                return
        seen = 0

        async def limited() -> MutableMapping[str, Any]:
            nonlocal seen
            message: MutableMapping[str, Any] = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise HTTPException(413, too_big)
            return message

        await self.app(scope, limited, send)


async def _send_json(send: Any, status: int, message: str) -> None:
    body = json.dumps({"ok": False, "error": message, "errors": [message], "status": status}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff")]})
    await send({"type": "http.response.body", "body": body})
