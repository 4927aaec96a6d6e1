/**
 * zod schemas for the public inputs and options (the only module that imports zod).
 * Internal: the public API exposes plain interfaces, never zod types.
 * @module
 */
export { checkSeriesOptions, checkFactorsOptions, checkEventsOptions, checkSerializeOptions } from "./options.js";
export { checkEventRow } from "./events.js";
export type { EventRowFields } from "./events.js";
