import { unauthenticated } from '../../graphql/errors.js';
import { employeeVisibility, mayAssess, mayManageAgency, type EmployeeRef, type Scope } from './read-scopes.js';
import type { Viewer } from './viewer.js';

/**
 * Who may change what in the appraisal workflow (docs/access.md, docs/scoring.md): the write-side companions of
 * the read rules in `read-scopes.ts`, in one place. Resolvers and services ask these predicates; none decides on its own.
 * The operation table (`operation-gate.ts`) is the first gate (which roles may call a mutation at all); these decide
 * on the record (whose evaluation, which agency).
 */

/**
 * The scope of a caller who may write: a logged-in account. Nobody (no token outside demo mode) and the anonymous
 * demo caller, who may only read, are refused as unauthenticated.
 */
export function accountScope(ctx: { viewer: Viewer | null; scope: Scope | null }): Scope {
  if (!ctx.viewer || !ctx.scope) throw unauthenticated();
  if (ctx.viewer.anonymous) throw unauthenticated({ code: 'ANONYMOUS_READ_ONLY', params: {} });
  return ctx.scope;
}

function isAdmin(scope: Scope): boolean {
  return scope.viewer.role === 'ADMIN';
}

/** Whether the caller is this employee (the account is linked to them). */
function isSelf(scope: Scope, employeeId: number): boolean {
  return scope.viewer.employeeId !== null && scope.viewer.employeeId === employeeId;
}

/**
 * Scoring an evaluation (saving drafts, submitting): the employee's direct supervisor (any linked account has a
 * supervisor's rights over its direct reports, whatever its role), or an administrator.
 */
export function mayScoreEvaluation(scope: Scope, employee: EmployeeRef): boolean {
  return mayAssess(scope, employee);
}

/**
 * Acknowledging an evaluation or objecting to it: the evaluated employee; an administrator may record it for them
 * (e.g. a signed paper form), with the reason in the audit log.
 */
export function mayRespondToEvaluation(scope: Scope, employeeId: number): boolean {
  return isSelf(scope, employeeId) || isAdmin(scope);
}

/** The people an objection decision concerns. */
export interface ObjectionParties {
  /** The evaluated employee (who filed the objection). */
  employeeId: number;
  /** The agency stored on the evaluation. */
  agencyId: number;
  /** The assessor whose assessment is contested; null when the evaluation has none in the system. */
  assessorId: number | null;
  /** The assessor's own superior; null when the assessor has none in the system. */
  assessorSupervisorId: number | null;
}

/**
 * Deciding an objection (PP 30/2019): the assessor's own superior (the caller has the assessor among their direct
 * reports), or the head of the evaluation's agency (docs/access.md#who-changes-what). Where the assessor has
 * no superior in the system (or there is no assessor), a LEADER or an ADMIN decides; otherwise they do not, because the
 * regulation names the decider. Never the assessor themself, nor the employee who objected.
 */
export function mayDecideObjection(scope: Scope, parties: ObjectionParties): boolean {
  const { viewer } = scope;
  if (isSelf(scope, parties.employeeId)) return false;
  if (parties.assessorId !== null && isSelf(scope, parties.assessorId)) return false;
  if (parties.assessorId !== null && scope.directReportIds.has(parties.assessorId)) return true;
  if (viewer.role === 'AGENCY_HEAD' && viewer.agencyId !== null && viewer.agencyId === parties.agencyId) return true;
  const assessorHasSuperior = parties.assessorId !== null && parties.assessorSupervisorId !== null;
  return !assessorHasSuperior && (viewer.role === 'LEADER' || viewer.role === 'ADMIN');
}

/** Finalising an evaluation: the head of the evaluation's agency, or an administrator. */
export function mayFinalizeEvaluation(scope: Scope, evaluationAgencyId: number): boolean {
  return mayManageAgency(scope, evaluationAgencyId);
}

/** The employee facts an innovation decision needs. */
export type InnovationOwner = EmployeeRef;

/**
 * Verifying an innovation: the employee's supervisor, the head of their agency, or an administrator (docs/access.md#who-changes-what);
 * never the innovator themself, whatever their role.
 */
export function mayVerifyInnovation(scope: Scope, employee: InnovationOwner): boolean {
  if (isSelf(scope, employee.id)) return false;
  return mayAssess(scope, employee) || mayManageAgency(scope, employee.agencyId);
}

/** Recording (proposing) an innovation: the employee themself, or someone who may verify it. */
export function mayRecordInnovation(scope: Scope, employee: InnovationOwner): boolean {
  return isSelf(scope, employee.id) || mayVerifyInnovation(scope, employee);
}

