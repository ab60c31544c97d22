import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadInitialData } from '../../src/db/initial-data.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { tableCounts } from './helpers.js';

describe('demo data on first start: generated, imported through the importer, history closed', () => {
  let db: TestDatabase;
  const log: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.close();
  });

  it('loads into an empty database, closes the quarters before today, and never loads over existing data', async () => {
    const today = new Date(Date.UTC(2025, 7, 15)); // 15 August 2025: Q3 2025 is current.
    expect(await loadInitialData(db.orm, { log: (l) => log.push(l), employees: 120, today })).toBe(true);
    const counts = await tableCounts(db.orm);
    expect(counts.employee).toBe(120);
    expect(counts.evaluation_score).toBeGreaterThan(10_000);
    const conn = db.orm.em.getConnection();
    const periods = await conn.execute<{ label: string; status: string }[]>(
      `select year || '-Q' || quarter as label, status from period order by year, quarter`,
    );
    expect(periods.filter((p) => p.status === 'OPEN').map((p) => p.label)).toEqual(['2025-Q3', '2025-Q4']);
    expect(periods.filter((p) => p.status === 'CLOSED')).toHaveLength(10);
    const audit = await conn.execute<{ actor: string; action: string }[]>(
      'select actor, action, count(*)::int as n from audit_log group by actor, action order by action',
    );
    expect(audit).toEqual([
      { actor: 'system:demo-data', action: 'import.run', n: 1 },
      { actor: 'system:demo-data', action: 'period.close', n: 10 },
    ]);
    // Every evaluation of a closed period that is not DRAFT or OBJECTED is FINAL with stored results.
    const [open] = await conn.execute<{ n: number }[]>(
      `select count(*)::int as n from evaluation e join period p on p.id = e.period_id
        where p.status = 'CLOSED' and e.status not in ('DRAFT', 'OBJECTED') and (e.status <> 'FINAL' or e.policy_version is null)`,
    );
    expect(open!.n).toBe(0);
    expect(log.some((l) => /^Demo data loaded in [\d.]+ s/.test(l))).toBe(true);

    expect(await loadInitialData(db.orm, { log: (l) => log.push(l), employees: 120, today })).toBe(false);
    expect(await tableCounts(db.orm)).toEqual(counts);
  });
});
