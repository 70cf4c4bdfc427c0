// Test names of `.each` / `.for` rows, formatted the way vitest formats them: printf-style
// placeholders for array rows (%s %d %i %f %j %o %O %#), `$key` / `$a.b` for object rows.

/** A short, readable rendering of a value for a test name. */
export function display(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "function") return `[Function ${value.name || "anonymous"}]`;
  if (value === null || typeof value !== "object") return String(value);
  try {
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v));
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function formatPrintf(template: string, args: readonly unknown[], index: number): string {
  let next = 0;
  const take = () => args[next++];
  return template.replace(/%([sdifjoO#%$])/g, (whole, code: string) => {
    switch (code) {
      case "%":
        return "%";
      case "#":
        return String(index);
      case "$":
        return String(index + 1);
      case "s":
        return display(take());
      case "d":
      case "i": {
        const v = take();
        return typeof v === "number" ? String(code === "i" ? Math.trunc(v) : v) : "NaN";
      }
      case "f":
        return String(Number(take()));
      case "j":
      case "o":
      case "O":
        return JSON.stringify(take()) ?? "undefined";
      default:
        return whole;
    }
  });
}

function lookup(row: unknown, path: string): unknown {
  let v: unknown = row;
  for (const key of path.split(".")) v = v == null ? undefined : (v as Record<string, unknown>)[key];
  return v;
}

/** The name of row `index` of a `.each`/`.for` table. */
export function formatRowName(template: string, row: unknown, index: number): string {
  if (Array.isArray(row)) return formatPrintf(template, row, index);
  if (row !== null && typeof row === "object") {
    const named = template.replace(/\$([A-Za-z_][\w.]*)/g, (_m, path: string) => display(lookup(row, path)));
    return formatPrintf(named, [row], index);
  }
  return formatPrintf(template, [row], index);
}
