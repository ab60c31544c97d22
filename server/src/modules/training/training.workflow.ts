import type { EntityManager } from '@mikro-orm/postgresql';
import { isRealDate } from '@kinerja/shared';
import { badUserInput, forbidden } from '../../graphql/errors.js';
import { EMPLOYEE_NIP_KEY, employeeKeyInScope, noSuchRecord, notInScope, type Scope } from '../access/read-scopes.js';
import { mayCreateTraining, mayRecordParticipation } from '../access/write-rules.js';
import { writeAudit } from '../audit/audit.service.js';
import { markStale, sqlOf, writerTransaction } from '../results/index.js';
import type { CreateTrainingInput, RecordParticipationInput } from './training.inputs.js';

/** Trainings and participation (docs/scoring.md#training-hours): only COMPLETED participations with a date count anywhere. */

function checkDate(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match || !isRealDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw badUserInput(field, { code: 'DATE_INVALID', params: { value: String(value) } });
  }
  return value;
}

const CODE_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

export async function createTraining(em: EntityManager, scope: Scope, input: CreateTrainingInput): Promise<number> {
  if (!mayCreateTraining(scope)) throw forbidden({ code: 'ONLY_ADMIN', params: { action: 'TRAININGS' } });
  if (!CODE_PATTERN.test(input.code ?? '')) {
    throw badUserInput('input.code', { code: 'CODE_FORMAT', params: { value: String(input.code ?? '') } });
  }
  const title = input.title?.trim() ?? '';
  if (title === '') throw badUserInput('input.title', { code: 'FIELD_REQUIRED', params: { field: 'title' } });
  if (title.length > 300) {
    throw badUserInput('input.title', {
      code: 'FIELD_TOO_LONG',
      params: { field: 'title', length: title.length, max: 300 },
    });
  }
  const organizerLength = (input.organizer ?? '').length;
  if (organizerLength > 200) {
    throw badUserInput('input.organizer', {
      code: 'FIELD_TOO_LONG',
      params: { field: 'organizer', length: organizerLength, max: 200 },
    });
  }
  if (!Number.isFinite(input.hoursJp) || input.hoursJp <= 0) {
    throw badUserInput('input.hoursJp', {
      code: 'NUMBER_ABOVE_ZERO',
      params: { field: 'hoursJp', value: input.hoursJp },
    });
  }
  const startDate = checkDate(input.startDate, 'input.startDate');
  const endDate = checkDate(input.endDate, 'input.endDate');
  if (startDate && endDate && endDate < startDate) {
    throw badUserInput('input.endDate', { code: 'DATE_RANGE_REVERSED', params: { from: startDate, to: endDate } });
  }
  const codes = (input.criterionCodes ?? []).map((c) => c.trim());
  return writerTransaction(em, async (tem) => {
    if (codes.length > 0) {
      const known = new Set(
        (await tem.execute<{ code: string }[]>('select distinct code from criterion where code in (?)', [codes])).map(
          (r) => r.code,
        ),
      );
      const unknown = codes.findIndex((c) => !known.has(c));
      if (unknown >= 0) {
        throw badUserInput(`input.criterionCodes[${unknown}]`, {
          code: 'CRITERION_UNKNOWN',
          params: { code: codes[unknown]! },
        });
      }
    }
    const inserted = await tem.execute<{ id: number }[]>(
      `insert into training (code, title, kind, organizer, hours_jp, start_date, end_date, criterion_codes)
       values (?, ?, ?, ?, ?, ?, ?, array(select jsonb_array_elements_text(?::jsonb)))
       on conflict (code) do nothing returning id`,
      [
        input.code,
        title,
        input.kind,
        input.organizer?.trim() || null,
        input.hoursJp,
        startDate,
        endDate,
        JSON.stringify(codes),
      ],
    );
    if (inserted.length === 0)
      throw badUserInput('input.code', { code: 'TRAINING_EXISTS', params: { code: input.code } });
    const id = inserted[0].id;
    await writeAudit(tem, {
      actor: scope.viewer.login,
      action: 'training.create',
      entityType: 'training',
      entityId: id,
      before: null,
      after: {
        code: input.code,
        title,
        kind: input.kind,
        organizer: input.organizer?.trim() || null,
        hoursJp: input.hoursJp,
        startDate,
        endDate,
        criterionCodes: codes,
      },
      reason: input.reason?.trim() || null,
    });
    return id;
  });
}

