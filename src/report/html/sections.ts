// The report's server-rendered sections (numbers and tables); charts and the drill-down are drawn by the client.
import { esc } from "./escape.js";
import type { ReportModel } from "./model.js";

const pct = (x: number | null) => (x === null ? "–" : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null, d = 2) => (x === null ? "–" : x.toFixed(d));
const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);

// A <table> from a header and rows of already-escaped cells; numeric columns right-aligned.
function table(testid: string, head: string[], rows: string[][], numeric: number[] = []): string {
  const th = head.map((h, i) => `<th${numeric.includes(i) ? ` class="n"` : ""}>${esc(h)}</th>`).join("");
  const tr = rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric.includes(i) ? ` class="n"` : ""}>${c}</td>`).join("")}</tr>`).join("\n");
  return `<table data-testid="${testid}"><thead><tr>${th}</tr></thead><tbody>${tr}</tbody></table>`;
}

// A section with a heading, an optional canvas for its chart, and a body.
function section(id: string, title: string, body: string, chart = true, heightPx?: number): string {
  const style = heightPx ? ` style="height: ${heightPx}px"` : "";
  const canvas = chart ? `<div class="chart"${style}><canvas id="chart-${id}" data-testid="chart-${id}"></canvas></div>` : "";
  return `<section id="${id}" data-testid="section-${id}"><h2>${esc(title)}</h2>${canvas}<div class="body">${body}</div></section>`;
}

// The headline numbers: pass rate (infra errors excluded), counts, hallucinated steps.
export function totalsSection(m: ReportModel): string {
  const t = m.totals;
  const card = (key: string, label: string, value: string, cls = "") => `<div class="card ${cls}" data-testid="total-${key}"><div class="v">${esc(value)}</div><div class="l">${esc(label)}</div></div>`;
  return `<section id="totals" data-testid="section-totals"><div class="cards">
${card("pass-rate", "pass rate (infra errors excluded)", pct(t.passRate), "big")}
${card("results", "results", String(t.results))}
${card("trajectories", "trajectories", String(t.trajectories))}
${card("code", "code records", String(t.code))}
${card("pass", "pass", String(t.pass), "ok")}
${card("fail", "fail", String(t.fail), "bad")}
${card("hallucinated", "hallucinated steps", String(t.hallucinatedSteps), t.hallucinatedSteps ? "bad" : "")}
${card("infra", "infra errors (not graded)", String(t.infraErrors), t.infraErrors ? "warn" : "")}
${card("unread", "unreadable lines", String(t.unread), t.unread ? "warn" : "")}
</div></section>`;
}

// Verdicts per task kind, code records last; pass rates leave infra errors out.
export function kindsSection(m: ReportModel): string {
  const rows = m.byKind.map((r) => [`<span class="kind">${esc(r.kind)}</span>`, String(r.total), String(r.pass), String(r.fail), String(r.infraError), pct(r.passRate), num(r.meanProcessScore)]);
  const code = Object.entries(m.codeVerdicts).map(([v, n]) => `${esc(v)} ${n}`).join(", ");
  const note = code ? `<p class="note" data-testid="code-verdicts">code records by verdict: ${code}</p>` : "";
  return section("kinds", "Verdicts by task kind", table("kind-table", ["kind", "total", "pass", "fail", "infra-error", "pass rate", "mean process score"], rows, [1, 2, 3, 4, 5, 6]) + note);
}

// Error types of the wrong steps: trajectories carrying each, and steps.
export function errorsSection(m: ReportModel): string {
  if (!m.errorTypes.length) return section("errors", "Error types", `<p class="note">no wrong step in this batch</p>`, false);
  const rows = m.errorTypes.map((e) => [`<span class="err">${esc(e.type)}</span>`, String(e.trajectories), String(e.steps)]);
  return section("errors", "Error types", table("error-table", ["error type", "trajectories", "wrong steps"], rows, [1, 2]), true, 70 + 28 * m.errorTypes.length);
}

// The process-score histogram, with mean and median.
export function scoresSection(m: ReportModel): string {
  const p = m.processScores;
  return section("scores", "Process-score distribution", `<p class="note" data-testid="score-stats">graded trajectories: mean ${num(p.mean)}, median ${num(p.median)} (correct step 1, unverifiable 0.5, wrong 0, averaged)</p>`, p.mean !== null);
}

// Difficulty buckets from the records' structure, or what is needed to compute them.
export function difficultySection(m: ReportModel): string {
  const d = m.difficulty;
  if (!d.available) return section("difficulty", "Difficulty buckets", `<p class="note needs" data-testid="difficulty-note">${esc(d.note)}</p>`, false);
  const rows = d.buckets.map((b) => [esc(b.bucket), String(b.total), String(b.pass), String(b.fail), pct(b.passRate), num(b.meanScore)]);
  return section("difficulty", "Difficulty buckets", `<p class="note" data-testid="difficulty-note">${esc(d.note)}; buckets from structure (steps, branches, dependency span, checks run)</p>` + table("difficulty-table", ["bucket", "trajectories", "pass", "fail", "pass rate", "mean process score"], rows, [1, 2, 3, 4, 5]));
}

