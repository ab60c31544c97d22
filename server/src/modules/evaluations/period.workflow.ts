import type { EntityManager } from '@mikro-orm/postgresql';
import {
  checkYearQuarter,
  quarterLabel,
  type CriterionCategory,
  type EvaluationStatus,
  type ScoringPolicy,
} from '@kinerja/shared';
import { badUserInput, notFound, throwProblems } from '../../graphql/errors.js';
import { writeAudit, type AuditEntry } from '../audit/audit.service.js';
import { computeResults, type EvaluationResults, type ScoreWithCriterion } from './evaluation-results.js';
import type { PeriodChangeInput } from '../periods/period.inputs.js';

/** Checks a period's year and quarter (field paths under `input`). */
export function checkPeriodChange(input: PeriodChangeInput): void {
  throwProblems(checkYearQuarter(input), 'input');
}

/**
 * Opens a period (a new quarter takes scores). A period that exists is refused, also a CLOSED one: its official
 * results are never rewritten (domain.md), so there is no reopening. Returns the period's id.
 */
export async function openPeriod(em: EntityManager, actor: string, input: PeriodChangeInput): Promise<number> {
  checkPeriodChange(input);
  const label = quarterLabel(input.year, input.quarter, 'id');
  return em.transactional(async (tem) => {
    const inserted = await tem.execute<{ id: number }[]>(
      `insert into period (year, quarter, status) values (?, ?, 'OPEN') on conflict (year, quarter) do nothing
       returning id`,
      [input.year, input.quarter],
    );
    if (inserted.length === 0) {
      const [existing] = await tem.execute<{ status: string }[]>(
        'select status from period where year = ? and quarter = ?',
        [input.year, input.quarter],
      );
      throw badUserInput(
        'input.quarter',
        `period ${label} exists already (${existing?.status ?? 'OPEN'})` +
          (existing?.status === 'CLOSED' ? ': a closed period is never reopened, its results are official' : ''),
      );
    }
    const id = inserted[0].id;
    await writeAudit(tem, {
      actor,
      action: 'period.open',
      entityType: 'period',
      entityId: id,
      before: null,
      after: { year: input.year, quarter: input.quarter, status: 'OPEN' },
      reason: input.reason?.trim() || null,
    });
    return id;
  });
}

/** What closing a period did. */
export interface ClosedPeriod {
  periodId: number;
  /** Evaluations finalised by the closing (SUBMITTED and ACKNOWLEDGED ones). */
  finalized: number;
  /** DRAFT evaluations left as they are (they count nowhere). */
  drafts: number;
  /** OBJECTED evaluations left for the decision; they cannot be finalised before it. */
  objected: number;
}

/**
 * Closes a period: from then on it takes no new or changed scores, and every evaluation of it that is not DRAFT or
 * OBJECTED is finalised, its results stored with the policy version (domain.md "Period"), set-based: see
 * `finalizeEvaluationsOfPeriod`. One transaction; the period row is locked first, as every evaluation step locks it
 * (shared) before its evaluation, so that no save slips in between the check and the close.
 */
export async function closePeriod(
  em: EntityManager,
  actor: { login: string; policy: ScoringPolicy },
  input: PeriodChangeInput,
): Promise<ClosedPeriod> {
  checkPeriodChange(input);
  const label = quarterLabel(input.year, input.quarter, 'id');
  const reason = input.reason?.trim() || null;
  return em.transactional(async (tem) => {
    const [period] = await tem.execute<{ id: number; status: string }[]>(
      'select id, status from period where year = ? and quarter = ? for update',
      [input.year, input.quarter],
    );
    if (!period) throw notFound(`Period ${label}`);
    if (period.status === 'CLOSED') throw badUserInput('input.quarter', `period ${label} is already CLOSED`);
    const finalized = await finalizeEvaluationsOfPeriod(tem, period.id, actor.policy, actor.login, reason);
    const [left] = await tem.execute<{ drafts: number; objected: number }[]>(
      `select count(*) filter (where status = 'DRAFT')::int as drafts,
              count(*) filter (where status = 'OBJECTED')::int as objected
         from evaluation where period_id = ?`,
      [period.id],
    );
    await tem.execute(`update period set status = 'CLOSED', closed_at = now() where id = ?`, [period.id]);
    await writeAudit(tem, {
      actor: actor.login,
      action: 'period.close',
      entityType: 'period',
      entityId: period.id,
      before: { year: input.year, quarter: input.quarter, status: 'OPEN' },
      after: {
        year: input.year,
        quarter: input.quarter,
        status: 'CLOSED',
        finalized,
        drafts: left.drafts,
        objected: left.objected,
        policyVersion: actor.policy.version,
      },
      reason,
    });
    return { periodId: period.id, finalized, drafts: left.drafts, objected: left.objected };
  });
}

