/**
 * Runs the catalogue of bad inputs (catalogue.ts): every case must end in exactly the outcome
 * it names, and no case may end in anything but a value or a MarketReactionError.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { eventStudy, parseEventsCsv, parseEventsJson, parseFactorsCsv, parseSeriesCsv, type Issue, type Study, type Warning } from "market-reaction";
import { readSeriesFileStream, readSeriesFileStreamSync, readSeriesFileSync } from "market-reaction/node";
import { cli } from "../cli/helpers.js";
import { CASES, byCategory, type Case } from "./catalogue.js";
import { describeOutcome, outcome, type Outcome } from "./helpers.js";

const work = mkdtempSync(join(tmpdir(), "mr-catalogue-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(c: Case, index: number): Promise<Outcome<unknown>[]> {
  const input = c.input;
  switch (input.kind) {
    case "series":
      return [await outcome(() => parseSeriesCsv(input.text, input.options))];
    case "factors":
      return [await outcome(() => parseFactorsCsv(input.text, input.options))];
    case "events":
      return [await outcome(() => (input.format === "json" ? parseEventsJson(input.text, input.options) : parseEventsCsv(input.text, input.options)))];
    case "file": {
      const path = join(work, input.name === "" ? `missing-${index}.csv` : `${index}-${input.name}`);
      if (input.name !== "") writeFileSync(path, input.bytes);
      return [
        await outcome(() => readSeriesFileSync(path, input.options)),
        await outcome(() => readSeriesFileStream(path, input.options)),
        await outcome(() => readSeriesFileStreamSync(path, input.options)),
      ];
    }
    case "study":
      return [await outcome(() => eventStudy(input.options()))];
    case "cli": {
      const dir = join(work, `cli-${index}`);
      mkdirSync(dir, { recursive: true });
      for (const [name, text] of Object.entries(input.files)) writeFileSync(join(dir, name), text);
      return [await outcome<CliResult>(() => cli(...input.argv.map((a) => a.replaceAll("{dir}", dir))))];
    }
  }
}

function fileOf(c: Case, e: { message: string; issues: readonly Issue[] }): void {
  const name = c.input.kind === "file" ? (c.input.name === "" ? "missing-" : c.input.name) : "";
  expect(e.message).toContain(name);
  expect(e.issues.length).toBeGreaterThan(0);
  for (const i of e.issues) expect(i.file ?? "").toContain(name);
}

function check(c: Case, o: Outcome<unknown>): void {
  const x = c.expect;
  if (o.kind === "crash") throw new Error(`${c.name}: ${describeOutcome(o)}`);
  if ("error" in x) {
    expect(o.kind, `${c.name}: expected ${x.error}, got ${describeOutcome(o)}`).toBe("error");
    if (o.kind !== "error") return;
    expect(o.error.code, o.error.message).toBe(x.error);
    if (x.message !== undefined) expect(o.error.message).toMatch(x.message);
    if (x.row !== undefined || x.column !== undefined) {
      const hit = o.error.issues.find((i) => (x.row === undefined || i.row === x.row) && (x.column === undefined || i.column === x.column));
      expect(hit, `no issue at row ${x.row}, column ${x.column} in ${JSON.stringify(o.error.issues)}`).toBeDefined();
      if (x.row !== undefined) expect(o.error.message).toContain(`row ${x.row}`);
    }
    if (x.file === true) fileOf(c, o.error);
    if (x.issues !== undefined) expect(o.error.issues).toHaveLength(x.issues);
    return;
  }
  expect(o.kind, `${c.name}: expected a result, got ${describeOutcome(o)}`).toBe("value");
  if (o.kind !== "value") return;
  const v = o.value;
  if ("warning" in x) {
    const warnings = (v as { warnings: readonly Warning[] }).warnings;
    const w = warnings.find((w) => w.code === x.warning);
    expect(w, `no ${x.warning} among ${JSON.stringify(warnings.map((w) => w.code))}`).toBeDefined();
    if (x.message !== undefined) expect(w!.message).toMatch(x.message);
    x.check?.(v);
  } else if ("skip" in x) {
    const s = v as Study;
    const row = s.skipped.find((r) => r.event_id === x.event);
    expect(row, `statement ${x.event} not skipped: ${JSON.stringify(s.skipped)}`).toBeDefined();
    expect(row!.code).toBe(x.skip);
    if (x.reason !== undefined) expect(row!.reason).toMatch(x.reason);
    // the skipped statement has no rows; the others were studied
    expect(s.car.some((r) => r.event_id === x.event)).toBe(false);
    expect(s.car.length).toBeGreaterThan(0);
    x.check?.(s);
  } else if ("exit" in x) {
    const r = v as CliResult;
    expect(r.code, r.stderr).toBe(x.exit);
    if (x.stderr !== undefined) expect(r.stderr).toMatch(x.stderr);
    x.stdout?.(r.stdout);
  } else {
    x.ok(v);
  }
}

describe("catalogue of bad inputs", () => {
  it("has at least 60 cases with unique names", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
    expect(Object.keys(byCategory()).length).toBeGreaterThanOrEqual(15);
  });

  CASES.forEach((c, index) => {
    it(`[${c.category}] ${c.name}`, async () => {
      const outcomes = await run(c, index);
      for (const o of outcomes) check(c, o);
      if (outcomes.length === 2) {
        // the streaming reader and the whole-file reader agree
        const [a, b] = outcomes as [Outcome<unknown>, Outcome<unknown>];
        expect(b.kind).toBe(a.kind);
        if (a.kind === "error" && b.kind === "error") expect(b.error.issues).toEqual(a.error.issues);
        if (a.kind === "value" && b.kind === "value") expect(JSON.stringify(b.value)).toBe(JSON.stringify(a.value));
      }
    });
  });
});
