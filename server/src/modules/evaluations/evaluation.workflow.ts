import type { EntityManager } from '@mikro-orm/postgresql';
import {
  checkScoreEntry,
  checkYearQuarter,
  scoreOfEntry,
  type CriterionCategory,
  type Direction,
  type EvaluationStatus,
  type ScoringPolicy,
} from '@kinerja/shared';
import { badUserInput, conflict, firstProblemError, forbidden, throwProblems } from '../../graphql/errors.js';
import {
  EMPLOYEE_NIP_KEY,
  EVALUATION_KEY,
  assessorOfNewEvaluation,
  employeeKeyInScope,
  evaluationVisible,
  noSuchRecord,
  notInScope,
  type Scope,
} from '../access/read-scopes.js';
import {
  mayDecideObjection,
  mayFinalizeEvaluation,
  mayRespondToEvaluation,
  mayScoreEvaluation,
} from '../access/write-rules.js';
import { writeAudit } from '../audit/audit.service.js';
import { settleNotices, writeNotices } from '../notices/notices.service.js';
import type { Evaluation } from './evaluation.entity.js';
import type {
  DecideObjectionInput,
  EvaluationStepInput,
  ObjectToEvaluationInput,
  SaveEvaluationDraftInput,
  ScoreInput,
} from './evaluation.inputs.js';
import { sqlOf, writeResults, writerTransaction } from '../results/index.js';
import { storedResults, type EvaluationResults } from './evaluation-results.js';

/**
 * The life cycle of a quarterly evaluation (docs/workflow.md#the-life-of-a-quarterly-evaluation): DRAFT -> SUBMITTED -> ACKNOWLEDGED -> FINAL, or
 * SUBMITTED -> OBJECTED -> (decision) -> ACKNOWLEDGED.
 *
 * Every step runs in one transaction: it locks the period (shared) and then the evaluation row (`for update`), checks
 * the caller's rights (write-rules.ts), the version the caller based the change on, the status and the
 * period; then writes, raises `version` and writes the audit entry. Refusals throw before any write, so the
 * transaction rolls back with nothing written. Because the version is compared under the row lock, two saves based
 * on the same version cannot both succeed: the second waits for the first to commit, then sees the new version and
 * is refused with CONFLICT and the current version. Locks are taken period first, evaluation second, the same order
 * as closing a period, so the two never deadlock.
 */

/** Who acts, and the policy in force (for indicator scores and the results kept in the audit log). */
export interface WorkflowActor {
  scope: Scope;
  policy: ScoringPolicy;
}

/** What the checks need to know about an evaluation, read under its lock. */
interface EvaluationFacts {
  id: number;
  version: number;
  status: EvaluationStatus;
  employeeId: number;
  /** The agency of the employee's current record (whose head manages them now). */
  employeeAgencyId: number;
  /** The agency stored on the evaluation. */
  agencyId: number;
  agencyCode: string;
  assessorId: number | null;
  assessorSupervisorId: number | null;
  periodId: number;
  year: number;
  quarter: number;
  periodStatus: 'OPEN' | 'CLOSED';
  /** Whether an objection was ever filed against it (its assessor's superior then sees it). */
  hasObjection: boolean;
}

const FACTS_SQL = `select e.id, e.version, e.status, e.employee_id as "employeeId", emp.agency_id as "employeeAgencyId",
    e.agency_id as "agencyId", a.code as "agencyCode", e.assessor_id as "assessorId",
    ass.supervisor_id as "assessorSupervisorId", e.period_id as "periodId", p.year, p.quarter,
    p.status as "periodStatus",
    exists (select 1 from objection o where o.evaluation_id = e.id) as "hasObjection"
  from evaluation e
  join employee emp on emp.id = e.employee_id
  join agency a on a.id = e.agency_id
  join period p on p.id = e.period_id
  left join employee ass on ass.id = e.assessor_id
 where e.id = ?`;

/**
 * Locks the evaluation's period (shared) and then the evaluation (exclusive), and reads its facts. An id that names
 * no evaluation the caller may see gets the same answer whether it exists or not (`notInScope`): the messages of the
 * steps below speak only of evaluations the caller sees.
 */
