import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { arChart, carChart, timelineChart, type VegaLiteSpec } from "../../src/index.js";
import { renderPng } from "../../src/node/index.js";
import { pick, sectors, study, study2, studyAll, studyFileNamed, us } from "./helpers.js";
import { comparePng, hasChromium, hasReferenceFont } from "./visual.js";

// Each chart type rendered to PNG in headless Chromium and compared with its reference image in
// docs/img. Tolerance: at most 0.5% of the pixels may differ by more than 48 of 255 in a
// channel (anti-aliasing and font hinting), and the size must be identical. A layout change
// (a label moved, a path missing, a legend cut) changes far more pixels than that.
// The references are drawn in Liberation Sans (renderPng's first choice; Debian: fonts-liberation):
// without it the tests are skipped with a warning, since every glyph would differ a little.
// Regenerate after a deliberate change with UPDATE_IMAGES=1, and look at the images.
const TOLERANCE = 0.005;

if (!hasChromium) console.warn("visual chart tests skipped: no Chromium (apt-get install chromium, or set CHROMIUM_PATH)");
else if (!hasReferenceFont) console.warn("visual chart tests skipped: no Liberation Sans, the face of the reference images (apt-get install fonts-liberation)");

const CHARTS: readonly (readonly [string, () => VegaLiteSpec])[] = [
  ["chart-car", () => carChart(study, { names: { "synthetic-us-index": "US index (synthetic)" } })],
  ["chart-car-assets", () => carChart(study2)],
  ["chart-ar", () => arChart(study)],
  ["chart-ar-top", () => arChart(studyAll, { names: { [us.id]: "US index (synthetic)" } })],
  ["chart-car-file-names", () => carChart(studyFileNamed)],
  ["chart-timeline", () => timelineChart(us, pick("E10", "E11", "E12", "E13", "E17", "E22", "E27", "E34"), { names: { [us.id]: "US index (synthetic)" } })],
  ["chart-timeline-assets", () => timelineChart(sectors, pick("E10", "E17", "E34"), { sharedScale: true })],
];

describe.skipIf(!hasChromium || !hasReferenceFont)("charts look like their reference images (headless Chromium)", () => {
  for (const [name, make] of CHARTS) {
    it(`${name} matches docs/img/${name}.png`, async () => {
      const png = await renderPng(make(), { scale: 1 });
      const path = `docs/img/${name}.png`;
      if (process.env["UPDATE_IMAGES"] === "1") writeFileSync(path, png);
      expect(existsSync(path), `${path} is missing: run with UPDATE_IMAGES=1 and look at it`).toBe(true);
      const diff = await comparePng(png, readFileSync(path));
      expect([diff.width, diff.height]).toEqual([diff.referenceWidth, diff.referenceHeight]);
      expect(diff.differing / (diff.width * diff.height)).toBeLessThanOrEqual(TOLERANCE);
    }, 60_000);
  }

  it("notices a changed chart (the comparison can fail)", async () => {
    const a = await renderPng(carChart(study), { scale: 1 });
    const b = await renderPng(carChart(study, { level: 0.5 }), { scale: 1 }); // narrower bands, same size
    const diff = await comparePng(a, b);
    expect(diff.differing / (diff.width * diff.height)).toBeGreaterThan(TOLERANCE);
  }, 60_000);
});