// Where trajectories first go wrong: step index, and early/middle/late in their own steps.
export function firstWrongSection(m: ReportModel): string {
  const f = m.firstWrongStep;
  if (!f.positions.length) return section("first-wrong", "First wrong step", `<p class="note">no trajectory has a wrong step</p>`, false);
  const r = f.relative;
  return section("first-wrong", "First wrong step", `<p class="note" data-testid="first-wrong-relative">relative position in the trajectory: early ${r.early}, middle ${r.middle}, late ${r.late}</p>`);
}

// The slowest samples (wall clock of their verification).
export function slowestSection(m: ReportModel): string {
  const rows = m.slowest.map((s) => [`<a href="#" class="open" data-id="${esc(s.id)}">${esc(s.id)}</a>`, esc(s.kind), `<span class="v-${esc(s.verdict)}">${esc(s.verdict)}</span>`, ms(s.durationMs)]);
  return section("slowest", "Slowest samples", table("slowest-table", ["id", "kind", "verdict", "time"], rows, [3]), false);
}

// Records the sandbox could not verify, kept out of every pass rate, and lines that were not results.
export function apartSection(m: ReportModel): string {
  const infra = m.infraErrors.length
    ? table("infra-table", ["id", "kind", "message"], m.infraErrors.map((i) => [esc(i.id), esc(i.kind), esc(i.message)]))
    : `<p class="note" data-testid="infra-none">none: every record was verified</p>`;
  const unread = m.unread.length
    ? table("unread-table", ["line", "id", "why"], m.unread.map((u) => [String(u.line), esc(u.id ?? ""), `<code>${esc(u.reason)}</code>`]), [0])
    : `<p class="note">none</p>`;
  return section("apart", "Kept apart", `<h3>Infra errors (not counted in pass rates): ${m.infraErrors.length}</h3>${infra}<h3>Unreadable lines: ${m.unread.length}</h3>${unread}`, false);
}

// The searchable sample table (filled by the client) and the drill-down panel.
export function samplesSection(m: ReportModel): string {
  const kinds = [...new Set(m.samples.map((s) => s.kind))];
  const verdicts = [...new Set(m.samples.map((s) => s.verdict))];
  const opts = (xs: string[]) => xs.map((x) => `<option value="${esc(x)}">${esc(x)}</option>`).join("");
  const controls = `<div class="controls"><input type="search" id="q" data-testid="search" placeholder="search id, error type, step evidence...">
<select id="f-kind" data-testid="filter-kind"><option value="">every kind</option>${opts(kinds)}</select>
<select id="f-verdict" data-testid="filter-verdict"><option value="">every verdict</option>${opts(verdicts)}</select>
<span id="shown" data-testid="shown"></span></div>`;
  const head = `<table data-testid="sample-table" id="samples"><thead><tr><th>id</th><th>kind</th><th>verdict</th><th class="n">process score</th><th class="n">first wrong step</th><th>error types</th><th>difficulty</th><th class="n">time</th></tr></thead><tbody></tbody></table>`;
  return `<section id="samples-section" data-testid="section-samples"><h2>Samples</h2><p class="note">click a row for the claim, the evidence and every step's label</p>${controls}${head}</section>
<div id="drill" data-testid="drilldown" hidden><div class="drill-head"><h2 id="drill-title"></h2><button id="drill-close" data-testid="drill-close">close</button></div><div id="drill-body"></div></div>`;
}

// The steps the LLM judge labelled: apart from the executed labels, with the model and the samples' agreement.
export function judgedSection(m: ReportModel): string {
  if (!m.judged.length) return "";
  const rows = m.judged.map((j) => [
    `<code>${esc(j.id)}</code>`,
    esc(j.kind),
    `${j.index}: ${esc(j.name)}`,
    `<span class="l-${esc(j.label)}">${esc(j.label)}</span>`,
    esc(j.errorType),
    esc(j.model),
    j.confidence === null ? "-" : j.confidence.toFixed(2),
    `<span class="evidence">${esc(j.evidence)}</span>`,
  ]);
  const note = `<p class="note" data-testid="judged-note">${m.judged.length} step(s) labelled by an LLM judge, not by rules or execution; they count in the process score at a lower weight and never in the verdict.</p>`;
  return section("judged", "Judged steps (LLM judge, not executed)", note + table("judged-table", ["record", "kind", "step", "label", "error type", "model", "confidence", "evidence"], rows, [6]), false);
}
