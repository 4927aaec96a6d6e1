import { dayKeyFromIso, localToInstant } from "../../src/time/index.js";
import { isoUtc } from "../../src/intraday/time.js";

export interface SessionSpec {
  /** ISO date. */
  readonly date: string;
  /** First bar start `HH:mm` local (default 09:30). */
  readonly from?: string;
  /** Number of one-minute bars (default 390). */
  readonly n?: number;
  /** Close of bar k (the open is the previous close; the first open is `open`). */
  readonly close: (k: number) => number;
  readonly open?: number;
  /** Bar indexes left out. */
  readonly skip?: readonly number[];
}

/** One-minute bars as CSV, times in UTC (`Z`), built through the IANA zone (DST-correct). */
export function barsCsv(sessions: readonly SessionSpec[], zone = "America/New_York"): string {
  const lines = ["datetime,open,high,low,close,volume"];
  for (const s of sessions) {
    const [h, m] = (s.from ?? "09:30").split(":").map(Number) as [number, number];
    const day = dayKeyFromIso(s.date);
    let prev = s.open ?? s.close(0);
    const skip = new Set(s.skip ?? []);
    for (let k = 0; k < (s.n ?? 390); k++) {
      const c = s.close(k);
      if (!skip.has(k)) {
        const t = localToInstant({ day, minute: h * 60 + m + k }, zone).instant;
        lines.push(`${isoUtc(t)},${prev},${Math.max(prev, c)},${Math.min(prev, c)},${c},1000`);
      }
      prev = c;
    }
  }
  return `${lines.join("\n")}\n`;
}

/** Minute index (from 09:30) of a clock time. */
export function slotOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return h * 60 + m - (9 * 60 + 30);
}
