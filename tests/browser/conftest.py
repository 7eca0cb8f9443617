"""Fixtures of the browser tests: the app served from the test database, and one headless
Chromium per test module."""

from __future__ import annotations

import pytest

from tests.helpers.browser import CHROMIUM, CHROMIUM_ARGS, serve

sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def app_url(built_db):
    with serve(built_db) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()
