import { evaluateScores, type CriterionCategory, type CriterionScoreInput, type ScoringPolicy } from '@kinerja/shared';
import { BatchWriter, createStagingTable, type Sql, type StagingColumn } from './staging.js';

const RESULT_COLUMNS: StagingColumn[] = [
  { name: 'evaluation_id', type: 'int' },
  { name: 'hasil_kerja_score', type: 'float8' },
  { name: 'perilaku_kerja_score', type: 'float8' },
  { name: 'score', type: 'float8' },
  { name: 'hasil_kerja_rating', type: 'text' },
  { name: 'perilaku_kerja_rating', type: 'text' },
  { name: 'predikat', type: 'text' },
];

const FETCH_ROWS = 20_000;
let cursorNumber = 0;

/**
 * Stores the results of FINAL evaluations in bulk: the category scores, quarterly score, ratings and predikat computed
 * by the shared `evaluateScores` (the one rule the API and the dashboard use too), with the policy version. The
 * evaluations are those whose ids the query `idsSql` selects (inside the caller's transaction). Their scores are read
 * in evaluation order through a cursor, a chunk at a time, so memory stays bounded however many there are.
 * Returns the number of evaluations written.
 */
export async function storeFinalResults(
  sql: Sql,
  idsSql: string,
  params: unknown[],
  policy: ScoringPolicy,
  useCopy: boolean,
  onProgress?: (done: number) => void,
): Promise<number> {
  const suffix = ++cursorNumber;
  const ids = `finalize_ids_${suffix}`;
  const results = `finalize_results_${suffix}`;
  await sql.query(`create temporary table ${ids} on commit drop as ${idsSql}`, params);
  await sql.query(`alter table ${ids} add primary key (evaluation_id)`);
  await createStagingTable(sql, results, RESULT_COLUMNS);
  const writer = new BatchWriter(sql, results, RESULT_COLUMNS, useCopy);
  const cursor = `finalize_scores_${suffix}`;
  // The cursor is read to its end: plan for all rows, not for the first tenth (the default), which picks a nested loop.
  await sql.query('set local cursor_tuple_fraction = 1.0');
  // Every score of the evaluation counts, also those the import did not touch.
  await sql.query(`declare ${cursor} no scroll cursor for
    select s.evaluation_id, c.category, c.weight, s.score
      from ${ids} f join evaluation_score s on s.evaluation_id = f.evaluation_id
      join criterion c on c.id = s.criterion_id
     order by s.evaluation_id`);
  let current: number | null = null;
  let scores: CriterionScoreInput[] = [];
  let done = 0;
  let batch: unknown[][] = [];
  const finish = () => {
    if (current === null) return;
    const r = evaluateScores(scores, policy);
    batch.push([
      current,
      r.hasilKerjaScore,
      r.perilakuKerjaScore,
      r.score,
      r.hasilKerjaRating,
      r.perilakuKerjaRating,
      r.predikat,
    ]);
    done++;
  };
  for (;;) {
    const { rows } = await sql.query<[number, CriterionCategory, number, number]>({
      text: `fetch ${FETCH_ROWS} from ${cursor}`,
      rowMode: 'array',
    });
    for (const row of rows) {
      if (row[0] !== current) {
        finish();
        current = row[0];
        scores = [];
      }
      scores.push({ category: row[1], weight: row[2], score: row[3] });
    }
    if (rows.length < FETCH_ROWS) break;
    if (batch.length > 0) {
      await writer.write(batch);
      batch = [];
      onProgress?.(done);
    }
  }
  finish();
  await sql.query(`close ${cursor}`);
  await writer.write(batch);
  await writer.flush();
  // Evaluations without any score: nothing to compute, every result null.
  await sql.query(`insert into ${results} (evaluation_id)
    select f.evaluation_id from ${ids} f where not exists (select 1 from ${results} r where r.evaluation_id = f.evaluation_id)`);
  const { rowCount } = await sql.query(
    `update evaluation e set hasil_kerja_score = r.hasil_kerja_score, perilaku_kerja_score = r.perilaku_kerja_score,
        score = r.score, hasil_kerja_rating = r.hasil_kerja_rating, perilaku_kerja_rating = r.perilaku_kerja_rating,
        predikat = r.predikat, policy_version = $1, status = 'FINAL', finalized_at = coalesce(e.finalized_at, now()),
        updated_at = now()
      from ${results} r where e.id = r.evaluation_id`,
    [policy.version],
  );
  onProgress?.(done);
  return rowCount ?? 0;
}
