import type { FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { checkYearQuarter, CRITERION_CATEGORIES, nipInvalid, validateNip } from '@kinerja/shared';
import { pageConnection, type Connection } from '../../graphql/connection.js';
import { employeeIdsByYear, employeeYearKey, groupBy, type EmployeeYear } from '../../graphql/batching.js';
import { badUserInput, throwProblems } from '../../graphql/errors.js';
import { pageWindow } from '../../graphql/pagination.js';
import { readRows } from '../../graphql/read-sql.js';
import { agencyIdsByCodes } from '../agency/agency.service.js';
import { assertMayIdentify, evaluationScopeFilter, type Scope } from '../access/read-scopes.js';
import type { Criterion } from '../criteria/criterion.entity.js';
import { Evaluation } from './evaluation.entity.js';
import type { EvaluationFilter, EvaluationOrder } from './evaluation.types.js';
import { checkScoreRange } from '../../graphql/score-range.js';
import { Objection } from './objection.entity.js';
import type { PeriodInput } from '../periods/period.types.js';
import type { Period } from '../periods/period.entity.js';

/** Each order of the `evaluations` connection ends with the id (docs/graphql.md#orders-and-filters-of-the-lists). */
const EVALUATION_ORDER_SQL: Record<EvaluationOrder, QueryOrderMap<Evaluation>[]> = {
  PERIOD_DESC: [{ period: { year: 'desc', quarter: 'desc' } }, { id: 'asc' }],
  PERIOD_ASC: [{ period: { year: 'asc', quarter: 'asc' } }, { id: 'asc' }],
  SCORE_DESC: [{ score: 'desc nulls last' }, { id: 'asc' }],
  SCORE_ASC: [{ score: 'asc nulls last' }, { id: 'asc' }],
};

/**
 * The evaluations of each employee (of one year, or of every year), oldest first, with their period loaded: one
 * query per distinct year among the keys. With `withScores` the same statement brings each evaluation's criterion
 * scores (`json_agg`, in the order of `scoresOfEvaluations`), handed to `onScores`: a nested read of evaluations with
 * their scores is one statement less (docs/benchmarks.md#read-path-against-postgraphile).
 */
export async function evaluationsOfEmployees(
  em: EntityManager,
  keys: readonly EmployeeYear[],
  withScores = false,
  onScores?: (scores: Map<number, ScoreRow[]>) => void,
): Promise<Evaluation[][]> {
  const found = new Map<string, Evaluation[]>();
  await Promise.all(
    [...employeeIdsByYear(keys)].map(async ([year, employeeIds]) => {
      const { rows, scores } = await evaluationRows(em, employeeIds, year, withScores);
      if (scores) onScores?.(scores);
      for (const [employeeId, list] of groupBy(rows, (row) => row.employee.id)) {
        found.set(employeeYearKey({ employeeId, year }), list);
      }
    }),
  );
  return keys.map((key) => found.get(employeeYearKey(key)) ?? []);
}

/**
 * The columns of an evaluation the API answers (every field of `Evaluation` and its relations' ids), under the
 * entity's property names, with its period's; not the weights the results were computed with (`result_weights`,
 * JSON) nor the row's timestamps: parsing those for thousands of rows was garbage no field reads
 * (docs/benchmarks.md#read-path-against-postgraphile).
 */
const EVALUATION_COLUMNS = `v.id, v.employee_id as "employeeId", v.agency_id as "agencyId", v.assessor_id as "assessorId",
  v.status, v.version, v.hasil_kerja_score as "hasilKerjaScore", v.perilaku_kerja_score as "perilakuKerjaScore",
  v.score, v.hasil_kerja_rating as "hasilKerjaRating", v.perilaku_kerja_rating as "perilakuKerjaRating", v.predikat,
  v.policy_version as "policyVersion", v.submitted_at as "submittedAt", v.acknowledged_at as "acknowledgedAt",
  v.finalized_at as "finalizedAt", p.id as "periodId", p.year, p.quarter, p.status as "periodStatus",
  p.closed_at as "periodClosedAt"`;

/**
 * The scores of an evaluation as one `json_agg` column (id order), each score a positional array (`ScoreTuple`), not an
 * object: the names repeated in every score made the 88,000 scores of a 500-employee page 13.3 MB of JSON to build
 * and parse, against 3.6 MB as arrays, and the statement took twice as long (docs/benchmarks.md "Fourth pass").
 */
const SCORES_JSON = `(select coalesce(json_agg(json_build_array(s.id, s.criterion_id, s.score, s.realisation,
      s.derived_from_indicator, s.evidence) order by s.id), '[]')
     from evaluation_score s where s.evaluation_id = v.id) as "scoreTuples"`;

/** One score as `SCORES_JSON` sends it: id, criterion id, score, realisation, derived from an indicator, evidence. */
type ScoreTuple = [number, number, number, number | null, boolean, string | null];

interface EvaluationSqlRow {
  id: number;
  employeeId: number;
  agencyId: number;
  assessorId: number | null;
  status: Evaluation['status'];
  version: number;
  hasilKerjaScore: number | null;
  perilakuKerjaScore: number | null;
  score: number | null;
  hasilKerjaRating: Evaluation['hasilKerjaRating'];
  perilakuKerjaRating: Evaluation['perilakuKerjaRating'];
  predikat: Evaluation['predikat'];
  policyVersion: string | null;
  submittedAt: string | null;
  acknowledgedAt: string | null;
  finalizedAt: string | null;
  periodId: number;
  year: number;
  quarter: number;
  periodStatus: Period['status'];
  periodClosedAt: string | null;
  scoreTuples?: ScoreTuple[];
}

/** A timestamp as the entity holds it (the pool's connections leave timestamps as text). */
function dateOf(value: string | null): Date | null {
  return value === null ? null : new Date(value);
}

/**
 * The evaluations of these employees (of one year, or of every year) with their period, as plain rows shaped like the
 * entity (relations as `{ id }` references, the period whole), oldest first, in one plain SQL statement
 * (graphql/read-sql.ts): a 500-employee page has ~7,400 of them; hydrating them was a tenth of that request's CPU and the
 * query builder a tenth of a small read's (docs/benchmarks.md). Readers use their fields and relation ids only. With
 * `withScores`, also each evaluation's scores, by evaluation id.
 */
async function evaluationRows(
  em: EntityManager,
  employeeIds: readonly number[],
  year: number | null,
  withScores: boolean,
): Promise<{ rows: Evaluation[]; scores: Map<number, ScoreRow[]> | null }> {
  const rows = await readRows<EvaluationSqlRow>(
    em,
    `select ${EVALUATION_COLUMNS}${withScores ? `, ${SCORES_JSON}` : ''}
       from evaluation v join period p on p.id = v.period_id
      where v.employee_id = any(?)${year === null ? '' : ' and p.year = ?'}
      order by p.year, p.quarter, v.id`,
    year === null ? [employeeIds] : [employeeIds, year],
  );
  const scores = withScores ? new Map<number, ScoreRow[]>() : null;
  // The few periods of thousands of rows: one object each.
  const periods = new Map<number, Period>();
  const evaluations = rows.map((row) => {
    if (scores) {
      scores.set(
        row.id,
        row.scoreTuples!.map(([id, criterionId, score, realisation, derivedFromIndicator, evidence]) => ({
          id,
          evaluationId: row.id,
          criterionId,
          score,
          realisation,
          derivedFromIndicator,
          evidence,
        })),
      );
    }
    let period = periods.get(row.periodId);
    if (!period) {
      period = {
        id: row.periodId,
        year: row.year,
        quarter: row.quarter,
        status: row.periodStatus,
        closedAt: dateOf(row.periodClosedAt),
      } as Period;
      periods.set(row.periodId, period);
    }
    return {
      id: row.id,
      employee: { id: row.employeeId },
      period,
      agency: { id: row.agencyId },
      assessor: row.assessorId === null ? null : { id: row.assessorId },
      status: row.status,
      version: row.version,
      hasilKerjaScore: row.hasilKerjaScore,
      perilakuKerjaScore: row.perilakuKerjaScore,
      score: row.score,
      hasilKerjaRating: row.hasilKerjaRating,
      perilakuKerjaRating: row.perilakuKerjaRating,
      predikat: row.predikat,
      policyVersion: row.policyVersion,
      submittedAt: dateOf(row.submittedAt),
      acknowledgedAt: dateOf(row.acknowledgedAt),
      finalizedAt: dateOf(row.finalizedAt),
    };
  }) as unknown as Evaluation[];
  return { rows: evaluations, scores };
}

/** A criterion score as read for the API: the row, with the criterion as an id to load through the loader. */
export interface ScoreRow {
  id: number;
  evaluationId: number;
  criterionId: number;
  score: number;
  realisation: number | null;
  derivedFromIndicator: boolean;
  evidence: string | null;
}

/**
 * The criterion scores of each evaluation, in one query, as plain rows: a page of 500 employees carries 24 000 of
 * them, and hydrating that many entities into the identity map costs several times the query itself.
 */
export async function scoresOfEvaluations(em: EntityManager, ids: readonly number[]): Promise<ScoreRow[][]> {
  const rows: ScoreRow[] = await em
    .getConnection()
    .execute(
      'select id, evaluation_id as "evaluationId", criterion_id as "criterionId", score, realisation, ' +
        'derived_from_indicator as "derivedFromIndicator", evidence ' +
        'from evaluation_score where evaluation_id in (?) order by id',
      [[...ids]],
    );
  const byEvaluation = groupBy(rows, (row) => row.evaluationId);
  return ids.map((id) => byEvaluation.get(id) ?? []);
}

/** A score row with its criterion, as `EvaluationScore` answers it. */
export type ScoreWithItsCriterion = ScoreRow & { criterion: Criterion };

/** The order of `Evaluation.scores`: work results first, then behaviour, each by criterion (catalogue order). */
export function byRank(a: ScoreWithItsCriterion, b: ScoreWithItsCriterion): number {
  const rank = (score: ScoreWithItsCriterion) => CRITERION_CATEGORIES.indexOf(score.criterion.category);
  return rank(a) - rank(b) || a.criterionId - b.criterionId;
}

/**
 * The scores of an evaluation with their criteria (`criteria[i]` is the criterion of `rows[i]`), in the order
 * `Evaluation.scores` answers (`byRank`). Built field by field and ranked once per row.
 */
export function rankScores(rows: readonly ScoreRow[], criteria: readonly Criterion[]): ScoreWithItsCriterion[] {
  const scores = rows.map((row, i): ScoreWithItsCriterion => ({
    id: row.id,
    evaluationId: row.evaluationId,
    criterionId: row.criterionId,
    score: row.score,
    realisation: row.realisation,
    derivedFromIndicator: row.derivedFromIndicator,
    evidence: row.evidence,
    criterion: criteria[i]!,
  }));
  return scores.sort(byRank);
}

/** The objections filed against each evaluation, oldest first, in one query. */
export async function objectionsOfEvaluations(em: EntityManager, ids: readonly number[]): Promise<Objection[][]> {
  const rows = await em.find(Objection, { evaluation: { $in: [...ids] } }, { orderBy: { filedAt: 'asc', id: 'asc' } });
  const byEvaluation = groupBy(rows, (row) => row.evaluation.id);
  return ids.map((id) => byEvaluation.get(id) ?? []);
}

function checkPeriodInput(period: PeriodInput, field: string): void {
  throwProblems(checkYearQuarter(period), field);
}

/** Periods at or after (`$gte`) or at or before (`$lte`) a quarter, as a condition on the period. */
function periodBound(period: PeriodInput, op: '$gte' | '$lte'): FilterQuery<Period> {
  const beyond = op === '$gte' ? '$gt' : '$lt';
  return { $or: [{ year: { [beyond]: period.year } }, { year: period.year, quarter: { [op]: period.quarter } }] };
}

/**
 * The `evaluations` connection: filtered to the caller's scope and by the filter in SQL (predikat and score on the
 * stored results), ordered by period then id unless another order is given,
 * one count and one page query (plus one to resolve agency codes when they are given). Pseudonymised callers may not
 * filter by an assessor's NIP.
 */
export async function findEvaluations(
  em: EntityManager,
  scope: Scope,
  args: {
    filter?: EvaluationFilter | null;
    first?: number | null;
    after?: string | null;
    orderBy?: EvaluationOrder | null;
    scoreMax?: number;
  },
): Promise<Connection<Evaluation>> {
  const { filter, orderBy } = args;
  const { limit, offset } = pageWindow(args);
  checkScoreRange(filter?.minScore, filter?.maxScore, args.scoreMax ?? 120);
  const conditions: FilterQuery<Evaluation>[] = [];
  const visible = evaluationScopeFilter<Evaluation>(scope, em);
  if (visible) conditions.push(visible);
  if (filter?.agencyCodes) {
    const ids = await agencyIdsByCodes(em, filter.agencyCodes, 'filter.agencyCodes');
    conditions.push({ agency: { $in: ids } });
  }
  if (filter?.status) conditions.push({ status: { $in: filter.status } });
  if (filter?.assessorNip !== undefined && filter.assessorNip !== null) {
    assertMayIdentify(scope, 'filter.assessorNip');
    const nip = filter.assessorNip;
    const check = validateNip(nip);
    if (!check.ok && check.errors.some((e) => e.part === 'length' || e.part === 'digits')) {
      throw badUserInput('filter.assessorNip', nipInvalid(check.errors));
    }
    conditions.push({ assessor: { nip } });
  }
  if (filter?.predikats) conditions.push({ predikat: { $in: filter.predikats } });
  if (filter?.minScore !== null && filter?.minScore !== undefined)
    conditions.push({ score: { $gte: filter.minScore } });
  if (filter?.maxScore !== null && filter?.maxScore !== undefined)
    conditions.push({ score: { $lte: filter.maxScore } });
  const periodConditions: FilterQuery<Period>[] = [];
  if (filter?.from) {
    checkPeriodInput(filter.from, 'filter.from');
    periodConditions.push(periodBound(filter.from, '$gte'));
  }
  if (filter?.to) {
    checkPeriodInput(filter.to, 'filter.to');
    periodConditions.push(periodBound(filter.to, '$lte'));
  }
  if (filter?.from && filter.to) {
    const { from, to } = filter;
    if (from.year * 4 + from.quarter > to.year * 4 + to.quarter) {
      throw badUserInput(
        'filter.to',
        `to (${to.year} Q${to.quarter}) is before from (${from.year} Q${from.quarter}): the range is empty`,
      );
    }
  }
  if (periodConditions.length > 0) conditions.push({ period: { $and: periodConditions } });
  const where: FilterQuery<Evaluation> = conditions.length > 0 ? { $and: conditions } : {};

  // One row more than the page tells whether another follows; the count runs only if `totalCount` is asked.
  const rows = await em.find(Evaluation, where, {
    populate: ['period'],
    orderBy: EVALUATION_ORDER_SQL[orderBy ?? 'PERIOD_ASC'],
    limit: limit + 1,
    offset,
  });
  return pageConnection(rows, offset, limit, () => em.count(Evaluation, where));
}
