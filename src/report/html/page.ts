// The whole report page: one self-contained HTML file (inline CSS, inline Chart.js, data as JSON).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { CLIENT_JS } from "./client-script.js";
import { esc, scriptBody, scriptJson } from "./escape.js";
import type { ReportModel } from "./model.js";
import { apartSection, difficultySection, errorsSection, firstWrongSection, judgedSection, kindsSection, samplesSection, scoresSection, slowestSection, totalsSection } from "./sections.js";
import { STYLES } from "./styles.js";

// Chart.js's UMD bundle from node_modules, read at report time so the page needs no network to draw.
export async function chartJsBundle(): Promise<string> {
  const main = createRequire(import.meta.url).resolve("chart.js"); // .../chart.js/dist/chart.cjs
  return readFile(join(dirname(main), "chart.umd.min.js"), "utf8");
}

// The page for a model; `chartJs` is the charting library's source, inlined as is.
export function renderHtml(m: ReportModel, chartJs: string, generatedAt = new Date()): string {
  const t = m.totals;
  const meta = `${esc(m.source)} · ${t.results} result(s) · generated ${esc(generatedAt.toISOString().replace("T", " ").slice(0, 19))} UTC`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(m.title)}</title>
<style>${STYLES}</style>
</head>
<body>
<header><h1>${esc(m.title)}</h1><div class="meta">${meta}</div></header>
<main>
${totalsSection(m)}
${kindsSection(m)}
${errorsSection(m)}
${judgedSection(m)}
${scoresSection(m)}
${difficultySection(m)}
${firstWrongSection(m)}
${slowestSection(m)}
${apartSection(m)}
${samplesSection(m)}
</main>
<script type="application/json" id="vouch-data">${scriptJson(m)}</script>
<script>${scriptBody(chartJs)}</script>
<script>${scriptBody(CLIENT_JS)}</script>
</body>
</html>
`;
}
