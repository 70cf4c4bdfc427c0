// The plot of per-operation cost against the live-set size (churn traces), as a standalone SVG:
// log-log axes, one colour per size range, the model solid and native pymalloc dashed.
import type { Row } from "./report.js";

const W = 640;
const H = 400;
const M = { left: 60, right: 150, top: 20, bottom: 50 };
const COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b"];

interface Series {
  readonly label: string;
  readonly colour: string;
  readonly dashed: boolean;
  readonly points: readonly [number, number][];
}

/** Round numbers (1, 2, 5 × 10^k) between lo and hi, for the y axis. */
function niceTicks(lo: number, hi: number): number[] {
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++)
    for (const m of [1, 2, 5]) {
      const t = m * 10 ** e;
      if (t >= lo && t <= hi) ticks.push(t);
    }
  return ticks;
}

const label = (n: number) =>
  n >= 1e6 ? `${n / 1e6}M` : n >= 1024 && n % 1024 === 0 ? `${n / 1024}K` : String(n);

export function growthPlot(rows: readonly Row[]): string {
  const churn = rows.filter((r) => r.trace === "churn" && r.live > 0);
  const sizes = [...new Set(churn.map((r) => r.sizes))];
  const series: Series[] = sizes.flatMap((s, k) => {
    const mine = churn.filter((r) => r.sizes === s).sort((a, b) => a.live - b.live);
    const colour = COLOURS[k % COLOURS.length] as string;
    const native = mine.filter((r) => r.native_ns_per_op !== null);
    return [
      { label: `model ${s} B`, colour, dashed: false, points: mine.map((r) => [r.live, r.model_ns_per_op]) },
      ...(native.length > 0
        ? [
            {
              label: `native ${s} B`,
              colour,
              dashed: true,
              points: native.map((r) => [r.live, r.native_ns_per_op as number] as [number, number]),
            },
          ]
        : []),
    ];
  });
  const xs = series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = series.flatMap((s) => s.points.map((p) => p[1]));
  if (xs.length === 0) return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="40"></svg>\n`;
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys) / 1.2, Math.max(...ys) * 1.2];
  const px = (x: number) =>
    M.left +
    (x1 === x0 ? 0 : ((Math.log(x) - Math.log(x0)) / (Math.log(x1) - Math.log(x0))) * (W - M.left - M.right));
  const py = (y: number) =>
    H - M.bottom - ((Math.log(y) - Math.log(y0)) / (Math.log(y1) - Math.log(y0))) * (H - M.top - M.bottom);
  const f = (n: number) => n.toFixed(1);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<line x1="${M.left}" y1="${H - M.bottom}" x2="${W - M.right}" y2="${H - M.bottom}" stroke="black"/>`,
    `<line x1="${M.left}" y1="${M.top}" x2="${M.left}" y2="${H - M.bottom}" stroke="black"/>`,
  ];
  for (const x of [...new Set(xs)].sort((a, b) => a - b))
    out.push(`<text x="${f(px(x))}" y="${H - M.bottom + 16}" text-anchor="middle">${label(x)}</text>`);
  for (const y of niceTicks(y0, y1)) {
    out.push(`<line x1="${M.left}" y1="${f(py(y))}" x2="${W - M.right}" y2="${f(py(y))}" stroke="#ddd"/>`);
    out.push(`<text x="${M.left - 6}" y="${f(py(y) + 4)}" text-anchor="end">${y}</text>`);
  }
  out.push(
    `<text x="${(M.left + W - M.right) / 2}" y="${H - 12}" text-anchor="middle">live blocks (churn trace)</text>`,
    `<text x="16" y="${(M.top + H - M.bottom) / 2}" text-anchor="middle" transform="rotate(-90 16 ${(M.top + H - M.bottom) / 2})">ns per operation</text>`,
  );
  series.forEach((s, k) => {
    const path = s.points.map(([x, y]) => `${f(px(x))},${f(py(y))}`).join(" ");
    const dash = s.dashed ? ' stroke-dasharray="6 4"' : "";
    out.push(`<polyline points="${path}" fill="none" stroke="${s.colour}" stroke-width="2"${dash}/>`);
    for (const [x, y] of s.points)
      out.push(`<circle cx="${f(px(x))}" cy="${f(py(y))}" r="3" fill="${s.colour}"/>`);
    const ly = M.top + 10 + k * 18;
    out.push(
      `<line x1="${W - M.right + 10}" y1="${ly}" x2="${W - M.right + 34}" y2="${ly}" stroke="${s.colour}" stroke-width="2"${dash}/>`,
      `<text x="${W - M.right + 40}" y="${ly + 4}">${s.label}</text>`,
    );
  });
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}
