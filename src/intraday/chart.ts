/**
 * A Vega-Lite v5 chart of a session's minute path with statements marked (kept local to the
 * intraday module; the chart module renders it to SVG).
 * @module
 */
import type { SessionBars } from "./sessions.js";
import type { IntradayAlignment } from "./align.js";
import { isoUtc } from "./time.js";
import { checkArray, checkArrayOf, checkObject, checkOptions, checkShape } from "../check.js";

/** Options of {@link intradayChartSpec}. */
export interface IntradayChartOptions {
  /** Sessions to draw (ISO dates); default every session that has a statement. */
  readonly sessions?: readonly string[];
  readonly title?: string;
  readonly width?: number;
  readonly height?: number;
  /** Label of each statement (default its id and speaker). */
  readonly label?: (event: IntradayAlignment) => string;
}

/**
 * Builds a Vega-Lite v5 spec: the close of every bar (x = bar start, temporal with a UTC
 * scale, so the chart does not depend on the viewer's time zone) and one vertical rule per
 * statement at the start of its bar, labelled.
 *
 * @example
 * // one-minute bars of the 7 April 2025 session (a synthetic path)
 * const times = Array.from({ length: 390 }, (_, i) => new Date(Date.UTC(2025, 3, 7, 13, 30 + i)).toISOString());
 * const { bars } = parseBarsCsv(`datetime,close\n${times.map((t, i) => `${t},${91 + Math.sin(i)}`).join("\n")}`);
 * const { events } = parseEventsCsv("id,timestamp\nE22,2025-04-07T10:11\n");
 * const study = intradayStudy({ bars, events, delever: 3 });
 * const spec = intradayChartSpec(study.grid, study.events, { title: "SPXL, 7 April 2025" });
 * spec.$schema; // => "https://vega.github.io/schema/vega-lite/v5.json"
 */
export function intradayChartSpec(grid: SessionBars, events: readonly IntradayAlignment[], options: IntradayChartOptions = {}): Record<string, unknown> {
  checkShape("intradayChartSpec", "grid", grid, { id: "string", timezone: "string", interval: "integer", sessions: "array" });
  checkArrayOf("intradayChartSpec", "grid.sessions", grid.sessions, {
    date: "string",
    slots: "integer",
    present: "numbers",
    barClose: "numbers",
    startInstant: "number",
  });
  checkArrayOf("intradayChartSpec", "events", events, { session: "string", barInstant: "number", event_id: "string", event: "object" });
  checkObject("intradayChartSpec", "grid", grid);
  checkArray("intradayChartSpec", "events", events);
  checkOptions("intradayChartSpec", options);
  const wanted = new Set(options.sessions ?? events.map((e) => e.session));
  const values: { t: string; close: number; session: string }[] = [];
  for (const s of grid.sessions) {
    if (!wanted.has(s.date)) continue;
    for (let k = 0; k < s.slots; k++) {
      if (s.present[k] !== 1) continue;
      values.push({ t: isoUtc(s.startInstant + k * grid.interval * 60_000), close: s.barClose[k]!, session: s.date });
    }
  }
  const label = options.label ?? ((e: IntradayAlignment) => (e.event.speaker === undefined ? e.event_id : `${e.event_id} ${e.event.speaker}`));
  const marks = events.filter((e) => wanted.has(e.session)).map((e) => ({ t: isoUtc(e.barInstant), id: e.event_id, label: label(e), session: e.session }));
  const x = { field: "t", type: "temporal", scale: { type: "utc" }, title: `bar start (UTC; exchange clock ${grid.timezone})` };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: options.title ?? `${grid.id}: ${grid.interval}-minute bars`,
    width: options.width ?? 720,
    height: options.height ?? 320,
    layer: [
      {
        data: { values },
        mark: { type: "line", strokeWidth: 1 },
        encoding: {
          x,
          y: { field: "close", type: "quantitative", scale: { zero: false }, title: `${grid.id} close` },
          color: { field: "session", type: "nominal" },
        },
      },
      { data: { values: marks }, mark: { type: "rule", color: "firebrick", strokeDash: [4, 3] }, encoding: { x } },
      {
        data: { values: marks },
        mark: { type: "text", align: "left", dx: 3, dy: -4, angle: 0, baseline: "top", color: "firebrick" },
        encoding: { x, y: { value: 4 }, text: { field: "label" } },
      },
    ],
  };
}
