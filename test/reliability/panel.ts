/**
 * The 1,000,000-row long panel of issue 9 (synthetic, seeded): `date,asset,value` rows,
 * 400 assets x 2,500 NYSE sessions from 2015-01-02, sorted by date then asset, prices from a
 * seeded random walk with 4 decimals. Produced in 64 KiB pieces so that a writer never holds
 * the whole text (about 31 MB).
 */
import { isoFromDayKey, tradingCalendar } from "market-reaction";
import { createRandom } from "market-reaction/stats";

export const PANEL_ASSETS = 400;
export const PANEL_DAYS = 2500;

/** Calls `emit` with consecutive pieces of the panel's CSV text. */
export function writePanel(emit: (piece: string) => void, assets = PANEL_ASSETS, days = PANEL_DAYS, seed = 20250409): void {
  const cal = tradingCalendar("XNYS").days;
  let i0 = 0;
  while (isoFromDayKey(cal[i0]!) < "2015-01-02") i0++;
  const rng = createRandom(seed);
  const price = Array.from({ length: assets }, () => 20 + 180 * rng.next());
  const names = Array.from({ length: assets }, (_, a) => `A${String(a + 1).padStart(4, "0")}`);
  let buf = "date,asset,value\n";
  for (let d = 0; d < days; d++) {
    const date = isoFromDayKey(cal[i0 + d]!);
    for (let a = 0; a < assets; a++) {
      price[a] = price[a]! * (1 + 0.02 * (rng.next() - 0.5));
      buf += `${date},${names[a]},${price[a]!.toFixed(4)}\n`;
      if (buf.length >= 65_536) {
        emit(buf);
        buf = "";
      }
    }
  }
  if (buf.length > 0) emit(buf);
}
