/**
 * zod schema for one event row, after its columns were mapped to event fields.
 * Types and presence are checked here; timestamps, zones and id uniqueness are checked by
 * the caller (they need the time module and the whole table).
 * @module
 */
import * as z from "zod";
import type { Issue } from "../errors.js";

const text = (field: string) =>
  z
    .union([z.string(), z.number(), z.boolean(), z.null()], { error: `${field} must be a string` })
    .optional()
    .transform((v) => (v === null || v === undefined ? undefined : String(v).trim()))
    .transform((v) => (v === "" ? undefined : v));

const eventRowSchema = z.object({
  id: z
    .union([z.string(), z.number().int()], {
      error: (iss) => (iss.input === undefined || iss.input === null ? "id is missing" : "id must be a string or an integer"),
    })
    .transform((v) => String(v).trim())
    .refine((v) => v !== "", { error: "id is empty" }),
  timestamp: z
    .string({
      error: (iss) => (iss.input === undefined || iss.input === null ? "timestamp is missing" : "timestamp must be a string"),
    })
    .transform((v) => v.trim())
    .refine((v) => v !== "", { error: "timestamp is empty" }),
  timezone: text("timezone"),
  precision: text("precision").refine((v) => v === undefined || v === "minute" || v === "date", {
    error: 'precision must be "minute" or "date"',
  }),
  asset: text("asset"),
  label: text("label"),
  speaker: text("speaker"),
  role: text("role"),
  venue: text("venue"),
  source: text("source"),
  group: text("group"),
});

/** One event row with trimmed strings; empty optional fields are `undefined`. */
export interface EventRowFields {
  id: string;
  timestamp: string;
  timezone?: string | undefined;
  precision?: string | undefined;
  asset?: string | undefined;
  label?: string | undefined;
  speaker?: string | undefined;
  role?: string | undefined;
  venue?: string | undefined;
  source?: string | undefined;
  group?: string | undefined;
}

/**
 * Validates the fields of one event row. On failure returns the issues with the row number
 * and the input column name of each bad field (through `columnOf`).
 *
 * @example
 * checkEventRow({ id: "E1", timestamp: "2025-04-09T13:18" }, 1, (f) => f);
 * // => { ok: true, value: { id: "E1", timestamp: "2025-04-09T13:18", … } }
 */
export function checkEventRow(
  fields: Record<string, unknown>,
  row: number,
  columnOf: (field: string) => string,
  file?: string,
): { ok: true; value: EventRowFields } | { ok: false; issues: Issue[] } {
  const result = eventRowSchema.safeParse(fields);
  if (result.success) return { ok: true, value: result.data as EventRowFields };
  const issues = result.error.issues.map((i): Issue => {
    const field = String(i.path[0] ?? "");
    return {
      row,
      column: columnOf(field),
      message: i.message,
      ...(file === undefined ? {} : { file }),
    };
  });
  return { ok: false, issues };
}
