/** @kinerja/shared: the pure domain rules used by both the server and the dashboard. */
export * from './annual.js';
export * from './calendar.js';
export * from './canonical-json.js';
export * from './enums.js';
export * from './fnv1a.js';
export * from './k-anonymity.js';
export * from './nip.js';
export * from './periods.js';
export * from './policy.js';
export * from './predikat.js';
export * from './problems.js';
export * from './ratings.js';
export * from './rounding.js';
export * from './score-entry.js';
export * from './scores.js';
export * from './weights.js';
export * from './analytics/index.js';
