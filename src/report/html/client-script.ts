// The page's own script (plain browser JavaScript, no imports): draws the charts with the inlined Chart.js,
// fills the searchable sample table, and opens the drill-down of a sample. Kept as a string: the project's
// TypeScript has no DOM types, and the browser test runs every line of it.
export const CLIENT_JS = String.raw`
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("vouch-data").textContent);
  var COLORS = { pass: "#2e7d32", fail: "#c62828", infra: "#9e9e9e", steps: "#ef9a9a" };
  var PALETTE = ["#1565c0", "#6a1b9a", "#00838f", "#ef6c00", "#558b2f", "#ad1457", "#4e342e", "#37474f"];

  // Creates an element with attributes and children (strings become text nodes, never HTML).
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) {
      if (k === "class") e.className = attrs[k];
      else if (k === "text") e.textContent = attrs[k];
      else e.setAttribute(k, attrs[k]);
    }
    (children || []).forEach(function (c) { if (c !== null && c !== undefined) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return e;
  }

  // One bar chart on a canvas of the page, when the canvas is there (a section without data has none).
  function bar(id, labels, datasets, opts) {
    var canvas = document.getElementById("chart-" + id);
    if (!canvas || !window.Chart) return;
    opts = opts || {};
    new window.Chart(canvas, {
      type: "bar",
      data: { labels: labels, datasets: datasets },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false, indexAxis: opts.horizontal ? "y" : "x",
        plugins: { legend: { position: "bottom" }, title: { display: !!opts.title, text: opts.title } },
        scales: {
          x: { stacked: !!opts.stacked, ticks: opts.horizontal ? { precision: 0 } : { autoSkip: false }, title: { display: !!opts.xTitle, text: opts.xTitle } },
          y: { stacked: !!opts.stacked, beginAtZero: true, ticks: opts.horizontal ? { autoSkip: false } : { precision: 0 }, title: { display: !!opts.yTitle, text: opts.yTitle } }
        }
      }
    });
  }

  // Every chart of the report, from the embedded data.
  function charts() {
    var k = data.byKind;
    bar("kinds", k.map(function (r) { return r.kind; }), [
      { label: "pass", data: k.map(function (r) { return r.pass; }), backgroundColor: COLORS.pass },
      { label: "fail", data: k.map(function (r) { return r.fail; }), backgroundColor: COLORS.fail },
      { label: "infra-error (not graded)", data: k.map(function (r) { return r.infraError; }), backgroundColor: COLORS.infra }
    ], { stacked: true, yTitle: "records" });
    var e = data.errorTypes;
    bar("errors", e.map(function (r) { return r.type; }), [
      { label: "trajectories", data: e.map(function (r) { return r.trajectories; }), backgroundColor: COLORS.fail },
      { label: "wrong steps", data: e.map(function (r) { return r.steps; }), backgroundColor: COLORS.steps }
    ], { horizontal: true });
    var b = data.processScores.bins;
    bar("scores", b.map(function (x) { return x.from.toFixed(1) + "-" + x.to.toFixed(1); }), [
      { label: "pass", data: b.map(function (x) { return x.pass; }), backgroundColor: COLORS.pass },
      { label: "fail", data: b.map(function (x) { return x.fail; }), backgroundColor: COLORS.fail }
    ], { stacked: true, xTitle: "process score", yTitle: "trajectories" });
    var d = data.difficulty.buckets;
    bar("difficulty", d.map(function (x) { return x.bucket; }), [
      { label: "pass", data: d.map(function (x) { return x.pass; }), backgroundColor: COLORS.pass },
      { label: "fail", data: d.map(function (x) { return x.fail; }), backgroundColor: COLORS.fail }
    ], { stacked: true, yTitle: "trajectories" });
    var f = data.firstWrongStep;
    bar("first-wrong", f.positions.map(function (p) { return "step " + p.index; }), f.kinds.map(function (kind, i) {
      return { label: kind, data: f.positions.map(function (p) { return p.byKind[kind]; }), backgroundColor: PALETTE[i % PALETTE.length] };
    }), { stacked: true, yTitle: "trajectories" });
  }

  var byId = {};
  data.samples.forEach(function (s) { byId[s.id] = s; });

  // The text a search matches against: id, kind, verdict, error types, message, step names and evidence.
  function haystack(s) {
    return [s.id, s.kind, s.verdict, s.errors.join(" "), s.message || "", s.difficulty ? s.difficulty.bucket : ""]
      .concat(s.steps.map(function (st) { return st.name + " " + st.label + " " + (st.errorType || "") + " " + st.evidence; }))
      .join("\n").toLowerCase();
  }
  data.samples.forEach(function (s) { s._text = haystack(s); });

  // Fills the sample table with the samples that pass the search box and both filters.
  function renderTable() {
    var q = document.getElementById("q").value.trim().toLowerCase();
    var kind = document.getElementById("f-kind").value;
    var verdict = document.getElementById("f-verdict").value;
    var body = document.querySelector("#samples tbody");
    body.textContent = "";
    var shown = 0;
    data.samples.forEach(function (s) {
      if (kind && s.kind !== kind) return;
      if (verdict && s.verdict !== verdict) return;
      if (q && s._text.indexOf(q) < 0) return;
      shown++;
      var tr = el("tr", { "data-id": s.id }, [
        el("td", {}, [el("code", { text: s.id })]),
        el("td", { text: s.kind }),
        el("td", {}, [el("span", { class: "v-" + s.verdict, text: s.verdict })]),
        el("td", { class: "n", text: s.processScore === null ? "-" : s.processScore.toFixed(2) }),
        el("td", { class: "n", text: s.firstWrongStep >= 0 ? String(s.firstWrongStep) : "-" }),
        el("td", { class: "err", text: s.errors.join(", ") }),
        el("td", { text: s.difficulty ? s.difficulty.bucket + " (" + s.difficulty.score.toFixed(2) + ")" : "-" }),
        el("td", { class: "n", text: s.durationMs.toFixed(0) + " ms" })
      ]);
      tr.addEventListener("click", function () { open(s.id); });
      body.appendChild(tr);
    });
    document.getElementById("shown").textContent = shown + " of " + data.samples.length + " shown";
  }

  // A value of the record or of the evidence, as text: strings as they are, the rest as indented JSON.
  function show(v, depth) {
    depth = depth || 0;
    if (v === null || typeof v === "number" || typeof v === "boolean") return el("span", { text: String(v) });
    if (typeof v === "string") return v.indexOf("\n") >= 0 || v.length > 120 ? el("pre", { text: v }) : el("span", { text: v });
    if (!Array.isArray(v) && typeof v === "object" && depth < 2) return kv(v, null, depth + 1);
    return el("pre", { text: JSON.stringify(v, null, 2) });
  }

  // Key/value rows of an object (the record's own fields: its claim).
  function kv(obj, testid, depth) {
    var box = el("div", testid ? { class: "kv", "data-testid": testid } : { class: "kv" });
    Object.keys(obj).forEach(function (k) { box.appendChild(el("div", { class: "k", text: k })); box.appendChild(el("div", {}, [show(obj[k], depth || 0)])); });
    return box;
  }

  // The step table: every step's label, verdict, error type and evidence; the first wrong one marked.
  function stepTable(s) {
    var rows = s.steps.map(function (st) {
      return el("tr", { class: st.index === s.firstWrongStep ? "first-wrong" : "", "data-step": String(st.index) }, [
        el("td", { class: "n", text: String(st.index) }),
        el("td", { text: st.name }),
        el("td", {}, [el("span", { class: "l-" + st.label, text: st.label })].concat(st.source === "judge" ? [el("span", { class: "badge judged", title: "labelled by an LLM judge, not executed", text: "judge " + (st.model || "") + (st.confidence !== undefined && st.confidence < 1 ? " " + st.confidence.toFixed(2) : "") })] : [])),
        el("td", { class: "err", text: st.errorType || "" }),
        el("td", { class: "evidence", text: st.evidence })
      ]);
    });
    return el("table", { "data-testid": "drill-steps" }, [
      el("thead", {}, [el("tr", {}, ["#", "step", "label", "error type", "evidence"].map(function (h) { return el("th", { text: h }); }))]),
      el("tbody", {}, rows)
    ]);
  }

  // The test results of a code record (visible, then hidden).
  function testTable(tests, testid) {
    return el("table", { "data-testid": testid }, [
      el("thead", {}, [el("tr", {}, ["test", "status", "time", "message"].map(function (h) { return el("th", { text: h }); }))]),
      el("tbody", {}, tests.map(function (t) {
        return el("tr", {}, [el("td", {}, [el("code", { text: t.name })]), el("td", {}, [el("span", { class: "v-" + t.status, text: t.status })]), el("td", { class: "n", text: t.durationMs.toFixed(0) + " ms" }), el("td", { class: "evidence", text: t.message || "" })]);
      }))
    ]);
  }

  // Opens the drill-down of one sample: the claim, the evidence, each step's label.
  function open(id) {
    var s = byId[id];
    if (!s) return;
    var body = document.getElementById("drill-body");
    body.textContent = "";
    document.getElementById("drill-title").textContent = s.id;
    var facts = { kind: s.kind, verdict: s.verdict, "process score": s.processScore === null ? "-" : s.processScore, "first wrong step": s.firstWrongStep, "error types": s.errors.join(", ") || "none", time: s.durationMs.toFixed(1) + " ms" + (s.cached ? " (from cache)" : "") };
    if (s.difficulty) facts.difficulty = s.difficulty.bucket + " (" + s.difficulty.score + ")";
    if (s.message) facts.message = s.message;
    body.appendChild(kv(facts, "drill-facts"));
    if (s.kind !== "code") {
      body.appendChild(el("h3", { text: "Steps (" + s.steps.length + ")" }));
      body.appendChild(stepTable(s));
      body.appendChild(el("h3", { text: "The claim (the trajectory record)" }));
      body.appendChild(s.claim ? kv(s.claim, "drill-claim") : el("p", { class: "note needs", "data-testid": "drill-claim", text: "the record is not in this report: pass --trajectories IN.jsonl" }));
      body.appendChild(el("h3", { text: "The evidence: what really happened" }));
      body.appendChild(s.observed ? show(s.observed) : el("p", { class: "note", text: "no observations recorded" }));
      body.appendChild(el("h3", { text: "Stages" }));
      body.appendChild(el("ul", { "data-testid": "drill-stages" }, s.stages.map(function (st) {
        return el("li", {}, [el("b", { text: st.stage + " " }), el("span", { class: "v-" + (st.status === "pass" ? "pass" : st.status === "fail" ? "fail" : "infra-error"), text: st.status }), " " + st.durationMs.toFixed(1) + " ms", st.findings.length ? el("pre", { text: st.findings.join("\n") }) : null]);
      })));
    } else {
      body.appendChild(el("h3", { text: "Tests" }));
      body.appendChild(testTable(s.tests || [], "drill-tests"));
      if (s.hidden) { body.appendChild(el("h3", { text: "Hidden tests: " + s.hidden.verdict })); body.appendChild(testTable(s.hidden.tests, "drill-hidden")); }
      if (s.stdout) { body.appendChild(el("h3", { text: "stdout" })); body.appendChild(el("pre", { text: s.stdout })); }
      if (s.stderr) { body.appendChild(el("h3", { text: "stderr" })); body.appendChild(el("pre", { text: s.stderr })); }
    }
    var drill = document.getElementById("drill");
    drill.hidden = false;
    drill.scrollTop = 0;
    if (location.hash !== "#sample=" + encodeURIComponent(id)) history.replaceState(null, "", "#sample=" + encodeURIComponent(id));
  }

  document.getElementById("drill-close").addEventListener("click", function () { document.getElementById("drill").hidden = true; history.replaceState(null, "", "#"); });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") document.getElementById("drill").hidden = true; });
  ["q", "f-kind", "f-verdict"].forEach(function (id) { document.getElementById(id).addEventListener("input", renderTable); });
  document.querySelectorAll("a.open").forEach(function (a) { a.addEventListener("click", function (ev) { ev.preventDefault(); open(a.getAttribute("data-id")); }); });
  charts();
  renderTable();
  var m = /^#sample=(.+)$/.exec(location.hash);
  if (m) open(decodeURIComponent(m[1]));
  document.body.setAttribute("data-ready", "1");
})();
`;
