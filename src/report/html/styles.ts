// The report's stylesheet, inlined into the page (no network at view time).
export const STYLES = `
:root { --ok: #2e7d32; --bad: #c62828; --warn: #b26a00; --muted: #666; --line: #ddd; --bg: #fafafa; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #222; background: var(--bg); }
header { background: #1f2933; color: #fff; padding: 14px 24px; }
header h1 { margin: 0; font-size: 20px; }
header .meta { color: #cbd2d9; font-size: 12px; margin-top: 2px; }
main { max-width: 1280px; margin: 0 auto; padding: 16px 24px 48px; display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; min-width: 0; }
#totals, #samples-section, #kinds { grid-column: 1 / -1; }
h2 { font-size: 16px; margin: 0 0 8px; }
h3 { font-size: 14px; margin: 12px 0 6px; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 120px; }
.card .v { font-size: 22px; font-weight: 600; }
.card.big .v { font-size: 28px; }
.card .l { color: var(--muted); font-size: 12px; }
.card.ok .v { color: var(--ok); } .card.bad .v { color: var(--bad); } .card.warn .v { color: var(--warn); }
.chart { position: relative; height: 240px; margin-bottom: 8px; }
#kinds .chart { height: 260px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f3f4f6; font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.note { color: var(--muted); margin: 4px 0; }
.needs { color: var(--warn); font-weight: 600; }
.controls { display: flex; gap: 8px; align-items: center; margin: 8px 0; }
.controls input { flex: 1; padding: 6px 8px; border: 1px solid #bbb; border-radius: 4px; }
.controls select { padding: 5px; }
#samples tbody tr { cursor: pointer; }
#samples tbody tr:hover { background: #eef4ff; }
.badge, .v-pass, .v-fail, .v-infra-error, .l-correct, .l-wrong, .l-unverifiable { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 12px; color: #fff; background: #888; }
.v-pass, .l-correct { background: var(--ok); }
.v-fail, .v-error, .v-timeout, .v-memory-limit, .v-output-limit, .l-wrong { background: var(--bad); color: #fff; padding: 0 6px; border-radius: 9px; }
.v-infra-error, .l-unverifiable { background: #757575; }
.badge.judged { background: #6a1b9a; margin-left: 4px; }
.err { color: var(--bad); }
code, pre { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre { background: #f6f8fa; border: 1px solid #e5e7eb; border-radius: 4px; padding: 6px 8px; white-space: pre-wrap; word-break: break-word; margin: 2px 0; max-height: 360px; overflow: auto; }
#drill { position: fixed; top: 0; right: 0; bottom: 0; width: min(920px, 92vw); background: #fff; border-left: 2px solid #1f2933; box-shadow: -4px 0 16px rgba(0,0,0,.15); overflow: auto; padding: 12px 18px 40px; z-index: 10; }
.drill-head { display: flex; justify-content: space-between; align-items: center; position: sticky; top: -12px; background: #fff; padding: 6px 0; }
.drill-head h2 { margin: 0; word-break: break-all; }
.kv { display: grid; grid-template-columns: 180px 1fr; gap: 4px 10px; }
.kv .k { color: var(--muted); font-weight: 600; }
tr.first-wrong { background: #fdecea; }
.evidence { white-space: pre-wrap; word-break: break-word; }
`;
