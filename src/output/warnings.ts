/**
 * Warnings as a summary: grouped by code, the important ones first, one line per group naming
 * its subjects (assets and statements), with every warning still available in full.
 *
 * The catalogue of codes, their severity and remedy is docs/warnings.md.
 * @module
 */
import type { Warning } from "../errors.js";
import { checkArrayOf, checkOptions, checkShape, checkString } from "../check.js";
import { WARNING } from "../shapes.js";

/** How much a warning matters for reading the numbers. */
export type WarningSeverity = "high" | "medium" | "info";

/**
 * Codes that can change what a number means (in this order: shown first). Volatility,
 * non-synchronous benchmarks and clustered statements come first.
 */
const HIGH: readonly string[] = [
  "HIGH_EVENT_VOLATILITY",
  "NON_SYNCHRONOUS_BENCHMARK",
  "CLUSTERED_STATEMENTS",
  "CLUSTERED_EVENT_DATES",
  "OVERLAPPING_WINDOWS",
  "REGRESSION_FAILED",
  "HAC_LAG_LARGE",
  "PLACEBO_DRAWS_REPEAT",
  "DELEVER_MISMATCH",
  "THIN_TRADING",
  "FACTOR_UNIT_SUSPECT",
  "RETURN_UNIT_SUSPECT",
  "LEVEL_UNIT_SUSPECT",
  "AMBIGUOUS_THOUSANDS",
  "MISSING_EVENT_RETURNS",
  "APPROXIMATE_CALENDAR",
];

/** Decisions the reader may want to know about but that do not qualify a number. */
const INFO: readonly string[] = [
  "ROLLED_TO_NEXT_SESSION",
  "ROLLED_TO_PREVIOUS_SESSION",
  "DATE_ONLY",
  "DATE_ONLY_TIMESTAMP",
  "REVERSED_ROWS",
  "UNSORTED_ROWS",
  "TRAILING_ROWS_IGNORED",
  "ENCODING_FALLBACK",
];

/** A warning with its severity and subjects filled in (the JSON form). */
export interface ClassifiedWarning extends Warning {
  readonly severity: WarningSeverity;
  readonly subjects: readonly string[];
}

/** One code's warnings, summarized. */
export interface WarningGroup {
  readonly code: string;
  readonly severity: WarningSeverity;
  /** Number of warnings in the group (a warning that groups cases, such as the statements rolled on one exchange, counts once). */
  readonly count: number;
  /** Distinct assets named, first-seen order. */
  readonly assets: readonly string[];
  /** Distinct statements and other subjects named, first-seen order. */
  readonly subjects: readonly string[];
  /** The group in one sentence (counts, the first few subjects, the remedy). */
  readonly summary: string;
  readonly warnings: readonly ClassifiedWarning[];
}

/** Options of {@link groupWarnings}. */
export interface GroupWarningsOptions {
  /** Day 0 (ISO date) of each statement id, to date clusters and rolled statements. */
  readonly day0?: Readonly<Record<string, string>>;
}

/**
 * The severity of a warning code: `high` for codes that can change what a number means
 * (event-period volatility, non-synchronous benchmarks, clustered or overlapping statements, …),
 * `info` for decisions such as a statement moved to the next session, `medium` otherwise.
 *
 * @example
 * warningSeverity("HIGH_EVENT_VOLATILITY"); // => "high"
 * warningSeverity("ROLLED_TO_NEXT_SESSION"); // => "info"
 * warningSeverity("ESTIMATION_CONTAMINATED"); // => "medium"
 */
export function warningSeverity(code: string): WarningSeverity {
  checkString("warningSeverity", "code", code);
  if (HIGH.includes(code) || /NON_?SYNCHRON/.test(code)) return "high";
  return INFO.includes(code) ? "info" : "medium";
}

function rank(code: string, severity: WarningSeverity): number {
  const base = severity === "high" ? 0 : severity === "medium" ? 1000 : 2000;
  const i = HIGH.indexOf(code);
  return base + (severity === "high" ? (i < 0 ? HIGH.length : i) : 0);
}

/** Statement ids listed in a warning's `members` (objects with an `id`), if it has them. */
function memberIds(w: Warning): string[] | undefined {
  const members = (w as { readonly members?: unknown }).members;
  if (!Array.isArray(members)) return undefined;
  const ids = members.map((m) => (typeof m === "string" ? m : (m as { id?: unknown } | null)?.id)).filter((id): id is string => typeof id === "string");
  return ids.length === 0 ? undefined : ids;
}

/** The statements a warning is about: `subjects`, else the ids of its `members`, else its `event_id`. */
function subjectsOf(w: Warning): readonly string[] {
  return w.subjects ?? memberIds(w) ?? (w.event_id === undefined ? [] : [w.event_id]);
}

