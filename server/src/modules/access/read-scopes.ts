import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import {
  kAnonymise,
  rankGroupOf,
  type EmploymentType,
  type Gender,
  type PositionType,
  type QuasiIdentifiers,
  type RecordThing,
} from '@kinerja/shared';
import type { GraphQLError } from 'graphql';
import { forbidden, notFound } from '../../graphql/errors.js';
import { PSEUDONYMISED_ROLES, type Role } from './roles.js';
import type { Viewer } from './viewer.js';

/**
 * The access rules of docs/access.md, in one place. Resolvers and services ask these functions; none
 * of them decides access on its own. `schema-guard.ts` applies the operation table and the field rules below to the
 * schema; the read services filter their SQL with the conditions below; nested resolvers that return employees go
 * through `RequestAccess`.
 *
 * How much of an employee a caller sees:
 * - FULL: everything.
 * - PSEUDONYMOUS: the pseudonym, the agency and the performance data; employment type, position type, rank (as its
 *   group) and gender generalised by the k-anonymity rule; no name, NIP, position title, dates or links to other
 *   people (POLICY and ANALYST callers outside their own record; docs/privacy.md).
 * - PROFILE: who the person is (name, position, agency), without scores, results or trainings: the supervisor and
 *   the assessors of a record the caller may see, so an employee sees who assesses them.
 * - NONE: not at all.
 */
export type EmployeeVisibility = 'FULL' | 'PSEUDONYMOUS' | 'PROFILE' | 'NONE';

/** The caller together with the employees that their position makes theirs to see. */
export interface Scope {
  viewer: Viewer;
  /**
   * Direct reports of the caller's employee (supervisor rights for every linked account), and, while an acting
   * assignment (Plt/Plh) of the caller is in force, the direct reports of the official they stand in for.
   */
  directReportIds: ReadonlySet<number>;
  /** Direct and indirect reports (the reporting line of a SUPERVISOR, across agencies), acting ones included. */
  lineIds: ReadonlySet<number>;
  /**
   * The officials the caller stands in for today as acting assessor (Plt/Plh, docs/access.md#employee-changes):
   * their direct reports are the caller's for the span of the assignment. Absent means none.
   */
  actingForIds?: ReadonlySet<number>;
}

/** Roles that see every row in full. */
const SEES_EVERYTHING: ReadonlySet<Role> = new Set<Role>(['ADMIN', 'LEADER']);

/**
 * Loads the caller's reporting line: one recursive query per request. THE rule of acting assessors
 * (docs/access.md#employee-changes): while an acting assignment (Plt/Plh) of the caller is in force today, the
 * direct reports of the official they stand in for are the caller's direct reports (and that official's line the
 * caller's line), so every rule that reads the line (seeing, scoring, deciding) follows it and none decides on its
 * own. The caller is never their own report, also when they stand in for their own supervisor.
 */
export async function loadScope(em: EntityManager, viewer: Viewer): Promise<Scope> {
  if (viewer.employeeId === null) return { viewer, directReportIds: new Set(), lineIds: new Set() };
  const rows: { id: number; depth: number; acting: boolean }[] = await em.getConnection().execute(
    `with recursive heads as (
       select ?::int as id, false as acting
       union
       select a.for_employee_id, true from acting_assignment a
        where a.employee_id = ? and current_date between a.date_from and a.date_to
     ), line as (
       select e.id, 1 as depth from employee e where e.supervisor_id = any (array(select id from heads))
       union
       select e.id, line.depth + 1 from employee e join line on e.supervisor_id = line.id where line.depth < 20
     )
     select id, min(depth)::int as depth, false as acting from line where id <> ? group by id
     union all
     select id, 0, true from heads where acting`,
    [viewer.employeeId, viewer.employeeId, viewer.employeeId],
  );
  const line = rows.filter((row) => !row.acting);
  return {
    viewer,
    directReportIds: new Set(line.filter((row) => row.depth === 1).map((row) => row.id)),
    lineIds: new Set(line.map((row) => row.id)),
    actingForIds: new Set(rows.filter((row) => row.acting).map((row) => row.id)),
  };
}

/**
 * Who assesses an evaluation started now by this caller (docs/access.md#employee-changes): the employee's supervisor,
 * or the caller when they stand in for that supervisor as acting assessor (Plt/Plh) today.
 */
