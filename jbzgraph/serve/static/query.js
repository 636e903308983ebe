// The query page: load a library example (its parameters as fields), run the editor's
// query, show the results as a table whose IRIs link to their pages, download them as CSV.
// Parameters are sent as form fields to /library/NAME, which binds them as RDF terms.
(function () {
  "use strict";
  const page = document.getElementById("query-page");
  const base = page.dataset.base;
  const limitHeader = page.dataset.limitHeader;
  const examples = JSON.parse(document.getElementById("examples").textContent);
  const params = document.getElementById("params");
  const status = document.getElementById("status");
  const results = document.getElementById("results");
  let current = null; // the example loaded, while the editor still holds its text

  const view = window.JbzEditor.create(document.getElementById("editor"), "", (text) => {
    if (current && text !== current.text) {
      current = null;
      params.querySelectorAll("input").forEach((i) => { i.disabled = true; });
      say("edited: the parameter fields apply to a library query as written; put values in the text");
    }
  });

  function say(text, isError) {
    status.textContent = text;
    status.className = isError ? "error" : "";
  }

  function load(name) {
    const ex = examples.find((e) => e.name === name);
    current = ex;
    window.JbzEditor.setText(view, ex.text);
    current = ex;
    document.querySelectorAll("[data-example]").forEach((b) => b.classList.toggle("active", b.dataset.example === name));
    params.replaceChildren(...ex.parameters.map((p) => {
      const label = document.createElement("label");
      label.textContent = p.name + " (" + p.kind + ")";
      const input = document.createElement("input");
      input.name = p.name;
      input.placeholder = p.kind === "iri" ? "an IRI or a KB key" : "a value";
      label.append(input);
      return label;
    }));
    say("");
  }

  function request(format) {
    const body = new URLSearchParams();
    let url = "/sparql";
    if (current) {
      url = "/library/" + encodeURIComponent(current.name);
      params.querySelectorAll("input").forEach((i) => { if (i.value.trim()) body.append(i.name, i.value.trim()); });
    } else {
      body.append("query", window.JbzEditor.text(view));
    }
    if (format) body.append("format", format);
    return fetch(url, { method: "POST", body,
      headers: { Accept: "application/sparql-results+json, text/turtle;q=0.9" } });
  }

  function localUrl(iri) {
    if (iri.startsWith(base + "id/")) return "/id/" + iri.slice(base.length + 3);
    return "/resource?iri=" + encodeURIComponent(iri);
  }

  function cell(term) {
    const td = document.createElement("td");
    if (!term) return td;
    if (term.type === "uri") {
      const a = document.createElement("a");
      a.href = localUrl(term.value);
      a.textContent = term.value;
      td.append(a);
    } else {
      td.textContent = term.value;
    }
    return td;
  }

  function table(data) {
    const t = document.createElement("table");
    const head = t.createTHead().insertRow();
    data.head.vars.forEach((v) => { const th = document.createElement("th"); th.textContent = v; head.append(th); });
    const body = t.createTBody();
    data.results.bindings.forEach((b) => {
      const tr = body.insertRow();
      data.head.vars.forEach((v) => tr.append(cell(b[v])));
    });
    return t;
  }

  async function run() {
    say("running…");
    results.replaceChildren();
    const started = performance.now();
    let response;
    try {
      response = await request(null);
    } catch (e) {
      say("the server did not answer: " + e, true);
      return;
    }
    const text = await response.text();
    if (!response.ok) {
      say(response.status + ": " + text, true);
      return;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const type = response.headers.get("content-type") || "";
    if (!type.startsWith("application/sparql-results+json")) {
      const pre = document.createElement("pre");
      pre.textContent = text;
      results.append(pre);
      say("a graph, " + seconds + " s");
      return;
    }
    const data = JSON.parse(text);
    if ("boolean" in data) {
      say("ASK: " + data.boolean + ", " + seconds + " s");
      return;
    }
    results.append(table(data));
    const cut = response.headers.get(limitHeader);
    say(data.results.bindings.length + " rows, " + seconds + " s" +
        (cut ? " — only the first " + cut + " rows: the server's limit" : ""));
  }

  async function csv() {
    const response = await request("csv");
    const text = await response.text();
    if (!response.ok) { say(response.status + ": " + text, true); return; }
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type: "text/csv" }));
    a.download = (current ? current.name : "query") + ".csv";
    document.body.append(a);
    a.click();
    a.remove();
  }

  document.querySelectorAll("[data-example]").forEach((b) => b.addEventListener("click", () => load(b.dataset.example)));
  document.getElementById("run").addEventListener("click", run);
  document.getElementById("csv").addEventListener("click", csv);
  load(examples.some((e) => e.name === "letters") ? "letters" : examples[0].name);
})();
