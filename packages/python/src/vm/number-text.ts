/*
 * Numbers as CPython writes and computes them where JavaScript's own functions differ: decimal
 * text rounded half to even on a float's exact binary value (C's printf, where toFixed and
 * toPrecision round ties up), float floor division and modulo (Objects/floatobject.c,
 * float_rem and _float_div_mod), comparisons of ints with floats made exactly (float_richcompare),
 * and powers only where the result is exact (C's pow() and JavaScript's may differ in the last bit).
 */

/** [mantissa, exponent] with |x| = mantissa · 2^exponent exactly (x finite). */
export function exactBinary(x: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  return biased === 0 ? [fraction, -1074] : [fraction | (1n << 52n), biased - 1075];
}

/**
 * x with `digits` digits after the point, as C's printf "%.*f" writes it (Python's 'f'): rounded
 * half to even on x's exact binary value (JavaScript's toFixed rounds ties up and turns to
 * exponent form from 1e21), a minus sign kept on -0.0, "inf" and "nan" for the rest.
 */
export function fixedText(x: number, digits: number): string {
  if (Number.isNaN(x)) return "nan";
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  if (!Number.isFinite(x)) return `${sign}inf`;
  const [mantissa, exponent] = exactBinary(x);
  let numerator = mantissa * 10n ** BigInt(digits);
  let denominator = 1n;
  if (exponent >= 0) numerator <<= BigInt(exponent);
  else denominator <<= BigInt(-exponent);
  let q = numerator / denominator;
  const twice = 2n * (numerator % denominator);
  if (twice > denominator || (twice === denominator && q % 2n === 1n)) q += 1n;
  const text = q.toString().padStart(digits + 1, "0");
  return sign + (digits > 0 ? `${text.slice(0, -digits)}.${text.slice(-digits)}` : text);
}

/** |x| rounded to `digits` significant decimal digits: [digits as an integer, exponent of the first]. */
function significant(x: number, digits: number): [bigint, number] {
  const [mantissa, exponent] = exactBinary(x);
  // x = num / den exactly
  let num = mantissa;
  let den = 1n;
  if (exponent >= 0) num <<= BigInt(exponent);
  else den <<= BigInt(-exponent);
  let e = Math.floor(Math.log10(Math.abs(x)));
  // make 10^e <= x < 10^(e+1) exact (log10 may be off by one)
  const atLeast = (k: number) => (k >= 0 ? num >= den * 10n ** BigInt(k) : num * 10n ** BigInt(-k) >= den);
  while (!atLeast(e)) e--;
  while (atLeast(e + 1)) e++;
  const shift = digits - 1 - e;
  const [n, d] = shift >= 0 ? [num * 10n ** BigInt(shift), den] : [num, den * 10n ** BigInt(-shift)];
  let q = n / d;
  const twice = 2n * (n % d);
  if (twice > d || (twice === d && q % 2n === 1n)) q += 1n;
  if (q === 10n ** BigInt(digits)) return [q / 10n, e + 1];
  return [q, e];
}

/**
 * C's "%.{precision}g" (Python 2's str() of a float is "%.12g" with ".0" added to an integral
 * result: PyOS_double_to_string, Py_DTSF_ADD_DOT_0): trailing zeros dropped, exponent form below
 * 1e-4 and from 10^precision, with at least two exponent digits.
 */
export function generalText(x: number, precision: number, addDotZero = false): string {
  if (Number.isNaN(x)) return "nan";
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  if (!Number.isFinite(x)) return `${sign}inf`;
  if (x === 0) return `${sign}0${addDotZero ? ".0" : ""}`;
  const [q, e] = significant(x, precision);
  const digits = q.toString().replace(/0+$/, "") || "0";
  let text: string;
  if (e < -4 || e >= precision) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    text = `${mantissa}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  } else if (e >= 0) {
    const whole = digits.padEnd(e + 1, "0");
    const rest = digits.slice(e + 1);
    text = rest ? `${whole.slice(0, e + 1)}.${rest}` : addDotZero ? `${whole}.0` : whole;
  } else text = `0.${"0".repeat(-e - 1)}${digits}`;
  return sign + text;
}

/** Python's float x % y: the result has y's sign, a zero too (float_rem). */
export function floatMod(x: number, y: number): number {
  const m = x % y; // C's fmod
  if (m !== 0) return y < 0 !== m < 0 ? m + y : m;
  return y < 0 ? -0 : 0;
}

/** Python's float x // y (_float_div_mod): floor of the exact quotient, not of x / y rounded. */
export function floatFloorDiv(x: number, y: number): number {
  // C's `if (mod)` and `if (div)` take a NaN as true: compare with 0 instead
  const mod = x % y;
  let div = (x - mod) / y;
  if (mod !== 0 && y < 0 !== mod < 0) div -= 1;
  if (div === 0) return Math.sign(1 / (x / y)) < 0 ? -0 : 0; // copysign(0.0, x / y): -0.0 counts
  const floor = Math.floor(div);
  return div - floor > 0.5 ? floor + 1 : floor;
}

/** The sign of i - f compared exactly (NaN when f is a NaN: no order). */
export function compareIntFloat(i: bigint, f: number): number {
  if (Number.isNaN(f)) return Number.NaN;
  if (!Number.isFinite(f)) return f > 0 ? -1 : 1;
  const floor = Math.floor(f);
  const whole = BigInt(floor);
  if (i !== whole) return i < whole ? -1 : 1;
  return f > floor ? -1 : 0;
}

/**
 * x ** n for an integral n, when the result is exactly a double (then C's pow() returns it):
 * undefined otherwise, for the caller to refuse.
 */
export function exactPower(x: number, n: number): number | undefined {
  if (!Number.isFinite(x) || !Number.isInteger(n) || Math.abs(n) > 2000) return undefined;
  if (n === 0 || x === 1) return 1;
  if (x === 0) return n > 0 ? x ** n : undefined;
  const [mantissa, exponent] = exactBinary(x);
  // strip the mantissa's factors of two into the exponent: x = odd · 2^e
  let odd = mantissa;
  let e = exponent;
  while ((odd & 1n) === 0n) {
    odd >>= 1n;
    e++;
  }
  if (n < 0 && odd !== 1n) return undefined;
  const oddPower = odd ** BigInt(Math.abs(n));
  const e2 = e * n;
  if (oddPower >= 1n << 53n || e2 < -1022 || e2 + oddPower.toString(2).length > 1024) return undefined;
  const magnitude = Number(oddPower) * 2 ** e2;
  return x < 0 && n % 2 !== 0 ? -magnitude : magnitude;
}
