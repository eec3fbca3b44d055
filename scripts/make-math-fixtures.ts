// Writes the labelled math fixtures (fixtures/math/*.jsonl) from templates with a seeded generator, so the set
// is reproducible: `npx tsx scripts/make-math-fixtures.ts`. Problems are written here (GSM8K / MATH style, not
// copied from any dataset). Each record carries `_label` {first_error_step, label}; a flawed record has exactly
// one injected error, and the steps after it are computed correctly from the wrong value (as a real slip would).
import { writeFileSync, mkdirSync } from "node:fs";

type Kind = "arithmetic-error" | "invalid-transformation" | "undefined-variable" | "inconsistent-step";
interface Out {
  problem: string;
  steps: string[];
  answer: string | number;
  reference: string | number;
  errorStep?: number;
}
type Template = (r: Rng, fault?: Kind) => Out | undefined;

class Rng {
  constructor(private s: number) {}
  next(): number {
    this.s = (Math.imul(this.s ^ (this.s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return this.s / 2 ** 32;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
}

const NAMES = ["Maya", "Tom", "Priya", "Carlos", "Aisha", "Ben", "Lena", "Omar", "Sofia", "Jin"];
const fmt = (n: number) => n.toLocaleString("en-US");
const off = (r: Rng, n: number) => n + r.pick([1, 2, -1, 10, 3, -2]);

// ---- GSM8K-style arithmetic word problems ----
const clips: Template = (r, fault) => {
  if (fault && fault !== "arithmetic-error") return undefined;
  const n = r.pick(NAMES);
  const a = 2 * r.int(12, 60);
  const errAt = fault ? r.int(0, 1) : -1;
  const h = errAt === 0 ? off(r, a / 2) : a / 2;
  const t = errAt === 1 ? off(r, a + h) : a + h;
  return {
    problem: `${n} sold ${a} bracelets at the market in April, and then sold half as many in May. How many bracelets did ${n} sell in April and May together?`,
    steps: [`In May ${n} sold ${a}/2 = <<${a}/2=${h}>>${h} bracelets.`, `Together ${n} sold ${a}+${h} = <<${a}+${h}=${t}>>${t} bracelets in April and May.`, `#### ${t}`],
    answer: t, reference: a + a / 2, ...(fault ? { errorStep: errAt } : {}),
  };
};

const eggs: Template = (r, fault) => {
  if (fault && fault !== "arithmetic-error") return undefined;
  const per = r.int(20, 48);
  const days = r.pick([3, 6, 9, 12]);
  const price = r.pick([3, 4, 5, 6]);
  const errAt = fault ? r.int(0, 2) : -1;
  const total = per * days;
  const E = errAt === 0 ? total + 12 : total;
  const B = errAt === 1 ? Math.floor(E / 12) + 1 : E / 12;
  const R = errAt === 2 ? off(r, B * price) : B * price;
  if (!Number.isInteger(E / 12)) return undefined;
  return {
    problem: `A farm's hens lay ${per} eggs a day. After ${days} days the farmer packs all the eggs into cartons of 12 and sells each carton for $${price}. How much money does the farmer make?`,
    steps: [
      r.pick([`In ${days} days the hens lay $${per} \\times ${days} = ${E}$ eggs.`, `Over ${days} days there are ${per} * ${days} = ${E} eggs.`]),
      `Each carton holds 12 eggs, so the farmer fills ${E} / 12 = ${B} cartons.`,
      r.pick([`At $${price} per carton he makes ${B} * ${price} = $${R}.`, `The cartons sell for ${B} \u00d7 $${price} = $${R} in total.`]),
      `The answer is ${R}.`,
    ],
    answer: R, reference: (total / 12) * price, ...(fault ? { errorStep: errAt } : {}),
  };
};

const discount: Template = (r, fault) => {
  if (fault && fault !== "arithmetic-error") return undefined;
  const P = r.pick([40, 60, 80, 120, 150, 250, 360]);
  const q = r.pick([10, 15, 20, 25, 30]);
  const errAt = fault ? r.int(0, 1) : -1;
  const D0 = (P * q) / 100;
  if (!Number.isInteger(D0)) return undefined;
  const D = errAt === 0 ? off(r, D0) : D0;
  const S = errAt === 1 ? off(r, P - D) : P - D;
  return {
    problem: `A jacket normally costs $${P}. This week it is ${q}% off. What is the sale price of the jacket?`,
    steps: [
      r.pick([`The discount is ${q}% of $${P} = $${D}.`, `The discount is ${P} * ${q}/100 = ${D} dollars.`, `${q}% of ${P} is $\\frac{${q}}{100} \\cdot ${P} = ${D}$ dollars.`]),
      `So the sale price is $${P} - $${D} = $${S}.`,
      `#### ${S}`,
    ],
    answer: S, reference: P - D0, ...(fault ? { errorStep: errAt } : {}),
  };
};

const trip: Template = (r, fault) => {
  if (fault && fault !== "arithmetic-error") return undefined;
  const n = r.pick(NAMES);
  const v = r.int(40, 70);
  const h = r.int(2, 4);
  const w = r.int(20, 35);
  const k = r.int(1, 3);
  const errAt = fault ? r.int(0, 2) : -1;
  const d1 = errAt === 0 ? off(r, v * h) : v * h;
  const d2 = errAt === 1 ? off(r, w * k) : w * k;
  const D = errAt === 2 ? off(r, d1 + d2) : d1 + d2;
  return {
    problem: `${n} drives for ${h} hours at ${v} miles per hour, stops for lunch at 1 pm, then drives ${k} more hours at ${w} miles per hour through 2 small towns. How far does ${n} drive in total?`,
    steps: [
      `In the first ${h} hours ${n} covers $${v} \\cdot ${h} = ${d1}$ miles.`,
      `After lunch, ${n} covers ${w} * ${k} = ${d2} miles.`,
      r.pick([`In total that is ${d1} + ${d2} = ${D} miles.`, `Altogether: ${d1} miles + ${d2} miles = ${D} miles.`]),
      `The answer is ${D} miles.`,
    ],
    answer: D, reference: v * h + w * k, ...(fault ? { errorStep: errAt } : {}),
  };
};

const pizza: Template = (r, fault) => {
  if (fault && fault !== "arithmetic-error") return undefined;
  const B = r.pick([40, 50, 65, 70, 85, 95]);
  const n = r.pick([3, 6, 7]);
  const errAt = fault ? r.int(0, 2) : -1;
  const T0 = B / 5;
  const T = errAt === 0 ? T0 + 2 : T0;
  const C = errAt === 1 ? B + T + 5 : B + T;
  const each = C / n;
  const shown = errAt === 2 ? (each + 0.5).toFixed(2) : each.toFixed(2);
  return {
    problem: `${n} friends order pizza. The bill is $${B} and they add a 20% tip, then split the total equally. About how much does each friend pay?`,
    steps: [
      r.pick([`The tip is 20% of $${B} = $${T}.`, `The tip is 0.2 * ${B} = ${T} dollars.`]),
      `The total is ${B} + ${T} = $${C}.`,
      r.pick([`Each of the ${n} friends pays ${C} / ${n} \u2248 $${shown}.`, `Each friend pays $\\frac{${C}}{${n}} \\approx ${shown}$ dollars.`, `So each pays ${C} / ${n} = ${shown} dollars, rounded to the cent.`]),
      `Each friend pays about $${shown}.`,
    ],
    answer: shown, reference: ((B * 1.2) / n).toFixed(2), ...(fault ? { errorStep: errAt } : {}),
  };
};

const classFractions: Template = (r, fault) => {
  if (fault && fault !== "arithmetic-error") return undefined;
  const N = 4 * r.int(6, 15);
  const errAt = fault ? r.int(0, 1) : -1;
  const M = errAt === 0 ? off(r, (3 * N) / 4) : (3 * N) / 4;
  const R = errAt === 1 ? off(r, N - M) : N - M;
  return {
    problem: `A class has ${N} students. Three quarters of them walk to school and the rest take the bus. How many students take the bus?`,
    steps: [
      r.pick([`$\\frac{3}{4}$ of the students walk: $\\frac{3}{4} \\times ${N} = ${M}$.`, `3/4 of ${N} = ${M} students walk to school.`]),
      `The rest take the bus: ${N} - ${M} = ${R} students.`,
      `So $\\boxed{${R}}$ students take the bus.`,
    ],
    answer: `\\boxed{${R}}`, reference: N / 4, ...(fault ? { errorStep: errAt } : {}),
  };
};

const company: Template = (r, fault) => {
  if (fault && fault !== "arithmetic-error") return undefined;
  const rev = r.pick([1_200_000, 2_400_000, 3_600_000, 800_000]);
  const p = r.pick([25, 35, 40, 45]);
  const errAt = fault ? r.int(0, 1) : -1;
  const cost0 = (rev * p) / 100;
  const cost = errAt === 0 ? cost0 + 10_000 : cost0;
  const left = errAt === 1 ? rev - cost - 100_000 : rev - cost;
  return {
    problem: `A small company earned $${fmt(rev)} last year and spent ${p}% of it on salaries in its 3 offices. How much was left after salaries?`,
    steps: [`Salaries cost ${p}% of $${fmt(rev)} = $${fmt(cost)}.`, `What is left is $${fmt(rev)} - $${fmt(cost)} = $${fmt(left)}.`, `#### ${left}`],
    answer: left, reference: rev - cost0, ...(fault ? { errorStep: errAt } : {}),
  };
};

const ages: Template = (r, fault) => {
  if (fault && fault !== "arithmetic-error") return undefined;
  const a = r.int(8, 20);
  const y = r.int(3, 10);
  const errAt = fault ? r.int(0, 2) : -1;
  const b = errAt === 0 ? off(r, 2 * a) : 2 * a;
  const A = a + y;
  const Bf = errAt === 1 ? off(r, b + y) : b + y;
  const S = errAt === 2 ? off(r, A + Bf) : A + Bf;
  const n1 = r.pick(NAMES);
  const n2 = r.pick(NAMES.filter((x) => x !== n1));
  return {
    problem: `${n1} is ${a} years old and ${n2} is twice as old. What will the sum of their ages be in ${y} years?`,
    steps: [`${n2} is 2 * ${a} = ${b} years old now.`, `In ${y} years ${n1} will be ${a} + ${y} = ${A} and ${n2} will be ${b} + ${y} = ${Bf}.`, `The sum will be ${A} + ${Bf} = ${S}.`],
    answer: S, reference: 3 * a + 2 * y, ...(fault ? { errorStep: errAt } : {}),
  };
};

const garden: Template = (r, fault) => {
  if (fault && fault !== "arithmetic-error") return undefined;
  const s = r.int(5, 25);
  const c = r.int(3, 12);
  const errAt = fault ? r.int(0, 2) : -1;
  const side = errAt === 0 ? s + 1 : s;
  const P = errAt === 1 ? off(r, 4 * side) : 4 * side;
  const T = errAt === 2 ? off(r, P * c) : P * c;
  return {
    problem: `A square garden has an area of ${s * s} square meters. Fencing costs $${c} per meter. How much does it cost to fence the whole garden?`,
    steps: [`The side of the garden is $\\sqrt{${s * s}} = ${side}$ meters.`, `The perimeter is $4 \\cdot ${side} = ${P}$ meters.`, `The fence costs ${P} \\times ${c} = ${T} dollars.`, `The answer is $${T}.`],
    answer: T, reference: 4 * s * c, ...(fault ? { errorStep: errAt } : {}),
  };
};

const average: Template = (r, fault) => {
  if (fault && fault !== "arithmetic-error") return undefined;
  const xs = [r.int(60, 99), r.int(60, 99), r.int(60, 99), r.int(60, 99)];
  const errAt = fault ? r.int(0, 1) : -1;
  const S0 = xs.reduce((a, b) => a + b, 0);
  const S = errAt === 0 ? off(r, S0) : S0;
  const M = errAt === 1 ? S / 4 + 1 : S / 4;
  return {
    problem: `On 4 tests a student scored ${xs.join(", ")}. What is the average score?`,
    steps: [`The scores add up to ${xs.join(" + ")} = ${S}.`, `The average is ${S} \u00f7 4 = ${M}.`, `#### ${M}`],
    answer: M, reference: S0 / 4, ...(fault ? { errorStep: errAt } : {}),
  };
};

const wages: Template = (r, fault) => {
  if (fault && fault !== "arithmetic-error") return undefined;
  const w = r.pick([12, 15, 18, 22.5, 14.5]);
  const h = r.int(4, 8);
  const errAt = fault ? r.int(0, 2) : -1;
  const D = errAt === 0 ? w * h + 5 : w * h;
  const W = errAt === 1 ? off(r, D * 5) : D * 5;
  const M = errAt === 2 ? W * 4 + 10 : W * 4;
  const n = r.pick(NAMES);
  return {
    problem: `${n} earns $${w} an hour and works ${h} hours a day, 5 days a week. How much does ${n} earn in 4 weeks?`,
    steps: [`Each day ${n} earns ${w} * ${h} = $${D}.`, `Each week that is ${D} * 5 = $${W}.`, `In 4 weeks ${n} earns ${W} * 4 = $${M}.`],
    answer: M, reference: w * h * 20, ...(fault ? { errorStep: errAt } : {}),
  };
};

const cookies: Template = (r, fault) => {
  if (fault && fault !== "arithmetic-error") return undefined;
  const bags = r.int(6, 20);
  const per = r.pick([6, 8, 12]);
  const c = bags * per;
  const errAt = fault ? r.int(0, 1) : -1;
  const q = errAt === 0 ? bags + 1 : bags;
  const money = errAt === 1 ? q * 3 + 2 : q * 3;
  return {
    problem: `A bakery bakes ${c} cookies before 7 am and packs them ${per} to a bag. Each bag sells for $3. How much does the bakery make if it sells every bag?`,
    steps: [`There are $${c} \\div ${per} = ${q}$ bags.`, `Selling them at $3 each gives ${q} * 3 = $${money}.`, `The bakery makes $${money}.`],
    answer: money, reference: bags * 3, ...(fault ? { errorStep: errAt } : {}),
  };
};

// ---- algebra (MATH style and GSM8K with variables) ----
const linear: Template = (r, fault) => {
  const a = r.int(2, 9);
  const x = r.int(2, 15);
  const b = r.int(1, 30);
  const c = a * x + b;
  const k = c - b;
  const steps = [
    `Subtract ${b} from both sides: $${a}x = ${c} - ${b} = ${k}$.`,
    `Divide both sides by ${a}: $x = \\frac{${k}}{${a}} = ${x}$.`,
    `So the solution is $x = ${x}$, that is $\\boxed{${x}}$.`,
  ];
  let errorStep: number | undefined;
  if (fault === "invalid-transformation") {
    const k2 = c + b;
    if (k2 % a !== 0) return undefined;
    steps[0] = `Subtract ${b} from both sides: $${a}x = ${c} + ${b} = ${k2}$.`;
    steps[1] = `Divide both sides by ${a}: $x = \\frac{${k2}}{${a}} = ${k2 / a}$.`;
    steps[2] = `So the solution is $x = ${k2 / a}$, that is $\\boxed{${k2 / a}}$.`;
    errorStep = 0;
  } else if (fault === "arithmetic-error") {
    steps[1] = `Divide both sides by ${a}: $x = \\frac{${k}}{${a}} = ${x + 1}$.`;
    steps[2] = `So the solution is $x = ${x + 1}$, that is $\\boxed{${x + 1}}$.`;
    errorStep = 1;
  } else if (fault === "undefined-variable") {
    steps[1] = `Divide both sides by ${a}: $y = \\frac{${k}}{${a}} = ${x}$.`;
    errorStep = 1;
  } else if (fault === "inconsistent-step") {
    steps[2] = `So the solution is $x = ${x + 2}$, that is $\\boxed{${x + 2}}$.`;
    errorStep = 2;
  }
  return { problem: `Solve for $x$: $${a}x + ${b} = ${c}$.`, steps, answer: steps[2]!.slice(steps[2]!.indexOf("\\boxed")).replace(/\$\.$/, ""), reference: x, ...(errorStep !== undefined ? { errorStep } : {}) };
};

const sumDiff: Template = (r, fault) => {
  const m = r.int(5, 40);
  const D = r.int(2, 20);
  const S = 2 * m + D;
  const K = S - D;
  const L = m + D;
  const steps = [
    `Let the smaller number be x, so the larger one is x + ${D}.`,
    `Then x + (x + ${D}) = ${S}, so 2x + ${D} = ${S}.`,
    `So 2x = ${S} - ${D} = ${K}, and x = ${K} / 2 = ${m}.`,
    `Since x = ${m}, the larger number is ${m} + ${D} = ${L}.`,
  ];
  let errorStep: number | undefined;
  if (fault === "invalid-transformation") {
    const K2 = S + D;
    steps[1] = `Then x + (x + ${D}) = ${S}, so 2x = ${S} + ${D}.`;
    steps[2] = `So 2x = ${K2}, and x = ${K2} / 2 = ${K2 / 2}.`;
    steps[3] = `Since x = ${K2 / 2}, the larger number is ${K2 / 2} + ${D} = ${K2 / 2 + D}.`;
    errorStep = 1;
  } else if (fault === "arithmetic-error") {
    steps[2] = `So 2x = ${S} - ${D} = ${K + 2}, and x = ${K + 2} / 2 = ${m + 1}.`;
    steps[3] = `Since x = ${m + 1}, the larger number is ${m + 1} + ${D} = ${L + 1}.`;
    errorStep = 2;
  } else if (fault === "undefined-variable") {
    steps[2] = `So 2y = ${S} - ${D} = ${K}, and y = ${K} / 2 = ${m}.`;
    errorStep = 2;
  } else if (fault === "inconsistent-step") {
    steps[3] = `Since x = ${m + 3}, the larger number is ${m + 3} + ${D} = ${L + 3}.`;
    errorStep = 3;
  }
  const last = steps[3]!.match(/= (\d+)\.$/)![1]!;
  return { problem: `The sum of two numbers is ${S} and their difference is ${D}. What is the larger number?`, steps, answer: last, reference: L, ...(errorStep !== undefined ? { errorStep } : {}) };
};

const quadratic: Template = (r, fault) => {
  if (fault === "undefined-variable") return undefined;
  const r1 = r.int(1, 9);
  let r2 = r.int(1, 9);
  if (r2 === r1) r2 = r1 + 1;
  const s = r1 + r2;
  const p = r1 * r2;
  const steps = [
    `We factor the quadratic: $x^2 - ${s}x + ${p} = (x - ${r1})(x - ${r2})$.`,
    `So $x - ${r1} = 0$ or $x - ${r2} = 0$.`,
    `Hence $x = ${r1}$ or $x = ${r2}$, and the sum of the roots is $${r1} + ${r2} = ${s}$.`,
  ];
  let errorStep: number | undefined;
  if (fault === "invalid-transformation") {
    steps[0] = `We factor the quadratic: $x^2 - ${s}x + ${p} = (x - ${r1})(x + ${r2})$.`;
    steps[1] = `So $x - ${r1} = 0$ or $x + ${r2} = 0$.`;
    steps[2] = `Hence $x = ${r1}$ or $x = -${r2}$, and the sum of the roots is $${r1} + (-${r2}) = ${r1 - r2}$.`;
    errorStep = 0;
  } else if (fault === "arithmetic-error") {
    steps[2] = `Hence $x = ${r1}$ or $x = ${r2}$, and the sum of the roots is $${r1} + ${r2} = ${s + 1}$.`;
    errorStep = 2;
  } else if (fault === "inconsistent-step") {
    steps.push(`Checking the larger root, $x = ${Math.max(r1, r2) + 1}$ gives 0 as it should.`);
    errorStep = 3;
  }
  return { problem: `Find the sum of the roots of $x^2 - ${s}x + ${p} = 0$.`, steps, answer: String(steps[2]!.match(/= (-?\d+)\$\.$/)![1]), reference: s, ...(errorStep !== undefined ? { errorStep } : {}) };
};

const system: Template = (r, fault) => {
  const a = r.int(3, 20);
  const b = r.int(1, a - 1);
  const S = a + b;
  const D = a - b;
  const steps = [
    `Adding the two equations gives $2x = ${S} + ${D} = ${2 * a}$, so $x = ${a}$.`,
    `Substituting into the first equation: $${a} + y = ${S}$, so $y = ${S} - ${a} = ${b}$.`,
    `So $x = ${a}$ and $y = ${b}$, and $xy = ${a} \\cdot ${b} = ${a * b}$.`,
  ];
  let errorStep: number | undefined;
  if (fault === "arithmetic-error") {
    steps[1] = `Substituting into the first equation: $${a} + y = ${S}$, so $y = ${S} - ${a} = ${b + 1}$.`;
    steps[2] = `So $x = ${a}$ and $y = ${b + 1}$, and $xy = ${a} \\cdot ${b + 1} = ${a * (b + 1)}$.`;
    errorStep = 1;
  } else if (fault === "invalid-transformation") {
    steps[0] = `Adding the two equations gives $2x + 2y = ${S} + ${D} = ${2 * a}$.`;
    steps[1] = `From the first equation, $x = ${S} - y$; with $y = ${b}$ this is $x = ${a}$.`;
    errorStep = 0;
  } else if (fault === "undefined-variable") {
    steps[1] = `Substituting into the first equation: $${a} + z = ${S}$, so $z = ${S} - ${a} = ${b}$.`;
    errorStep = 1;
  } else if (fault === "inconsistent-step") {
    steps[2] = `So $x = ${a + 1}$ and $y = ${b}$, and $xy = ${a + 1} \\cdot ${b} = ${(a + 1) * b}$.`;
    errorStep = 2;
  }
  return { problem: `If $x + y = ${S}$ and $x - y = ${D}$, what is $xy$?`, steps, answer: String(steps[2]!.match(/= (-?\d+)\$\.$/)![1]), reference: a * b, ...(errorStep !== undefined ? { errorStep } : {}) };
};

const raise: Template = (r, fault) => {
  if (fault === "invalid-transformation" || fault === "inconsistent-step") return undefined;
  const old = 100 * r.int(20, 60);
  const E = (old * 6) / 5;
  const steps = [`Let s be her salary before the raise. After a 20% raise she earns 1.2s = ${E}.`, `So s = ${E} / 1.2 = ${old}.`, `Her salary before the raise was $${fmt(old)}.`];
  let errorStep: number | undefined;
  if (fault === "arithmetic-error") {
    steps[1] = `So s = ${E} / 1.2 = ${old + 100}.`;
    steps[2] = `Her salary before the raise was $${fmt(old + 100)}.`;
    errorStep = 1;
  } else if (fault === "undefined-variable") {
    steps[1] = `So p = ${E} / 1.2 = ${old}.`;
    errorStep = 1;
  }
  return { problem: `After a 20% raise, Maria earns $${fmt(E)} a month. What was her monthly salary before the raise?`, steps, answer: old + (fault === "arithmetic-error" ? 100 : 0), reference: old, ...(errorStep !== undefined ? { errorStep } : {}) };
};

const TEMPLATES: Record<string, Template> = { clips, eggs, discount, trip, pizza, classFractions, company, ages, garden, average, wages, cookies, linear, sumDiff, quadratic, system, raise };

// ---- structured records ----
interface SOut {
  problem: string;
  given: string[];
  target: string;
  steps: Array<{ action: string; expr: string; vars?: string[] | Record<string, string | number> }>;
  final_answer: string;
  reference_answer: string;
  errorStep?: number;
  /** The label when it is not the fault asked for. */
  label?: Kind;
}

function structuredLinear(r: Rng, fault?: Kind): SOut {
  const a = r.int(2, 9);
  const x = r.int(2, 12);
  const b = r.int(1, 20);
  const c = a * x + b;
  const steps: SOut["steps"] = [
    { action: "transpose", expr: `${a}x = ${c} - ${b}` },
    { action: "compute", expr: `${a}x = ${c - b}` },
    { action: "solve", expr: `x = ${x}` },
    { action: "conclude", expr: `x = ${x}` },
  ];
  let errorStep: number | undefined;
  if (fault === "arithmetic-error") {
    steps[1] = { action: "compute", expr: `${a}x = ${c - b + a}` };
    steps[2] = { action: "solve", expr: `x = ${x + 1}` };
    steps[3] = { action: "conclude", expr: `x = ${x + 1}` };
    errorStep = 1;
  } else if (fault === "invalid-transformation") {
    steps[0] = { action: "transpose", expr: `${a}x = ${c} + ${b}` };
    steps[1] = { action: "compute", expr: `${a}x = ${c + b}` };
    steps[2] = { action: "solve", expr: `x = ${(c + b) / a}` };
    steps[3] = { action: "conclude", expr: `x = ${(c + b) / a}` };
    errorStep = 0;
  } else if (fault === "undefined-variable") {
    steps[2] = { action: "solve", expr: `y = ${x}` };
    errorStep = 2;
  } else if (fault === "inconsistent-step") {
    steps[3] = { action: "conclude", expr: `x = ${x + 3}` };
    errorStep = 3;
  }
  const fin = steps[3]!.expr.split("=")[1]!.trim();
  return { problem: `Solve ${a}x + ${b} = ${c}.`, given: [`${a}x + ${b} = ${c}`], target: "x", steps, final_answer: fin, reference_answer: String(x), ...(errorStep !== undefined ? { errorStep } : {}) };
}

function structuredPythagoras(r: Rng, fault?: Kind): SOut {
  const [a, b, c] = r.pick([[3, 4, 5], [5, 12, 13], [6, 8, 10], [8, 15, 17], [9, 12, 15]] as const);
  const steps: SOut["steps"] = [
    { action: "substitute", expr: `${a}^2 + ${b}^2` },
    { action: "compute", expr: `${a * a} + ${b * b}` },
    { action: "compute", expr: `${c * c}` },
    { action: "conclude", expr: `sqrt(${c * c}) = ${c}` },
  ];
  let errorStep: number | undefined;
  if (fault === "arithmetic-error") {
    steps[2] = { action: "compute", expr: `${c * c + 2}` };
    steps[3] = { action: "conclude", expr: `sqrt(${c * c + 2}) = ${c}` };
    errorStep = 2;
  } else if (fault === "inconsistent-step") {
    steps[0] = { action: "substitute", expr: `${a}^2 + ${b + 1}^2` };
    steps[1] = { action: "compute", expr: `${a * a} + ${(b + 1) ** 2}` };
    steps[2] = { action: "compute", expr: `${a * a + (b + 1) ** 2}` };
    steps[3] = { action: "conclude", expr: `sqrt(${a * a + (b + 1) ** 2})` };
    errorStep = 0;
  } else if (fault === "undefined-variable") {
    steps[0] = { action: "substitute", expr: `${a}^2 + ${b}^2 + d` };
    errorStep = 0;
  } else if (fault === "invalid-transformation") {
    steps[1] = { action: "expand", expr: `${a * a} + ${b * b}` };
    steps[2] = { action: "factor", expr: `${c * c}` };
    errorStep = 2;
  }
  return { problem: `A right triangle has legs a = ${a} and b = ${b}. Find a^2 + b^2 and the hypotenuse.`, given: [`a = ${a}`, `b = ${b}`], target: "a^2 + b^2", steps, final_answer: String(c), reference_answer: String(c), ...(errorStep !== undefined ? { errorStep } : {}) };
}

function structuredExpand(r: Rng, fault?: Kind): SOut {
  const p = r.int(1, 9);
  const q = r.int(1, 9);
  const steps: SOut["steps"] = [
    { action: "expand", expr: `x^2 + ${q}x + ${p}x + ${p * q}` },
    { action: "simplify", expr: `x^2 + ${p + q}x + ${p * q}` },
    { action: "factor", expr: `(x + ${p})(x + ${q})` },
  ];
  let errorStep: number | undefined;
  if (fault === "invalid-transformation") {
    steps[1] = { action: "simplify", expr: `x^2 + ${p * q}x + ${p + q}` };
    errorStep = 1;
  } else if (fault === "arithmetic-error") {
    steps[0] = { action: "expand", expr: `x^2 + ${q}x + ${p}x + ${p * q + 1}` };
    errorStep = 0;
  } else if (fault === "undefined-variable") {
    steps[1] = { action: "simplify", expr: `x^2 + ${p + q}x + ${p * q} + 0w` };
    errorStep = 1;
  } else if (fault === "inconsistent-step") {
    // no earlier value to contradict here: this variant is a step that names an action it does not perform
    steps[2] = { action: "factor", expr: `x^2 + ${p + q}x + ${p * q}` };
    errorStep = 2;
    return { problem: `Expand (x + ${p})(x + ${q}) and factor the result back.`, given: [], target: `(x + ${p})(x + ${q})`, steps, final_answer: steps[2]!.expr, reference_answer: `x^2 + ${p + q}x + ${p * q}`, errorStep, label: "invalid-transformation" };
  }
  return { problem: `Expand (x + ${p})(x + ${q}) and factor the result back.`, given: [], target: `(x + ${p})(x + ${q})`, steps, final_answer: steps[steps.length - 1]!.expr, reference_answer: `x^2 + ${p + q}x + ${p * q}`, ...(errorStep !== undefined ? { errorStep } : {}) };
}

function main(): void {
  const r = new Rng(20240601);
  const natural: object[] = [];
  const names = Object.keys(TEMPLATES);
  let id = 0;
  // 60 clean natural-language solutions, cycling through every template
  for (let i = 0; natural.length < 60; i++) {
    const name = names[i % names.length]!;
    const out = TEMPLATES[name]!(r);
    if (!out) continue;
    natural.push(record(`nl-${++id}-${name}`, out));
  }
  // 60 flawed ones: arithmetic 24, invalid-transformation 12, undefined-variable 12, inconsistent-step 12
  const plan: Array<[Kind, number]> = [["arithmetic-error", 24], ["invalid-transformation", 12], ["undefined-variable", 12], ["inconsistent-step", 12]];
  for (const [kind, count] of plan) {
    let made = 0;
    for (let i = 0; made < count && i < 500; i++) {
      const name = names[(i + made) % names.length]!;
      const out = TEMPLATES[name]!(r, kind);
      if (!out || out.errorStep === undefined) continue;
      natural.push(record(`nl-${++id}-${name}-${kind}`, out, kind));
      made++;
    }
  }
  const structured: object[] = [];
  const sTemplates = { linear: structuredLinear, pythagoras: structuredPythagoras, expand: structuredExpand };
  let sid = 0;
  for (const [name, t] of Object.entries(sTemplates)) {
    for (let i = 0; i < 4; i++) structured.push(srecord(`st-${++sid}-${name}`, t(r)));
    for (const kind of ["arithmetic-error", "invalid-transformation", "undefined-variable", "inconsistent-step"] as Kind[]) {
      structured.push(srecord(`st-${++sid}-${name}-${kind}`, t(r, kind), kind));
    }
  }
  mkdirSync("fixtures/math", { recursive: true });
  const lines = (xs: object[]) => xs.map((x) => JSON.stringify(x)).join("\n") + "\n";
  writeFileSync("fixtures/math/natural.jsonl", lines(natural));
  writeFileSync("fixtures/math/structured.jsonl", lines(structured));
  writeFileSync("fixtures/math/labelled.jsonl", lines([...natural, ...structured]));
  writeFileSync(
    "fixtures/math/invalid.jsonl",
    [
      JSON.stringify({ id: "ok-1", problem: "What is 2 + 3?", steps: ["2 + 3 = 5."], reference_answer: "5" }),
      "{not json",
      JSON.stringify({ id: "bad-steps", problem: "p", steps: [] }),
      JSON.stringify({ id: "bad-step", problem: "p", given: [], target: "x", steps: [{ action: "solve" }] }),
      JSON.stringify({ problem: "no id", steps: ["1 + 1 = 2"] }),
      JSON.stringify({ id: "ok-2", problem: "What is 6 * 7?", steps: ["6 * 7 = 42."], reference_answer: "42" }),
    ].join("\n") + "\n",
  );
  console.log(`natural: ${natural.length}, structured: ${structured.length}`);
}

function record(id: string, out: Out, kind?: Kind): object {
  return {
    id, problem: out.problem, steps: out.steps, final_answer: String(out.answer), reference_answer: String(out.reference),
    _label: kind ? { first_error_step: out.errorStep, label: kind } : { first_error_step: -1 },
  };
}

function srecord(id: string, out: SOut, kind?: Kind): object {
  return {
    id, problem: out.problem, given: out.given, target: out.target, steps: out.steps.map((s, i) => ({ i, ...s, ...(s.vars ? { vars: s.vars } : {}) })),
    final_answer: out.final_answer, reference_answer: out.reference_answer,
    _label: kind ? { first_error_step: out.errorStep, label: out.label ?? kind } : { first_error_step: -1 },
  };
}

main();
