// Issue 15 item 3: every enumerated option is listed once. The CLI's choices of each option set
// equal the enumeration of the library's schema, the help texts print the same lists, and the
// models the CLI accepts are the registry's presets.
import { describe, expect, it } from "vitest";
import type * as z from "zod";
import { MODEL_PRESETS, modelInputs, modelPreset, parseFactorsCsv, parseSeriesCsv } from "market-reaction";
import { DATE_FORMATS, FACTOR_UNITS } from "../../src/options/enums.js";
import { INTRADAY_CHOICES, STUDY_CHOICES, choiceList } from "../../src/cli/choices.js";
import { INTRADAY_HELP } from "../../src/cli/intraday.js";
import { STUDY_HELP } from "../../src/cli/study.js";
import { modelDescriptor } from "../../src/models/registry.js";
import { intradayStudySchema } from "../../src/options/intraday.js";
import { studySchema } from "../../src/options/study.js";
import { cli } from "../cli/helpers.js";

/** The values of an enum schema, through the optional and readonly wrappers. */
function enumValues(schema: z.ZodType): readonly string[] {
  let s = schema as unknown as { def: { type: string; innerType?: unknown }; options?: readonly string[] };
  while (s.def.innerType !== undefined && s.def.type !== "enum") s = s.def.innerType as typeof s;
  if (s.def.type !== "enum" || s.options === undefined) throw new Error(`not an enum schema: ${s.def.type}`);
  return s.options;
}

/** The shape of an options object schema (through its optional, readonly and union wrappers). */
function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  let s = schema as unknown as { def: { type: string; innerType?: unknown; options?: unknown[] }; shape?: Record<string, z.ZodType> };
  for (;;) {
    if (s.shape !== undefined) return s.shape;
    if (s.def.type === "union") s = s.def.options!.find((o) => (o as { def: { type: string } }).def.type !== "boolean") as typeof s;
    else s = s.def.innerType as typeof s;
  }
}

const study = shapeOf(studySchema);

describe("CLI choices equal the schemas' enumerations", () => {
  it("study options: --return-type, --non-trading, --contamination, --non-synchronous, --same-day0", () => {
    expect(STUDY_CHOICES["return-type"]).toEqual(enumValues(study.returnType!));
    expect(STUDY_CHOICES["non-trading"]).toEqual(enumValues(study.nonTrading!));
    expect(STUDY_CHOICES.contamination).toEqual(enumValues(study.contamination!));
    expect(STUDY_CHOICES["non-synchronous"]).toEqual(enumValues(study.nonSynchronous!));
    expect(STUDY_CHOICES["same-day0"]).toEqual(enumValues(study.sameDay0!));
  });

  it("cross-event options: --conventions and --adjust are crossEvent.conventions and crossEvent.adjust", () => {
    const cross = shapeOf(study.crossEvent!);
    expect(STUDY_CHOICES.conventions).toEqual(enumValues(cross.conventions!));
    expect(STUDY_CHOICES.adjust).toEqual(enumValues(cross.adjust!));
    // the deprecated flat options accept the same values
    expect(enumValues(study.conventions!)).toEqual(enumValues(cross.conventions!));
    expect(enumValues(study.adjust!)).toEqual(enumValues(cross.adjust!));
  });

  it("regression options: --dummies is regression.specification", () => {
    expect(STUDY_CHOICES.dummies).toEqual(enumValues(shapeOf(study.regression!).specification!));
  });

  it("placebo options: --regime is placebo.regime", () => {
    expect(STUDY_CHOICES.regime).toEqual(enumValues(shapeOf(study.placebo!).regime!));
  });

  it("intraday options: --model and --reference", () => {
    const intraday = shapeOf(intradayStudySchema);
    expect(INTRADAY_CHOICES.model).toEqual(enumValues(intraday.model!));
    expect(INTRADAY_CHOICES.reference).toEqual(enumValues(intraday.reference!));
  });

  it("the help texts print each list as the CLI checks it", () => {
    for (const flag of ["return-type", "non-trading", "contamination", "non-synchronous", "same-day0", "conventions", "adjust", "dummies", "regime"] as const) {
      expect(STUDY_HELP, flag).toContain(`--${flag}`);
      expect(STUDY_HELP, flag).toContain(choiceList(STUDY_CHOICES[flag]));
    }
    expect(INTRADAY_HELP).toContain(choiceList(INTRADAY_CHOICES.model));
    expect(INTRADAY_HELP).toContain(choiceList(INTRADAY_CHOICES.reference));
  });

  it("a value outside a list is a usage error naming the list", async () => {
    const base = ["study", "--prices", "fixtures/daily/synthetic-us-index.csv", "--events", "fixtures/events/tariffs-2025.csv"];
    const r = await cli(...base, "--return-type", "pct");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`invalid --return-type: "pct"; expected one of ${STUDY_CHOICES["return-type"].join(", ")}`);
  });
});

describe("parser options: --date-format and --factor-unit", () => {
  it("are the parsers' dateFormat (without auto: the CLI detects when the flag is absent) and unit", () => {
    expect(STUDY_CHOICES["date-format"]).toEqual(DATE_FORMATS.filter((f) => f !== "auto"));
    expect(STUDY_CHOICES["factor-unit"]).toEqual(FACTOR_UNITS);
    const quoted = (values: readonly string[]) => values.map((v) => JSON.stringify(v)).join(", ");
    expect(() => parseFactorsCsv("date,Mkt-RF\n20250401,1\n", { unit: "bp" as never })).toThrow(`invalid unit: "bp"; expected one of ${quoted(FACTOR_UNITS)}`);
    expect(() => parseSeriesCsv("date,close\n2025-04-01,1\n", { dateFormat: "D/M/Y" as never })).toThrow(
      `invalid dateFormat: "D/M/Y"; expected one of ${quoted(DATE_FORMATS)}`,
    );
    expect(STUDY_HELP).toContain(STUDY_CHOICES["date-format"].join(" | ").slice(0, 20));
  });
});

describe("--model reads the model registry", () => {
  it("the help lists every preset of the registry, and factors:COL,COL", () => {
    const help = STUDY_HELP.replace(/\s+\|?\s*/g, " ");
    for (const name of MODEL_PRESETS) expect(help).toMatch(new RegExp(` ${name} `));
    expect(help).toContain("factors:COL,COL");
  });

  it("the data a preset needs is its descriptor's inputs", () => {
    for (const name of MODEL_PRESETS) {
      const { market, factors } = modelDescriptor(modelPreset(name)).inputs;
      expect(modelInputs(name), name).toEqual({ market, factors });
    }
    expect(modelInputs("capm")).toBeUndefined();
  });

  it("the CLI asks for --market or --factors exactly when the model's descriptor needs them", async () => {
    const base = ["study", "--prices", "fixtures/daily/synthetic-us-index.csv", "--events", "fixtures/events/tariffs-2025.csv", "--format", "json"];
    for (const name of ["dimson", "garch-market", "ff5"] as const) {
      const r = await cli(...base, "--model", name);
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toMatch(modelInputs(name)!.factors ? /reads factor returns: give --factors FILE/ : /needs a benchmark: give --market/);
    }
  });
});
