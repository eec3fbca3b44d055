import cliProgress from "cli-progress";

export interface Progress {
  /** One record finished with this verdict. */
  tick(info: { id: string; verdict: string }): void;
  /** The number of records expected, once known; before that, counts are shown without a percentage. */
  setTotal(n: number): void;
  /** Draws the final state and releases the terminal. Safe to call twice. */
  stop(): void;
}

export interface ProgressOptions {
  label: string;
  total?: number;
  stream?: NodeJS.WriteStream;
  /** Machine-readable output is on stdout: print no progress at all. */
  json?: boolean;
  /** Verdicts always shown, even at 0, in this order (default pass, fail); others appear as they occur. */
  verdicts?: readonly string[];
}

const PLAIN_EVERY_MS = 2_000;
const silent: Progress = { tick: () => undefined, setTotal: () => undefined, stop: () => undefined };

// Counts per verdict, shown as "pass 80, fail 40" (the command's main verdicts always, then others as they appear).
class Tally {
  done = 0;
  private readonly counts: Map<string, number>;
  private readonly always: ReadonlySet<string>;
  private readonly t0 = Date.now();

  constructor(verdicts: readonly string[] = ["pass", "fail"]) {
    this.counts = new Map(verdicts.map((v) => [v, 0]));
    this.always = new Set(verdicts);
  }

  add(verdict: string): void {
    this.done++;
    this.counts.set(verdict, (this.counts.get(verdict) ?? 0) + 1);
  }

  text(): string {
    return [...this.counts].filter(([v, n]) => n > 0 || this.always.has(v)).map(([v, n]) => `${v} ${n}`).join(", ");
  }

  rate(): string {
    return (this.done / Math.max(0.001, (Date.now() - this.t0) / 1000)).toFixed(1);
  }
}

// Progress for long batches: a bar on a terminal, a plain line every 2 s otherwise, nothing under --json.
export function createProgress(opts: ProgressOptions): Progress {
  if (opts.json) return silent;
  const stream = opts.stream ?? process.stderr;
  const tally = new Tally(opts.verdicts);
  return stream.isTTY ? barProgress(opts.label, opts.total ?? 0, stream, tally) : plainProgress(opts.label, opts.total ?? 0, stream, tally);
}

// A cli-progress bar; with no known total it shows counts and rate only. total 0 means unknown.
function barProgress(label: string, total: number, stream: NodeJS.WriteStream, tally: Tally): Progress {
  const known = `${label} [{bar}] {value}/{total} {percentage}% | {rate}/s | ETA {eta_formatted} | {tally}`;
  const unknown = `${label} {value} done | {rate}/s | {tally}`;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      hideCursor: false, // a Ctrl-C must not leave the cursor hidden: the bar installs no signal handler
      format: (options, params, payload) => cliProgress.Format.Formatter({ ...options, format: total > 0 ? known : unknown }, params, payload),
    },
    cliProgress.Presets.shades_classic,
  );
  // The bar's own total never drops below the count, so its progress stays within 0..1.
  const barTotal = () => Math.max(total, tally.done, 1);
  bar.start(barTotal(), 0, { rate: "0.0", tally: tally.text() });
  let stopped = false;
  return {
    tick({ verdict }) {
      if (stopped) return;
      tally.add(verdict);
      if (barTotal() !== bar.getTotal()) bar.setTotal(barTotal());
      bar.update(tally.done, { rate: tally.rate(), tally: tally.text() });
    },
    setTotal(n) {
      if (stopped) return;
      total = n;
      bar.setTotal(barTotal());
    },
    stop() {
      if (stopped) return;
      stopped = true;
      bar.stop();
    },
  };
}

// Plain lines such as "verify: 120/400 done (pass 80, fail 40) 12.3/s", at most every 2 s and once at the end.
function plainProgress(label: string, total: number, stream: NodeJS.WriteStream, tally: Tally): Progress {
  let lastAt = Date.now();
  let lastDone = 0;
  let stopped = false;
  const print = () => {
    lastAt = Date.now();
    lastDone = tally.done;
    stream.write(`${label}: ${tally.done}${total > 0 ? `/${total}` : ""} done (${tally.text()}) ${tally.rate()}/s\n`);
  };
  return {
    tick({ verdict }) {
      if (stopped) return;
      tally.add(verdict);
      if (Date.now() - lastAt >= PLAIN_EVERY_MS) print();
    },
    setTotal(n) {
      total = n;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      if (tally.done !== lastDone) print();
    },
  };
}