/**
 * Every warning with its `severity` (kept when set, else from its code) and `subjects`
 * (kept when set, else its statement id), in the original order: the JSON form.
 *
 * @example
 * classifyWarnings([{ code: "HIGH_EVENT_VOLATILITY", message: "…", asset: "SPX", event_id: "E01" }]);
 * // => [{ code: "HIGH_EVENT_VOLATILITY", message: "…", asset: "SPX", event_id: "E01", severity: "high", subjects: ["E01"] }]
 */
export function classifyWarnings(warnings: readonly Warning[]): ClassifiedWarning[] {
  checkArrayOf("classifyWarnings", "warnings", warnings, WARNING);
  return warnings.map((w) => ({ ...w, severity: w.severity ?? warningSeverity(w.code), subjects: subjectsOf(w) }));
}

function distinct(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/** Natural order of statement ids: E2 before E10. */
function byId(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "3 Feb", "2–4 Apr", "31 Mar–2 Apr", "30 Dec 2024–2 Jan 2025". */
function dayRange(first: string, last: string): string {
  const [y1, m1, d1] = first.split("-").map(Number) as [number, number, number];
  const [y2, m2, d2] = last.split("-").map(Number) as [number, number, number];
  const day = (d: number, m: number, y?: number): string => `${d} ${MONTHS[m - 1]}${y === undefined ? "" : ` ${y}`}`;
  if (first === last) return day(d1, m1);
  if (y1 !== y2) return `${day(d1, m1, y1)}–${day(d2, m2, y2)}`;
  return m1 === m2 ? `${d1}–${d2} ${MONTHS[m1 - 1]}` : `${day(d1, m1)}–${day(d2, m2)}`;
}

function listSome(items: readonly string[], shown: number): string {
  return items.length <= shown ? items.join(", ") : `${items.slice(0, shown).join(", ")}, … (${items.length} in all)`;
}

/** Connected components of the statement pairs: the clusters of overlapping windows. */
function clustersOf(pairs: readonly (readonly string[])[]): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const p of pairs) for (const id of p) if (!parent.has(id)) parent.set(id, id);
  for (const p of pairs) for (let i = 1; i < p.length; i++) parent.set(find(p[i]!), find(p[0]!));
  const groups = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const r = find(id);
    groups.set(r, [...(groups.get(r) ?? []), id]);
  }
  return [...groups.values()].map((g) => g.sort(byId));
}

function clusterLabel(ids: readonly string[], day0: Readonly<Record<string, string>> | undefined): string {
  const name = ids.length === 2 ? `${ids[0]}, ${ids[1]}` : `${ids[0]}–${ids[ids.length - 1]}`;
  const days = ids
    .map((id) => day0?.[id])
    .filter((d): d is string => d !== undefined)
    .sort();
  const parts = [...(ids.length > 2 ? [`${ids.length} statements`] : []), ...(days.length === 0 ? [] : [dayRange(days[0]!, days[days.length - 1]!)])];
  return parts.length === 0 ? name : `${name} (${parts.join(", ")})`;
}

function assetsNote(assets: readonly string[]): string {
  return assets.length === 0 ? "" : ` [${assets.length === 1 ? "asset" : "assets"} ${listSome(assets, 4)}]`;
}

function overlapSummary(ws: readonly ClassifiedWarning[], assets: readonly string[], o: GroupWarningsOptions): string {
  const clusters = clustersOf(ws.map((w) => w.subjects).filter((s) => s.length >= 2)).sort((a, b) => byId(a[0]!, b[0]!));
  const n = clusters.reduce((s, c) => s + c.length, 0);
  const shown = clusters.slice(0, 4).map((c) => clusterLabel(c, o.day0));
  // one warning per pair (subjects: the two statements), or one per cluster (its members)
  const pairs = ws.every((w) => w.subjects.length === 2) ? ` (${ws.length} pairs)` : "";
  return (
    `${n} statements form ${clusters.length} cluster${clusters.length === 1 ? "" : "s"} of overlapping event windows${pairs}: ` +
    `${shown.join(", ")}${clusters.length > 4 ? `, … (${clusters.length - 4} more)` : ""}; CARs within a cluster share sessions and are not independent ` +
    `(the regression option tests them jointly)${assetsNote(assets)}`
  );
}

/** Statements whose estimation samples lose sessions (`affected`, else the first subject) and the statements whose windows they lose. */
function contaminationSides(w: ClassifiedWarning): { affected: string[]; sources: string[] } {
  const affected = (w as { readonly affected?: unknown }).affected;
  if (Array.isArray(affected)) return { affected: affected.filter((a): a is string => typeof a === "string"), sources: [...w.subjects] };
  return { affected: w.subjects.slice(0, 1), sources: w.subjects.slice(1) };
}