/**
 * Finalises every SUBMITTED or ACKNOWLEDGED evaluation of a period, set-based: the rows are locked, their scores read
 * in one query, the results computed by `computeResults` (the rule `finalizeEvaluation` uses, so both store the same
 * numbers), and written back in one update with the policy version, status FINAL and a raised `version`. Each
 * evaluation gets its audit entry (before: status and version; after: the stored results). Returns how many.
 */
export async function finalizeEvaluationsOfPeriod(
  tem: EntityManager,
  periodId: number,
  policy: ScoringPolicy,
  actor: string,
  reason: string | null,
): Promise<number> {
  const evaluations = await tem.execute<{ id: number; status: EvaluationStatus; version: number }[]>(
    `select id, status, version from evaluation where period_id = ? and status in ('SUBMITTED', 'ACKNOWLEDGED')
      order by id for update`,
    [periodId],
  );
  if (evaluations.length === 0) return 0;
  const scoreRows = await tem.execute<
    { evaluation_id: number; category: CriterionCategory; weight: number; score: number }[]
  >(
    `select s.evaluation_id, c.category, c.weight, s.score
       from evaluation e join evaluation_score s on s.evaluation_id = e.id join criterion c on c.id = s.criterion_id
      where e.period_id = ? and e.status in ('SUBMITTED', 'ACKNOWLEDGED')`,
    [periodId],
  );
  const scoresOf = new Map<number, ScoreWithCriterion[]>();
  for (const row of scoreRows) {
    let list = scoresOf.get(row.evaluation_id);
    if (!list) scoresOf.set(row.evaluation_id, (list = []));
    list.push({ score: row.score, criterion: { category: row.category, weight: row.weight } });
  }
  const results = new Map<number, EvaluationResults>(
    evaluations.map((e) => [e.id, computeResults(scoresOf.get(e.id) ?? [], policy)]),
  );
  const payload = evaluations.map((e) => {
    const r = results.get(e.id)!;
    return {
      id: e.id,
      hk: r.hasilKerjaScore,
      pk: r.perilakuKerjaScore,
      score: r.score,
      hkr: r.hasilKerjaRating,
      pkr: r.perilakuKerjaRating,
      predikat: r.predikat,
    };
  });
  await tem.execute(
    `update evaluation e set hasil_kerja_score = r.hk, perilaku_kerja_score = r.pk, score = r.score,
        hasil_kerja_rating = r.hkr, perilaku_kerja_rating = r.pkr, predikat = r.predikat, policy_version = ?,
        status = 'FINAL', finalized_at = now(), version = e.version + 1, updated_at = now()
       from jsonb_to_recordset(?::jsonb) as r(id int, hk float8, pk float8, score float8, hkr text, pkr text,
                                              predikat text)
      where e.id = r.id`,
    [policy.version, JSON.stringify(payload)],
    'run',
  );
  const entries: AuditEntry[] = evaluations.map((e) => ({
    actor,
    action: 'evaluation.finalize',
    entityType: 'evaluation',
    entityId: e.id,
    before: { status: e.status, version: e.version },
    after: { status: 'FINAL', version: e.version + 1, results: results.get(e.id), byClosingPeriod: periodId },
    reason,
  }));
  await writeAudit(tem, entries);
  return evaluations.length;
}
