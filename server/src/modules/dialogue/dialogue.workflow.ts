import type { EntityManager } from '@mikro-orm/postgresql';
import { checkDialogue, checkFeedbackNote, type FeedbackFinding } from '@kinerja/shared';
import { badUserInput, forbidden, throwProblems } from '../../graphql/errors.js';
import { checkYearQuarter, type RecordThing } from '@kinerja/shared';
import {
  DEVELOPMENT_ACTION_KEY,
  DIALOGUE_KEY,
  EMPLOYEE_NIP_KEY,
  EVALUATION_KEY,
  FEEDBACK_NOTE_KEY,
  employeeKeyInScope,
  feedbackTextVisible,
  noSuchRecord,
  notInScope,
  type Scope,
} from '../access/read-scopes.js';
import {
  mayAnswerFeedback,
  mayConfirmDialogue,
  mayLinkDevelopmentAction,
  mayWriteFeedback,
} from '../access/write-rules.js';
import { writeAudit } from '../audit/audit.service.js';
import { settleNotices, writeNotices } from '../notices/notices.service.js';
import { writerTransaction } from '../results/index.js';
import type {
  AnswerFeedbackNoteInput,
  LinkDevelopmentActionInput,
  RecordPerformanceDialogueInput,
  WriteFeedbackNoteInput,
} from './dialogue.inputs.js';

/**
 * The writers of feedback notes, performance dialogues and development actions (docs/dialogue.md). Each runs in one
 * `writerTransaction`: it checks the input (a refusal names the field and writes nothing), asks write-rules.ts, writes,
 * tells the other party by a notice, and records in the audit log THAT it happened, never the text.
 */

function throwFindings(findings: readonly FeedbackFinding[], prefix: string): void {
  const first = findings[0];
  if (first) throw badUserInput(`${prefix}.${first.field}`, first.message);
}

function trimmedOrNull(value: string | null | undefined): string | null {
  const text = (value ?? '').trim();
  return text === '' ? null : text;
}

interface EmployeeFacts {
  id: number;
  agency_id: number;
  nip: string;
}

/** The employee named by NIP, when the caller may know of them; the same refusal for a missing and a hidden one. */
async function employeeByNip(tem: EntityManager, scope: Scope, nip: string, field: string): Promise<EmployeeFacts> {
  const wanted = nip.trim();
  if (wanted === '') throw badUserInput(field, { code: 'DLG_NIP_REQUIRED', params: {} });
  const [employee] = await tem.execute<EmployeeFacts[]>('select id, agency_id, nip from employee where nip = ?', [
    wanted,
  ]);
  if (!employee) throw noSuchRecord(scope, 'NIP', EMPLOYEE_NIP_KEY, wanted);
  if (!employeeKeyInScope(scope, 'NIP', { id: employee.id, agencyId: employee.agency_id })) {
    throw notInScope(EMPLOYEE_NIP_KEY);
  }
  return employee;
}

function refuseNotDirectReport(): never {
  throw forbidden({ code: 'DLG_ONLY_DIRECT_SUPERVISOR', params: {} });
}

