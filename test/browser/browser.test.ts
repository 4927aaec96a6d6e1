// The browser example in headless Chromium (Debian chromium + playwright-core): choose the
// fixture CSVs, run the study, count the drawn marks, save a screenshot to test-output/.
// Skips with a notice when chromium or the build (dist/) is missing.
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/shared-data.js";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const missing = [!existsSync(chromium) ? `chromium (${chromium})` : "", !existsSync(join(repoRoot, "dist/index.js")) ? "dist/ (npm run build)" : ""].filter(
  (m) => m !== "",
);
if (missing.length > 0) process.stderr.write(`notice: browser test skipped: ${missing.join(" and ")} not found\n`);

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".csv": "text/csv", ".json": "application/json" };

describe.skipIf(missing.length > 0)("examples/browser in headless Chromium", () => {
  let server: Server;
  let base = "";
  beforeAll(async () => {
    await build({
      entryPoints: [join(repoRoot, "examples/browser/app.js")],
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      alias: { "market-reaction": join(repoRoot, "dist/index.js") },
      outfile: join(repoRoot, "examples/browser/bundle.js"),
      logLevel: "silent",
    });
    server = createServer((req, res) => {
      const path = normalize(join(repoRoot, decodeURIComponent((req.url ?? "/").split("?")[0]!)));
      if (!path.startsWith(repoRoot + sep) || !existsSync(path) || !statSync(path).isFile()) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" }).end(readFileSync(path));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const addr = server.address();
    base = `http://127.0.0.1:${typeof addr === "object" && addr !== null ? addr.port : 0}`;
  });
  afterAll(() => new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve()))));

  it("runs the study from picked files and draws the table and the three charts", async () => {
    const { chromium: launcher } = await import("playwright-core");
    const browser = await launcher.launch({
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1150, height: 900 } });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${base}/examples/browser/index.html`);
      await page.setInputFiles("#prices", join(repoRoot, "fixtures/daily/synthetic-us-index.csv"));
      await page.setInputFiles("#market", join(repoRoot, "fixtures/daily/synthetic-world.csv"));
      await page.setInputFiles("#events", join(repoRoot, "fixtures/events/tariffs-2025.csv"));
      await page.fill("#windows", "0,0; -1,1");
      await page.click("#run");
      await page.waitForSelector("body[data-state]", { timeout: 30_000 });
      const status = await page.textContent("#status");
      expect(await page.getAttribute("body", "data-state"), status ?? "").toBe("done");
      expect(errors).toEqual([]);
      const statements = await page.locator("#table tbody tr").count();
      expect(statements).toBeGreaterThan(10);
      // CAR lines and AR panels: the 8 statements with the largest |CAR| (the default top; those
      // sharing day 0 drawn once), the others listed under the title; one price line
      expect(await page.locator("#car svg g.mark-line.role-mark").count()).toBe(8);
      expect(await page.locator("#ar svg g.mark-rect.role-mark").count()).toBe(8);
      expect(await page.locator("#car svg").textContent()).toContain("Not drawn:");
      expect(await page.locator("#ar svg").textContent()).toContain("more:");
      expect(await page.locator("#timeline svg g.mark-line.role-mark path").count()).toBe(1);
      mkdirSync(join(repoRoot, "test-output"), { recursive: true });
      await page.screenshot({ path: join(repoRoot, "test-output/browser.png"), fullPage: false });
      await page.locator("#car").screenshot({ path: join(repoRoot, "test-output/browser-car.png") });
    } finally {
      await browser.close();
    }
  }, 120_000);
});