interface ParticipationRow {
  id: number;
  status: string;
  completed_on: string | null;
  hours_jp: number;
}

function participationState(row: ParticipationRow | undefined): unknown {
  return row ? { status: row.status, completedOn: row.completed_on, hoursJp: row.hours_jp } : null;
}

/**
 * Records (creates or replaces) an employee's participation: an administrator, or the head of the employee's agency
 * (see `mayRecordParticipation`).
 */
export async function recordParticipation(
  em: EntityManager,
  scope: Scope,
  input: RecordParticipationInput,
): Promise<number> {
  const status = input.status ?? 'COMPLETED';
  const completedOn = checkDate(input.completedOn, 'input.completedOn');
  if (status === 'COMPLETED' && completedOn === null) {
    throw badUserInput('input.completedOn', { code: 'PARTICIPATION_NEEDS_DATE', params: {} });
  }
  if (input.hoursJp !== null && input.hoursJp !== undefined && (!Number.isFinite(input.hoursJp) || input.hoursJp < 0)) {
    throw badUserInput('input.hoursJp', {
      code: 'NUMBER_NOT_NEGATIVE',
      params: { field: 'hoursJp', value: input.hoursJp },
    });
  }
  return writerTransaction(em, async (tem) => {
    const [training] = await tem.execute<{ id: number; hours_jp: number }[]>(
      'select id, hours_jp from training where code = ?',
      [input.trainingCode],
    );
    if (!training)
      throw badUserInput('input.trainingCode', { code: 'TRAINING_NOT_FOUND', params: { code: input.trainingCode } });
    const [employee] = await tem.execute<{ id: number; agency_id: number }[]>(
      'select id, agency_id from employee where nip = ?',
      [input.employeeNip],
    );
    if (!employee) throw noSuchRecord(scope, 'NIP', EMPLOYEE_NIP_KEY, input.employeeNip);
    if (!employeeKeyInScope(scope, 'NIP', { id: employee.id, agencyId: employee.agency_id })) {
      throw notInScope(EMPLOYEE_NIP_KEY);
    }
    if (!mayRecordParticipation(scope, { id: employee.id, agencyId: employee.agency_id })) {
      throw forbidden({ code: 'ONLY_WHO', params: { action: 'RECORD_PARTICIPATION', agency: null } });
    }
    const [before] = await tem.execute<ParticipationRow[]>(
      `select id, status, completed_on::text as completed_on, hours_jp from participation
        where training_id = ? and employee_id = ? for update`,
      [training.id, employee.id],
    );
    const [after] = await tem.execute<ParticipationRow[]>(
      `insert into participation (training_id, employee_id, status, completed_on, hours_jp) values (?, ?, ?, ?, ?)
       on conflict (training_id, employee_id) do update
         set status = excluded.status, completed_on = excluded.completed_on, hours_jp = excluded.hours_jp
       returning id, status, completed_on::text as completed_on, hours_jp`,
      [training.id, employee.id, status, completedOn, input.hoursJp ?? training.hours_jp],
    );
    // JP count in the calendar year of completion (the old one too, when the date moved).
    await markStale(
      await sqlOf(tem),
      'training',
      `select $1::int, extract(year from d)::smallint, null::smallint
         from unnest(array[$2::date, $3::date]) as d where d is not null`,
      [employee.agency_id, before?.completed_on ?? null, after.completed_on],
    );
    await writeAudit(tem, {
      actor: scope.viewer.login,
      action: 'participation.record',
      entityType: 'participation',
      entityId: after.id,
      before: participationState(before),
      after: { ...(participationState(after) as object), trainingCode: input.trainingCode, employeeId: employee.id },
      reason: input.reason?.trim() || null,
    });
    return after.id;
  });
}