/** Writes a feedback note from the caller to one of their direct reports. */
export async function writeFeedbackNote(
  em: EntityManager,
  scope: Scope,
  input: WriteFeedbackNoteInput,
): Promise<number> {
  return writerTransaction(em, async (tem) => {
    let employee: EmployeeFacts;
    let evaluation: { id: number; employee_id: number; year: number; quarter: number } | undefined;
    if (input.evaluationId !== null && input.evaluationId !== undefined) {
      [evaluation] = await tem.execute<{ id: number; employee_id: number; year: number; quarter: number }[]>(
        `select e.id, e.employee_id, p.year, p.quarter from evaluation e join period p on p.id = e.period_id
          where e.id = ?`,
        [input.evaluationId],
      );
      // Only the evaluated employee's direct supervisor gets further than this: the same answer for a missing one.
      const [owner] = evaluation
        ? await tem.execute<EmployeeFacts[]>('select id, agency_id, nip from employee where id = ?', [
            evaluation.employee_id,
          ])
        : [];
      if (!evaluation || !owner || !mayWriteFeedback(scope, { id: owner.id, agencyId: owner.agency_id })) {
        throw notInScope(EVALUATION_KEY);
      }
      employee = owner;
      if (input.employeeNip && input.employeeNip.trim() !== owner.nip) {
        throw badUserInput('input.employeeNip', { code: 'DLG_EVALUATION_OF_OTHER', params: { id: evaluation.id } });
      }
    } else {
      if (!input.employeeNip) {
        throw badUserInput('input.employeeNip', { code: 'DLG_GIVE_NIP_OR_EVALUATION', params: {} });
      }
      employee = await employeeByNip(tem, scope, input.employeeNip, 'input.employeeNip');
      if (!mayWriteFeedback(scope, { id: employee.id, agencyId: employee.agency_id })) refuseNotDirectReport();
    }
    const year = input.year ?? evaluation?.year;
    const quarter = input.quarter ?? evaluation?.quarter;
    if (year === undefined || year === null) {
      throw badUserInput('input.year', { code: 'DLG_REQUIRED_WITHOUT_EVALUATION', params: { what: 'YEAR' } });
    }
    if (quarter === undefined || quarter === null) {
      throw badUserInput('input.quarter', { code: 'DLG_REQUIRED_WITHOUT_EVALUATION', params: { what: 'QUARTER' } });
    }
    throwProblems(checkYearQuarter({ year, quarter }), 'input');
    if (evaluation && (year !== evaluation.year || quarter !== evaluation.quarter)) {
      throw badUserInput('input.quarter', {
        code: 'DLG_EVALUATION_QUARTER',
        params: { id: evaluation.id, year: evaluation.year, quarter: evaluation.quarter },
      });
    }
    throwFindings(checkFeedbackNote(input, { year, quarter }), 'input');
    const actions = (input.agreedActions ?? []).map((a) => ({
      text: a.text.trim(),
      targetYear: a.targetYear,
      targetQuarter: a.targetQuarter,
    }));
    const [note] = await tem.execute<{ id: number }[]>(
      `insert into feedback_note (employee_id, author_id, agency_id, evaluation_id, year, quarter, went_well,
                                  to_improve, agreed_actions)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) returning id`,
      [
        employee.id,
        scope.viewer.employeeId,
        employee.agency_id,
        evaluation?.id ?? null,
        year,
        quarter,
        trimmedOrNull(input.wentWell),
        trimmedOrNull(input.toImprove),
        JSON.stringify(actions),
      ],
    );
    await writeNotices(tem, [{ recipientId: employee.id, kind: 'NOTE_RECEIVED', noteId: note!.id }]);
    // That a note was written, to whom, on what: never its text (docs/dialogue.md#who-sees-what).
    await writeAudit(tem, {
      actor: scope.viewer.login,
      action: 'feedback.write',
      entityType: 'feedback_note',
      entityId: note!.id,
      before: null,
      after: {
        employeeId: employee.id,
        evaluationId: evaluation?.id ?? null,
        year,
        quarter,
        agreedActions: actions.length,
      },
      reason: null,
    });
    return note!.id;
  });
}

interface NoteFacts {
  id: number;
  employee_id: number;
  author_id: number;
  agency_id: number;
  employee_agency_id: number;
  acknowledged_at: Date | null;
}

/** The note, locked, when the caller may read it; the same FORBIDDEN for a missing and a hidden one. */
async function lockNote(tem: EntityManager, scope: Scope, id: number): Promise<NoteFacts> {
  const [note] = await tem.execute<NoteFacts[]>(
    `select n.id, n.employee_id, n.author_id, n.agency_id, e.agency_id as employee_agency_id, n.acknowledged_at
       from feedback_note n join employee e on e.id = n.employee_id where n.id = ? for update of n`,
    [id],
  );
  if (
    !note ||
    !feedbackTextVisible(scope, {
      employee: { id: note.employee_id, agencyId: note.employee_agency_id },
      authorId: note.author_id,
      agencyId: note.agency_id,
    })
  ) {
    throw notInScope(FEEDBACK_NOTE_KEY);
  }
  return note;
}

/** The employee answers or acknowledges a note written to them (once). */
export async function answerFeedbackNote(
  em: EntityManager,
  scope: Scope,
  input: AnswerFeedbackNoteInput,
): Promise<number> {
  const answer = trimmedOrNull(input.answer);
  if (answer !== null && answer.length > 4000) {
    throw badUserInput('input.answer', {
      code: 'FIELD_TOO_LONG',
      params: { field: 'answer', length: answer.length, max: 4000 },
    });
  }
  return writerTransaction(em, async (tem) => {
    const note = await lockNote(tem, scope, input.noteId);
    if (!mayAnswerFeedback(scope, note.employee_id)) {
      throw forbidden({ code: 'DLG_ONLY_ADDRESSEE_ANSWERS', params: {} });
    }
    if (note.acknowledged_at !== null) {
      throw badUserInput('input.noteId', { code: 'DLG_NOTE_ANSWERED', params: { id: note.id } });
    }
    await tem.execute('update feedback_note set answer = ?, acknowledged_at = now() where id = ?', [answer, note.id]);
    await settleNotices(tem, note.employee_id, 'NOTE_RECEIVED', { noteId: note.id });
    await writeNotices(tem, [{ recipientId: note.author_id, kind: 'NOTE_ANSWERED', noteId: note.id }]);
    await writeAudit(tem, {
      actor: scope.viewer.login,
      action: 'feedback.answer',
      entityType: 'feedback_note',
      entityId: note.id,
      before: { acknowledged: false },
      after: { acknowledged: true, answered: answer !== null },
      reason: null,
    });
    return note.id;
  });
}