function contaminationSummary(ws: readonly ClassifiedWarning[], assets: readonly string[]): string {
  const sides = ws.map(contaminationSides);
  const affected = distinct(sides.flatMap((s) => s.affected));
  const sources = distinct(sides.flatMap((s) => s.sources));
  const kept = ws.some((w) => /are kept/.test(w.message));
  const perPair = ws.every((w) => w.subjects.length === 2 && (w as { readonly affected?: unknown }).affected === undefined);
  const first = perPair ? `${ws.length} pairs, e.g. that of ${ws[0]!.subjects[0]} contains ${ws[0]!.subjects[1]}'s` : `${ws.length} groups`;
  return (
    `the estimation windows of ${affected.length} statements contain event-window sessions of ${sources.length} other statements (${first}); ` +
    (kept
      ? `those sessions are kept in the estimation samples (contamination: "exclude" removes them)`
      : `those sessions are excluded from the estimation samples (contamination: "keep" keeps them)`) +
    assetsNote(assets)
  );
}

function rolledSummary(ws: readonly ClassifiedWarning[], o: GroupWarningsOptions): string {
  // one warning per exchange naming its statements (subjects), or one per statement (event_id)
  const ids = distinct(ws.flatMap((w) => w.subjects));
  const exchanges = distinct(ws.flatMap((w) => (w.exchange === undefined ? [] : [w.exchange])));
  const on = exchanges.length > 1 ? ` on ${listSome(exchanges, 4)}` : "";
  const next = ws[0]!.code === "ROLLED_TO_NEXT_SESSION";
  const items = ids.map((id) => (o.day0?.[id] === undefined ? id : `${id} → ${o.day0[id]}`));
  const n = ids.length;
  return `${n} ${n === 1 ? "statement falls" : "statements fall"} outside a trading day${on}; day 0 is the ${next ? "next" : "previous"} session: ${listSome(items, 6)} (rule and reason per statement: the events table)`;
}

/** True for the codes of statements rolled to another session. */
function isRolledCode(code: string): boolean {
  return code === "ROLLED_TO_NEXT_SESSION" || code === "ROLLED_TO_PREVIOUS_SESSION";
}

/** Codes about a whole series or period: their statement id is only a reference point. */
const SERIES_LEVEL: readonly string[] = ["HIGH_EVENT_VOLATILITY", "THIN_TRADING"];

/**
 * The names a warning is about that its message does not already contain (a warning that
 * groups cases, with a `count`, names the first few in its message and not all its subjects),
 * the first six of them when there are more (the members of a large cluster of statements).
 */
function prefixOf(w: ClassifiedWarning): string {
  const subjects = SERIES_LEVEL.includes(w.code) || w.count !== undefined ? [] : w.subjects;
  const names = distinct([...(w.asset === undefined ? [] : [w.asset]), ...subjects]).filter((n) => !w.message.includes(n));
  return names.length === 0 ? "" : `${listSome(names, 6)}: `;
}

/**
 * One warning as a line: its code in brackets, the asset and statements it is about when the
 * message does not already name them, then the message.
 *
 * @example
 * warningLine({ code: "HIGH_EVENT_VOLATILITY", message: "event-period SD is 2.3 times the estimation SD", asset: "XLK" });
 * // => "[HIGH_EVENT_VOLATILITY] XLK: event-period SD is 2.3 times the estimation SD"
 */
export function warningLine(w: Warning): string {
  checkShape("warningLine", "w", w, WARNING);
  const c = classifyWarnings([w])[0]!;
  return `[${c.code}] ${prefixOf(c)}${c.message}`;
}

function genericSummary(ws: readonly ClassifiedWarning[], assets: readonly string[], subjects: readonly string[]): string {
  const first = `${prefixOf(ws[0]!)}${ws[0]!.message}`;
  if (ws.length === 1) return first;
  const others = assets.length > 1 ? assets.slice(1) : subjects.slice(1);
  return `${ws.length} warnings, the first: ${first}${others.length === 0 ? "" : `; likewise for ${listSome(others, 6)}`}`;
}

function summaryOf(code: string, ws: readonly ClassifiedWarning[], assets: readonly string[], subjects: readonly string[], o: GroupWarningsOptions): string {
  if (ws.length > 1 && code === "OVERLAPPING_WINDOWS") return overlapSummary(ws, assets, o);
  if (ws.length > 1 && code === "ESTIMATION_CONTAMINATED") return contaminationSummary(ws, assets);
  if (isRolledCode(code)) return rolledSummary(ws, o);
  return genericSummary(ws, assets, subjects);
}