/**
 * Recording training participation: an administrator, or the head of the employee's agency. Decision: agencies hold
 * the certificates of their own staff's development (PP 11/2017), so their heads record them; they cannot create
 * trainings, which are city-wide.
 */
export function mayRecordParticipation(scope: Scope, employee: EmployeeRef): boolean {
  return mayManageAgency(scope, employee.agencyId);
}

/** Creating trainings: administrators. */
export function mayCreateTraining(scope: Scope): boolean {
  return isAdmin(scope);
}

/** Opening and closing periods: administrators (BKPSDM). */
export function mayManagePeriods(scope: Scope): boolean {
  return isAdmin(scope);
}

/** Creating criteria and replacing weights: administrators. */
export function mayManageCriteria(scope: Scope): boolean {
  return isAdmin(scope);
}

/** Running an import: administrators. */
export function mayRunImport(scope: Scope): boolean {
  return isAdmin(scope);
}

/**
 * The employee changes of the year (transfer, new supervisor, retirement, acting assessor Plt/Plh): administrators
 * (BKPSDM keeps the personnel records, docs/access.md#employee-changes).
 */
export function mayChangeEmployees(scope: Scope): boolean {
  return isAdmin(scope);
}

/** Reading the audit log: administrators. */
export function mayReadAuditLog(scope: Scope): boolean {
  return isAdmin(scope);
}

/** An export of one person's personal data and its processing history (docs/privacy.md "Export"): administrators. */
export function mayExportPersonalData(scope: Scope): boolean {
  return isAdmin(scope);
}

/** Proposing an agency's org predikat: its head, or an administrator. */
export function mayProposeOrgPredikat(scope: Scope, agencyId: number): boolean {
  return mayManageAgency(scope, agencyId);
}

/** Setting an agency's org predikat: the city's leaders; administrators too (docs/access.md#roles: ADMIN changes everything). */
export function maySetOrgPredikat(scope: Scope): boolean {
  return scope.viewer.role === 'LEADER' || isAdmin(scope);
}

/**
 * Writing a feedback note (umpan balik) to an employee, or recording their quarterly performance dialogue: their
 * direct supervisor (any linked account), nobody else (docs/dialogue.md). Not an administrator: the note is the
 * supervisor's own words to their report.
 */
export function mayWriteFeedback(scope: Scope, employee: EmployeeRef): boolean {
  return scope.directReportIds.has(employee.id);
}

/** Answering or acknowledging a feedback note: the employee it was written to. */
export function mayAnswerFeedback(scope: Scope, employeeId: number): boolean {
  return isSelf(scope, employeeId);
}

/** Confirming a performance dialogue: each of its two parties confirms for themself. */
export function mayConfirmDialogue(scope: Scope, parties: { employeeId: number; supervisorId: number }): boolean {
  return isSelf(scope, parties.employeeId) || isSelf(scope, parties.supervisorId);
}

/**
 * Linking a development action to a training participation: the two parties of the dialogue, or the head of the
 * employee's agency, who records the agency's participations (`mayRecordParticipation`).
 */
export function mayLinkDevelopmentAction(
  scope: Scope,
  parties: { employee: EmployeeRef; supervisorId: number },
): boolean {
  const { viewer } = scope;
  if (isSelf(scope, parties.employee.id) || isSelf(scope, parties.supervisorId)) return true;
  return viewer.role === 'AGENCY_HEAD' && viewer.agencyId !== null && viewer.agencyId === parties.employee.agencyId;
}

/**
 * Whose notices the caller reads and marks read: the employee the account is linked to, and nobody else's (null: an
 * account without an employee has none).
 */
export function noticeRecipientOf(scope: Scope): number | null {
  return scope.viewer.employeeId;
}

/** The transparency page of an employee: whoever sees the record in full (the employee, their line, ...). */
export function mayViewTransparency(scope: Scope, employee: EmployeeRef): boolean {
  return employeeVisibility(scope, employee) === 'FULL';
}

/**
 * The part of the completion monitor a caller sees: ADMIN and LEADER every agency; an agency head their agency; and
 * every linked account the evaluations it assesses. `null` ids mean "none".
 */
export type CompletionScope = { all: true } | { all: false; agencyId: number | null; assessorId: number | null };

export function completionScope(scope: Scope): CompletionScope {
  const { viewer } = scope;
  if (viewer.role === 'ADMIN' || viewer.role === 'LEADER') return { all: true };
  return {
    all: false,
    agencyId: viewer.role === 'AGENCY_HEAD' ? viewer.agencyId : null,
    assessorId: viewer.employeeId,
  };
}
