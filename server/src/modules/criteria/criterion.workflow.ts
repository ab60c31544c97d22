import type { EntityManager } from '@mikro-orm/postgresql';
import {
  checkIndicator,
  checkWeight,
  checkWeightList,
  checkWeightSums,
  checkYear,
  checkYearSpan,
  roundForComparison,
  YEAR_MAX,
  type CriterionCategory,
  type Direction,
  type ScoringPolicy,
} from '@kinerja/shared';
import { badUserInput, firstProblemError, throwProblems } from '../../graphql/errors.js';
import { writeAudit } from '../audit/audit.service.js';
import { markStale, selectIds, sqlOf, writeResults, writerTransaction } from '../results/index.js';
import type { CreateCriterionInput, CriterionWeightInput, ReplaceCriterionWeightsInput } from './criterion.inputs.js';

/**
 * Changes to the criteria catalogue (docs/scoring.md#criteria-and-weights): for each agency, year and category, the weights of the
 * criteria that apply (city-wide ones plus the agency's own) sum to 100. Both mutations check that rule for every
 * agency and year they touch, inside their transaction, after writing: a broken sum throws, and nothing stays written.
 *
 * Criteria carry years in force, so a weight changed "from year Y" splits a criterion in force since an earlier year:
 * the old row ends at Y-1 with the old weight, a copy starts at Y with the new one, and the scores of evaluations of
 * Y and later move to the copy, so they are weighted as in force in their year. Results stored by finalising are not
 * touched (docs/scoring.md#periods-and-final-results: a final result is never rewritten).
 */

interface CriterionRow {
  id: number;
  code: string;
  name: string;
  description: string | null;
  category: CriterionCategory;
  weight: number;
  indicator_unit: string | null;
  target: number | null;
  direction: Direction | null;
  agency_id: number | null;
  year_from: number;
  year_to: number | null;
}

interface AgencyRow {
  id: number;
  code: string;
}

/** A weight changed by a mutation, for the audit log. */
interface WeightChange {
  criterion: string;
  criterionId: number;
  /** The row that carries the new weight (the copy when the old row was split). */
  newCriterionId: number;
  from: number;
  to: number;
}

function inForce(row: CriterionRow, year: number): boolean {
  return row.year_from <= year && (row.year_to === null || row.year_to >= year);
}

/** Shape of a weight list: codes present and not repeated, each weight by the shared weight rule. */
function checkWeightInputs(weights: readonly CriterionWeightInput[], field: string): void {
  const seen = new Map<string, number>();
  weights.forEach((w, i) => {
    const code = w.criterionCode?.trim() ?? '';
    if (code === '')
      throw badUserInput(`${field}[${i}].criterionCode`, { code: 'CRITERION_CODE_REQUIRED', params: {} });
    if (seen.has(code)) {
      throw badUserInput(`${field}[${i}].criterionCode`, {
        code: 'CRITERION_TWICE',
        params: { code, at: `${field}[${seen.get(code)}]` },
      });
    }
    seen.set(code, i);
    throwProblems(checkWeight(w.weight), `${field}[${i}]`);
  });
}

async function findAgency(
  tem: EntityManager,
  code: string | null | undefined,
  field: string,
): Promise<AgencyRow | null> {
  if (code === null || code === undefined) return null;
  const [agency] = await tem.execute<AgencyRow[]>('select id, code from agency where code = ?', [code]);
  if (!agency) throw badUserInput(field, { code: 'AGENCY_NOT_FOUND', params: { code } });
  return agency;
}

/** Every criterion of a category, locked: two changes of one category run one after the other. */
async function lockCategory(tem: EntityManager, category: CriterionCategory): Promise<CriterionRow[]> {
  return tem.execute<CriterionRow[]>(
    `select id, code, name, description, category, weight, indicator_unit, target, direction, agency_id, year_from,
            year_to
       from criterion where category = ? order by id for update`,
    [category],
  );
}

/** The criteria in force for an agency in a year (city-wide and its own), or only the city-wide ones for null. */
function inForceFor(rows: readonly CriterionRow[], agencyId: number | null, year: number): CriterionRow[] {
  return rows.filter((r) => inForce(r, year) && (r.agency_id === null || r.agency_id === agencyId));
}

