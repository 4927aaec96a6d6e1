/**
 * The paper-style results table of a study: statements as rows, event windows as columns,
 * CAR in percent with its t statistic (or p-value) and significance stars. Text, markdown, HTML,
 * LaTeX (booktabs).
 * @module
 */
import { invalidOption } from "../errors.js";
import type { CarRow, ModelRow } from "../study/rows.js";
import { escapeHtml, escapeLatex, escapeMarkdownCell } from "./escape.js";
import { checkArray, checkArrayOf, checkNumber, checkOptions, checkShape } from "../check.js";
import { terminalText } from "./text.js";

/** Output formats of {@link studyTable}. */
export type TableFormat = "text" | "markdown" | "html" | "latex";

/** Options of {@link studyTable}. */
export interface StudyTableOptions {
  /** What goes under each CAR: the t statistic (default) or the two-sided p-value. */
  readonly stat?: "t" | "p";
  /** Decimals of the CAR in percent; default 2. */
  readonly digits?: number;
  /** Only these assets (default all). */
  readonly assets?: readonly string[];
  /** Longest label/speaker text in text and markdown tables; default 40 characters. */
  readonly labelWidth?: number;
  /** Table title; default "Cumulative abnormal returns (%)". */
  readonly caption?: string;
}

/** The data a table is built from: any object with the `car` and `models` tables of a study. */
export type TableSource = { readonly car: readonly CarRow[]; readonly models: readonly ModelRow[]; readonly options: Readonly<Record<string, unknown>> };

/**
 * Significance stars for a two-sided p-value: `***` below 0.01, `**` below 0.05, `*` below 0.10.
 *
 * @example
 * significanceStars(0.003); // => "***"
 * significanceStars(0.2); // => ""
 */
export function significanceStars(p: number): string {
  checkNumber("significanceStars", "p", p);
  if (!(p >= 0)) return "";
  return p < 0.01 ? "***" : p < 0.05 ? "**" : p < 0.1 ? "*" : "";
}

interface Line {
  readonly event: string;
  readonly asset: string;
  readonly day0: string;
  readonly speaker: string;
  readonly label: string;
  readonly m: number | null;
  readonly cells: readonly (CarRow | undefined)[];
}

interface Layout {
  readonly windows: readonly (readonly [number, number])[];
  readonly lines: readonly Line[];
  readonly multiAsset: boolean;
  /** The note under the table, as pieces; `math` pieces are typeset in LaTeX. */
  readonly note: readonly NotePiece[];
}

/** A piece of the note: plain text, or a formula given as plain text and as LaTeX. */
type NotePiece = string | { readonly plain: string; readonly tex: string };

function notePlain(note: readonly NotePiece[]): string {
  return note.map((p) => (typeof p === "string" ? p : p.plain)).join("");
}

function noteLatex(note: readonly NotePiece[]): string {
  return note.map((p) => (typeof p === "string" ? escapeLatex(p) : p.tex)).join("");
}

function windowName(w: readonly [number, number]): string {
  return `[${w[0]}, ${w[1]}]`;
}

function layout(study: TableSource, options: StudyTableOptions): Layout {
  const keep = options.assets === undefined ? undefined : new Set(options.assets);
  const rows = study.car.filter((r) => keep === undefined || keep.has(r.asset));
  const windows: [number, number][] = [];
  const wkey = new Map<string, number>();
  for (const r of rows) {
    const k = `${r.window_start},${r.window_end}`;
    if (!wkey.has(k)) {
      wkey.set(k, windows.length);
      windows.push([r.window_start, r.window_end]);
    }
  }
  const models = new Map<string, ModelRow>();
  for (const m of study.models) models.set(`${m.event_id}\u0000${m.asset}`, m);
  const byPair = new Map<string, { first: CarRow; cells: (CarRow | undefined)[] }>();
  for (const r of rows) {
    const k = `${r.event_id}\u0000${r.asset}`;
    let entry = byPair.get(k);
    if (entry === undefined) {
      entry = { first: r, cells: new Array<CarRow | undefined>(windows.length).fill(undefined) };
      byPair.set(k, entry);
    }
    entry.cells[wkey.get(`${r.window_start},${r.window_end}`)!] = r;
  }
  const lines: Line[] = [];
  for (const [k, { first, cells }] of byPair) {
    lines.push({
      event: first.event_id,
      asset: first.asset,
      day0: first.day0,
      speaker: first.speaker ?? "",
      label: first.label ?? "",
      m: models.get(k)?.n ?? null,
      cells,
    });
  }
  const assets = new Set(lines.map((l) => l.asset));
  return { windows, lines, multiAsset: assets.size > 1, note: noteOf(study, lines, options.stat ?? "t") };
}

