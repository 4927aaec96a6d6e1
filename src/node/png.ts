/**
 * PNG rendering of Vega-Lite specs: the SVG of `renderSvg`, rasterized by a headless Chromium
 * driven through `playwright-core` (optional: install it, and have Chromium on the machine).
 * @module
 */
import { existsSync } from "node:fs";
import { MarketReactionError, type VegaLiteSpec } from "market-reaction";
import { loadRenderer, renderSvg } from "./render.js";

/** The faces a PNG's text is drawn in, first found first: Arial and its metric twins, then the default. */
const PNG_FONTS = `"Liberation Sans",Arial,Helvetica,"Nimbus Sans",sans-serif`;

/** Options of {@link renderPng}. */
export interface RenderPngOptions {
  /** Device pixels per CSS pixel; default 2 (sharp in print). */
  readonly scale?: number;
  /** Background colour; default white. */
  readonly background?: string;
  /** The Chromium executable; default `$CHROMIUM_PATH`, else `/usr/bin/chromium`. */
  readonly executablePath?: string;
}

/**
 * The launch flags of the headless browser: no sandbox, GPU or background network traffic
 * (a fresh profile directory is added per launch).
 *
 * @example
 * CHROMIUM_FLAGS.includes("--headless"); // => true
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

interface BrowserContext {
  newPage(): Promise<{
    setContent(html: string): Promise<void>;
    locator(selector: string): { first(): { screenshot(options: { type: "png" }): Promise<Uint8Array> } };
  }>;
  close(): Promise<void>;
}
interface Chromium {
  launchPersistentContext(
    userDataDir: string,
    options: { executablePath: string; args: string[]; headless: boolean; deviceScaleFactor: number },
  ): Promise<BrowserContext>;
}

/**
 * The Chromium executable that {@link renderPng} would use: `executablePath`, else
 * `$CHROMIUM_PATH`, else `/usr/bin/chromium`.
 *
 * @example
 * chromiumPath("/opt/chromium/chrome"); // => "/opt/chromium/chrome"
 */
export function chromiumPath(executablePath?: string): string {
  return executablePath ?? process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
}

async function loadChromium(executablePath: string): Promise<Chromium> {
  let mod: { chromium?: Chromium; default?: { chromium?: Chromium } };
  try {
    mod = (await import("playwright-core")) as typeof mod;
  } catch (error) {
    throw new MarketReactionError(
      "MISSING_DEPENDENCY",
      "PNG output needs the optional package playwright-core and a Chromium browser: npm install playwright-core, and install chromium (e.g. apt-get install chromium)",
      [],
      { cause: error },
    );
  }
  if (!existsSync(executablePath)) {
    throw new MarketReactionError(
      "MISSING_DEPENDENCY",
      `PNG output needs a Chromium browser at ${executablePath} (set CHROMIUM_PATH, or install chromium); SVG output does not`,
    );
  }
  const chromium = mod.chromium ?? mod.default?.chromium;
  if (chromium === undefined) throw new MarketReactionError("MISSING_DEPENDENCY", "playwright-core does not export chromium");
  return chromium;
}

/**
 * Checks that the optional packages of a chart format are installed (vega and vega-lite; for
 * PNG also playwright-core and a Chromium executable), so a command can fail before it works.
 *
 * @throws MISSING_DEPENDENCY naming what to install.
 * @example
 * ```ts
 * await checkRenderer("svg"); // resolves: vega and vega-lite are installed
 * ```
 */
export async function checkRenderer(format: "svg" | "png", executablePath?: string): Promise<void> {
  await loadRenderer();
  if (format === "png") await loadChromium(chromiumPath(executablePath));
}

/**
 * Renders a Vega-Lite spec to PNG bytes: `renderSvg`, then a screenshot of the SVG in headless
 * Chromium at `scale` device pixels per pixel.
 *
 * @throws MISSING_DEPENDENCY without vega, vega-lite, playwright-core or Chromium.
 * @example
 * ```ts
 * import { existsSync } from "node:fs";
 * import { dayKeyFromIso, timelineChart } from "market-reaction";
 * const days = Int32Array.from(["2025-04-08", "2025-04-09"], dayKeyFromIso);
 * const spec = timelineChart({ id: "SPX", kind: "price", days, values: Float64Array.of(4982.77, 5456.9) }, []);
 * // (without Chromium on this machine the example only shows what a PNG starts with)
 * const png = existsSync(chromiumPath()) ? await renderPng(spec, { scale: 1 }) : Uint8Array.of(0x89, 0x50, 0x4e, 0x47);
 * png.slice(0, 4); // => Uint8Array [137, 80, 78, 71]
 * ```
 */
export async function renderPng(spec: VegaLiteSpec, options: RenderPngOptions = {}): Promise<Uint8Array> {
  if (typeof spec !== "object" || spec === null) throw new MarketReactionError("INVALID_OPTION", "invalid renderPng: spec; expected a Vega-Lite spec object");
  if (typeof options !== "object" || options === null)
    throw new MarketReactionError("INVALID_OPTION", "invalid renderPng: options; expected an options object");
  const scale = options.scale ?? 2;
  if (!(Number.isFinite(scale) && scale > 0))
    throw new MarketReactionError("INVALID_OPTION", `invalid scale: ${String(options.scale)}; expected a positive number`);
  const svg = await renderSvg(spec, options.background === undefined ? {} : { background: options.background });
  const chromium = await loadChromium(chromiumPath(options.executablePath));
  const { mkdtemp, rm } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const profile = await mkdtemp(join(tmpdir(), "market-reaction-chromium-"));
  // a fresh profile directory (the --user-data-dir of the browser) for every rendering
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(options.executablePath),
    headless: true,
    args: [...CHROMIUM_FLAGS],
    deviceScaleFactor: scale,
  });
  try {
    const page = await browser.newPage();
    // the chart's text in an Arial-metric face where one is installed (Liberation Sans on Linux),
    // as most browsers draw "sans-serif": the same PNG on every machine that has one, whatever
    // its own default sans-serif (a CSS rule overrides the SVG's font-family attributes)
    const style = `<style>svg text{font-family:${PNG_FONTS}}</style>`;
    await page.setContent(`<!doctype html><html><head>${style}</head><body style="margin:0;background:${options.background ?? "white"}">${svg}</body></html>`);
    const bytes = await page.locator("svg").first().screenshot({ type: "png" });
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength).slice();
  } finally {
    await browser.close();
    await rm(profile, { recursive: true, force: true });
  }
}
