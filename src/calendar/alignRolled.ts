/**
 * The warnings of the statements an alignment rolled to another session (a weekend, holiday or
 * closure on the exchange clock, or a date-only statement on such a day): one warning per
 * exchange and direction, naming every rolled statement in `subjects` (input order), counting
 * them and showing the first few with their day 0. Each statement's rule and reason are in its
 * row; a warning per statement would only repeat them.
 *
 * @module
 */
import type { Warning } from "../errors.js";
import { civilDate, dayOfWeek } from "../time/dayKey.js";
import type { DayKey } from "../types.js";

/** Statements shown in a warning's message; `subjects` names them all. */
const SHOWN = 3;
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `Sun 6 Apr 2025 → 7 Apr` (the year of day 0 only when it differs). */
function move(day: DayKey, day0: DayKey): string {
  const a = civilDate(day);
  const b = civilDate(day0);
  const to = `${b.day} ${MONTHS[b.month - 1]}${b.year === a.year ? "" : ` ${b.year}`}`;
  return `${WEEKDAYS[dayOfWeek(day)]} ${a.day} ${MONTHS[a.month - 1]} ${a.year} → ${to}`;
}

/** The rolled statements of one direction. */
interface Rolled {
  readonly ids: string[];
  /** The first {@link SHOWN} statements as the message shows them. */
  readonly shown: string[];
}

/** The statements rolled to another session on one exchange, collected while aligning. */
export class RolledStatements {
  readonly #exchange: string;
  readonly #next: Rolled = { ids: [], shown: [] };
  readonly #previous: Rolled = { ids: [], shown: [] };

  constructor(exchange: string) {
    this.#exchange = exchange;
  }

  /** Notes that statement `id`, on local day `day`, has day 0 on `day0` (a later session unless `previous`). */
  add(id: string, previous: boolean, day: DayKey, day0: DayKey): void {
    const r = previous ? this.#previous : this.#next;
    if (r.shown.length < SHOWN) r.shown.push(`${id} (${move(day, day0)})`);
    r.ids.push(id);
  }

  /** The warnings: `ROLLED_TO_NEXT_SESSION` and `ROLLED_TO_PREVIOUS_SESSION`, each when a statement rolled that way. */
  warnings(): Warning[] {
    const out: Warning[] = [];
    if (this.#next.ids.length > 0) out.push(this.#warning("ROLLED_TO_NEXT_SESSION", "next", this.#next));
    if (this.#previous.ids.length > 0) out.push(this.#warning("ROLLED_TO_PREVIOUS_SESSION", "previous", this.#previous));
    return out;
  }

  #warning(code: string, direction: string, r: Rolled): Warning {
    const n = r.ids.length;
    const more = n > r.shown.length ? ", …" : "";
    return {
      code,
      message: `${this.#exchange}: ${n} ${n === 1 ? "statement falls" : "statements fall"} outside a trading day; day 0 is the ${direction} session: ${r.shown.join(", ")}${more} (rule and reason per statement: the rows)`,
      exchange: this.#exchange,
      count: n,
      subjects: r.ids,
    };
  }
}
