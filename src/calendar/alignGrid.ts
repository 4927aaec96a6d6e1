/**
 * The decisions of an alignment kept as codes: for every statement and exchange, the session
 * class, the rule (or the failure) and day 0 in typed arrays, filled one exchange at a time so
 * that each pass reads one zone's offsets and one calendar's day facts. The row objects are made
 * from these codes when the rows are first read (`alignEvents`): at 10,000 statements on 24
 * exchanges, making 240,000 row objects costs more than deciding their days.
 *
 * @module
 */
import type { DayKey, MarketEvent } from "../types.js";
import type { AlignmentRow, NonTradingPolicy } from "./alignTypes.js";
import { RULES, SESSIONS, decideDateOnly, decideInstant, isPreviousRule, isRolledRule, newOutcome, type Lane, type Outcome } from "./alignDays.js";
import { LazyAlignmentRow } from "./alignRow.js";
import type { RolledStatements } from "./alignRolled.js";
import { zoneOfEvent, type Statement } from "./alignStatements.js";

/**
 * Per statement and exchange (index `event * lanes + lane`): the rule code (0: no row), the
 * session code and day 0. `failures` counts the statement-exchange pairs without a row.
 */
export interface DecisionGrid {
  readonly lanes: number;
  readonly rule: Uint8Array;
  readonly session: Uint8Array;
  readonly day0: Int32Array;
  failures: number;
}

/** Writes the outcome of a statement on a lane at `at`; returns its rule code (0: no row). */
function record(grid: DecisionGrid, at: number, outcome: Outcome): number {
  grid.session[at] = outcome.session;
  if (outcome.failure !== undefined) {
    grid.failures++;
    return 0;
  }
  grid.rule[at] = outcome.rule;
  grid.day0[at] = outcome.day0;
  return outcome.rule;
}

/**
 * The statements as a lane loop reads them: the instant (ms since the epoch), or for a
 * date-only statement `NaN` and its day.
 */
interface StatementColumns {
  readonly instant: Float64Array;
  readonly day: Int32Array;
}

function columnsOf(statements: readonly Statement[]): StatementColumns {
  const instant = new Float64Array(statements.length);
  const day = new Int32Array(statements.length);
  statements.forEach((st, i) => {
    if (st.kind === "date") {
      instant[i] = Number.NaN;
      day[i] = st.day;
    } else instant[i] = st.instant;
  });
  return { instant, day };
}

const MS_PER_DAY = 86_400_000;

/**
 * Decides every statement on lane `k`, writing the codes into the grid and noting the rolled
 * statements (in input order) in `rolled`. An instant is put on the exchange clock with the
 * zone's offset at that instant (what `lane.place` does).
 */
function decideLane(
  grid: DecisionGrid,
  k: number,
  lane: Lane,
  columns: StatementColumns,
  ids: readonly string[],
  policy: NonTradingPolicy,
  rolled: RolledStatements,
): void {
  const outcome = newOutcome();
  const lanes = grid.lanes;
  const { offsetAt, facts } = lane;
  const instants = columns.instant;
  for (let i = 0; i < instants.length; i++) {
    const instant = instants[i]!;
    let day: DayKey;
    if (Number.isNaN(instant)) {
      day = columns.day[i]!;
      decideDateOnly(outcome, facts(day), day, policy);
    } else {
      const wall = instant + offsetAt(instant) * 60_000;
      day = Math.floor(wall / MS_PER_DAY);
      decideInstant(outcome, facts(day), day, (wall - day * MS_PER_DAY) / 60_000, policy);
    }
    const code = record(grid, i * lanes + k, outcome);
    if (isRolledRule(code)) rolled.add(ids[i]!, isPreviousRule(code), day, outcome.day0);
  }
}