export function assessorOfNewEvaluation(scope: Scope, supervisorId: number | null): number | null {
  const { employeeId } = scope.viewer;
  if (employeeId !== null && supervisorId !== null && scope.actingForIds?.has(supervisorId)) return employeeId;
  return supervisorId;
}

/** The employee facts an access decision needs. */
export interface EmployeeRef {
  id: number;
  /** The agency of the employee's current record. */
  agencyId: number;
}

/**
 * What access decisions read of an employee entity: its id and its agency as a reference (never loaded). Written
 * as a shape, not as the Employee entity, so that the access module imports no other module.
 */
export interface EmployeeRow {
  id: number;
  agency: { id: number };
}

/** The facts of an employee entity that access decisions read. */
export function employeeRef(employee: EmployeeRow): EmployeeRef {
  return { id: employee.id, agencyId: employee.agency.id };
}

/** Whether the caller has supervisor or own rights over this employee's records (not merely a role-wide view). */
function ownsRecord(scope: Scope, employee: EmployeeRef): boolean {
  const { viewer } = scope;
  if (viewer.employeeId === employee.id) return true;
  if (scope.directReportIds.has(employee.id)) return true;
  if (viewer.role === 'SUPERVISOR' && scope.lineIds.has(employee.id)) return true;
  return viewer.role === 'AGENCY_HEAD' && viewer.agencyId !== null && viewer.agencyId === employee.agencyId;
}

/**
 * What the caller's position alone shows of an employee: FULL, PSEUDONYMOUS or NONE. PROFILE comes from a relation
 * to a record the caller sees (their supervisor, the assessor of their evaluation, ...): `RequestAccess.visibility`
 * adds it.
 */
export function employeeVisibility(scope: Scope, employee: EmployeeRef): EmployeeVisibility {
  if (SEES_EVERYTHING.has(scope.viewer.role)) return 'FULL';
  if (ownsRecord(scope, employee)) return 'FULL';
  if (PSEUDONYMISED_ROLES.has(scope.viewer.role)) return 'PSEUDONYMOUS';
  return 'NONE';
}

/** Whether the caller's role shows individual rows only under a pseudonym. */
export function isPseudonymised(scope: Scope): boolean {
  return PSEUDONYMISED_ROLES.has(scope.viewer.role);
}

/** Whether every employee row is visible to the caller (in full, or pseudonymised). */
export function seesEveryRow(scope: Scope): boolean {
  return SEES_EVERYTHING.has(scope.viewer.role) || PSEUDONYMISED_ROLES.has(scope.viewer.role);
}

/**
 * The employees a caller may list: every one, or those with these ids (own record, reports, line) plus, for an
 * agency head, those whose current record is in the agency. The SQL condition and the ORM filter below are both
 * rendered from this one description.
 */
export type EmployeeSet = { all: true } | { all: false; ids: readonly number[]; agencyId: number | null };

export function visibleEmployeeSet(scope: Scope): EmployeeSet {
  const { viewer } = scope;
  if (seesEveryRow(scope)) return { all: true };
  const ids = [
    ...(viewer.employeeId === null ? [] : [viewer.employeeId]),
    ...(viewer.role === 'SUPERVISOR' ? scope.lineIds : scope.directReportIds),
  ];
  return { all: false, ids, agencyId: viewer.role === 'AGENCY_HEAD' ? viewer.agencyId : null };
}

/** A SQL condition with its `?` parameters. */
export interface SqlCondition {
  sql: string;
  params: unknown[];
}

function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}

/**
 * A SQL condition on an `employee` table alias that keeps the rows the caller may see (at least pseudonymously),
 * or null when every row is visible. Used by lists, so that a page and its `totalCount` hold only visible rows.
 */
export function employeeScopeCondition(scope: Scope, alias: string): SqlCondition | null {
  const set = visibleEmployeeSet(scope);
  if (set.all) return null;
  const parts: string[] = [];
  const params: unknown[] = [];
  if (set.ids.length > 0) {
    parts.push(`${alias}.id in (${placeholders(set.ids)})`);
    params.push(...set.ids);
  }
  if (set.agencyId !== null) {
    parts.push(`${alias}.agency_id = ?`);
    params.push(set.agencyId);
  }
  return { sql: parts.length > 0 ? `(${parts.join(' or ')})` : 'false', params };
}

