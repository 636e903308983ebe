"""The query page and the resource pages in a real browser: headless Chromium (Debian's,
driven by Playwright) against a server on loopback. Skipped only when Chromium is not
installed, and then not when JBZGRAPH_REQUIRE_BROWSER=1 (as `make test` sets)."""

import os
import shutil

import pytest
import rdflib

from jbzgraph.namespace import JBZ, JBZID
from jbzgraph.query import run_query
from jbzgraph.serve.app import DEFAULT_BASE
from jbzgraph.store import open_store

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not os.path.exists(CHROMIUM):
    if os.environ.get("JBZGRAPH_REQUIRE_BROWSER") == "1":
        raise RuntimeError("JBZGRAPH_REQUIRE_BROWSER=1 but chromium is not installed (make chromium)")
    pytest.skip("chromium is not installed (make chromium)", allow_module_level=True)

from playwright.sync_api import sync_playwright  # noqa: E402  (only once a browser is there)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(accept_downloads=True)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    yield opened
    context.close()
    assert errors == []


def test_serve_browser_runs_an_example_query_and_shows_its_rows(server, built_store, page):
    expected = run_query(open_store(built_store, read_only=True), "positions", {"holder": "NLD"})[1]
    page.goto(f"{server.url}/")
    page.click("[data-example=positions]")
    assert "SELECT ?source ?holder" in page.inner_text("#editor")
    page.fill("#params input[name=holder]", "NLD")
    page.click("#run")
    page.wait_for_selector("#results table tbody tr")
    assert page.locator("#results tbody tr").count() == len(expected) > 0
    assert page.inner_text("#status").startswith(f"{len(expected)} rows")
    with page.expect_download() as download:
        page.click("#csv")
    lines = open(download.value.path(), encoding="utf-8").read().strip().splitlines()
    assert lines[0].startswith("source,holder,target") and len(lines) == len(expected) + 1
    page.click("#results tbody tr:first-child a[href^='/']")
    page.wait_for_selector("h1")
    assert page.locator("table.props").count() >= 1


def test_serve_browser_follows_an_entity_to_the_sentence_in_its_letter(server, built_store, page):
    store = open_store(built_store, read_only=True)
    _, rows = store.select(f"SELECT ?p ?q WHERE {{ ?p a <{JBZ.Position}> ; <{JBZ.holder}> <{JBZID}org/MULTIPLE> ; "
                           f"<{JBZ.evidence}>/<{JBZ.quote}> ?q }} ORDER BY ?p LIMIT 1")
    position, quote = rows[0]["p"].value, rows[0]["q"].value
    page.goto(server.url + position.removeprefix(DEFAULT_BASE.removesuffix("/")))
    assert quote in page.inner_text("blockquote.evidence")
    page.click("a.to-letter")
    page.wait_for_selector("mark.focus")
    assert "#span-" in page.url
    focused = " ".join(page.locator("mark.focus").all_inner_texts())
    assert focused.split()[:3] == quote.split()[:3]
    assert page.locator("mark.focus").first.is_visible()
    assert page.locator("table.statements tr.focus").count() >= 1


def test_serve_browser_fetches_turtle_by_content_negotiation(server, page):
    page.goto(f"{server.url}/")
    iri = f"{JBZID}org/MULTIPLE"
    turtle = page.evaluate("""async (url) => {
        const r = await fetch(url, { headers: { Accept: "text/turtle" } });
        return [r.status, r.headers.get("content-type"), await r.text()];
    }""", server.url + iri.removeprefix(DEFAULT_BASE.removesuffix("/")))
    assert turtle[0] == 200 and turtle[1].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=turtle[2], format="turtle")
    assert (rdflib.URIRef(iri), None, None) in graph
    assert any(graph.subjects(rdflib.URIRef(JBZ.holder), rdflib.URIRef(iri)))
