/**
 * Pixel comparison of two PNG images in headless Chromium (decoded by the browser's canvas, so
 * no image library is needed): the number of pixels whose largest channel difference exceeds
 * `threshold` (0–255).
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { CHROMIUM_FLAGS, chromiumPath } from "../../src/node/index.js";

export const hasChromium = existsSync(chromiumPath());

/**
 * Whether the face the reference images were drawn in is installed: renderPng draws text in
 * Liberation Sans (or Arial) where there is one; with another face every glyph differs a little
 * and the comparison says nothing about the chart (Debian: apt-get install fonts-liberation).
 */
export const hasReferenceFont = ((): boolean => {
  try {
    return /Liberation Sans|Arial/.test(execFileSync("fc-match", ["Liberation Sans"], { encoding: "utf8" }));
  } catch {
    return false; // no fontconfig: the face cannot be looked up
  }
})();

export interface PixelDiff {
  readonly width: number;
  readonly height: number;
  readonly referenceWidth: number;
  readonly referenceHeight: number;
  /** Pixels that differ by more than the threshold (all pixels when the sizes differ). */
  readonly differing: number;
}

/** Runs in the page (browser globals): decodes both images and counts the differing pixels. */
const IN_PAGE = `async ({ a, b, t }) => {
  const load = (src) => new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error("cannot decode PNG"));
    img.src = src;
  });
  const [ia, ib] = await Promise.all([load(a), load(b)]);
  const pixels = (img) => {
    const c = document.createElement("canvas");
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext("2d");
    g.drawImage(img, 0, 0);
    return g.getImageData(0, 0, img.width, img.height).data;
  };
  const size = { width: ia.width, height: ia.height, referenceWidth: ib.width, referenceHeight: ib.height };
  if (ia.width !== ib.width || ia.height !== ib.height) return { ...size, differing: ia.width * ia.height };
  const pa = pixels(ia);
  const pb = pixels(ib);
  let differing = 0;
  for (let i = 0; i < pa.length; i += 4) {
    const d = Math.max(Math.abs(pa[i] - pb[i]), Math.abs(pa[i + 1] - pb[i + 1]), Math.abs(pa[i + 2] - pb[i + 2]));
    if (d > t) differing++;
  }
  return { ...size, differing };
}`;

export async function comparePng(actual: Uint8Array, reference: Uint8Array, threshold = 48): Promise<PixelDiff> {
  const { chromium } = await import("playwright-core");
  const profile = await mkdtemp(join(tmpdir(), "market-reaction-visual-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_FLAGS] });
  try {
    const page = await context.newPage();
    const url = (b: Uint8Array): string => `data:image/png;base64,${Buffer.from(b).toString("base64")}`;
    const args = JSON.stringify({ a: url(actual), b: url(reference), t: threshold });
    return (await page.evaluate(`(${IN_PAGE})(${args})`)) as PixelDiff;
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}
