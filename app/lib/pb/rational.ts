/**
 * Exact rational numbers on BigInt (numerator / positive denominator, always reduced).
 * Owns: money arithmetic for the allocation engine, parsing of decimal text ("2081866.72",
 * "400000.0", "1e3") without ever going through a float, exact decimal printing, and rounding
 * to a fixed number of digits for display. Floats only come out of here through toNumber().
 */

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

function bitLength(x: bigint): number {
  if (x < 0n) x = -x;
  return x === 0n ? 0 : x.toString(2).length;
}

const TWO53 = 1n << 53n;

export class Rational {
  /** Numerator (sign carrier). */
  readonly n: bigint;
  /** Denominator, always > 0; gcd(n, d) = 1. */
  readonly d: bigint;

  private constructor(n: bigint, d: bigint) {
    this.n = n;
    this.d = d;
  }

  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  /** n / d, reduced. Throws on a zero denominator. */
  static of(n: bigint | number, d: bigint | number = 1n): Rational {
    let nn = typeof n === "number" ? BigInt(n) : n;
    let dd = typeof d === "number" ? BigInt(d) : d;
    if (dd === 0n) throw new RangeError("Rational with zero denominator");
    if (dd < 0n) {
      nn = -nn;
      dd = -dd;
    }
    if (dd === 1n) return new Rational(nn, 1n);
    const g = gcd(nn, dd);
    return g === 1n ? new Rational(nn, dd) : new Rational(nn / g, dd / g);
  }

  static fromInt(n: number | bigint): Rational {
    return new Rational(typeof n === "number" ? BigInt(n) : n, 1n);
  }

  /**
   * Parses a decimal literal exactly: optional sign, digits, optional fraction, optional
   * exponent. Returns null when the text is not such a literal (no NaN, no "1,5", no "0x10").
   */
  static parseDecimal(text: string): Rational | null {
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
    if (!m) return null;
    const intPart = m[2] ?? "";
    const fracPart = m[3] ?? "";
    if (intPart === "" && fracPart === "") return null;
    const exp = m[4] === undefined ? 0 : Number(m[4]);
    if (!Number.isSafeInteger(exp) || Math.abs(exp) > 1000) return null;
    let num = BigInt((intPart + fracPart) || "0");
    if (m[1] === "-") num = -num;
    const scale = exp - fracPart.length;
    return scale >= 0 ? Rational.of(num * 10n ** BigInt(scale), 1n) : Rational.of(num, 10n ** BigInt(-scale));
  }

  /** Parses "a/b" or a decimal literal. */
  static parse(text: string): Rational | null {
    const slash = text.indexOf("/");
    if (slash < 0) return Rational.parseDecimal(text);
    const a = /^\s*([+-]?\d+)\s*$/.exec(text.slice(0, slash));
    const b = /^\s*(\d+)\s*$/.exec(text.slice(slash + 1));
    if (!a || !b || BigInt(b[1]!) === 0n) return null;
    return Rational.of(BigInt(a[1]!), BigInt(b[1]!));
  }

  add(o: Rational): Rational {
    if (this.d === o.d) return Rational.of(this.n + o.n, this.d);
    return Rational.of(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  sub(o: Rational): Rational {
    if (this.d === o.d) return Rational.of(this.n - o.n, this.d);
    return Rational.of(this.n * o.d - o.n * this.d, this.d * o.d);
  }
  mul(o: Rational): Rational {
    return Rational.of(this.n * o.n, this.d * o.d);
  }
  div(o: Rational): Rational {
    if (o.n === 0n) throw new RangeError("Rational division by zero");
    return Rational.of(this.n * o.d, this.d * o.n);
  }
  mulInt(k: bigint | number): Rational {
    return Rational.of(this.n * (typeof k === "number" ? BigInt(k) : k), this.d);
  }
  divInt(k: bigint | number): Rational {
    return Rational.of(this.n, this.d * (typeof k === "number" ? BigInt(k) : k));
  }
  neg(): Rational {
    return new Rational(-this.n, this.d);
  }

  cmp(o: Rational): -1 | 0 | 1 {
    const l = this.n * o.d;
    const r = o.n * this.d;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  eq(o: Rational): boolean {
    return this.n === o.n && this.d === o.d;
  }
  lt(o: Rational): boolean {
    return this.cmp(o) < 0;
  }
  le(o: Rational): boolean {
    return this.cmp(o) <= 0;
  }
  gt(o: Rational): boolean {
    return this.cmp(o) > 0;
  }
  ge(o: Rational): boolean {
    return this.cmp(o) >= 0;
  }
  sign(): -1 | 0 | 1 {
    return this.n < 0n ? -1 : this.n > 0n ? 1 : 0;
  }
  isZero(): boolean {
    return this.n === 0n;
  }
  isInteger(): boolean {
    return this.d === 1n;
  }
  static min(a: Rational, b: Rational): Rational {
    return a.le(b) ? a : b;
  }
  static max(a: Rational, b: Rational): Rational {
    return a.ge(b) ? a : b;
  }

  /** Nearest double (correct to about 1 ulp, also for huge numerators and denominators). */
  toNumber(): number {
    const { n, d } = this;
    const an = n < 0n ? -n : n;
    if (an < TWO53 && d < TWO53) return Number(n) / Number(d);
    const shift = bitLength(d) - bitLength(an) + 64;
    if (shift > 0) return Number((n << BigInt(shift)) / d) * Math.pow(2, -shift);
    return Number(n / (d << BigInt(-shift))) * Math.pow(2, -shift);
  }

  /** True when the value has a finite decimal expansion (denominator 2^a·5^b). */
  isDecimal(): boolean {
    let d = this.d;
    while (d % 2n === 0n) d /= 2n;
    while (d % 5n === 0n) d /= 5n;
    return d === 1n;
  }

  /**
   * Exact decimal text, shortest form ("400000", "2081866.72", "-0.5"). Values without a
   * finite decimal expansion are printed as a fraction "a/b".
   */
  toString(): string {
    if (this.d === 1n) return this.n.toString();
    if (!this.isDecimal()) return `${this.n}/${this.d}`;
    let digits = 0;
    let p = 1n;
    while ((this.n * p) % this.d !== 0n) {
      p *= 10n;
      digits++;
    }
    return this.toFixed(digits);
  }

  /** "a/b" (or "a" when integer). */
  toFraction(): string {
    return this.d === 1n ? this.n.toString() : `${this.n}/${this.d}`;
  }

  /** Decimal text rounded half away from zero to `digits` fraction digits. */
  toFixed(digits: number): string {
    const scale = 10n ** BigInt(digits);
    const neg = this.n < 0n;
    const an = neg ? -this.n : this.n;
    const scaled = an * scale;
    let q = scaled / this.d;
    if ((scaled % this.d) * 2n >= this.d) q += 1n;
    let s = q.toString();
    if (digits > 0) {
      s = s.padStart(digits + 1, "0");
      s = `${s.slice(0, s.length - digits)}.${s.slice(s.length - digits)}`;
    }
    return (neg && q !== 0n ? "-" : "") + s;
  }

  toJSON(): string {
    return this.toString();
  }
}

/** Sum of a list of rationals (exact). */
export function sumRationals(xs: Iterable<Rational>): Rational {
  let acc = Rational.ZERO;
  for (const x of xs) acc = acc.add(x);
  return acc;
}