async function lockEvaluation(tem: EntityManager, scope: Scope, id: number): Promise<EvaluationFacts> {
  const [ref] = await tem.execute<{ period_id: number }[]>('select period_id from evaluation where id = ?', [id]);
  if (!ref) throw noSuchRecord(scope, 'OTHER', EVALUATION_KEY, id);
  await tem.execute('select id from period where id = ? for share', [ref.period_id]);
  await tem.execute('select id from evaluation where id = ? for update', [id]);
  const [facts] = await tem.execute<EvaluationFacts[]>(FACTS_SQL, [id]);
  const visible = evaluationVisible(scope, {
    employee: { id: facts.employeeId, agencyId: facts.employeeAgencyId },
    agencyId: facts.agencyId,
    assessorId: facts.assessorId,
    hasObjection: facts.hasObjection,
  });
  if (!visible) throw notInScope(EVALUATION_KEY);
  return facts;
}

function assertVersion(facts: EvaluationFacts, expected: number): void {
  if (facts.version !== expected) {
    throw conflict(
      { code: 'EVALUATION_CHANGED', params: { id: facts.id, version: facts.version, expected } },
      facts.version,
    );
  }
}

/** A closed period takes no new or changed scores (docs/scoring.md#periods-and-final-results). */
function assertPeriodOpen(facts: EvaluationFacts, field: string, action: 'SCORE' | 'SUBMIT'): void {
  if (facts.periodStatus === 'CLOSED') {
    throw badUserInput(field, {
      code: 'PERIOD_CLOSED',
      params: { year: facts.year, quarter: facts.quarter, action },
    });
  }
}

/** Raises the version of a locked evaluation, with the other column changes given. */
async function writeEvaluation(
  tem: EntityManager,
  facts: EvaluationFacts,
  set: string = '',
  params: unknown[] = [],
): Promise<void> {
  const rows = await tem.execute<{ version: number }[]>(
    `update evaluation set ${set ? `${set}, ` : ''}version = version + 1, updated_at = now()
      where id = ? and version = ? returning version`,
    [...params, facts.id, facts.version],
  );
  // Unreachable while the row lock is held; kept so that a change of the locking can never overwrite silently.
  if (rows.length !== 1) {
    throw conflict(
      { code: 'EVALUATION_CHANGED', params: { id: facts.id, version: facts.version + 1, expected: facts.version } },
      facts.version,
    );
  }
}

/** Stores the results of a changed evaluation through the one results writer (docs/scoring.md "Stored results"). */
async function storeResults(tem: EntityManager, facts: EvaluationFacts, policy: ScoringPolicy): Promise<void> {
  await writeResults(await sqlOf(tem), [facts.id], policy);
}

/** A stored criterion score with what the audit log and the rules need of its criterion. */
export interface ScoreLine {
  criterionId: number;
  criterion: string;
  category: CriterionCategory;
  weight: number;
  score: number;
  realisation: number | null;
  derivedFromIndicator: boolean;
  evidence: string | null;
}

/** An evaluation as the audit log keeps it before and after a write: status, version, every score and the results. */
export interface EvaluationState {
  status: EvaluationStatus;
  version: number;
  assessorId: number | null;
  scores: Omit<ScoreLine, 'criterionId' | 'category' | 'weight'>[];
  results: EvaluationResults;
}

async function scoreLines(em: EntityManager, evaluationId: number): Promise<ScoreLine[]> {
  return em.execute<ScoreLine[]>(
    `select s.criterion_id as "criterionId", c.code as criterion, c.category, c.weight, s.score, s.realisation,
            s.derived_from_indicator as "derivedFromIndicator", s.evidence
       from evaluation_score s join criterion c on c.id = s.criterion_id
      where s.evaluation_id = ? order by c.category, c.id`,
    [evaluationId],
  );
}

/** The state of an evaluation now (inside the caller's transaction), with its stored results. */
export async function evaluationState(em: EntityManager, id: number, policy: ScoringPolicy): Promise<EvaluationState> {
  const [row] = await em.execute<
    (Pick<
      Evaluation,
      | 'id'
      | 'status'
      | 'version'
      | 'hasilKerjaScore'
      | 'perilakuKerjaScore'
      | 'score'
      | 'hasilKerjaRating'
      | 'perilakuKerjaRating'
      | 'predikat'
      | 'policyVersion'
    > & { assessorId: number | null })[]
  >(
    `select id, status, version, assessor_id as "assessorId", hasil_kerja_score as "hasilKerjaScore",
            perilaku_kerja_score as "perilakuKerjaScore", score, hasil_kerja_rating as "hasilKerjaRating",
            perilaku_kerja_rating as "perilakuKerjaRating", predikat, policy_version as "policyVersion"
       from evaluation where id = ?`,
    [id],
  );
  const lines = await scoreLines(em, id);
  const results = storedResults(row, policy.version);
  return {
    status: row.status,
    version: row.version,
    assessorId: row.assessorId,
    scores: lines.map(({ criterion, score, realisation, derivedFromIndicator, evidence }) => ({
      criterion,
      score,
      realisation,
      derivedFromIndicator,
      evidence,
    })),
    results,
  };
}