/**
 * Gives a criterion a new weight from `year` on: in place when it starts that year, else by splitting it (see the
 * module comment). Returns the id of the row that carries the new weight.
 */
async function setWeightFrom(tem: EntityManager, row: CriterionRow, year: number, weight: number): Promise<number> {
  if (row.year_from === year) {
    await tem.execute('update criterion set weight = ?, updated_at = now() where id = ?', [weight, row.id]);
    return row.id;
  }
  await tem.execute('update criterion set year_to = ?, updated_at = now() where id = ?', [year - 1, row.id]);
  const [copy] = await tem.execute<{ id: number }[]>(
    `insert into criterion (code, name, description, category, weight, indicator_unit, target, direction, agency_id,
                            year_from, year_to)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
    [
      row.code,
      row.name,
      row.description,
      row.category,
      weight,
      row.indicator_unit,
      row.target,
      row.direction,
      row.agency_id,
      year,
      row.year_to,
    ],
  );
  await tem.execute(
    `update evaluation_score s set criterion_id = ?
       from evaluation e join period p on p.id = e.period_id
      where s.criterion_id = ? and e.id = s.evaluation_id and p.year >= ?`,
    [copy.id, row.id, year],
  );
  return copy.id;
}

/**
 * The shared weights rule (`checkWeightSums`) for the agencies given, from `fromYear` to `toYear` (null: on), over the
 * catalogue of the category as written so far in the transaction. Returns the first broken sum, or null.
 */
async function brokenSum(
  tem: EntityManager,
  category: CriterionCategory,
  agencies: readonly AgencyRow[],
  fromYear: number,
  toYear: number | null,
) {
  const rows = await tem.execute<CriterionRow[]>(
    'select id, agency_id, category, weight, year_from, year_to from criterion where category = ?',
    [category],
  );
  const criteria = rows.map((r) => ({
    agencyId: r.agency_id,
    category: r.category,
    weight: r.weight,
    yearFrom: r.year_from,
    yearTo: r.year_to,
  }));
  const scopes = agencies.map((a) => ({
    agencyId: a.id,
    agency: a.code,
    category,
    from: fromYear,
    to: toYear,
    ref: a,
  }));
  return checkWeightSums(criteria, scopes)[0] ?? null;
}

async function allAgencies(tem: EntityManager): Promise<AgencyRow[]> {
  return tem.execute<AgencyRow[]>('select id, code from agency order by code');
}

/**
 * Applies a list of weights to the criteria in force for an agency (or city-wide) in a year. Every code must be in
 * force; with an agency, a city-wide criterion's weight cannot change (it applies to every agency). Returns the
 * changes, and the criteria in force with their (new) row ids.
 */
async function applyWeights(
  tem: EntityManager,
  rows: readonly CriterionRow[],
  agency: AgencyRow | null,
  year: number,
  category: CriterionCategory,
  weights: readonly CriterionWeightInput[],
  field: string,
): Promise<WeightChange[]> {
  const candidates = inForceFor(rows, agency?.id ?? null, year);
  // An agency's own criterion wins over a city-wide one of the same code (listed later).
  const byCode = new Map(
    [...candidates].sort((a, b) => Number(a.agency_id !== null) - Number(b.agency_id !== null)).map((r) => [r.code, r]),
  );
  const changes: WeightChange[] = [];
  for (const [i, w] of weights.entries()) {
    const code = w.criterionCode.trim();
    const row = byCode.get(code);
    if (!row) {
      throw badUserInput(`${field}[${i}].criterionCode`, {
        code: 'CRITERION_NOT_IN_CATEGORY',
        params: { code, category, agency: agency?.code ?? null, year },
      });
    }
    if (roundForComparison(row.weight) === roundForComparison(w.weight)) continue;
    if (agency && row.agency_id === null) {
      throw badUserInput(`${field}[${i}].weight`, {
        code: 'CITY_WIDE_WEIGHT',
        params: { code, weight: row.weight },
      });
    }
    const newId = await setWeightFrom(tem, row, year, w.weight);
    changes.push({ criterion: code, criterionId: row.id, newCriterionId: newId, from: row.weight, to: w.weight });
  }
  return changes;
}

/**
 * Replaces the weights of one agency (or the city-wide criteria), year and category at once. With an agency, the
 * list must name every criterion in force for it and sum to 100; city-wide, every agency must still sum to 100
 * afterwards. Returns the ids of the criteria in force afterwards.
 */
export async function replaceCriterionWeights(
  em: EntityManager,
  actor: string,
  input: ReplaceCriterionWeightsInput,
  policy: ScoringPolicy,
): Promise<number[]> {
  throwProblems(checkYear(input.year), 'input');
  if (input.weights.length === 0) throw badUserInput('input.weights', { code: 'WEIGHTS_EMPTY', params: {} });
  checkWeightInputs(input.weights, 'input.weights');
  const { year, category } = input;
  return writerTransaction(em, async (tem) => {
    const agency = await findAgency(tem, input.agencyCode, 'input.agencyCode');
    const rows = await lockCategory(tem, category);
    const current = inForceFor(rows, agency?.id ?? null, year);
    const listed = new Set(input.weights.map((w) => w.criterionCode.trim()));
    const missing = current.filter((r) => !listed.has(r.code));
    if (missing.length > 0) {
      throw badUserInput('input.weights', {
        code: 'WEIGHTS_MISSING',
        params: {
          missing: missing.map((r) => ({ code: r.code, weight: r.weight })),
          category,
          agency: agency?.code ?? null,
          year,
        },
      });
    }
    if (agency) {
      const where = { category, agency: agency.code, year };
      throwProblems(
        checkWeightList(
          input.weights.map((w) => w.weight),
          where,
        ),
        'input',
      );
    }
    const changes = await applyWeights(tem, rows, agency, year, category, input.weights, 'input.weights');
    const broken = await brokenSum(tem, category, agency ? [agency] : await allAgencies(tem), year, null);
    if (broken) throw firstProblemError([broken], null, { weight: 'input.weights' });
    const after = inForceFor(await lockCategory(tem, category), agency?.id ?? null, year);
    await resultsAfterReweighting(tem, policy, category, agency?.id ?? null, year, null);
    await writeAudit(tem, {
      actor,
      action: 'criterion.reweight',
      entityType: 'criterion-weights',
      entityId: `${agency?.code ?? 'ALL'}/${year}/${category}`,
      before: current.map((r) => ({ criterion: r.code, criterionId: r.id, weight: r.weight })),
      after: { weights: after.map((r) => ({ criterion: r.code, criterionId: r.id, weight: r.weight })), changes },
      reason: input.reason?.trim() || null,
    });
    return after.map((r) => r.id);
  });
}

/**
 * After weights changed (or a criterion was added) for an agency (null: every agency), a category and years: the
 * stored results of every evaluation that is not FINAL and scores that category there and then are recomputed by the
 * results writer (FINAL ones keep the weights they were finalised with), and the criteria are marked stale for the
 * analytics (docs/scoring.md "Stored results", "Stale marks").
 */
async function resultsAfterReweighting(
  tem: EntityManager,
  policy: ScoringPolicy,
  category: CriterionCategory,
  agencyId: number | null,
  yearFrom: number,
  yearTo: number | null,
): Promise<void> {
  const sql = await sqlOf(tem);
  const ids = await selectIds(
    sql,
    `select distinct e.id from evaluation e join period p on p.id = e.period_id
       join evaluation_score s on s.evaluation_id = e.id join criterion c on c.id = s.criterion_id
      where e.status <> 'FINAL' and c.category = $1 and p.year >= $2 and ($3::int is null or p.year <= $3)
        and ($4::int is null or e.agency_id = $4)
      order by e.id`,
    [category, yearFrom, yearTo, agencyId],
  );
  await writeResults(sql, ids, policy);
  await markStale(
    sql,
    'criteria',
    `select $1::int, y::smallint, null::smallint
       from generate_series($2::int, coalesce($3::int, greatest($2::int, (select max(year) from period)))) as y`,
    [agencyId, yearFrom, yearTo],
  );
}

const CODE_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

function checkCreateInput(input: CreateCriterionInput): void {
  if (!CODE_PATTERN.test(input.code ?? '')) {
    throw badUserInput('input.code', { code: 'CODE_FORMAT', params: { value: String(input.code ?? '') } });
  }
  const name = input.name?.trim() ?? '';
  if (name === '') throw badUserInput('input.name', { code: 'FIELD_REQUIRED', params: { field: 'name' } });
  if (name.length > 200) {
    throw badUserInput('input.name', {
      code: 'FIELD_TOO_LONG',
      params: { field: 'name', length: name.length, max: 200 },
    });
  }
  throwProblems(
    [
      ...checkWeight(input.weight),
      ...checkYearSpan(input.yearFrom, input.yearTo),
      ...checkIndicator(input.target, input.direction),
    ],
    'input',
  );
  const unitLength = (input.indicatorUnit ?? '').length;
  if (unitLength > 32) {
    throw badUserInput('input.indicatorUnit', {
      code: 'FIELD_TOO_LONG',
      params: { field: 'indicatorUnit', length: unitLength, max: 32 },
    });
  }
  checkWeightInputs(input.otherWeights ?? [], 'input.otherWeights');
}

/**
 * Creates a criterion, with the changed weights of others of its agency (or city-wide) and category from its first
 * year on; then every agency it applies to must still sum to 100 in every year it is in force. Returns its id.
 */
export async function createCriterion(
  em: EntityManager,
  actor: string,
  input: CreateCriterionInput,
  policy: ScoringPolicy,
): Promise<number> {
  checkCreateInput(input);
  const yearTo = input.yearTo ?? null;
  return writerTransaction(em, async (tem) => {
    const agency = await findAgency(tem, input.agencyCode, 'input.agencyCode');
    const rows = await lockCategory(tem, input.category);
    const [clash] = await tem.execute<(CriterionRow & { agency_code: string | null })[]>(
      `select c.code, c.agency_id, c.year_from, c.year_to, a.code as agency_code
           from criterion c left join agency a on a.id = c.agency_id
          where c.code = ? and (c.agency_id is null or ? is null or c.agency_id = ?)
            and c.year_from <= ? and (c.year_to is null or c.year_to >= ?)
          limit 1`,
      [input.code, agency?.id ?? null, agency?.id ?? null, yearTo ?? YEAR_MAX, input.yearFrom],
    );
    if (clash) {
      throw badUserInput('input.code', {
        code: 'CRITERION_CLASH',
        params: { code: input.code, agency: clash.agency_code, from: clash.year_from, to: clash.year_to },
      });
    }
    const [created] = await tem.execute<{ id: number }[]>(
      `insert into criterion (code, name, description, category, weight, indicator_unit, target, direction, agency_id,
                              year_from, year_to)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
      [
        input.code,
        input.name.trim(),
        input.description?.trim() || null,
        input.category,
        input.weight,
        input.indicatorUnit?.trim() || null,
        input.target ?? null,
        input.direction ?? null,
        agency?.id ?? null,
        input.yearFrom,
        yearTo,
      ],
    );
    const changes = await applyWeights(
      tem,
      rows,
      agency,
      input.yearFrom,
      input.category,
      input.otherWeights ?? [],
      'input.otherWeights',
    );
    const broken = await brokenSum(
      tem,
      input.category,
      agency ? [agency] : await allAgencies(tem),
      input.yearFrom,
      yearTo,
    );
    if (broken) {
      // Without otherWeights the new weight broke the sum, and otherWeights is the way out.
      const withOthers = (input.otherWeights ?? []).length > 0;
      if (!withOthers) broken.params.hint = 'GIVE_OTHER_WEIGHTS';
      throw firstProblemError([broken], null, { weight: withOthers ? 'input.otherWeights' : 'input.weight' });
    }
    await resultsAfterReweighting(tem, policy, input.category, agency?.id ?? null, input.yearFrom, yearTo);
    await writeAudit(tem, {
      actor,
      action: 'criterion.create',
      entityType: 'criterion',
      entityId: created.id,
      before: null,
      after: {
        code: input.code,
        name: input.name.trim(),
        category: input.category,
        weight: input.weight,
        agency: agency?.code ?? null,
        yearFrom: input.yearFrom,
        yearTo,
        target: input.target ?? null,
        direction: input.direction ?? null,
        indicatorUnit: input.indicatorUnit ?? null,
        otherWeights: changes,
      },
      reason: input.reason?.trim() || null,
    });
    return created.id;
  });
}
