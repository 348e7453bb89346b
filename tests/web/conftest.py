"""Fixtures of the web face's tests: a test client over the store the demo run built."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from _support import TOKEN
from newsprism import Settings
from newsprism.web import create_app


@pytest.fixture(scope="module")
def client(web_db: str) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db=web_db), token=TOKEN, max_body=64 * 1024)) as c:
        yield c


@pytest.fixture(scope="module")
def story_id(client: TestClient) -> str:
    return str(max(client.get("/api/stories").json(), key=lambda s: s["size"])["id"])