/** The evaluation facts an access decision needs. */
export interface EvaluationRef {
  /** The evaluated employee, with the agency of their current record. */
  employee: EmployeeRef;
  /** The agency stored on the evaluation (the employee's agency in that period). */
  agencyId: number;
  assessorId: number | null;
  /** Whether an objection was filed against it (its assessor's superior decides it). */
  hasObjection: boolean;
}

/**
 * Whether the caller may see an evaluation: when they may see the evaluated employee's rows (in full or
 * pseudonymised), when they are its assessor, when they head the agency stored on it (history stays with the agency
 * after a transfer), or when an objection was filed against it and its assessor reports to them directly (the
 * assessor's superior decides objections, PP 30/2019, and must read what they decide).
 */
export function evaluationVisible(scope: Scope, evaluation: EvaluationRef): boolean {
  const { viewer } = scope;
  if (employeeVisibility(scope, evaluation.employee) !== 'NONE') return true;
  if (viewer.employeeId !== null && evaluation.assessorId === viewer.employeeId) return true;
  if (evaluation.hasObjection && evaluation.assessorId !== null && scope.directReportIds.has(evaluation.assessorId)) {
    return true;
  }
  return viewer.role === 'AGENCY_HEAD' && viewer.agencyId !== null && viewer.agencyId === evaluation.agencyId;
}

/** `evaluationVisible` as a set description: the SQL condition and the ORM filter are rendered from it. */
export type EvaluationSet =
  | { all: true }
  | {
      all: false;
      employees: EmployeeSet & { all: false };
      assessorId: number | null;
      /** Evaluations with an objection, assessed by one of these (the caller's direct reports). */
      objectionAssessorIds: readonly number[];
      agencyId: number | null;
    };

export function visibleEvaluationSet(scope: Scope): EvaluationSet {
  const employees = visibleEmployeeSet(scope);
  if (employees.all) return { all: true };
  return {
    all: false,
    employees,
    assessorId: scope.viewer.employeeId,
    objectionAssessorIds: [...scope.directReportIds],
    agencyId: employees.agencyId,
  };
}

/** A SQL condition on an `evaluation` table alias that keeps the evaluations the caller may see, or null for all. */
export function evaluationScopeCondition(scope: Scope, alias: string): SqlCondition | null {
  const set = visibleEvaluationSet(scope);
  if (set.all) return null;
  const parts: string[] = [];
  const params: unknown[] = [];
  if (set.employees.ids.length > 0) {
    parts.push(`${alias}.employee_id in (${placeholders(set.employees.ids)})`);
    params.push(...set.employees.ids);
  }
  if (set.assessorId !== null) {
    parts.push(`${alias}.assessor_id = ?`);
    params.push(set.assessorId);
  }
  if (set.objectionAssessorIds.length > 0) {
    parts.push(
      `(${alias}.assessor_id in (${placeholders(set.objectionAssessorIds)}) ` +
        `and exists (select 1 from objection o where o.evaluation_id = ${alias}.id))`,
    );
    params.push(...set.objectionAssessorIds);
  }
  if (set.agencyId !== null) {
    parts.push(`${alias}.agency_id = ?`, `${alias}.employee_id in (select id from employee where agency_id = ?)`);
    params.push(set.agencyId, set.agencyId);
  }
  return { sql: parts.length > 0 ? `(${parts.join(' or ')})` : 'false', params };
}

/** `evaluationScopeCondition` as a MikroORM filter on Evaluation, or null when every evaluation is visible. */
export function evaluationScopeFilter<Evaluation extends object>(
  scope: Scope,
  em: EntityManager,
): FilterQuery<Evaluation> | null {
  const set = visibleEvaluationSet(scope);
  if (set.all) return null;
  const parts: object[] = [{ employee: { $in: [...set.employees.ids] } }];
  if (set.assessorId !== null) parts.push({ assessor: set.assessorId });
  if (set.objectionAssessorIds.length > 0) {
    const objected = em.getKnex()('objection').select('evaluation_id');
    parts.push({
      assessor: { $in: [...set.objectionAssessorIds] },
      id: { $in: objected },
    });
  }
  if (set.agencyId !== null) parts.push({ agency: set.agencyId }, { employee: { agency: set.agencyId } });
  return { $or: parts } as FilterQuery<Evaluation>;
}

