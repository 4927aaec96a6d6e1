export * from "./dayKey.js";
export * from "./zone.js";
export * from "./timestamp.js";
export * from "./calendarDates.js";