const MAX_EVIDENCE = 4000;

/**
 * Checks the shape of score inputs (no database needed): a code, no criterion twice, the shared score-entry rule
 * (exactly one of score / realisation / remove, a score within 0..scoreMax, a realisation >= 0), evidence within its
 * length. Field paths name the offending input, e.g. `input.scores[2].score`.
 */
export function checkScoreInputs(inputs: readonly ScoreInput[], policy: ScoringPolicy, field: string): void {
  const seen = new Map<string, number>();
  inputs.forEach((input, i) => {
    const at = `${field}[${i}]`;
    const code = input.criterionCode?.trim() ?? '';
    if (code === '') throw badUserInput(`${at}.criterionCode`, { code: 'CRITERION_CODE_REQUIRED', params: {} });
    if (seen.has(code)) {
      throw badUserInput(`${at}.criterionCode`, {
        code: 'CRITERION_TWICE',
        params: { code, at: `${field}[${seen.get(code)}]` },
      });
    }
    seen.set(code, i);
    throwProblems(checkScoreEntry(input, policy.scoreMax, code), at);
    if (input.remove) return;
    if (input.evidence && input.evidence.length > MAX_EVIDENCE) {
      throw badUserInput(`${at}.evidence`, {
        code: 'EVIDENCE_TOO_LONG',
        params: { length: input.evidence.length, max: MAX_EVIDENCE },
      });
    }
  });
}

interface CriterionInForce {
  id: number;
  code: string;
  target: number | null;
  direction: Direction | null;
}

/**
 * Writes score inputs (already shape-checked) to an evaluation: each code must name a criterion in force for the
 * evaluation's agency and year; a realisation is turned into a score by the shared indicator rule and stored with it
 * (so a later change of the target does not rewrite it).
 */
async function applyScores(
  tem: EntityManager,
  facts: EvaluationFacts,
  inputs: readonly ScoreInput[],
  policy: ScoringPolicy,
  field: string,
): Promise<void> {
  if (inputs.length === 0) return;
  const criteria = await tem.execute<(CriterionInForce & { agency_id: number | null })[]>(
    `select id, code, target, direction, agency_id from criterion
      where (agency_id is null or agency_id = ?) and year_from <= ? and (year_to is null or year_to >= ?)
      order by agency_id nulls first, id`,
    [facts.agencyId, facts.year, facts.year],
  );
  // An agency's own criterion wins over a city-wide one of the same code (listed later).
  const byCode = new Map(criteria.map((c) => [c.code, c]));
  for (const [i, input] of inputs.entries()) {
    const at = `${field}[${i}]`;
    const code = input.criterionCode.trim();
    const criterion = byCode.get(code);
    if (!criterion) {
      throw badUserInput(`${at}.criterionCode`, {
        code: 'CRITERION_NOT_IN_FORCE',
        params: { code, agency: facts.agencyCode, year: facts.year },
      });
    }
    if (input.remove) {
      await tem.execute('delete from evaluation_score where evaluation_id = ? and criterion_id = ?', [
        facts.id,
        criterion.id,
      ]);
      continue;
    }
    const entry = scoreOfEntry(input, criterion, policy.scoreMax);
    if (!entry.ok) throw firstProblemError(entry.problems, at);
    const keepEvidence = input.evidence === undefined;
    await tem.execute(
      `insert into evaluation_score (evaluation_id, criterion_id, score, realisation, derived_from_indicator, evidence)
       values (?, ?, ?, ?, ?, ?)
       on conflict (evaluation_id, criterion_id) do update set score = excluded.score,
         realisation = excluded.realisation, derived_from_indicator = excluded.derived_from_indicator,
         evidence = ${keepEvidence ? 'evaluation_score.evidence' : 'excluded.evidence'}`,
      [facts.id, criterion.id, entry.score, entry.realisation, entry.derivedFromIndicator, input.evidence ?? null],
    );
  }
}