/**
 * The facts a decision on a feedback note or a performance dialogue needs (docs/dialogue.md#who-sees-what): the
 * employee it is about, the supervisor who wrote or held it, and the agency stored on it (the employee's agency then).
 */
export interface FeedbackRef {
  employee: EmployeeRef;
  authorId: number;
  agencyId: number;
}

/** The reports whose records the caller's position opens: the whole line for a SUPERVISOR, else the direct ones. */
function lineOf(scope: Scope): ReadonlySet<number> {
  return scope.viewer.role === 'SUPERVISOR' ? scope.lineIds : scope.directReportIds;
}

/**
 * Whether the caller may read the text of a feedback note or a performance dialogue: the employee it is about, the
 * supervisor who wrote or held it, the superiors up the employee's reporting line (the direct supervisor with any
 * linked account; the whole line for a SUPERVISOR, as `employeeVisibility` gives it), and the head of the agency stored
 * on it or of the employee's current agency. ADMIN, LEADER, POLICY and ANALYST as such get counts only
 * (`feedbackCounts`): a conversation between two people is not a record for the city to read, and the counts tell
 * whether it takes place. Their linked rights stay (a role adds rights, never takes them away).
 */
export function feedbackTextVisible(scope: Scope, ref: FeedbackRef): boolean {
  const { viewer } = scope;
  if (viewer.employeeId !== null && (viewer.employeeId === ref.employee.id || viewer.employeeId === ref.authorId)) {
    return true;
  }
  if (lineOf(scope).has(ref.employee.id)) return true;
  return (
    viewer.role === 'AGENCY_HEAD' &&
    viewer.agencyId !== null &&
    (viewer.agencyId === ref.agencyId || viewer.agencyId === ref.employee.agencyId)
  );
}

/**
 * `feedbackTextVisible` as a SQL condition on a table alias with `employee_id`, `agency_id` and the author's column
 * (`author_id` of a note, `supervisor_id` of a dialogue). Never null: no role reads every note.
 */
export function feedbackScopeCondition(scope: Scope, alias: string, authorColumn: string): SqlCondition {
  const { viewer } = scope;
  const parts: string[] = [];
  const params: unknown[] = [];
  if (viewer.employeeId !== null) {
    parts.push(`${alias}.employee_id = ?`, `${alias}.${authorColumn} = ?`);
    params.push(viewer.employeeId, viewer.employeeId);
  }
  const line = lineOf(scope);
  if (line.size > 0) {
    parts.push(`${alias}.employee_id in (${placeholders([...line])})`);
    params.push(...line);
  }
  if (viewer.role === 'AGENCY_HEAD' && viewer.agencyId !== null) {
    parts.push(`${alias}.agency_id = ?`, `${alias}.employee_id in (select id from employee where agency_id = ?)`);
    params.push(viewer.agencyId, viewer.agencyId);
  }
  return { sql: parts.length > 0 ? `(${parts.join(' or ')})` : 'false', params };
}

/** How a caller named a record: by NIP (identifies a person), or by a pseudonym, code or database id. */
export type RecordKey = 'NIP' | 'OTHER';

/**
 * The one answer for a key (a NIP, a pseudonym, an id) that names no record the caller may see: the same FORBIDDEN,
 * byte for byte, whether the record exists or not. `thing` says what was asked for without the key itself (e.g.
 * "employee with this NIP"), so the message is the same for every key and names nothing outside the caller's scope:
 * a stranger cannot probe which NIPs or ids exist (docs/security.md "Decisions").
 */
export function notInScope(thing: RecordThing): GraphQLError {
  return forbidden({ code: 'NOT_IN_SCOPE', params: { thing } });
}

/**
 * The answer for a key that names no record at all: NOT_FOUND (`RECORD_NOT_FOUND`: the kind of record with its `key`,
 * e.g. "Penilaian 12 tidak ditemukan", "Evaluation 12 not found" in English) for
 * a caller who would see the record if it existed, whoever it is (ADMIN and LEADER; for keys other than a NIP,
 * POLICY and ANALYST too, who see every row pseudonymised); for anyone else the answer for a record out of scope.
 */
