/**
 * Static SVG rendering of Vega-Lite specs in Node, with `vega` and `vega-lite` as optional peer
 * dependencies loaded on first use (install them next to market-reaction to use this).
 * @module
 */
import { MarketReactionError, type VegaLiteSpec } from "market-reaction";

/** Options of {@link renderSvg}. */
export interface RenderSvgOptions {
  /** Scale factor of the SVG's width and height; default 1. */
  readonly scale?: number;
  /** Background colour; default white (a transparent SVG is unreadable on dark viewers). */
  readonly background?: string;
}

interface VegaModule {
  parse(spec: unknown, config?: unknown): unknown;
  View: new (runtime: unknown, options: { renderer: string }) => { toSVG(scale?: number): Promise<string>; finalize(): void };
}
interface VegaLiteModule {
  compile(spec: unknown): { spec: unknown };
}

let loaded: Promise<{ vega: VegaModule; vl: VegaLiteModule }> | undefined;

async function importOptional<T>(name: string): Promise<T> {
  try {
    const mod = (await import(name)) as T & { default?: T };
    return (
      typeof (mod as { parse?: unknown; compile?: unknown }).parse === "function" || typeof (mod as { compile?: unknown }).compile === "function"
        ? mod
        : (mod.default ?? mod)
    ) as T;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") {
      throw new MarketReactionError(
        "MISSING_DEPENDENCY",
        `renderSvg needs the optional peer dependencies vega and vega-lite; install them with: npm install vega vega-lite@"<6.5" (${name} was not found)`,
        [],
        { cause: error },
      );
    }
    throw error;
  }
}

/** Loads vega and vega-lite (throws MISSING_DEPENDENCY when either is absent). */
export async function loadRenderer(): Promise<void> {
  await load();
}

function load(): Promise<{ vega: VegaModule; vl: VegaLiteModule }> {
  loaded ??= (async () => ({ vega: await importOptional<VegaModule>("vega"), vl: await importOptional<VegaLiteModule>("vega-lite") }))();
  loaded.catch(() => {
    loaded = undefined; // a later call (after installing) tries again
  });
  return loaded;
}

/**
 * Renders a Vega-Lite spec (e.g. from `carChart`, `arChart`, `timelineChart`) to SVG text with
 * vega's headless renderer (no browser, no canvas; text widths are estimated).
 *
 * @throws MISSING_DEPENDENCY when `vega` or `vega-lite` is not installed.
 * @throws INVALID_OPTION when vega-lite cannot compile the spec.
 * @example
 * ```ts
 * import { writeFile } from "node:fs/promises";
 * import { dayKeyFromIso, timelineChart } from "market-reaction";
 * import { renderSvg } from "market-reaction/node";
 * const days = Int32Array.from(["2025-04-08", "2025-04-09"], dayKeyFromIso);
 * const svg = await renderSvg(timelineChart({ id: "SPX", kind: "price", days, values: Float64Array.of(4982.77, 5456.9) }, []));
 * await writeFile("spx.svg", svg);
 * svg; // => "<svg xmlns=\"http://www.w3.org/2000/svg\"…"
 * ```
 */
export async function renderSvg(spec: VegaLiteSpec, options: RenderSvgOptions = {}): Promise<string> {
  if (typeof spec !== "object" || spec === null || Array.isArray(spec))
    throw new MarketReactionError(
      "INVALID_OPTION",
      `renderSvg: invalid spec: ${Array.isArray(spec) ? "an array" : String(spec)}; expected a Vega-Lite spec object`,
    );
  if (typeof options !== "object" || options === null) throw new MarketReactionError("INVALID_OPTION", "renderSvg: invalid options; expected an object");
  const scale = options.scale ?? 1;
  if (!(Number.isFinite(scale) && scale > 0))
    throw new MarketReactionError("INVALID_OPTION", `invalid scale: ${String(options.scale)}; expected a positive number`);
  const { vega, vl } = await load();
  let compiled: unknown;
  try {
    compiled = vl.compile({ background: options.background ?? "white", ...spec }).spec;
  } catch (error) {
    throw new MarketReactionError("INVALID_OPTION", `vega-lite cannot compile the spec: ${error instanceof Error ? error.message : String(error)}`, [], {
      cause: error,
    });
  }
  let view: { toSVG: (scale: number) => Promise<string>; finalize: () => void };
  try {
    view = new vega.View(vega.parse(compiled), { renderer: "none" });
  } catch (error) {
    throw new MarketReactionError("INVALID_OPTION", `vega cannot parse the compiled spec: ${error instanceof Error ? error.message : String(error)}`, [], {
      cause: error,
    });
  }
  try {
    return xmlSafe(await view.toSVG(scale));
  } catch (error) {
    throw new MarketReactionError("INVALID_OPTION", `vega cannot render the chart: ${error instanceof Error ? error.message : String(error)}`, [], {
      cause: error,
    });
  } finally {
    view.finalize();
  }
}

/** Characters XML 1.0 does not allow at all (most C0 controls, U+FFFE, U+FFFF, unpaired surrogates). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * The rendered SVG as well-formed XML 1.0: vega escapes `&`, `<`, `>` and quotes in the text it
 * copies from a spec (ids, labels, titles) but not the control characters XML forbids even as
 * references; they become visible `\u{…}` codes, as in every other output.
 */
function xmlSafe(svg: string): string {
  return svg.replace(XML_FORBIDDEN, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}
