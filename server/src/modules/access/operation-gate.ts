import type { Role } from './roles.js';

/**
 * Who may call each root field at all: the first gate, applied to every operation by the access middleware. A root
 * field without an entry here is refused (and the access-matrix test fails), so a new operation cannot be reachable
 * by accident. Row-level scope (whose records) is decided afterwards by `read-scopes.ts`.
 */
export type OperationAccess =
  /** Anyone, logged in or not (login itself). */
  | { kind: 'public' }
  /** Any caller with a viewer: a logged-in account, or in demo mode the anonymous read-only caller (queries only). */
  | { kind: 'viewer' }
  /** Logged-in accounts with one of these roles (row-level rules may narrow it further). */
  | { kind: 'roles'; roles: readonly Role[] }
  /** Any logged-in account (not the anonymous demo caller); row-level rules decide (e.g. own or own reports). */
  | { kind: 'account' };

export const QUERY_ACCESS: Readonly<Record<string, OperationAccess>> = {
  agencies: { kind: 'viewer' },
  agency: { kind: 'viewer' },
  criteria: { kind: 'viewer' },
  periods: { kind: 'viewer' },
  currentPeriod: { kind: 'viewer' },
  scoringPolicy: { kind: 'viewer' },
  scoringPolicies: { kind: 'viewer' },
  importJob: { kind: 'roles', roles: ['ADMIN'] },
  accounts: { kind: 'roles', roles: ['ADMIN'] },
  innovationsToVerify: { kind: 'account' },
  // Acting assessors (Plt/Plh): the rows whose two employees are in the caller's scope (staffing.workflow.ts).
  actingAssignments: { kind: 'account' },
  employees: { kind: 'viewer' },
  employee: { kind: 'viewer' },
  evaluations: { kind: 'viewer' },
  evaluation: { kind: 'viewer' },
  // Stored annual results: the rows of the employees the caller may list (read-scopes.ts), as `employees`.
  annualResults: { kind: 'viewer' },
  trainings: { kind: 'viewer' },
  training: { kind: 'viewer' },
  me: { kind: 'viewer' },
  // The appraisal workflow's read views (PART B): row-level rules in write-rules.ts.
  auditLog: { kind: 'roles', roles: ['ADMIN'] },
  transparency: { kind: 'account' },
  completion: { kind: 'account' },
  // An aggregate per agency, without people (docs/access.md#aggregates-and-small-groups): every caller with a viewer.
  completionShares: { kind: 'viewer' },
  // Analytics aggregates (docs/analytics.md): every caller with a viewer; small groups are suppressed for those who
  // may not see every figure (aggregate-scopes.ts).
  performanceTrend: { kind: 'viewer' },
  scoreStatistics: { kind: 'viewer' },
  agencyComparison: { kind: 'viewer' },
  distributionCheck: { kind: 'viewer' },
  // The same answer for every caller (suppressed for all below the policy minimum): an aggregate.
  trainingImpact: { kind: 'viewer' },
  // Rows about people (docs/analytics.md, the queries about people): ADMIN and LEADER all, an agency head their agency, a supervisor their line
  // (trainingNeeds only), POLICY and ANALYST pseudonymised; others refused.
  raterObjectivity: { kind: 'roles', roles: ['ADMIN', 'LEADER', 'AGENCY_HEAD', 'POLICY', 'ANALYST'] },
  trainingNeeds: { kind: 'roles', roles: ['ADMIN', 'LEADER', 'AGENCY_HEAD', 'SUPERVISOR', 'POLICY', 'ANALYST'] },
  // Feedback and dialogue (docs/dialogue.md): the text for the two parties, the line and the agency head
  // (read-scopes.ts `feedbackTextVisible`); counts per agency for the roles that oversee the city.
  feedbackNotes: { kind: 'account' },
  feedbackNote: { kind: 'account' },
  performanceDialogues: { kind: 'account' },
  performanceDialogue: { kind: 'account' },
  feedbackCounts: { kind: 'roles', roles: ['ADMIN', 'LEADER', 'AGENCY_HEAD', 'POLICY', 'ANALYST'] },
  // The caller's own notices (the employee the account is linked to).
  notices: { kind: 'account' },
};

export const MUTATION_ACCESS: Readonly<Record<string, OperationAccess>> = {
  // Accounts (PART A): logging in and out needs no token; accounts are the administrators' (BKPSDM).
  login: { kind: 'public' },
  logout: { kind: 'public' },
  changePassword: { kind: 'account' },
  createAccount: { kind: 'roles', roles: ['ADMIN'] },
  // One person's personal data and processing history (docs/privacy.md "Export"): administrators only, audited.
  exportPersonalData: { kind: 'roles', roles: ['ADMIN'] },
  createAccounts: { kind: 'roles', roles: ['ADMIN'] },
  resetPassword: { kind: 'roles', roles: ['ADMIN'] },
  // The appraisal workflow (PART B). `account`: any logged-in account; the record decides (write-rules.ts),
  // e.g. any linked account scores its direct reports and responds to its own evaluations.
  saveEvaluationDraft: { kind: 'account' },
  submitEvaluation: { kind: 'account' },
  acknowledgeEvaluation: { kind: 'account' },
  objectToEvaluation: { kind: 'account' },
  decideObjection: { kind: 'account' },
  finalizeEvaluation: { kind: 'roles', roles: ['ADMIN', 'AGENCY_HEAD'] },
  openPeriod: { kind: 'roles', roles: ['ADMIN'] },
  closePeriod: { kind: 'roles', roles: ['ADMIN'] },
  createCriterion: { kind: 'roles', roles: ['ADMIN'] },
  replaceCriterionWeights: { kind: 'roles', roles: ['ADMIN'] },
  recordInnovation: { kind: 'account' },
  verifyInnovation: { kind: 'account' },
  createTraining: { kind: 'roles', roles: ['ADMIN'] },
  recordParticipation: { kind: 'roles', roles: ['ADMIN', 'AGENCY_HEAD'] },
  proposeOrgPredikat: { kind: 'roles', roles: ['ADMIN', 'AGENCY_HEAD'] },
  setOrgPredikat: { kind: 'roles', roles: ['ADMIN', 'LEADER'] },
  importData: { kind: 'roles', roles: ['ADMIN'] },
  disableAccount: { kind: 'roles', roles: ['ADMIN'] },
  enableAccount: { kind: 'roles', roles: ['ADMIN'] },
  // Feedback and dialogue: the record decides (write-rules.ts: the direct supervisor writes, the employee answers).
  writeFeedbackNote: { kind: 'account' },
  answerFeedbackNote: { kind: 'account' },
  recordPerformanceDialogue: { kind: 'account' },
  confirmPerformanceDialogue: { kind: 'account' },
  linkDevelopmentAction: { kind: 'account' },
  markNoticesRead: { kind: 'account' },
  // Employee changes of the year (docs/access.md#employee-changes): administrators keep the personnel records.
  transferEmployee: { kind: 'roles', roles: ['ADMIN'] },
  changeSupervisor: { kind: 'roles', roles: ['ADMIN'] },
  retireEmployee: { kind: 'roles', roles: ['ADMIN'] },
  assignActingAssessor: { kind: 'roles', roles: ['ADMIN'] },
  endActingAssignment: { kind: 'roles', roles: ['ADMIN'] },
};
