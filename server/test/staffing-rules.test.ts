import { describe, expect, it } from 'vitest';
import { actingRefusal, dateRefusal, rangeRefusal, supervisorRefusal } from '../src/modules/staffing/staffing.rules.js';

/** The rules of the employee changes (docs/access.md#employee-changes), as tables. */
describe('employee change rules', () => {
  it('dates: YYYY-MM-DD of a day that exists', () => {
    const table: [string, string | null][] = [
      ['2026-01-31', null],
      ['2024-02-29', null],
      ['2025-02-29', 'DATE_INVALID'],
      ['2026-13-01', 'DATE_INVALID'],
      ['31/01/2026', 'DATE_INVALID'],
      ['2026-1-31', 'DATE_INVALID'],
      ['', 'DATE_INVALID'],
    ];
    expect(table.map(([value]) => [value, dateRefusal(value)?.code ?? null])).toEqual(table);
    expect(rangeRefusal('2026-03-01', '2026-03-01')).toBeNull();
    expect(rangeRefusal('2026-03-02', '2026-03-01')).toEqual({
      code: 'DATE_RANGE_REVERSED',
      params: { from: '2026-03-02', to: '2026-03-01' },
    });
  });

  it('a new supervisor: not oneself, not one of one\u2019s reports, not retired', () => {
    const employee = { id: 1, nip: 'E', activeTo: null };
    const other = { id: 2, nip: 'S', activeTo: null };
    const table: [string, ReturnType<typeof supervisorRefusal>][] = [
      ['none', supervisorRefusal(employee, null, [], '2026-06-01')],
      ['another', supervisorRefusal(employee, other, [7, 8], '2026-06-01')],
      ['oneself', supervisorRefusal(employee, { ...employee }, [], '2026-06-01')],
      ['a report', supervisorRefusal(employee, other, [9, 1, 3], '2026-06-01')],
      ['retired yesterday', supervisorRefusal(employee, { ...other, activeTo: '2026-05-31' }, [], '2026-06-01')],
      ['retiring today', supervisorRefusal(employee, { ...other, activeTo: '2026-06-01' }, [], '2026-06-01')],
    ];
    expect(table.map(([what, refusal]) => [what, refusal?.code ?? null])).toEqual([
      ['none', null],
      ['another', null],
      ['oneself', 'EMPLOYEE_SELF_SUPERVISOR'],
      ['a report', 'EMPLOYEE_SUPERVISOR_CYCLE'],
      ['retired yesterday', 'EMPLOYEE_RETIRED'],
      ['retiring today', null],
    ]);
  });

  it('an acting assignment: not for oneself, not reversed, in service, no overlap', () => {
    const acting = { id: 1, nip: 'A', activeTo: null };
    const official = { id: 2, nip: 'O', activeTo: null };
    const table: [string, ReturnType<typeof actingRefusal>][] = [
      ['fine', actingRefusal(acting, official, '2026-03-01', '2026-03-31', null)],
      ['oneself', actingRefusal(acting, { ...acting }, '2026-03-01', '2026-03-31', null)],
      ['reversed', actingRefusal(acting, official, '2026-03-31', '2026-03-01', null)],
      [
        'retired before',
        actingRefusal({ ...acting, activeTo: '2026-02-28' }, official, '2026-03-01', '2026-03-31', null),
      ],
      [
        'overlap',
        actingRefusal(acting, official, '2026-03-01', '2026-03-31', { from: '2026-03-15', to: '2026-04-15' }),
      ],
    ];
    expect(table.map(([what, r]) => [what, r?.field ?? null, r?.message.code ?? null])).toEqual([
      ['fine', null, null],
      ['oneself', 'input.actingNip', 'ACTING_SELF'],
      ['reversed', 'input.to', 'DATE_RANGE_REVERSED'],
      ['retired before', 'input.actingNip', 'EMPLOYEE_RETIRED'],
      ['overlap', 'input.from', 'ACTING_OVERLAP'],
    ]);
  });
});