/** The decisions of every statement on every lane (lanes in order, statements in input order within each). */
export function decideAll(
  lanes: readonly Lane[],
  statements: readonly Statement[],
  ids: readonly string[],
  policy: NonTradingPolicy,
  rolled: readonly RolledStatements[],
): DecisionGrid {
  const size = statements.length * lanes.length;
  const grid: DecisionGrid = { lanes: lanes.length, rule: new Uint8Array(size), session: new Uint8Array(size), day0: new Int32Array(size), failures: 0 };
  const columns = columnsOf(statements);
  lanes.forEach((lane, k) => decideLane(grid, k, lane, columns, ids, policy, rolled[k]!));
  return grid;
}

/**
 * The exchanges of weekdays-only calendars that gave at least one row, in the order their first
 * rows come (statement by statement, exchange by exchange).
 */
export function approximateExchanges(lanes: readonly Lane[], grid: DecisionGrid, events: number): string[] {
  const firsts: { code: string; at: number }[] = [];
  lanes.forEach((lane, k) => {
    if (!lane.calendar.approximate) return;
    for (let i = 0; i < events; i++) {
      const at = i * grid.lanes + k;
      if (grid.rule[at] !== 0) {
        firsts.push({ code: lane.calendar.exchange.code, at });
        return;
      }
    }
  });
  return [...new Set(firsts.sort((a, b) => a.at - b.at).map((f) => f.code))];
}

/**
 * What the rows of an alignment read of its events, taken when the alignment runs (so rows made
 * later show the events as they were given, whatever the caller does to its array or its
 * objects afterwards).
 */
export interface EventsTaken {
  readonly events: readonly MarketEvent[];
  readonly ids: readonly string[];
  readonly zones: readonly string[];
  readonly assets: readonly (string | null)[];
}

/** Takes what the rows read of `events` (see {@link EventsTaken}). */
export function takeEvents(events: readonly MarketEvent[]): EventsTaken {
  return { events: events.slice(), ids: events.map((e) => e.id), zones: events.map(zoneOfEvent), assets: events.map((e) => e.asset ?? null) };
}

/**
 * The rows of an alignment from its decision grid: one per statement and exchange with a day 0,
 * statements in input order, exchanges in the given order.
 */
export function rowsOf(taken: EventsTaken, statements: readonly Statement[], lanes: readonly Lane[], grid: DecisionGrid): AlignmentRow[] {
  const rows: AlignmentRow[] = [];
  for (let i = 0; i < taken.events.length; i++) {
    const event = taken.events[i]!;
    const st = statements[i]!;
    const instantUtc = st.kind === "date" ? null : new Date(st.instant).toISOString();
    for (let k = 0; k < lanes.length; k++) {
      const at = i * lanes.length + k;
      const rule = RULES[grid.rule[at]!];
      if (rule === undefined) continue;
      const lane = lanes[k]!;
      const day0 = grid.day0[at]!;
      const iso = lane.facts(day0).iso;
      rows.push(
        new LazyAlignmentRow(
          event,
          i,
          taken.ids[i]!,
          taken.zones[i]!,
          taken.assets[i]!,
          instantUtc,
          st,
          lane.texts,
          SESSIONS[grid.session[at]!]!,
          rule,
          day0,
          iso,
        ),
      );
    }
  }
  return rows;
}

/**
 * Makes `result.rows` an own enumerable field whose rows are made on first read and then kept
 * as a plain value, in its place before the other fields (so `JSON.stringify`, `Object.keys`,
 * spreading and `structuredClone` see an ordinary field). Assigning the field first replaces it.
 */
export function lazyRows(result: { rows: AlignmentRow[] }, build: () => AlignmentRow[]): void {
  let made: AlignmentRow[] | undefined;
  const settle = (rows: AlignmentRow[]): AlignmentRow[] => {
    made = rows;
    // a frozen or sealed result keeps its getter, which then returns the rows made
    if (Object.getOwnPropertyDescriptor(result, "rows")?.configurable === true) {
      Object.defineProperty(result, "rows", { value: rows, enumerable: true, writable: true, configurable: true });
    }
    return rows;
  };
  Object.defineProperty(result, "rows", {
    enumerable: true,
    configurable: true,
    get: () => made ?? settle(build()),
    set: settle,
  });
}