export function noSuchRecord(scope: Scope, key: RecordKey, thing: RecordThing, named: string | number): GraphQLError {
  const seesAll = key === 'NIP' ? SEES_EVERYTHING.has(scope.viewer.role) : seesEveryRow(scope);
  return seesAll ? notFound({ code: 'RECORD_NOT_FOUND', params: { thing, key: String(named) } }) : notInScope(thing);
}

/** What `notInScope` says for keys of each kind. */
export const EMPLOYEE_NIP_KEY: RecordThing = 'EMPLOYEE_NIP';
export const EVALUATION_KEY: RecordThing = 'EVALUATION';
export const INNOVATION_KEY: RecordThing = 'INNOVATION';
export const FEEDBACK_NOTE_KEY: RecordThing = 'FEEDBACK_NOTE';
export const DIALOGUE_KEY: RecordThing = 'DIALOGUE';
export const DEVELOPMENT_ACTION_KEY: RecordThing = 'DEVELOPMENT_ACTION';

/**
 * Whether a caller who named this employee by `key` may be told anything about them beyond `notInScope`: by NIP,
 * only who sees the record in full (a pseudonymised caller must not learn which NIPs exist); by another key, whoever
 * sees the record at all.
 */
export function employeeKeyInScope(scope: Scope, key: RecordKey, employee: EmployeeRef): boolean {
  const visibility = employeeVisibility(scope, employee);
  return key === 'NIP' ? visibility === 'FULL' : visibility !== 'NONE';
}

/** Refuses NIP lookups and name searches for pseudonymised callers (docs/access.md#pseudonymised-callers). */
export function assertMayIdentify(scope: Scope, what: string): void {
  if (isPseudonymised(scope)) {
    throw forbidden({ code: 'NOT_FOR_PSEUDONYMISED', params: { what, role: scope.viewer.role } });
  }
}

/** Whether the caller may score (draft, submit) this employee's evaluation: their direct supervisor, or ADMIN. */
export function mayAssess(scope: Scope, employee: EmployeeRef): boolean {
  return scope.viewer.role === 'ADMIN' || scope.directReportIds.has(employee.id);
}

/** Whether the caller may finalise evaluations of this agency: its head, or ADMIN. */
export function mayManageAgency(scope: Scope, agencyId: number): boolean {
  const { viewer } = scope;
  return viewer.role === 'ADMIN' || (viewer.role === 'AGENCY_HEAD' && viewer.agencyId === agencyId);
}

/**
 * Of these employees (none of whom the caller sees by position), those the caller may see as a PROFILE because they
 * are related to a record the caller sees: the supervisor of a visible employee, the assessor or the evaluated
 * employee of a visible evaluation, the decider of an objection against one, the verifier of a visible employee's
 * innovation. One query. Pseudonymised callers get none: a name next to pseudonymised scores would undo the
 * pseudonym.
 */
export async function relatedEmployeeIds(
  em: EntityManager,
  scope: Scope,
  candidateIds: readonly number[],
): Promise<Set<number>> {
  if (candidateIds.length === 0 || isPseudonymised(scope) || seesEveryRow(scope)) return new Set();
  const employees = employeeScopeCondition(scope, 'e')!;
  const evaluations = evaluationScopeCondition(scope, 'v')!;
  const rows: { id: number }[] = await em.getConnection().execute(
    `select x.id from employee x where x.id in (${placeholders(candidateIds)}) and (
       exists (select 1 from employee e where e.supervisor_id = x.id and ${employees.sql})
       or exists (select 1 from evaluation v where (v.assessor_id = x.id or v.employee_id = x.id) and ${evaluations.sql})
       or exists (select 1 from objection o join evaluation v on v.id = o.evaluation_id
                   where (o.decided_by_id = x.id or o.filed_by_id = x.id) and ${evaluations.sql})
       or exists (select 1 from innovation i join employee e on e.id = i.employee_id
                   where i.verified_by_id = x.id and ${employees.sql})
     )`,
    [...candidateIds, ...employees.params, ...evaluations.params, ...evaluations.params, ...employees.params],
  );
  return new Set(rows.map((row) => row.id));
}

