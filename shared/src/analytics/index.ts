/** Analytics: the pure definitions that the analytics read models and queries must agree with (docs/analytics.md). */
export * from './descriptive.js';
export * from './notes.js';
export * from './ranks.js';
export * from './suppression.js';
