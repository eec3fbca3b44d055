// The HTML report in a real browser (Debian's Chromium via playwright-core, never a downloaded browser):
// built by `vouch report` from a real verify run (fixtures/report/results.jsonl, see its README) plus the
// trajectory records, opened from file:// with every network request blocked and recorded.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { execa } from "execa";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CLI = ["--import", "tsx", "src/cli/main.ts"];
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const TRAJ = readdirSync("fixtures/trajectories").filter((f) => f.endsWith(".jsonl")).map((f) => join("fixtures/trajectories", f));
const real = readFileSync("fixtures/report/results.jsonl", "utf8").trim().split("\n").map((l) => JSON.parse(l));
// Test input beside the real run: one record the sandbox failed on, and two lines that are not results.
const infra = { ...real.find((r) => r.task === "planning"), id: "synthetic-infra", verdict: "infra-error", message: "container gone (synthetic line added by the test)", steps: [], errors: [], firstWrongStep: -1, processScore: 0 };
const junk = ['{"hello": "not a result"}', "this line is not JSON"];
const results = [...real, infra];

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const kindOf = (r: any) => r.task ?? "code";

describe("vouch report in Chromium", () => {
  let ctx: BrowserContext;
  let page: Page;
  let file = "";
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "vouch-report-"));
    const input = join(dir, "results.jsonl");
    writeFileSync(input, [...results.map((r) => JSON.stringify(r)), ...junk].join("\n") + "\n");
    file = join(dir, "report.html");
    const r = await execa("node", [...CLI, "report", input, "--html", file, ...TRAJ.flatMap((t) => ["--trajectories", t])], { reject: false });
    expect(r.exitCode, r.stderr).toBe(0);
    ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "vouch-chromium-")), {
      executablePath: "/usr/bin/chromium", headless: true, args: ARGS, viewport: { width: 1300, height: 900 },
    });
    await ctx.route("**/*", (route) => {
      requests.push(route.request().url());
      return route.request().url() === `file://${resolve(file)}` ? route.continue() : route.abort();
    });
    page = ctx.pages()[0] ?? (await ctx.newPage());
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto(`file://${resolve(file)}`);
    await page.waitForSelector("body[data-ready='1']", { timeout: 20_000 });
  }, 120_000);

  afterAll(async () => ctx?.close());

  it("loads with no network request and no script error", () => {
    expect(requests).toEqual([`file://${resolve(file)}`]);
    expect(errors).toEqual([]);
  });

  it("shows every section with the numbers of the results file", async () => {
    for (const s of ["totals", "kinds", "errors", "scores", "difficulty", "first-wrong", "slowest", "apart", "samples"]) {
      expect(await page.getByTestId(`section-${s}`).isVisible(), s).toBe(true);
    }
    const rows = await page.$$eval("[data-testid=kind-table] tbody tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent!.trim())));
    const kinds = [...new Set(results.map(kindOf))];
    expect(rows.map((r) => r[0]).sort()).toEqual(kinds.sort());
    for (const [kind, total, pass, fail, infraN] of rows) {
      const mine = results.filter((r) => kindOf(r) === kind);
      expect([total, pass, fail, infraN].map(Number), kind).toEqual([
        mine.length, mine.filter((r) => r.verdict === "pass").length,
        mine.filter((r) => r.verdict !== "pass" && r.verdict !== "infra-error").length, mine.filter((r) => r.verdict === "infra-error").length]);
    }
    const graded = results.filter((r) => r.verdict !== "infra-error");
    expect(await page.getByTestId("total-pass-rate").locator(".v").textContent()).toBe(pct(graded.filter((r) => r.verdict === "pass").length / graded.length));
    const hallucinated = graded.flatMap((r) => r.steps ?? []).filter((s: any) => s.label === "wrong" && s.errorType === "hallucinated-step").length;
    expect(await page.getByTestId("total-hallucinated").locator(".v").textContent()).toBe(String(hallucinated));

    const errRows = await page.$$eval("[data-testid=error-table] tbody tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent!.trim())));
    for (const [type, n] of errRows) expect(Number(n), type).toBe(graded.filter((r) => (r.errors ?? []).includes(type)).length);

    const diff = await page.$$eval("[data-testid=difficulty-table] tbody tr", (trs) => trs.map((tr) => Number(tr.querySelectorAll("td")[1]!.textContent)));
    expect(diff.reduce((a, b) => a + b, 0)).toBe(graded.filter((r) => r.task).length); // every record was given
    expect(await page.getByTestId("infra-table").textContent()).toContain("synthetic-infra");
    expect(await page.$$eval("[data-testid=unread-table] tbody tr", (trs) => trs.length)).toBe(junk.length);
    const slowest = await page.$$eval("[data-testid=slowest-table] tbody tr td:first-child", (tds) => tds.map((td) => td.textContent));
    expect(slowest[0]).toBe([...results].sort((a, b) => b.durationMs - a.durationMs)[0].id);
  });

  it("draws every chart (non-blank canvases holding the real numbers)", async () => {
    const charts = await page.$$eval("canvas", (cs) => cs.map((c: any) => {
      const ctx2d = c.getContext("2d")!;
      const { data } = ctx2d.getImageData(0, 0, c.width, c.height);
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
      const chart = (globalThis as any).Chart.getChart(c);
      return { id: c.id, painted, data: chart ? chart.data.datasets.map((d: any) => d.data) : null };
    }));
    expect(charts.map((c) => c.id).sort()).toEqual(["chart-difficulty", "chart-errors", "chart-first-wrong", "chart-kinds", "chart-scores"]);
    for (const c of charts) expect(c.painted, c.id).toBeGreaterThan(1000);
    const kinds = charts.find((c) => c.id === "chart-kinds")!.data!;
    expect(kinds[0].reduce((a: number, b: number) => a + b, 0)).toBe(results.filter((r) => r.verdict === "pass").length);
    const scores = charts.find((c) => c.id === "chart-scores")!.data!;
    expect(scores.flat().reduce((a: number, b: number) => a + b, 0)).toBe(results.filter((r) => r.task && r.verdict !== "infra-error").length);
    await page.screenshot({ path: "out/report-screenshot.png", fullPage: true });
  });

  it("filters the sample table and opens a drill-down with the claim, the evidence and every step's label", async () => {
    const target = real.find((r) => r.id === "er-flaw-invented-message");
    await page.getByTestId("search").fill(target.id);
    expect(await page.getByTestId("shown").textContent()).toBe(`1 of ${results.length} shown`);
    await page.getByTestId("filter-verdict").selectOption("pass");
    expect(await page.$$eval("#samples tbody tr", (trs) => trs.length)).toBe(0);
    await page.getByTestId("filter-verdict").selectOption("");
    await page.click(`#samples tbody tr[data-id="${target.id}"]`);
    expect(await page.getByTestId("drilldown").isVisible()).toBe(true);
    const steps = await page.$$eval("[data-testid=drill-steps] tbody tr", (trs) => trs.map((tr) => ({
      index: Number(tr.querySelectorAll("td")[0]!.textContent), name: tr.querySelectorAll("td")[1]!.textContent, label: tr.querySelectorAll("td")[2]!.textContent,
      errorType: tr.querySelectorAll("td")[3]!.textContent, evidence: tr.querySelectorAll("td")[4]!.textContent, first: tr.classList.contains("first-wrong") })));
    expect(steps).toEqual(target.steps.map((s: any) => ({ index: s.index, name: s.name, label: s.label, errorType: s.errorType ?? "", evidence: s.evidence, first: s.index === target.firstWrongStep })));
    const record = TRAJ.flatMap((f) => readFileSync(f, "utf8").trim().split("\n").map((l) => JSON.parse(l))).find((r) => r.id === target.id);
    const claim = await page.getByTestId("drill-claim").textContent();
    for (const key of Object.keys(record)) expect(claim).toContain(key);
    expect(claim).toContain(record.buggy_code.split("\n")[0]);
    await page.screenshot({ path: "out/report-drilldown.png" });
  });
});
