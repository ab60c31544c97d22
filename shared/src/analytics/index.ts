/** Analytics: the pure definitions that the analytics read models and queries must agree with (docs/analytics.md). */
export * from './descriptive.js';
export * from './notes.js';
export * from './ranks.js';
export * from './suppression.js';
export * from './training-impact.js';
export * from './rater-objectivity.js';
export * from './agency-comparison.js';
export * from './distribution-check.js';
export * from './training-needs.js';
export * from './group-statistics.js';
export * from './dimensions.js';
