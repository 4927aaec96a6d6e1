/**
 * A small seeded pseudo-random number generator for simulations, placebo inference and
 * notebooks. Library code never uses the engine's unseeded generator (results must be reproducible); anything random takes
 * one of these generators, or its `next` function, explicitly.
 *
 * ## Method
 * - Core: xoshiro128** 1.1 (Blackman & Vigna 2018): 128 bits of state in four 32-bit words,
 *   period 2^128 − 1, one 32-bit output per step. Every step uses only 32-bit integer
 *   operations (`Math.imul`, shifts, `>>> 0`), so the stream is the same on every platform.
 * - Seeding: the seed is read as a 64-bit two's-complement integer and fed to SplitMix64
 *   (Steele, Lea & Flood 2014), as the xoshiro authors recommend; its first two 64-bit outputs
 *   give the four state words (low word first). SplitMix64's 64-bit arithmetic is carried
 *   out on pairs of 32-bit words.
 * - `next()`: 53 random bits `(a >>> 5) · 2^26 + (b >>> 6)` from two outputs, divided by
 *   2^53: an exact multiple of 2^-53 in [0, 1).
 * - `int(n)`: unbiased, by rejection: a 32-bit output x is accepted when
 *   x < 2^32 − (2^32 mod n) and mapped to x mod n (53-bit draws for n > 2^32).
 * - `normal()`: Marsaglia's polar method, which yields two normals per accepted pair; the
 *   second is kept for the next call. The logarithm is computed here from IEEE basic
 *   operations only (exact binary argument reduction plus the atanh series), and `Math.sqrt`
 *   is correctly rounded by IEEE 754, so normal draws are also bit-identical across engines
 *   (engines' `Math.log` may differ in the last bit).
 *
 * ## References
 * - D. Blackman, S. Vigna (2021), "Scrambled linear pseudorandom number generators",
 *   ACM Transactions on Mathematical Software 47(4); https://prng.di.unimi.it/
 * - G. L. Steele, D. Lea, C. H. Flood (2014), "Fast splittable pseudorandom number
 *   generators", OOPSLA 2014.
 * - G. Marsaglia, T. A. Bray (1964), "A convenient method for generating normal variables",
 *   SIAM Review 6(3).
 *
 * @module
 */
import { invalidOption } from "../errors.js";

/** A seeded generator; its methods are plain functions (no `this`), safe to pass around. */
export interface Random {
  /** A uniform double in [0, 1) with 53 random bits. */
  readonly next: () => number;
  /** A uniform integer in [0, 2^32). */
  readonly uint32: () => number;
  /**
   * A uniform integer in [0, n), without modulo bias.
   * @throws MarketReactionError INVALID_OPTION when `n` is not an integer in [1, 2^53].
   */
  readonly int: (n: number) => number;
  /** A standard normal draw (mean 0, standard deviation 1). */
  readonly normal: () => number;
  /**
   * A copy of the current state: the four xoshiro128** words, plus the cached second
   * normal of the polar method when there is one. {@link createRandomFromState} resumes
   * from it.
   */
  readonly state: () => RandomState;
}

/** A snapshot of a {@link Random}'s state. */
export interface RandomState {
  /** The four 32-bit words s0..s3 of xoshiro128**. */
  readonly words: readonly [number, number, number, number];
  /** The second normal of the last polar pair, when not yet returned. */
  readonly spareNormal?: number;
}

const TWO_POW_32 = 4_294_967_296;
const TWO_POW_53 = 9_007_199_254_740_992;

/**
 * Creates a seeded generator (xoshiro128**, seeded through SplitMix64).
 *
 * The same seed gives the same stream on every platform and JavaScript engine.
 *
 * @param seed - any safe integer (negative seeds are read as 64-bit two's complement).
 * @throws MarketReactionError INVALID_OPTION when `seed` is not a safe integer.
 *
 * @example
 * const rng = createRandom(42);
 * rng.next(); // => 0.4137016681565887 (a double in [0, 1))
 * rng.int(6); // => 5 (an integer in 0 … 5)
 * rng.normal(); // => 0.968543537539167 (a standard normal draw)
 * Array.from({ length: 3 }, rng.next).length; // => 3 (methods need no `this`)
 */
