import { isRealDate, type Message } from '@kinerja/shared';

/**
 * The rules of the employee changes an administrator makes in the year (docs/access.md#employee-changes), as pure
 * functions of the facts the workflow reads: each answers the catalogue message of the refusal, or null.
 */

/** A date as the API takes it: `YYYY-MM-DD`, a day that exists. */
export function dateRefusal(value: string): Message | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match || !isRealDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    return { code: 'DATE_INVALID', params: { value } };
  }
  return null;
}

/** A span of dates, both ends included: the end may not be before the start. */
export function rangeRefusal(from: string, to: string): Message | null {
  return to < from ? { code: 'DATE_RANGE_REVERSED', params: { from, to } } : null;
}

/** A person as these rules read them. */
export interface StaffFacts {
  id: number;
  nip: string;
  /** Last day of service (`YYYY-MM-DD`), null while in service. */
  activeTo: string | null;
}

/** Whether the person has left service before `date` (`YYYY-MM-DD`). */
function retiredBefore(person: StaffFacts, date: string): boolean {
  return person.activeTo !== null && person.activeTo < date;
}

/**
 * A new supervisor for an employee: not the employee themself, not someone who reports to the employee (directly or
 * not: `aboveSupervisor` is the supervisor's own chain of superiors, nearest first), not someone retired before
 * `today`. Null: no supervisor, always allowed.
 */
export function supervisorRefusal(
  employee: StaffFacts,
  supervisor: StaffFacts | null,
  aboveSupervisor: readonly number[],
  today: string,
): Message | null {
  if (supervisor === null) return null;
  if (supervisor.id === employee.id) return { code: 'EMPLOYEE_SELF_SUPERVISOR', params: {} };
  if (aboveSupervisor.includes(employee.id))
    return { code: 'EMPLOYEE_SUPERVISOR_CYCLE', params: { nip: supervisor.nip } };
  if (retiredBefore(supervisor, today)) {
    return { code: 'EMPLOYEE_RETIRED', params: { nip: supervisor.nip, date: supervisor.activeTo! } };
  }
  return null;
}

/** Which refusal an acting assignment meets, and at which input field. */
export interface FieldRefusal {
  field: string;
  message: Message;
}

/**
 * An acting assessor (Plt/Plh) standing in for an official from `from` to `to`: not the official themself, someone
 * in service on the first day, the span not reversed, and no other assignment for the same official overlapping it
 * (`overlapping`: the span of one that does, if any).
 */
export function actingRefusal(
  acting: StaffFacts,
  official: StaffFacts,
  from: string,
  to: string,
  overlapping: { from: string; to: string } | null,
): FieldRefusal | null {
  if (acting.id === official.id) return { field: 'input.actingNip', message: { code: 'ACTING_SELF', params: {} } };
  const reversed = rangeRefusal(from, to);
  if (reversed) return { field: 'input.to', message: reversed };
  if (retiredBefore(acting, from)) {
    return {
      field: 'input.actingNip',
      message: { code: 'EMPLOYEE_RETIRED', params: { nip: acting.nip, date: acting.activeTo! } },
    };
  }
  if (overlapping) {
    return { field: 'input.from', message: { code: 'ACTING_OVERLAP', params: { nip: official.nip, ...overlapping } } };
  }
  return null;
}
