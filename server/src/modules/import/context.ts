import type { CriterionCategory, Direction, Message, ScoringPolicy } from '@kinerja/shared';
import { MAX_LISTED_ERRORS, type ImportError, type ImportFileName, type ImportProgress } from './import.types.js';
import type { Sql } from './staging.js';

export interface EmployeeRef {
  id: number;
  agencyId: number;
  supervisorId: number | null;
}

export interface CriterionRef {
  id: number;
  code: string;
  agencyId: number | null;
  category: CriterionCategory;
  weight: number;
  yearFrom: number;
  yearTo: number | null;
  target: number | null;
  direction: Direction | null;
}

/** The state shared by the files of one import: the connection, the keys already known, and the errors found. */
export class ImportContext {
  readonly errors: ImportError[] = [];
  /** Set when bulk mode re-validated foreign keys in one scan (see files/scores.ts). */
  bulk = false;
  errorCount = 0;
  /** Agency code -> id (database and agencies.csv). */
  agencies = new Map<string, number>();
  /** NIP -> employee (database and employees.csv). */
  employees = new Map<string, EmployeeRef>();
  /**
   * Keys of rows that were refused in an earlier file: later rows that refer to them are not reported again as
   * "not found" (the first error already says what to fix).
   */
  readonly refused = {
    agencies: new Set<string>(),
    nips: new Set<string>(),
    criterionCodes: new Set<string>(),
    trainings: new Set<string>(),
  };
  /** Criteria by code. */
  criteria = new Map<string, CriterionRef[]>();
  private readonly criterionCache = new Map<string, CriterionRef | null>();
  /** Training code -> id and hours. */
  trainings = new Map<string, { id: number; hoursJp: number }>();

  constructor(
    readonly sql: Sql,
    readonly policy: ScoringPolicy,
    readonly actor: string,
    readonly useCopy: boolean,
    /** New scores from which the foreign keys of evaluation_score are re-validated in bulk (see scores.ts). */
    readonly bulkThreshold: number,
    private readonly onProgress: (progress: ImportProgress) => void,
  ) {}

  error(
    file: ImportFileName,
    line: number | null,
    column: string | null,
    value: string | null,
    problem: Message,
    code?: string,
  ): void {
    this.errorCount++;
    if (this.errors.length < MAX_LISTED_ERRORS) {
      this.errors.push(
        code === undefined ? { file, line, column, value, problem } : { file, line, column, value, problem, code },
      );
    }
  }

  progress(progress: ImportProgress): void {
    this.onProgress(progress);
  }

  async loadAgencies(): Promise<void> {
    const { rows } = await this.sql.query<{ id: number; code: string }>('select id, code from agency');
    this.agencies = new Map(rows.map((r) => [r.code, r.id]));
  }

  async loadEmployees(): Promise<void> {
    const { rows } = await this.sql.query<{ id: number; nip: string; agency_id: number; supervisor_id: number | null }>(
      'select id, nip, agency_id, supervisor_id from employee',
    );
    this.employees = new Map(
      rows.map((r) => [r.nip, { id: r.id, agencyId: r.agency_id, supervisorId: r.supervisor_id }]),
    );
  }

  async loadCriteria(): Promise<void> {
    const { rows } = await this.sql.query<{
      id: number;
      code: string;
      agency_id: number | null;
      category: CriterionCategory;
      weight: number;
      year_from: number;
      year_to: number | null;
      target: number | null;
      direction: Direction | null;
    }>('select id, code, agency_id, category, weight, year_from, year_to, target, direction from criterion');
    this.criteria = new Map();
    this.criterionCache.clear();
    for (const r of rows) {
      const ref: CriterionRef = {
        id: r.id,
        code: r.code,
        agencyId: r.agency_id,
        category: r.category,
        weight: r.weight,
        yearFrom: r.year_from,
        yearTo: r.year_to,
        target: r.target,
        direction: r.direction,
      };
      const list = this.criteria.get(r.code);
      if (list) list.push(ref);
      else this.criteria.set(r.code, [ref]);
    }
  }

  async loadTrainings(): Promise<void> {
    const { rows } = await this.sql.query<{ id: number; code: string; hours_jp: number }>(
      'select id, code, hours_jp from training',
    );
    this.trainings = new Map(rows.map((r) => [r.code, { id: r.id, hoursJp: r.hours_jp }]));
  }

  /**
   * The criterion with this code that applies to an agency in a year: the agency's own, else the city-wide one, in
   * force that year (year_from <= year <= year_to, no year_to = still in force). Null when none applies.
   */
  criterionFor(code: string, agencyId: number, year: number): CriterionRef | null {
    const key = `${code}\u0000${agencyId}\u0000${year}`;
    const cached = this.criterionCache.get(key);
    if (cached !== undefined) return cached;
    let found: CriterionRef | null = null;
    for (const c of this.criteria.get(code) ?? []) {
      if (c.yearFrom > year || (c.yearTo !== null && c.yearTo < year)) continue;
      if (c.agencyId === agencyId) {
        found = c;
        break;
      }
      if (c.agencyId === null) found = c;
    }
    this.criterionCache.set(key, found);
    return found;
  }
}