/** How much of an employee each field of the Employee type needs (see `EMPLOYEE_FIELD_RULES`). */
export type EmployeeFieldRule =
  /** Shown at every visibility but NONE: the pseudonym and the agency. */
  | 'ALWAYS'
  /**
   * Identifies the person, or links them to others: FULL, or PROFILE (one's supervisor, assessor, ...). Null (or
   * empty) for pseudonymised callers: name, NIP, position title, dates of service, supervisor and reports.
   */
  | 'IDENTITY'
  /**
   * Could single a person out in combination (employment type, position type, rank, gender): as it is for FULL and
   * PROFILE; for PSEUDONYMOUS generalised by the k-anonymity rule (`RequestAccess.generalised`, docs/privacy.md).
   */
  | 'GENERALISED'
  /** Performance data (scores, results, trainings, innovations): FULL or PSEUDONYMOUS, never a mere PROFILE. */
  | 'PERFORMANCE'
  /** Only in full. Fields without a rule are treated so (fail closed). */
  | 'FULL';

/**
 * The field rules of the Employee type, applied by one guard (`schema-guard.ts`) to every Employee however it was
 * reached. A test asserts that every field of the type has an entry; a field without one needs FULL visibility.
 */
export const EMPLOYEE_FIELD_RULES: Readonly<Record<string, EmployeeFieldRule>> = {
  pseudonym: 'ALWAYS',
  agency: 'ALWAYS',
  gender: 'GENERALISED',
  employmentType: 'GENERALISED',
  rank: 'GENERALISED',
  positionType: 'GENERALISED',
  position: 'IDENTITY',
  activeFrom: 'IDENTITY',
  activeTo: 'IDENTITY',
  version: 'FULL',
  // The people returned are filtered by their own visibility too (RequestAccess).
  supervisor: 'IDENTITY',
  subordinates: 'IDENTITY',
  nip: 'IDENTITY',
  name: 'IDENTITY',
  evaluations: 'PERFORMANCE',
  annualResult: 'PERFORMANCE',
  trainingHours: 'PERFORMANCE',
  participations: 'PERFORMANCE',
  innovations: 'PERFORMANCE',
};

/** Whether a field with this rule shows at this visibility. */
export function employeeFieldVisible(rule: EmployeeFieldRule | undefined, visibility: EmployeeVisibility): boolean {
  switch (rule) {
    case 'ALWAYS':
    case 'GENERALISED':
      return visibility !== 'NONE';
    case 'IDENTITY':
      return visibility === 'FULL' || visibility === 'PROFILE';
    case 'PERFORMANCE':
      return visibility === 'FULL' || visibility === 'PSEUDONYMOUS';
    default:
      return visibility === 'FULL';
  }
}

/**
 * Free-text fields written about one person's case (an objection's reason, a decision note, the evidence of a
 * score): they may name people, so pseudonymised callers get null. `Type.field` names.
 */
export const FREE_TEXT_FIELDS: ReadonlySet<string> = new Set([
  'Objection.reason',
  'Objection.decisionNote',
  'EvaluationScore.evidence',
]);

/**
 * The rules above applied to one request: the caller's scope, the visibility of each employee met (cached, with the
 * PROFILE relations asked in one batched query), and the helpers every resolver that returns employees uses.
 */
export class RequestAccess {
  private readonly cache = new Map<number, EmployeeVisibility | Promise<EmployeeVisibility>>();
  private readonly related: DataLoader<number, boolean>;
  private generalisation: Promise<Map<number, QuasiIdentifiers>> | null = null;
  /** Why some rows were left out or some values withheld (docs/privacy.md); sent in `extensions.privacy`. */
  readonly privacyNotes = new Set<string>();

  constructor(
    readonly scope: Scope,
    private readonly em: EntityManager,
    /** The k of the k-anonymity rule: the policy's `suppressionMinGroup`. */
    readonly minGroup = 5,
  ) {
    this.related = new DataLoader<number, boolean>(async (ids) => {
      const found = await relatedEmployeeIds(em, scope, ids);
      return ids.map((id) => found.has(id));
    });
  }