export function createRandom(seed: number): Random {
  if (typeof seed !== "number" || !Number.isSafeInteger(seed)) {
    invalidOption("seed", seed, "a safe integer");
  }
  const hi = Math.floor(seed / TWO_POW_32);
  const lo = seed - hi * TWO_POW_32;
  const sm = splitMix64(hi >>> 0, lo >>> 0);
  const a = sm();
  const b = sm();
  return fromWords(a[1], a[0], b[1], b[0], undefined);
}

/**
 * Resumes a generator from a {@link RandomState} taken with `state()`, or starts one from
 * four explicit xoshiro128** words (e.g. to check published test vectors).
 *
 * @throws MarketReactionError INVALID_OPTION when the words are not four 32-bit unsigned
 * integers, or are all zero (the one state xoshiro cannot leave).
 *
 * @example
 * const rng = createRandom(7);
 * const saved = rng.state();
 * const x = rng.next();
 * createRandomFromState(saved).next() === x; // => true
 */
export function createRandomFromState(state: RandomState): Random {
  const w = state.words;
  const ok = Array.isArray(w) && w.length === 4 && w.every((v) => typeof v === "number" && Number.isInteger(v) && v >= 0 && v < TWO_POW_32);
  if (!ok) invalidOption("state.words", w, "four integers in [0, 2^32)");
  if (w[0] === 0 && w[1] === 0 && w[2] === 0 && w[3] === 0) {
    invalidOption("state.words", w, "not all zero");
  }
  return fromWords(w[0], w[1], w[2], w[3], state.spareNormal);
}

/** A SplitMix64 stream on a 64-bit state held as two 32-bit words; outputs [hi, lo]. */
function splitMix64(stateHi: number, stateLo: number): () => [number, number] {
  let sHi = stateHi;
  let sLo = stateLo;
  return () => {
    // state += 0x9E3779B97F4A7C15
    const lo = (sLo + 0x7f4a7c15) >>> 0;
    const carry = lo < sLo ? 1 : 0;
    sHi = (sHi + 0x9e3779b9 + carry) >>> 0;
    sLo = lo;
    let zHi = sHi;
    let zLo = sLo;
    // z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9
    [zHi, zLo] = xorShiftRight(zHi, zLo, 30);
    [zHi, zLo] = mul64(zHi, zLo, 0xbf58476d, 0x1ce4e5b9);
    // z = (z ^ (z >>> 27)) * 0x94D049BB133111EB
    [zHi, zLo] = xorShiftRight(zHi, zLo, 27);
    [zHi, zLo] = mul64(zHi, zLo, 0x94d049bb, 0x133111eb);
    // z ^ (z >>> 31)
    return xorShiftRight(zHi, zLo, 31);
  };
}

/** z ^ (z >>> k) for a 64-bit z = (hi, lo) and 0 < k < 32. */
function xorShiftRight(hi: number, lo: number, k: number): [number, number] {
  const shiftedLo = ((lo >>> k) | (hi << (32 - k))) >>> 0;
  const shiftedHi = hi >>> k;
  return [(hi ^ shiftedHi) >>> 0, (lo ^ shiftedLo) >>> 0];
}

/** The low 64 bits of a 64-bit product, on 32-bit words. */
function mul64(aHi: number, aLo: number, bHi: number, bLo: number): [number, number] {
  const lo = Math.imul(aLo, bLo) >>> 0;
  const hi = (mulHigh32(aLo, bLo) + Math.imul(aLo, bHi) + Math.imul(aHi, bLo)) >>> 0;
  return [hi, lo];
}