function modelName(study: TableSource): string {
  const m = study.options.model;
  return typeof m === "string" ? m : "the study's model";
}

function noteOf(study: TableSource, lines: readonly Line[], stat: "t" | "p"): NotePiece[] {
  const ms = lines.map((l) => l.m).filter((m): m is number => m !== null);
  const mRange = ms.length === 0 ? "" : Math.min(...ms) === Math.max(...ms) ? ` (M = ${ms[0]})` : ` (M = ${Math.min(...ms)} to ${Math.max(...ms)})`;
  const est = study.options.estimation;
  const estText = Array.isArray(est) && est.length === 2 ? ` on sessions [${String(est[0])}, ${String(est[1])}] relative to day 0` : "";
  return [
    "CAR: cumulative abnormal return in percent over the window ",
    { plain: "[τ1, τ2]", tex: "$[\\tau_1, \\tau_2]$" },
    " of sessions relative to day 0. Normal-return model: ",
    modelName(study),
    `, fitted by OLS${estText}; M: estimation observations${mRange}. `,
    stat === "t" ? "In parentheses: t statistic" : "In brackets: two-sided p-value",
    " of the CAR t test: variance of the CAR from the full covariance of the abnormal returns (forecast-error variance), Student t with ",
    { plain: "M − k", tex: "$M - k$" },
    " degrees of freedom (k model parameters). *, **, ***: two-sided p-value below 0.10, 0.05, 0.01 (no adjustment for testing several statements).",
  ];
}

function carText(r: CarRow | undefined, digits: number): { car: string; stars: string; stat: (s: "t" | "p") => string } {
  if (r === undefined || !Number.isFinite(r.car)) return { car: "–", stars: "", stat: () => "" };
  return {
    car: (r.car * 100).toFixed(digits),
    stars: significanceStars(r.p_value),
    stat: (s) =>
      s === "t"
        ? Number.isFinite(r.t)
          ? `(${r.t.toFixed(2)})`
          : ""
        : Number.isFinite(r.p_value)
          ? `[${r.p_value < 0.001 ? "<0.001" : r.p_value.toFixed(3)}]`
          : "",
  };
}

/** Shortens text to `width` characters at a word boundary (never mid-word), ending with `…`. */
function cut(text: string, width: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= width) return flat;
  const head = flat.slice(0, Math.max(1, width - 1));
  const space = head.lastIndexOf(" ");
  return `${(space > 0 ? head.slice(0, space) : head).replace(/[\s,;:.–-]+$/, "")}…`;
}

function carHeader(w: readonly [number, number]): string {
  return `CAR ${windowName(w)} (%)`;
}

function textTable(l: Layout, o: StudyTableOptions): string {
  const digits = o.digits ?? 2;
  const stat = o.stat ?? "t";
  const width = o.labelWidth ?? 40;
  const head = ["statement", ...(l.multiAsset ? ["asset"] : []), "day 0", "speaker", "label", "M", ...l.windows.map(carHeader)];
  const left = head.length - l.windows.length - 1; // left-aligned columns
  const body: string[][] = [];
  for (const line of l.lines) {
    const cells = line.cells.map((c) => carText(c, digits));
    // user text is shown safe for a terminal (control characters as visible codes)
    body.push([
      terminalText(line.event),
      ...(l.multiAsset ? [terminalText(line.asset)] : []),
      line.day0,
      cut(terminalText(line.speaker), width),
      cut(terminalText(line.label), width),
      line.m === null ? "" : String(line.m),
      ...cells.map((c) => `${c.car}${c.stars.padEnd(3)}`),
    ]);
    body.push([...new Array<string>(left + 1).fill(""), ...cells.map((c) => `${c.stat(stat)}   `)]);
  }
  const widths = head.map((h, j) => Math.max(h.length, ...body.map((r) => r[j]!.length)));
  const fmt = (r: readonly string[]): string =>
    r
      .map((c, j) => (j < left ? c.padEnd(widths[j]!) : c.padStart(widths[j]!)))
      .join("  ")
      .trimEnd();
  const caption = terminalText(o.caption ?? "Cumulative abnormal returns (%)");
  return `${caption}\n${fmt(head)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n${body.map(fmt).join("\n")}\n\n${wrap(notePlain(l.note), 100)}\n`;
}

