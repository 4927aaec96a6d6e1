/**
 * The registry of cross-event tests, in reporting order. Each entry is the descriptor exported
 * by the test's own file (name, method, estudy2 name and window form, needs, daily and window
 * statistics); the test names, the method names and the set of tests estudy2 computes are read
 * from it. Adding a test = one file exporting a descriptor + one line here.
 * @module
 */
import { bmp, adjustedBmp } from "./bmp.js";
import { bw1980 } from "./bw1980.js";
import { corradoRank } from "./corradoRank.js";
import { corradoZivneyRank } from "./corradoZivneyRank.js";
import { corradoZivneySign } from "./corradoZivneySign.js";
import { crossSectionalT } from "./crossSectionalT.js";
import { grankT, grankZ } from "./grank.js";
import { jackknife } from "./jackknife.js";
import { lamb } from "./lamb.js";
import { adjustedPatell, patell } from "./patell.js";
import { generalizedSign, sign } from "./sign.js";
import { skewnessAdjustedT } from "./skewnessAdjustedT.js";
import { timeSeriesT } from "./timeSeriesT.js";
import { wilcoxon } from "./wilcoxon.js";

/** Every cross-event test, in the order results report them. */
export const CROSS_TESTS = [
  crossSectionalT,
  timeSeriesT,
  bw1980,
  patell,
  adjustedPatell,
  bmp,
  adjustedBmp,
  skewnessAdjustedT,
  jackknife,
  sign,
  generalizedSign,
  corradoRank,
  corradoZivneyRank,
  corradoZivneySign,
  grankT,
  grankZ,
  wilcoxon,
  lamb,
] as const;

/** One of the registered test names. */
export type RegisteredTestName = (typeof CROSS_TESTS)[number]["name"];

/** The test names, in registry order. */
export const REGISTERED_NAMES = CROSS_TESTS.map((d) => d.name) as unknown as readonly [RegisteredTestName, ...RegisteredTestName[]];

/** Tests that estudy2 computes (the others are textbook in both profiles). */
export const ESTUDY2_TESTS: ReadonlySet<RegisteredTestName> = new Set(CROSS_TESTS.filter((d) => "estudy2" in d && d.estudy2 !== undefined).map((d) => d.name));

/** The `method` text of every test. */
export const METHOD_NAMES = Object.fromEntries(CROSS_TESTS.map((d) => [d.name, d.method])) as Record<RegisteredTestName, string>;

/** The descriptor of a test by name. */
export const DESCRIPTORS: ReadonlyMap<RegisteredTestName, (typeof CROSS_TESTS)[number]> = new Map(CROSS_TESTS.map((d) => [d.name, d]));