function trimmedOrNull(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function refuseScoring(facts: Pick<EvaluationFacts, 'id'> | null): never {
  throw forbidden({ code: 'ONLY_SUPERVISOR_SCORES', params: { id: facts ? facts.id : null } });
}

/**
 * Finds the evaluation of an employee and period, or starts it as a DRAFT assessed by the employee's supervisor (or
 * by the caller standing in for them as Plt/Plh), in the agency of the employee's record. A concurrent start of the same evaluation loses with CONFLICT.
 */
async function findOrStartEvaluation(
  tem: EntityManager,
  scope: Scope,
  input: SaveEvaluationDraftInput,
): Promise<{ facts: EvaluationFacts; created: boolean }> {
  const nip = input.employeeNip!.trim();
  const [employee] = await tem.execute<
    { id: number; agency_id: number; supervisor_id: number | null; active_to: string | null }[]
  >(`select id, agency_id, supervisor_id, to_char(active_to, 'YYYY-MM-DD') as active_to from employee where nip = ?`, [
    nip,
  ]);
  if (!employee) throw noSuchRecord(scope, 'NIP', EMPLOYEE_NIP_KEY, nip);
  const ref = { id: employee.id, agencyId: employee.agency_id };
  if (!employeeKeyInScope(scope, 'NIP', ref)) throw notInScope(EMPLOYEE_NIP_KEY);
  if (!mayScoreEvaluation(scope, ref)) refuseScoring(null);
  const { year, quarter } = input.period!;
  const [period] = await tem.execute<{ id: number; status: string; starts: string }[]>(
    `select id, status, to_char(make_date(year, quarter * 3 - 2, 1), 'YYYY-MM-DD') as starts
       from period where year = ? and quarter = ? for share`,
    [year, quarter],
  );
  if (!period) {
    throw badUserInput('input.period', { code: 'PERIOD_MISSING', params: { year, quarter } });
  }
  const [existing] = await tem.execute<{ id: number; version: number }[]>(
    'select id, version from evaluation where employee_id = ? and period_id = ?',
    [employee.id, period.id],
  );
  if (existing) {
    if (input.version === null || input.version === undefined) {
      throw conflict(
        {
          code: 'EVALUATION_EXISTS',
          params: { nip, year, quarter, id: existing.id, version: existing.version },
        },
        existing.version,
      );
    }
    return { facts: await lockEvaluation(tem, scope, existing.id), created: false };
  }
  if (period.status === 'CLOSED') {
    throw badUserInput('input.period', { code: 'PERIOD_CLOSED', params: { year, quarter, action: 'NEW' } });
  }
  // A retired employee gets no evaluation of a quarter that starts after their last day (docs/access.md#employee-changes).
  if (employee.active_to !== null && employee.active_to < period.starts) {
    throw badUserInput('input.employeeNip', { code: 'EMPLOYEE_RETIRED', params: { nip, date: employee.active_to } });
  }
  const inserted = await tem.execute<{ id: number }[]>(
    `insert into evaluation (employee_id, period_id, agency_id, assessor_id, status)
     values (?, ?, ?, ?, 'DRAFT') on conflict (employee_id, period_id) do nothing returning id`,
    [employee.id, period.id, employee.agency_id, assessorOfNewEvaluation(scope, employee.supervisor_id)],
  );
  if (inserted.length === 0) {
    throw conflict({ code: 'EVALUATION_STARTED_MEANWHILE', params: { nip } }, 1);
  }
  return { facts: await lockEvaluation(tem, scope, inserted[0].id), created: true };
}

/** Checks a save's input shape before any database work. */
function checkSaveInput(input: SaveEvaluationDraftInput, policy: ScoringPolicy): void {
  const byId = input.evaluationId !== null && input.evaluationId !== undefined;
  const byEmployee = (input.employeeNip ?? '') !== '' || (input.period !== null && input.period !== undefined);
  if (byId === byEmployee) {
    throw badUserInput('input.evaluationId', { code: 'GIVE_ID_OR_EMPLOYEE', params: {} });
  }
  if (byEmployee) {
    if (!input.employeeNip?.trim())
      throw badUserInput('input.employeeNip', {
        code: 'REQUIRED_WITH',
        params: { field: 'employeeNip', with: 'period' },
      });
    if (!input.period)
      throw badUserInput('input.period', { code: 'REQUIRED_WITH', params: { field: 'period', with: 'employeeNip' } });
    throwProblems(checkYearQuarter(input.period), 'input.period');
  } else if (input.version === null || input.version === undefined) {
    throw badUserInput('input.version', { code: 'VERSION_REQUIRED', params: {} });
  }
  checkScoreInputs(input.scores, policy, 'input.scores');
}

/**
 * Saves scores of a DRAFT evaluation (starting it when asked by employee and period). Only the direct supervisor or
 * an administrator; only in an OPEN period; only while DRAFT. Returns the evaluation's id.
 */
export async function saveDraft(
  em: EntityManager,
  actor: WorkflowActor,
  input: SaveEvaluationDraftInput,
): Promise<number> {
  const { scope, policy } = actor;
  checkSaveInput(input, policy);
  return writerTransaction(em, async (tem) => {
    const { facts, created } =
      input.evaluationId !== null && input.evaluationId !== undefined
        ? { facts: await lockEvaluation(tem, scope, input.evaluationId), created: false }
        : await findOrStartEvaluation(tem, scope, input);
    if (!mayScoreEvaluation(scope, { id: facts.employeeId, agencyId: facts.employeeAgencyId })) refuseScoring(facts);
    if (!created) assertVersion(facts, input.version!);
    assertPeriodOpen(facts, 'input.scores', 'SCORE');
    if (facts.status !== 'DRAFT') {
      throw badUserInput('input.evaluationId', {
        code: 'EVALUATION_WRONG_STATUS',
        params: { id: facts.id, status: facts.status, needed: 'DRAFT_SCORES' },
      });
    }
    const before = created ? null : await evaluationState(tem, facts.id, policy);
    await applyScores(tem, facts, input.scores, policy, 'input.scores');
    // A new evaluation starts at version 1 with its first scores; a change raises the version.
    if (!created) await writeEvaluation(tem, facts);
    await storeResults(tem, facts, policy);
    await writeAudit(tem, {
      actor: scope.viewer.login,
      action: created ? 'evaluation.create' : 'evaluation.save',
      entityType: 'evaluation',
      entityId: facts.id,
      before,
      after: await evaluationState(tem, facts.id, policy),
      reason: trimmedOrNull(input.reason),
    });
    return facts.id;
  });
}

/** Submits a DRAFT evaluation to the employee: the assessor (direct supervisor) or an administrator. */
export async function submit(em: EntityManager, actor: WorkflowActor, input: EvaluationStepInput): Promise<number> {
  const { scope, policy } = actor;
  return writerTransaction(em, async (tem) => {
    const facts = await lockEvaluation(tem, scope, input.evaluationId);
    if (!mayScoreEvaluation(scope, { id: facts.employeeId, agencyId: facts.employeeAgencyId })) refuseScoring(facts);
    assertVersion(facts, input.version);
    assertPeriodOpen(facts, 'input.evaluationId', 'SUBMIT');
    if (facts.status !== 'DRAFT') {
      throw badUserInput('input.evaluationId', {
        code: 'EVALUATION_WRONG_STATUS',
        params: { id: facts.id, status: facts.status, needed: 'DRAFT_SUBMIT' },
      });
    }
    const before = await evaluationState(tem, facts.id, policy);
    if (before.scores.length === 0) {
      throw badUserInput('input.evaluationId', { code: 'EVALUATION_NO_SCORES', params: { id: facts.id } });
    }
    await writeEvaluation(tem, facts, `status = 'SUBMITTED', submitted_at = now()`);
    await storeResults(tem, facts, policy);
    await writeAudit(tem, {
      actor: scope.viewer.login,
      action: 'evaluation.submit',
      entityType: 'evaluation',
      entityId: facts.id,
      before,
      after: await evaluationState(tem, facts.id, policy),
      reason: trimmedOrNull(input.reason),
    });
    // The employee is told that it waits for them (docs/dialogue.md#notices).
    await writeNotices(tem, [
      { recipientId: facts.employeeId, kind: 'EVALUATION_TO_ACKNOWLEDGE', evaluationId: facts.id },
    ]);
    return facts.id;
  });
}

function refuseResponse(facts: EvaluationFacts): never {
  throw forbidden({ code: 'ONLY_EMPLOYEE_RESPONDS', params: { id: facts.id } });
}

/** The employee acknowledges a SUBMITTED evaluation. */
export async function acknowledge(
  em: EntityManager,
  actor: WorkflowActor,
  input: EvaluationStepInput,
): Promise<number> {
  const { scope, policy } = actor;
  return writerTransaction(em, async (tem) => {
    const facts = await lockEvaluation(tem, scope, input.evaluationId);
    if (!mayRespondToEvaluation(scope, facts.employeeId)) refuseResponse(facts);
    assertVersion(facts, input.version);
    if (facts.status !== 'SUBMITTED') {
      throw badUserInput('input.evaluationId', {
        code: 'EVALUATION_WRONG_STATUS',
        params: { id: facts.id, status: facts.status, needed: 'SUBMITTED_ACK' },
      });
    }
    const before = await evaluationState(tem, facts.id, policy);
    await writeEvaluation(tem, facts, `status = 'ACKNOWLEDGED', acknowledged_at = now()`);
    await storeResults(tem, facts, policy);
    await writeAudit(tem, {
      actor: scope.viewer.login,
      action: 'evaluation.acknowledge',
      entityType: 'evaluation',
      entityId: facts.id,
      before,
      after: await evaluationState(tem, facts.id, policy),
      reason: trimmedOrNull(input.reason),
    });
    await settleNotices(tem, facts.employeeId, 'EVALUATION_TO_ACKNOWLEDGE', { evaluationId: facts.id });
    return facts.id;
  });
}

const MAX_REASON = 4000;

function requireText(value: string | null | undefined, field: string, what: 'REASON' | 'DECISION_NOTE'): string {
  const text = trimmedOrNull(value);
  if (text === null) throw badUserInput(field, { code: 'TEXT_REQUIRED', params: { what } });
  if (text.length > MAX_REASON) {
    throw badUserInput(field, { code: 'TEXT_TOO_LONG', params: { what, length: text.length, max: MAX_REASON } });
  }
  return text;
}

/** The employee objects (keberatan) to a SUBMITTED evaluation instead of acknowledging it: status OBJECTED. */
export async function object(em: EntityManager, actor: WorkflowActor, input: ObjectToEvaluationInput): Promise<number> {
  const { scope, policy } = actor;
  const reason = requireText(input.reason, 'input.reason', 'REASON');
  return writerTransaction(em, async (tem) => {
    const facts = await lockEvaluation(tem, scope, input.evaluationId);
    if (!mayRespondToEvaluation(scope, facts.employeeId)) refuseResponse(facts);
    assertVersion(facts, input.version);
    if (facts.status !== 'SUBMITTED') {
      throw badUserInput('input.evaluationId', {
        code: 'EVALUATION_WRONG_STATUS',
        params: { id: facts.id, status: facts.status, needed: 'SUBMITTED_OBJECT' },
      });
    }
    const before = await evaluationState(tem, facts.id, policy);
    const [objection] = await tem.execute<{ id: number }[]>(
      `insert into objection (evaluation_id, filed_by_id, reason, status) values (?, ?, ?, 'PENDING') returning id`,
      [facts.id, facts.employeeId, reason],
    );
    await writeEvaluation(tem, facts, `status = 'OBJECTED'`);
    await storeResults(tem, facts, policy);
    await writeAudit(tem, {
      actor: scope.viewer.login,
      action: 'evaluation.object',
      entityType: 'evaluation',
      entityId: facts.id,
      before,
      after: {
        ...(await evaluationState(tem, facts.id, policy)),
        objection: { id: objection.id, status: 'PENDING', reason },
      },
      reason,
    });
    await settleNotices(tem, facts.employeeId, 'EVALUATION_TO_ACKNOWLEDGE', { evaluationId: facts.id });
    return facts.id;
  });
}

/**
 * Decides the pending objection against an OBJECTED evaluation: the assessor's own superior (see
 * `mayDecideObjection`). Upheld, it may change scores (only in an OPEN period); rejected, the scores stand. Either way
 * the evaluation becomes ACKNOWLEDGED, and the audit entry keeps the old scores and results next to the new ones.
 */
export async function decideObjection(
  em: EntityManager,
  actor: WorkflowActor,
  input: DecideObjectionInput,
): Promise<number> {
  const { scope, policy } = actor;
  const note = requireText(input.note, 'input.note', 'DECISION_NOTE');
  const scores = input.scores ?? [];
  if (scores.length > 0 && input.decision !== 'UPHELD') {
    throw badUserInput('input.scores', { code: 'REJECTED_WITH_SCORES', params: {} });
  }
  checkScoreInputs(scores, policy, 'input.scores');
  return writerTransaction(em, async (tem) => {
    const facts = await lockEvaluation(tem, scope, input.evaluationId);
    const parties = {
      employeeId: facts.employeeId,
      agencyId: facts.agencyId,
      assessorId: facts.assessorId,
      assessorSupervisorId: facts.assessorSupervisorId,
    };
    if (!mayDecideObjection(scope, parties)) {
      throw forbidden({ code: 'ONLY_SUPERIOR_DECIDES', params: { id: facts.id } });
    }
    assertVersion(facts, input.version);
    if (facts.status !== 'OBJECTED') {
      throw badUserInput('input.evaluationId', {
        code: 'EVALUATION_WRONG_STATUS',
        params: { id: facts.id, status: facts.status, needed: 'OBJECTED_DECIDE' },
      });
    }
    if (scores.length > 0) assertPeriodOpen(facts, 'input.scores', 'SCORE');
    const [objection] = await tem.execute<{ id: number; reason: string }[]>(
      `select id, reason from objection where evaluation_id = ? and status = 'PENDING'
        order by filed_at desc, id desc limit 1`,
      [facts.id],
    );
    const before = await evaluationState(tem, facts.id, policy);
    await applyScores(tem, facts, scores, policy, 'input.scores');
    if (objection) {
      await tem.execute(
        `update objection set status = ?, decided_by_id = ?, decision_note = ?, decided_at = now() where id = ?`,
        [input.decision, scope.viewer.employeeId, note, objection.id],
      );
    }
    await writeEvaluation(tem, facts, `status = 'ACKNOWLEDGED', acknowledged_at = now()`);
    await storeResults(tem, facts, policy);
    await writeAudit(tem, {
      actor: scope.viewer.login,
      action: 'objection.decide',
      entityType: 'evaluation',
      entityId: facts.id,
      before: { ...before, objection: objection ? { ...objection, status: 'PENDING' } : null },
      after: {
        ...(await evaluationState(tem, facts.id, policy)),
        objection: objection ? { id: objection.id, status: input.decision, note } : null,
      },
      reason: note,
    });
    await writeNotices(tem, [{ recipientId: facts.employeeId, kind: 'OBJECTION_DECIDED', evaluationId: facts.id }]);
    return facts.id;
  });
}

const NOT_FINALISABLE = new Set<EvaluationStatus>(['DRAFT', 'SUBMITTED', 'OBJECTED', 'FINAL']);

/**
 * Finalises an ACKNOWLEDGED evaluation: the head of the evaluation's agency or an administrator. Stores the results
 * with the policy version and the weights through the results writer, then frozen.
 */
export async function finalise(em: EntityManager, actor: WorkflowActor, input: EvaluationStepInput): Promise<number> {
  const { scope, policy } = actor;
  return writerTransaction(em, async (tem) => {
    const facts = await lockEvaluation(tem, scope, input.evaluationId);
    if (!mayFinalizeEvaluation(scope, facts.agencyId)) {
      throw forbidden({ code: 'ONLY_HEAD_FINALISES', params: { id: facts.id } });
    }
    assertVersion(facts, input.version);
    if (NOT_FINALISABLE.has(facts.status)) {
      throw badUserInput('input.evaluationId', {
        code: 'EVALUATION_NOT_FINALISABLE',
        params: { id: facts.id, status: facts.status as 'DRAFT' | 'SUBMITTED' | 'OBJECTED' | 'FINAL' },
      });
    }
    const before = await evaluationState(tem, facts.id, policy);
    // Computed once more under the weights and policy in force, then frozen by the status.
    await storeResults(tem, facts, policy);
    await writeEvaluation(tem, facts, `status = 'FINAL', finalized_at = now()`);
    await writeAudit(tem, {
      actor: scope.viewer.login,
      action: 'evaluation.finalize',
      entityType: 'evaluation',
      entityId: facts.id,
      before,
      after: await evaluationState(tem, facts.id, policy),
      reason: trimmedOrNull(input.reason),
    });
    return facts.id;
  });
}