/** Today as `YYYY-MM-DD` (UTC): the latest day a dialogue may have been held. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The supervisor records the quarter's performance dialogue with a direct report, and so confirms it. */
export async function recordPerformanceDialogue(
  em: EntityManager,
  scope: Scope,
  input: RecordPerformanceDialogueInput,
): Promise<number> {
  throwProblems(checkYearQuarter(input), 'input');
  throwFindings(checkDialogue(input, input, today()), 'input');
  return writerTransaction(em, async (tem) => {
    const employee = await employeeByNip(tem, scope, input.employeeNip, 'input.employeeNip');
    if (!mayWriteFeedback(scope, { id: employee.id, agencyId: employee.agency_id })) refuseNotDirectReport();
    const actions = input.developmentActions ?? [];
    const codes = [...new Set(actions.flatMap((a) => (a.criterionCode ? [a.criterionCode.trim()] : [])))];
    if (codes.length > 0) {
      const known = await tem.execute<{ code: string }[]>(
        `select distinct code from criterion where code in (${codes.map(() => '?').join(', ')})`,
        codes,
      );
      const knownCodes = new Set(known.map((k) => k.code));
      const index = actions.findIndex((a) => a.criterionCode && !knownCodes.has(a.criterionCode.trim()));
      if (index >= 0) {
        throw badUserInput(`input.developmentActions.${index}.criterionCode`, {
          code: 'CRITERION_UNKNOWN',
          params: { code: String(actions[index]!.criterionCode) },
        });
      }
    }
    const inserted = await tem.execute<{ id: number }[]>(
      `insert into performance_dialogue (employee_id, supervisor_id, agency_id, year, quarter, held_on, points_agreed,
                                         follow_ups, supervisor_confirmed_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, now())
       on conflict (employee_id, year, quarter) do nothing returning id`,
      [
        employee.id,
        scope.viewer.employeeId,
        employee.agency_id,
        input.year,
        input.quarter,
        input.heldOn,
        input.pointsAgreed.trim(),
        trimmedOrNull(input.followUps),
      ],
    );
    if (inserted.length === 0) {
      throw badUserInput('input.quarter', { code: 'DLG_EXISTS', params: { year: input.year, quarter: input.quarter } });
    }
    const id = inserted[0]!.id;
    if (actions.length > 0) {
      await tem.execute(
        `insert into development_action (dialogue_id, description, criterion_code, training_kind, target_year,
                                         target_quarter)
         select ?, r.description, r.criterion_code, r.training_kind, r.target_year, r.target_quarter
           from rows from (jsonb_to_recordset(?::jsonb) as (description text, criterion_code text, training_kind text,
                target_year int, target_quarter int)) with ordinality as r order by r.ordinality`,
        [
          id,
          JSON.stringify(
            actions.map((a) => ({
              description: a.description.trim(),
              criterion_code: a.criterionCode?.trim() || null,
              training_kind: a.trainingKind ?? null,
              target_year: a.targetYear,
              target_quarter: a.targetQuarter,
            })),
          ),
        ],
        'run',
      );
    }
    await writeNotices(tem, [{ recipientId: employee.id, kind: 'DIALOGUE_TO_CONFIRM', dialogueId: id }]);
    await writeAudit(tem, {
      actor: scope.viewer.login,
      action: 'dialogue.record',
      entityType: 'performance_dialogue',
      entityId: id,
      before: null,
      after: {
        employeeId: employee.id,
        year: input.year,
        quarter: input.quarter,
        heldOn: input.heldOn,
        developmentActions: actions.length,
        supervisorConfirmed: true,
      },
      reason: null,
    });
    return id;
  });
}

interface DialogueFacts {
  id: number;
  employee_id: number;
  supervisor_id: number;
  agency_id: number;
  employee_agency_id: number;
  supervisor_confirmed_at: Date | null;
  employee_confirmed_at: Date | null;
}

