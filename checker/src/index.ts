export { readCsv, numberOf, type CsvTable } from './csv.js';
export * from './rules.js';
export * from './data.js';
export * from './analytics.js';
export * from './compare.js';
export * from './people.js';
