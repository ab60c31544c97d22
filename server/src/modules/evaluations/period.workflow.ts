import type { EntityManager } from '@mikro-orm/postgresql';
import { checkYearQuarter, type ScoringPolicy } from '@kinerja/shared';
import { badUserInput, throwProblems } from '../../graphql/errors.js';
import { writeAudit } from '../audit/audit.service.js';
import { closePeriod as closeOnePeriod, sqlOf, writerTransaction, type ClosedPeriod } from '../results/index.js';
import type { PeriodChangeInput } from '../periods/period.inputs.js';

export type { ClosedPeriod };

/** Checks a period's year and quarter (field paths under `input`). */
export function checkPeriodChange(input: PeriodChangeInput): void {
  throwProblems(checkYearQuarter(input), 'input');
}

/**
 * Opens a period (a new quarter takes scores). A period that exists is refused, also a CLOSED one: its official
 * results are never rewritten (docs/scoring.md#periods-and-final-results), so there is no reopening. Returns the period's id.
 */
export async function openPeriod(em: EntityManager, actor: string, input: PeriodChangeInput): Promise<number> {
  checkPeriodChange(input);
  return writerTransaction(em, async (tem) => {
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
      throw badUserInput('input.quarter', {
        code: 'PERIOD_EXISTS',
        params: { year: input.year, quarter: input.quarter, status: existing?.status ?? 'OPEN' },
      });
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

/**
 * Closes a period (the `closePeriod` mutation): from then on it takes no new or changed scores, and every evaluation
 * of it that is not DRAFT or OBJECTED is finalised, by THE way to close periods, `closePeriod` of the results module
 * (docs/workflow.md "Closing a period"), which the importer's `--close-through` and the demo load use too. One
 * transaction; the period row is locked first, as every evaluation step locks it (shared) before its evaluation, so
 * that no save slips in between the check and the close.
 */
export async function closePeriod(
  em: EntityManager,
  actor: { login: string; policy: ScoringPolicy },
  input: PeriodChangeInput,
): Promise<ClosedPeriod> {
  checkPeriodChange(input);
  const reason = input.reason?.trim() || null;
  return writerTransaction(em, async (tem) =>
    closeOnePeriod(await sqlOf(tem), input, { actor: actor.login, policy: actor.policy, reason }),
  );
}
