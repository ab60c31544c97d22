import type { Message } from '@kinerja/shared';

/** The file names of docs/import.md, in the order they are applied. */
export const IMPORT_FILES = [
  'agencies.csv',
  'employees.csv',
  'criteria.csv',
  'scores.csv',
  'innovations.csv',
  'trainings.csv',
  'participations.csv',
  'org_performance.csv',
] as const;
export type ImportFileName = (typeof IMPORT_FILES)[number];

/** One problem found in the folder: where it is, what the value was, and what to do about it. */
export interface ImportError {
  file: string;
  /** Line of the file (1 = the header); null for a problem of the folder or of several rows together. */
  line: number | null;
  /** Column name as in the header; null when the problem is not one column's. */
  column: string | null;
  /** The value as written in the file (or the sum, for weights); null when there is none. */
  value: string | null;
  /**
   * What is wrong, as a message of the one catalogue (code and parameters; docs/i18n.md): it is put into words when
   * the report is read, in the reader's language (the request's `Accept-Language`, the command line's choice).
   */
  problem: Message;
  /**
   * The code of the rule broken, when a rule check of `shared/` found the problem (e.g. `SCORE_ABOVE_MAX`; then the
   * same as `problem.code`). Absent for the importer's own checks.
   */
  code?: string;
}

/** What the import did (or, when rejected or a dry run, would have done) with one file's rows. */
export interface FileReport {
  file: ImportFileName;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportReport {
  folder: string;
  dryRun: boolean;
  /** True when the data was written (false for a dry run and for a rejected import). */
  committed: boolean;
  /** True when no error was found. */
  ok: boolean;
  files: FileReport[];
  /** Rows derived from scores.csv: evaluations and periods. */
  evaluations: { created: number; updated: number; unchanged: number };
  periodsCreated: number;
  /** True when bulk mode checked the foreign keys of evaluations and scores once, after the insert. */
  bulk: boolean;
  /** The errors, in file order; at most MAX_LISTED_ERRORS of them. */
  errors: ImportError[];
  /** Every error found, including those not listed. */
  errorCount: number;
  durationMs: number;
}

/** Progress of the import, reported after every batch. */
export interface ImportProgress {
  file: ImportFileName;
  /** What is happening: reading rows, or a set-based step after the file was read. */
  phase: 'rows' | 'step';
  /** Rows read so far from this file. */
  rows: number;
  /** Rows written so far, inside the import's transaction (staged or final). */
  written: number;
  bytesRead: number;
  bytesTotal: number;
  /** Seconds since the file was opened. */
  elapsedSeconds: number;
  /** A set-based step after the rows, e.g. "writing scores". */
  step?: string;
}

/** Errors beyond this number are counted but not listed: a report of a million lines helps no clerk. */
export const MAX_LISTED_ERRORS = 10_000;