  /**
   * What a pseudonymised caller sees of every employee's employment type, position type, rank group and gender
   * (`kAnonymise` over all employees, by agency, with k = `minGroup`): read and computed once per request, on first
   * use. Only pseudonymised callers ever ask.
   */
  generalised(): Promise<Map<number, QuasiIdentifiers>> {
    this.generalisation ??= (async () => {
      const rows: {
        id: number;
        agency_id: number;
        employment_type: EmploymentType;
        position_type: PositionType | null;
        rank: string | null;
        gender: Gender | null;
      }[] = await this.em
        .getConnection()
        .execute('select id, agency_id, employment_type, position_type, rank, gender from employee order by id');
      const shown = kAnonymise(
        rows.map((row) => ({
          agency: String(row.agency_id),
          employmentType: row.employment_type,
          positionType: row.position_type,
          rankGroup: rankGroupOf(row.employment_type, row.rank),
          gender: row.gender,
        })),
        this.minGroup,
      );
      return new Map(rows.map((row, i) => [row.id, shown[i]!]));
    })();
    return this.generalisation;
  }

  get viewer(): Viewer {
    return this.scope.viewer;
  }

  get pseudonymised(): boolean {
    return isPseudonymised(this.scope);
  }

  /** The caller's visibility of an employee: synchronous when the position decides, else one batched query. */
  visibility(employee: EmployeeRow): EmployeeVisibility | Promise<EmployeeVisibility> {
    const cached = this.cache.get(employee.id);
    if (cached !== undefined) return cached;
    const byPosition = employeeVisibility(this.scope, employeeRef(employee));
    if (byPosition !== 'NONE' || isPseudonymised(this.scope) || seesEveryRow(this.scope)) {
      this.cache.set(employee.id, byPosition);
      return byPosition;
    }
    const pending = this.related.load(employee.id).then((related): EmployeeVisibility => {
      const visibility = related ? 'PROFILE' : 'NONE';
      this.cache.set(employee.id, visibility);
      return visibility;
    });
    this.cache.set(employee.id, pending);
    return pending;
  }

  /**
   * The person at the other end of a relation (supervisor, assessor, verifier, decider) when the caller may follow
   * it, else null: they must see the person at all, and a pseudonymised caller must see them in full, because links
   * between pseudonyms would rebuild the organisation chart and single out its heads (docs/privacy.md).
   */
  async visibleEmployee<T extends EmployeeRow>(employee: T | null): Promise<T | null> {
    if (!employee) return null;
    const visibility = await this.visibility(employee);
    if (visibility === 'NONE' || (this.pseudonymised && visibility !== 'FULL')) return null;
    return employee;
  }

  /** The employee of a non-null reference; FORBIDDEN when the caller may not see them (the rules should prevent it). */
  async requireVisible<T extends EmployeeRow>(employee: T, what: string): Promise<T> {
    if ((await this.visibility(employee)) === 'NONE') throw forbidden({ code: 'NOT_VISIBLE', params: { what } });
    return employee;
  }

  /**
   * The employees of a list the caller may see: at least a PROFILE (`'PROFILE'`, e.g. subordinates), or rows with
   * performance data (`'ROWS'`: FULL or PSEUDONYMOUS, e.g. training participants). Pseudonymised callers get them
   * by pseudonym, so that the order does not give names away.
   */
  async visibleEmployees<T extends EmployeeRow & { pseudonym: string }>(
    employees: readonly T[],
    minimum: 'PROFILE' | 'ROWS',
  ): Promise<T[]> {
    // Rows need the position alone (a PROFILE never shows performance data): no relation query for them.
    const levels =
      minimum === 'ROWS'
        ? employees.map((employee) => employeeVisibility(this.scope, employeeRef(employee)))
        : await Promise.all(employees.map((employee) => this.visibility(employee)));
    // A list of people related to one (subordinates) follows the rule of `visibleEmployee`.
    const kept = employees.filter((_, i) =>
      minimum === 'ROWS'
        ? employeeFieldVisible('PERFORMANCE', levels[i]!)
        : levels[i] !== 'NONE' && (!this.pseudonymised || levels[i] === 'FULL'),
    );
    return this.pseudonymised ? kept.sort((a, b) => a.pseudonym.localeCompare(b.pseudonym)) : kept;
  }

  /** Whether the caller may see this evaluation (see `evaluationVisible`). */
  evaluationVisible(evaluation: EvaluationRef): boolean {
    return evaluationVisible(this.scope, evaluation);
  }
}
