/**
 * Issue 17, class 6 (CLI): every file path a command takes — inputs, `--out`, `--plot` — and
 * standard output end, on a file-system problem, in one line `market-reaction: IO_ERROR: …`
 * naming the path, exit 1: never "internal error", never a stack. The table is built from the
 * commands' own definitions: every command of the CLI, every string flag of its option spec
 * whose help text shows FILE as its value; a new command or path flag is in the table by itself.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ALIGN_HELP, ALIGN_OPTIONS } from "../../src/cli/align.js";
import { CALENDAR_HELP, CALENDAR_OPTIONS } from "../../src/cli/calendar.js";
import type { CliIO } from "../../src/cli/context.js";
import { DEMO_HELP } from "../../src/cli/demo.js";
import { writeChunksFile, writeTextFile } from "../../src/cli/files.js";
import { INTRADAY_HELP, INTRADAY_OPTIONS } from "../../src/cli/intraday.js";
import { COMMAND_NAMES, runCli } from "../../src/cli/main.js";
import { MERGE_HELP, MERGE_OPTIONS } from "../../src/cli/merge.js";
import { STUDY_HELP } from "../../src/cli/study.js";
import { parseEventsCsv, parseSeriesCsv, studyPartToJSONText, studyShard } from "../../src/index.js";
import { STUDY_OPTIONS } from "../../src/cli/studyFlags.js";

const EVENTS = "fixtures/events/tariffs-2025.csv";
const US = "fixtures/daily/synthetic-us-index.csv";
const WORLD = "fixtures/daily/synthetic-world.csv";
const BARS = "fixtures/intraday/synthetic-us-index-1min.csv";

/** A study part (one shard of a small study) for the merge command's base run, in a temporary file. */
function partFile(): string {
  const read = (file: string, id: string) => parseSeriesCsv(readFileSync(file, "utf8"), { id }).series[0]!;
  const { events } = parseEventsCsv(readFileSync(EVENTS, "utf8"));
  const part = studyShard({ assets: [read(US, "US")], market: read(WORLD, "WORLD"), events, windows: [[0, 0]] }, { by: "assets", index: 0, count: 1 });
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "mr-fs-part-")), "part-0.json");
  writeFileSync(file, studyPartToJSONText(part));
  return file;
}

interface CommandDef {
  readonly options: Readonly<Record<string, { readonly type: string }>>;
  readonly help: string;
  /** A run that succeeds; a path flag's case replaces or adds that flag. */
  readonly base: readonly string[];
  /** Flags a path flag needs to be read at all. */
  readonly needs?: Readonly<Record<string, readonly string[]>>;
}

const DEFS: Readonly<Record<string, CommandDef>> = {
  align: { options: ALIGN_OPTIONS, help: ALIGN_HELP, base: ["--events", EVENTS] },
  study: {
    options: STUDY_OPTIONS,
    help: STUDY_HELP,
    base: ["--prices", US, "--market", WORLD, "--events", EVENTS],
    needs: { volume: ["--measure", "volume"], factors: ["--model", "ff3"] },
  },
  intraday: { options: INTRADAY_OPTIONS, help: INTRADAY_HELP, base: ["--bars", BARS, "--events", EVENTS], needs: { benchmark: ["--model", "market"] } },
  calendar: { options: CALENDAR_OPTIONS, help: CALENDAR_HELP, base: ["XNYS", "--from", "2025-04-01", "--to", "2025-04-10"] },
  demo: { options: {}, help: DEMO_HELP, base: [] },
  merge: { options: MERGE_OPTIONS, help: MERGE_HELP, base: [partFile()] },
};

/** Flags that name a file written, not read. */
const OUTPUTS = new Set(["out", "plot"]);

/** The string flags whose help line shows FILE in the value (`--events FILE`, `--prices [NAME=]FILE`, `--plot FILE.svg|.png`). */
function pathFlags(def: CommandDef): string[] {
  const metavar = (name: string): string => {
    for (const line of def.help.split("\n")) {
      const m = /^\s*--([\w-]+)(?:[ =](\S+))?/.exec(line);
      if (m?.[1] === name) return m[2] ?? "";
    }
    return "";
  };
  return Object.entries(def.options)
    .filter(([name, o]) => o.type === "string" && /(?:^|[=\]|])FILE\b/.test(metavar(name)))
    .map(([name]) => name);
}

