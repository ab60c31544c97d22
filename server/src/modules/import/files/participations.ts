import { PARTICIPATION_STATUSES, type ParticipationStatus } from '@kinerja/shared';
import type { ImportContext } from '../context.js';
import type { FileReport } from '../import.types.js';
import { parseDate, parseEnum, parseNumber } from '../values.js';
import { importSimpleFile } from './common.js';
import { knownEmployee } from './innovations.js';

interface ParticipationRow {
  trainingCode: string;
  nip: string;
  trainingId: number;
  employeeId: number;
  status: ParticipationStatus;
  completedOn: string | null;
  hoursJp: number;
}

/** participations.csv; natural key: training + NIP. Empty status = COMPLETED; empty hours_jp = the training's. */
export async function importParticipations(ctx: ImportContext, path: string): Promise<FileReport> {
  return importSimpleFile<ParticipationRow>(ctx, path, {
    file: 'participations.csv',
    columns: [
      { name: 'training_code', required: true },
      { name: 'nip', required: true },
      { name: 'status' },
      { name: 'completed_on' },
      { name: 'hours_jp' },
    ],
    spec: {
      table: 'participation',
      columns: [
        { name: 'training_id', type: 'int', key: 'plain' },
        { name: 'employee_id', type: 'int', key: 'plain' },
        { name: 'status', type: 'text' },
        { name: 'completed_on', type: 'date' },
        { name: 'hours_jp', type: 'float8' },
      ],
    },
    keyColumn: 'nip',
    check(row) {
      const trainingCode = row.required('training_code');
      let training = null;
      if (trainingCode !== null) {
        training = ctx.trainings.get(trainingCode) ?? null;
        if (training === null) {
          if (ctx.refused.trainings.has(trainingCode)) row.failed = true;
          else {
            row.fail('training_code', { code: 'IMPORT_TRAINING_NOT_FOUND', params: { code: trainingCode } });
          }
        }
      }
      const nip = row.required('nip');
      const employeeId = knownEmployee(ctx, row, 'nip', nip);
      const status = row.parse('status', (raw) => parseEnum(raw, PARTICIPATION_STATUSES)) ?? 'COMPLETED';
      const completedOn = row.parse('completed_on', parseDate);
      if (status === 'COMPLETED' && completedOn === null && row.raw('completed_on') === '') {
        row.fail('completed_on', { code: 'IMPORT_COMPLETED_ON_REQUIRED', params: {} });
      }
      const hoursJp = row.parse('hours_jp', (raw) => parseNumber(raw, row.separator));
      if (hoursJp !== null && hoursJp < 0) {
        row.fail('hours_jp', { code: 'IMPORT_NEGATIVE', params: { column: 'hours_jp', value: row.raw('hours_jp') } });
      }
      if (row.failed || training === null || employeeId === null) return null;
      return {
        trainingCode: trainingCode!,
        nip: nip!,
        trainingId: training.id,
        employeeId,
        status,
        completedOn,
        hoursJp: hoursJp ?? training.hoursJp,
      };
    },
    key: (r) => `${r.trainingId}\u0000${r.employeeId}`,
    describeKey: (r) => ({ file: 'participations.csv', nip: r.nip, training: r.trainingCode }),
    values: (r) => [r.trainingId, r.employeeId, r.status, r.completedOn, r.hoursJp],
  });
}