/** The high 32 bits of the 64-bit product of two unsigned 32-bit integers. */
function mulHigh32(a: number, b: number): number {
  const a1 = a >>> 16;
  const a0 = a & 0xffff;
  const b1 = b >>> 16;
  const b0 = b & 0xffff;
  // Every partial product is below 2^32 and every sum below 2^34: exact in doubles.
  const p00 = a0 * b0;
  const p01 = a0 * b1;
  const p10 = a1 * b0;
  const p11 = a1 * b1;
  const middle = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  return (p11 + (p01 >>> 16) + (p10 >>> 16) + Math.floor(middle / 65_536)) >>> 0;
}

function fromWords(w0: number, w1: number, w2: number, w3: number, spare: number | undefined): Random {
  let s0 = w0 >>> 0;
  let s1 = w1 >>> 0;
  let s2 = w2 >>> 0;
  let s3 = w3 >>> 0;
  let spareNormal = spare;

  const uint32 = (): number => {
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  };

  const next = (): number => {
    const a = uint32() >>> 5;
    const b = uint32() >>> 6;
    return (a * 67_108_864 + b) / TWO_POW_53;
  };

  const int = (n: number): number => {
    if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > TWO_POW_53) {
      invalidOption("n", n, "an integer from 1 to 2^53");
    }
    if (n <= TWO_POW_32) {
      const limit = TWO_POW_32 - (TWO_POW_32 % n);
      for (;;) {
        const x = uint32();
        if (x < limit) return x % n;
      }
    }
    const limit = TWO_POW_53 - (TWO_POW_53 % n);
    for (;;) {
      const x = next() * TWO_POW_53;
      if (x < limit) return x % n;
    }
  };

  const normal = (): number => {
    if (spareNormal !== undefined) {
      const z = spareNormal;
      spareNormal = undefined;
      return z;
    }
    for (;;) {
      const u = 2 * next() - 1;
      const v = 2 * next() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const factor = Math.sqrt((-2 * portableLog(s)) / s);
        spareNormal = v * factor;
        return u * factor;
      }
    }
  };

  const state = (): RandomState => {
    const words: [number, number, number, number] = [s0 >>> 0, s1 >>> 0, s2 >>> 0, s3 >>> 0];
    return spareNormal === undefined ? { words } : { words, spareNormal };
  };

  return { next, uint32, int, normal, state };
}

// ln 2 split so that k · LN2_HI is exact for |k| < 2^11 (the fdlibm constants).
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.9082149292705877e-10;
const ATANH_TERMS = 14;
const ODD_RECIPROCALS = Array.from({ length: ATANH_TERMS }, (_, j) => 1 / (2 * j + 1));

/**
 * Natural logarithm of a positive finite x from IEEE basic operations only (bit-identical
 * across engines). x = m · 2^k with m in [√2/2, √2] by exact scaling; then
 * ln m = 2 atanh f with f = (m − 1)/(m + 1), |f| ≤ 0.172, summed as a 14-term series
 * (truncation below 1e-22). Accuracy: a few units in the last place.
 *
 * @internal exported for tests only.
 */
export function portableLog(x: number): number {
  if (!(x > 0) || x === Number.POSITIVE_INFINITY) return x === 0 ? Number.NEGATIVE_INFINITY : Number.NaN;
  let m = x;
  let k = 0;
  while (m >= 2) {
    m *= 0.5;
    k += 1;
  }
  while (m < 1) {
    m *= 2;
    k -= 1;
  }
  if (m > Math.SQRT2) {
    m *= 0.5;
    k += 1;
  }
  const f = (m - 1) / (m + 1);
  const f2 = f * f;
  let series = ODD_RECIPROCALS[ATANH_TERMS - 1]!;
  for (let j = ATANH_TERMS - 2; j >= 0; j--) series = series * f2 + ODD_RECIPROCALS[j]!;
  const lnM = 2 * f * series;
  return k * LN2_HI + (lnM + k * LN2_LO);
}