async function lockDialogue(tem: EntityManager, scope: Scope, id: number, key: RecordThing): Promise<DialogueFacts> {
  const [dialogue] = await tem.execute<DialogueFacts[]>(
    `select d.id, d.employee_id, d.supervisor_id, d.agency_id, e.agency_id as employee_agency_id,
            d.supervisor_confirmed_at, d.employee_confirmed_at
       from performance_dialogue d join employee e on e.id = d.employee_id where d.id = ? for update of d`,
    [id],
  );
  if (
    !dialogue ||
    !feedbackTextVisible(scope, {
      employee: { id: dialogue.employee_id, agencyId: dialogue.employee_agency_id },
      authorId: dialogue.supervisor_id,
      agencyId: dialogue.agency_id,
    })
  ) {
    throw notInScope(key);
  }
  return dialogue;
}

/** One party confirms the dialogue (the employee; the supervisor already did by recording it). */
export async function confirmPerformanceDialogue(em: EntityManager, scope: Scope, dialogueId: number): Promise<number> {
  return writerTransaction(em, async (tem) => {
    const dialogue = await lockDialogue(tem, scope, dialogueId, DIALOGUE_KEY);
    const parties = { employeeId: dialogue.employee_id, supervisorId: dialogue.supervisor_id };
    if (!mayConfirmDialogue(scope, parties)) {
      throw forbidden({ code: 'DLG_ONLY_PARTIES_CONFIRM', params: {} });
    }
    const isEmployee = scope.viewer.employeeId === dialogue.employee_id;
    const column = isEmployee ? 'employee_confirmed_at' : 'supervisor_confirmed_at';
    if ((isEmployee ? dialogue.employee_confirmed_at : dialogue.supervisor_confirmed_at) !== null) {
      throw badUserInput('dialogueId', { code: 'DLG_ALREADY_CONFIRMED', params: { id: dialogue.id } });
    }
    await tem.execute(`update performance_dialogue set ${column} = now() where id = ?`, [dialogue.id]);
    if (isEmployee) await settleNotices(tem, dialogue.employee_id, 'DIALOGUE_TO_CONFIRM', { dialogueId: dialogue.id });
    await writeAudit(tem, {
      actor: scope.viewer.login,
      action: 'dialogue.confirm',
      entityType: 'performance_dialogue',
      entityId: dialogue.id,
      before: { confirmedBy: isEmployee ? 'SUPERVISOR' : 'NOBODY' },
      after: { confirmedBy: isEmployee ? 'BOTH' : 'SUPERVISOR', party: isEmployee ? 'EMPLOYEE' : 'SUPERVISOR' },
      reason: null,
    });
    return dialogue.id;
  });
}

/** Links a development action to the participation of the dialogue's employee that carried it out (or unlinks it). */
export async function linkDevelopmentAction(
  em: EntityManager,
  scope: Scope,
  input: LinkDevelopmentActionInput,
): Promise<number> {
  return writerTransaction(em, async (tem) => {
    const [action] = await tem.execute<{ id: number; dialogue_id: number; participation_id: number | null }[]>(
      'select id, dialogue_id, participation_id from development_action where id = ? for update',
      [input.actionId],
    );
    if (!action) throw notInScope(DEVELOPMENT_ACTION_KEY);
    const dialogue = await lockDialogue(tem, scope, action.dialogue_id, DEVELOPMENT_ACTION_KEY);
    const parties = {
      employee: { id: dialogue.employee_id, agencyId: dialogue.employee_agency_id },
      supervisorId: dialogue.supervisor_id,
    };
    if (!mayLinkDevelopmentAction(scope, parties)) {
      throw forbidden({ code: 'DLG_ONLY_PARTIES_LINK', params: {} });
    }
    const participationId = input.participationId ?? null;
    if (participationId !== null) {
      const [participation] = await tem.execute<{ employee_id: number }[]>(
        'select employee_id from participation where id = ?',
        [participationId],
      );
      if (!participation || participation.employee_id !== dialogue.employee_id) {
        throw badUserInput('input.participationId', {
          code: 'DLG_PARTICIPATION_OTHER',
          params: { id: participationId },
        });
      }
    }
    await tem.execute('update development_action set participation_id = ? where id = ?', [participationId, action.id]);
    await writeAudit(tem, {
      actor: scope.viewer.login,
      action: 'development_action.link',
      entityType: 'development_action',
      entityId: action.id,
      before: { participationId: action.participation_id },
      after: { participationId },
      reason: null,
    });
    return action.id;
  });
}