function withFlag(def: CommandDef, flag: string, value: string): string[] {
  const args = [...def.base];
  const i = args.indexOf(`--${flag}`);
  if (i >= 0) args[i + 1] = value;
  else args.push(`--${flag}`, value);
  return [...args, ...(def.needs?.[flag] ?? [])];
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI in-process with real file writes (the CLI's own writers) and captured stdout/stderr. */
async function run(argv: readonly string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    writeFile: writeTextFile,
    writeFileChunks: writeChunksFile,
    stderrIsTTY: false,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

const dir = mkdtempSync(path.join(os.tmpdir(), "mr-fs-"));
const aFile = path.join(dir, "plain.txt");
writeFileSync(aFile, "not a directory\n");
const aDir = path.join(dir, "a-directory.csv");
mkdirSync(aDir);
const isRoot = process.getuid?.() === 0;

/** Hostile paths for a file that is read; root reads a chmod 000 file, so that case is for other users only. */
function inputCases(): [string, string][] {
  const cases: [string, string][] = [
    ["missing file", path.join(dir, "missing.csv")],
    ["a directory", aDir],
    ["missing parent directory", path.join(dir, "no-such-dir", "x.csv")],
    ["parent is a file", path.join(aFile, "x.csv")],
  ];
  if (!isRoot) {
    const locked = path.join(dir, "locked.csv");
    writeFileSync(locked, "date,close\n2025-01-02,1\n");
    chmodSync(locked, 0);
    cases.push(["unreadable (chmod 000)", locked]);
  }
  return cases;
}

/** Hostile paths for a file that is written (`.svg` so that `--plot` accepts the name). */
const OUTPUT_CASES: [string, string][] = [
  ["a directory", path.join(dir, "out-dir.svg")],
  ["missing parent directory", path.join(dir, "no-such-dir", "out.svg")],
  ["parent is a file", path.join(aFile, "out.svg")],
];
mkdirSync(OUTPUT_CASES[0]![1]);

function expectOneIoLine(r: Run, file: string): void {
  expect(r.code).toBe(1);
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines.at(-1)).toMatch(/^market-reaction: IO_ERROR: cannot (read|write) /);
  expect(lines.at(-1)).toContain(file);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  // the one error line is the only line that is not a warning of a successful part of the run
  expect(lines.filter((l) => l.includes("IO_ERROR"))).toHaveLength(1);
}

describe("the table covers every command and path flag", () => {
  it("every CLI command has a definition here", () => {
    expect(Object.keys(DEFS).sort()).toEqual([...COMMAND_NAMES].sort());
  });
  it("the path flags found in the definitions", () => {
    const found = Object.fromEntries(Object.entries(DEFS).map(([c, d]) => [c, pathFlags(d)]));
    // a check of the help parsing itself: these flags are known to take files
    expect(found.align).toEqual(expect.arrayContaining(["events", "calendar", "out"]));
    expect(found.study).toEqual(expect.arrayContaining(["prices", "returns", "levels", "market", "factors", "events", "calendar", "volume", "out", "plot"]));
    expect(found.intraday).toEqual(expect.arrayContaining(["bars", "benchmark", "events", "out"]));
    expect(found.calendar).toEqual(["check", "out"]);
    expect(found.demo).toEqual([]);
  });
  it("each base run succeeds (so a failure below is the path's)", async () => {
    for (const [command, def] of Object.entries(DEFS)) {
      const r = await run([command, ...def.base]);
      expect(r.code, `${command}: ${r.stderr}`).toBe(0);
    }
  });
});

describe("inputs: one IO_ERROR line, exit 1", () => {
  for (const [command, def] of Object.entries(DEFS)) {
    for (const flag of pathFlags(def).filter((f) => !OUTPUTS.has(f))) {
      for (const [what, file] of inputCases()) {
        it(`${command} --${flag}: ${what}`, async () => {
          expectOneIoLine(await run([command, ...withFlag(def, flag, file)]), file);
        });
      }
    }
  }
});

describe("outputs: one IO_ERROR line, exit 1", () => {
  for (const [command, def] of Object.entries(DEFS)) {
    for (const flag of pathFlags(def).filter((f) => OUTPUTS.has(f))) {
      for (const [what, file] of OUTPUT_CASES) {
        it(`${command} --${flag}: ${what}`, async () => {
          expectOneIoLine(await run([command, ...withFlag(def, flag, file)]), file);
        });
      }
      if (flag === "out")
        it(`${command} --out /dev/full (no space left on device)`, async () => {
          const r = await run([command, ...withFlag(def, flag, "/dev/full")]);
          expectOneIoLine(r, "/dev/full");
          expect(r.stderr).toContain("no space left on device");
        });
    }
  }
  it("study --format json --out /dev/full: the streamed writer fails the same way", async () => {
    const r = await run(["study", ...DEFS.study!.base, "--format", "json", "--out", "/dev/full"]);
    expectOneIoLine(r, "/dev/full");
  });
});

describe("standard output and FIFOs (a real process)", () => {
  const tsx = path.join("node_modules", "tsx", "dist", "cli.mjs");
  it("stdout is /dev/full: one IO_ERROR line on stderr, exit 1", () => {
    const full = openSync("/dev/full", "w");
    try {
      const r = spawnSync(process.execPath, [tsx, "src/cli/main.ts", "align", "--events", EVENTS], { stdio: ["ignore", full, "pipe"], encoding: "utf8" });
      expect(r.status).toBe(1);
      // the notes of a successful alignment come first; the write error is the last line
      expect(r.stderr.trimEnd().split("\n").at(-1)).toBe("market-reaction: IO_ERROR: cannot write to standard output: no space left on device");
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    } finally {
      closeSync(full);
    }
  });
  it("--events is a FIFO being written (as with <(…)): read like a file", () => {
    const fifo = path.join(dir, "events.fifo");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const script = `cat "${EVENTS}" > "${fifo}" & exec "${process.execPath}" "${tsx}" src/cli/main.ts align --events "${fifo}" --format csv`;
    const r = spawnSync("sh", ["-c", script], { encoding: "utf8", timeout: 120_000 });
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n")[0]).toMatch(/^id,exchange,timestamp/);
    expect(r.stdout.split("\n").length).toBe(readFileSync(EVENTS, "utf8").trimEnd().split("\n").length + 1);
  });
});