/**
 * Groups warnings by code, most important first (severity `high`, then `medium`, then `info`;
 * within `high`: event-period volatility, non-synchronous benchmarks, clustered statements,
 * overlapping windows, …; otherwise in order of first appearance), and writes each group as one
 * sentence with its count and first few subjects, e.g. "31 statements form 4 clusters of
 * overlapping event windows (315 pairs): E01–E03 (3) [3 Feb], …".
 *
 * @example
 * const groups = groupWarnings([
 *   { code: "OVERLAPPING_WINDOWS", message: "E17 and E22 overlap", event_id: "E17", subjects: ["E17", "E22"], asset: "SPX" },
 *   { code: "HIGH_EVENT_VOLATILITY", message: "event-period SD is 2.3 times the estimation SD", asset: "SPX" },
 * ], { day0: { E17: "2025-04-07", E22: "2025-04-07" } });
 * groups.map((g) => g.code); // => ["HIGH_EVENT_VOLATILITY", "OVERLAPPING_WINDOWS"]
 * groups[0]!.summary; // => "SPX: event-period SD is 2.3 times the estimation SD"
 */
export function groupWarnings(warnings: readonly Warning[], options: GroupWarningsOptions = {}): WarningGroup[] {
  checkOptions("groupWarnings", options);
  const byCode = new Map<string, ClassifiedWarning[]>();
  for (const w of classifyWarnings(warnings)) byCode.set(w.code, [...(byCode.get(w.code) ?? []), w]);
  const groups: WarningGroup[] = [];
  for (const [code, ws] of byCode) {
    const assets = distinct(ws.flatMap((w) => (w.asset === undefined ? [] : [w.asset])));
    const subjects = distinct(ws.flatMap((w) => w.subjects));
    const severity = ws.some((w) => w.severity === "high") ? "high" : ws.some((w) => w.severity === "medium") ? "medium" : "info";
    groups.push({ code, severity, count: ws.length, assets, subjects, summary: summaryOf(code, ws, assets, subjects, options), warnings: ws });
  }
  const order = new Map(groups.map((g, i) => [g, i]));
  return groups.sort((a, b) => rank(a.code, a.severity) - rank(b.code, b.severity) || order.get(a)! - order.get(b)!);
}

/** Options of {@link warningLines}. */
export interface WarningLinesOptions {
  /** Most lines (default 20); groups beyond are counted in a last line. */
  readonly maxLines?: number;
  /** Every warning on its own line (no limit). */
  readonly verbose?: boolean;
  /** Where every warning can be read, for the last line; default "study.warnings". */
  readonly everyWarning?: string;
}

/** A line of {@link warningLines}. */
export interface WarningLine {
  readonly severity: WarningSeverity;
  readonly text: string;
}

function linesOfGroup(g: WarningGroup): WarningLine[] {
  const each = g.count <= 3 && g.code !== "OVERLAPPING_WINDOWS" && g.code !== "ESTIMATION_CONTAMINATED" && !isRolledCode(g.code);
  const texts = each ? g.warnings.map((w) => `[${g.code}] ${prefixOf(w)}${w.message}`) : [`[${g.code}] ${g.summary}`];
  return texts.map((text) => ({ severity: g.severity, text }));
}

/**
 * Warning groups as lines: a group of up to three warnings shows each (overlaps and
 * contamination always as their summary), a larger group its summary; at most `maxLines` lines
 * (default 20), the last saying what was left out and where every warning is. `verbose` lists
 * every warning. Each line starts with its code in brackets and names its asset and statements.
 *
 * @example
 * const groups = groupWarnings([{ code: "THIN_TRADING", message: "12% of returns are zero", asset: "XLRE" }]);
 * warningLines(groups); // => [{ severity: "high", text: "[THIN_TRADING] XLRE: 12% of returns are zero" }]
 */
export function warningLines(groups: readonly WarningGroup[], options: WarningLinesOptions = {}): WarningLine[] {
  checkArrayOf("warningLines", "groups", groups, { code: "string", severity: "string", count: "integer", warnings: "array" });
  checkOptions("warningLines", options);
  if (options.verbose === true) return groups.flatMap((g) => g.warnings.map((w) => ({ severity: g.severity, text: `[${w.code}] ${prefixOf(w)}${w.message}` })));
  const max = Math.max(2, options.maxLines ?? 20);
  const total = groups.reduce((s, g) => s + g.count, 0);
  const where = options.everyWarning ?? "study.warnings";
  const lines: WarningLine[] = [];
  for (let i = 0; i < groups.length; i++) {
    const own = linesOfGroup(groups[i]!);
    if (lines.length + own.length > max - 1) {
      const rest = groups.slice(i);
      const left = rest.reduce((s, r) => s + r.count, 0);
      lines.push({
        severity: rest[0]!.severity,
        text: `… and ${left} more warning${left === 1 ? "" : "s"} (${rest.map((r) => r.code).join(", ")}); every warning: ${where}`,
      });
      return lines;
    }
    lines.push(...own);
  }
  if (lines.length < total) lines.push({ severity: "info", text: `(${total} warnings summarized by code; every warning: ${where})` });
  return lines;
}