function wrap(text: string, width: number): string {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line.length > 0 && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line.length === 0 ? word : `${line} ${word}`;
  }
  if (line.length > 0) out.push(line);
  return out.join("\n");
}

function markdownTable(l: Layout, o: StudyTableOptions): string {
  const digits = o.digits ?? 2;
  const stat = o.stat ?? "t";
  const width = o.labelWidth ?? 40;
  const md = (s: string): string => escapeMarkdownCell(s);
  const head = ["Statement", ...(l.multiAsset ? ["Asset"] : []), "Day 0", "Speaker", "Label", "M", ...l.windows.map(carHeader)];
  const align = head.map((_, j) => (j >= head.length - l.windows.length - 1 ? "---:" : "---"));
  const rows = l.lines.map((line) => {
    const cells = line.cells.map((c) => {
      const t = carText(c, digits);
      const s = t.stat(stat);
      return `${t.car}${t.stars === "" ? "" : md(t.stars)}${s === "" ? "" : ` ${s.replace("[", "\\[").replace("]", "\\]")}`}`;
    });
    return [
      md(line.event),
      ...(l.multiAsset ? [md(line.asset)] : []),
      line.day0,
      md(cut(line.speaker, width)),
      md(cut(line.label, width)),
      line.m === null ? "" : String(line.m),
      ...cells,
    ];
  });
  const caption = o.caption ?? "Cumulative abnormal returns (%)";
  return `**${md(caption)}**\n\n| ${head.join(" | ")} |\n| ${align.join(" | ")} |\n${rows.map((r) => `| ${r.join(" | ")} |`).join("\n")}\n\n${md(notePlain(l.note))}\n`;
}

function htmlTable(l: Layout, o: StudyTableOptions): string {
  const digits = o.digits ?? 2;
  const stat = o.stat ?? "t";
  const e = escapeHtml;
  const caption = o.caption ?? "Cumulative abnormal returns (%)";
  const head =
    ["Statement", ...(l.multiAsset ? ["Asset"] : []), "Day 0", "Speaker", "Label", "M"].map((h) => `<th scope="col">${h}</th>`).join("") +
    l.windows.map((w) => `<th scope="col" style="text-align:right;white-space:nowrap">${e(carHeader(w))}</th>`).join("");
  const rows = l.lines.map((line) => {
    const cells = line.cells.map((c) => {
      const t = carText(c, digits);
      const s = t.stat(stat);
      return `<td style="text-align:right;white-space:nowrap">${e(t.car)}${t.stars === "" ? "" : `<sup>${t.stars}</sup>`}${s === "" ? "" : `<br><small>${e(s)}</small>`}</td>`;
    });
    return `<tr><th scope="row">${e(line.event)}</th>${l.multiAsset ? `<td>${e(line.asset)}</td>` : ""}<td style="white-space:nowrap">${e(line.day0)}</td><td>${e(line.speaker)}</td><td>${e(line.label)}</td><td style="text-align:right">${line.m ?? ""}</td>${cells.join("")}</tr>`;
  });
  const span = head.split("<th").length - 1;
  return `<table class="market-reaction-table">\n<caption>${e(caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join("\n")}\n</tbody>\n<tfoot><tr><td colspan="${span}"><small>${e(notePlain(l.note))}</small></td></tr></tfoot>\n</table>\n`;
}

function latexTable(l: Layout, o: StudyTableOptions): string {
  const digits = o.digits ?? 2;
  const stat = o.stat ?? "t";
  const width = o.labelWidth ?? 40;
  const x = escapeLatex;
  const caption = o.caption ?? "Cumulative abnormal returns (%)";
  const head = ["Statement", ...(l.multiAsset ? ["Asset"] : []), "Day 0", "Speaker", "Label", "$M$", ...l.windows.map((w) => `CAR $[${w[0]}, ${w[1]}]$ (\\%)`)];
  const left = head.length - l.windows.length - 1;
  const spec = `${"l".repeat(left)}${"r".repeat(l.windows.length + 1)}`;
  const rows: string[] = [];
  for (const line of l.lines) {
    const cells = line.cells.map((c) => carText(c, digits));
    const first = [
      x(line.event),
      ...(l.multiAsset ? [x(line.asset)] : []),
      line.day0,
      x(cut(line.speaker, width)),
      x(cut(line.label, width)),
      line.m === null ? "" : String(line.m),
    ];
    rows.push(
      `${[...first, ...cells.map((c) => `${c.car.replace("–", "--").replace(/^-/, "$-$")}${c.stars === "" ? "" : `$^{${c.stars}}$`}`)].join(" & ")} \\\\`,
    );
    rows.push(`${[...new Array<string>(left + 1).fill(""), ...cells.map((c) => c.stat(stat).replace(/^\((-)/, "($-$"))].join(" & ")} \\\\`);
  }
  return [
    "% requires \\usepackage{booktabs}",
    "\\begin{table}[htbp]",
    "\\centering",
    `\\caption{${x(caption)}}`,
    `\\begin{tabular}{${spec}}`,
    "\\toprule",
    `${head.join(" & ")} \\\\`,
    "\\midrule",
    ...rows,
    "\\bottomrule",
    "\\end{tabular}",
    "",
    `\\par\\smallskip\\parbox{\\linewidth}{\\footnotesize \\textit{Notes:} ${noteLatex(l.note)}}`,
    "\\end{table}",
    "",
  ].join("\n");
}

/**
 * The paper-style table of a study's CARs: one row per (statement, asset), one column per event
 * window; each cell is the CAR in percent with significance stars and, under it, the t statistic
 * in parentheses (or the p-value in brackets). Stars come from the two-sided p-value of the
 * CAR t test (full covariance, Student t with M − k df). Headers state the unit (`CAR [-1, 1] (%)`);
 * the note names the model, the test, M and the variance used. `latex` is a booktabs
 * `table` environment (needs `\\usepackage{booktabs}`). User strings (ids, labels, speakers,
 * assets) are escaped: HTML entities in `html`, `|` and markup characters in `markdown`,
 * the special characters in `latex`; long labels are shortened at a word boundary.
 *
 * @throws INVALID_OPTION for an unknown format, `stat` or `digits`.
 * @example
 * ```ts
 * // daily SPX returns: quiet synthetic noise, then +9.52% on 9 April 2025 (the 90-day tariff pause)
 * const days = nyseTradingDays(dayKeyFromIso("2025-01-02"), dayKeyFromIso("2025-04-17"));
 * const values = Float64Array.from(days, (d) => (isoFromDayKey(d) === "2025-04-09" ? 0.0952 : 0.004 * Math.sin(d)));
 * const { events } = parseEventsCsv("id,timestamp,label\nE34,2025-04-09T13:18,90-day pause\n");
 * const study = eventStudy({ assets: [{ id: "SPX", kind: "return", days, values }], events, estimation: [-60, -6] });
 * studyTable(study, "markdown").split("\n")[4]; // => "| E34 | 2025-04-09 |  | 90-day pause | 55 | 9.21\\*\\*\\* (18.44) |"
 * ```
 */
export function studyTable(study: TableSource, format: TableFormat = "text", options: StudyTableOptions = {}): string {
  checkShape("studyTable", "study", study, { car: "array", models: "array", options: "object" });
  checkArrayOf("studyTable", "study.car", study.car, { event_id: "string", asset: "string", window_start: "integer", window_end: "integer" });
  checkArrayOf("studyTable", "study.models", study.models, { event_id: "string", asset: "string" });
  checkOptions("studyTable", options);
  if (options.assets !== undefined) checkArray("studyTable", "options.assets", options.assets);
  if (!["text", "markdown", "html", "latex"].includes(format)) invalidOption("format", format, '"text", "markdown", "html" or "latex"');
  if (options.stat !== undefined && options.stat !== "t" && options.stat !== "p") invalidOption("stat", options.stat, '"t" or "p"');
  if (options.digits !== undefined && !(Number.isInteger(options.digits) && options.digits >= 0 && options.digits <= 10))
    invalidOption("digits", options.digits, "an integer from 0 to 10");
  const l = layout(study, options);
  switch (format) {
    case "html":
      return htmlTable(l, options);
    case "markdown":
      return markdownTable(l, options);
    case "latex":
      return latexTable(l, options);
    default:
      return textTable(l, options);
  }
}
