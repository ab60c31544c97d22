import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountToken } from './helpers/auth.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { buildScenario, type Scenario } from './helpers/scenario.js';
import { startTestServer, type GraphQLResponse, type TestServer } from './helpers/server.js';
import type { Json } from './workflow/helpers.js';

/**
 * The API speaks Indonesian unless the request asks for English (docs/i18n.md): a request WITHOUT any
 * Accept-Language header (sent with node:http, which adds none, unlike fetch) gets Indonesian; `en` gets English; the
 * error code and field path stay the same in both.
 */
async function post(
  server: TestServer,
  body: { query: string; variables?: Record<string, unknown> },
  headers: Record<string, string>,
): Promise<GraphQLResponse<Json>> {
  const url = new URL(`${server.url}/graphql`);
  const text = await new Promise<string>((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (data += chunk));
        res.on('end', () => resolve(data));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
  return JSON.parse(text) as GraphQLResponse<Json>;
}

const PAGE = `query { transparency(year: 2025) {
  quarters { label hasilKerja { ratingRule } matrixCell }
  training { rule }
} }`;

describe('the API speaks Indonesian by default, English on request', () => {
  let db: TestDatabase;
  let scenario: Scenario;
  let server: TestServer;
  let guru: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    scenario = await buildScenario(db.orm, { employees: 3, quarters: [1], status: () => 'SUBMITTED' });
    guru = (
      await accountToken(db.orm.em.fork(), { login: 'guru', role: 'EMPLOYEE', employeeId: scenario.employees[2].id })
    ).headers;
    server = await startTestServer(db.orm);
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it('an error: the same code, the sentence in the request\u2019s language', async () => {
    const query = { query: '{ agency(code: "NOPE") { name } }' };
    const none = await post(server, query, guru);
    const en = await post(server, query, { ...guru, 'accept-language': 'en-US,en;q=0.9' });
    expect(none.errors?.[0]).toMatchObject({
      message: 'Perangkat daerah NOPE tidak ditemukan',
      extensions: { code: 'NOT_FOUND' },
    });
    expect(en.errors?.[0]).toMatchObject({ message: 'Agency NOPE not found', extensions: { code: 'NOT_FOUND' } });
  });

  it('a field error: the same code and field path in both languages', async () => {
    const query = {
      query: 'mutation ($input: SaveEvaluationDraftInput!) { saveEvaluationDraft(input: $input) { id } }',
      variables: { input: { evaluationId: 999999, scores: [{ criterionCode: 'INOVASI', score: 130 }] } },
    };
    const none = await post(server, query, guru);
    const en = await post(server, query, { ...guru, 'accept-language': 'en' });
    const fields = (r: GraphQLResponse) => [r.errors?.[0]?.extensions?.code, r.errors?.[0]?.extensions?.field];
    expect(fields(none)).toEqual(fields(en));
    expect(none.errors?.[0]?.message).toBe(
      'version wajib diisi untuk mengubah penilaian yang ada: kirim versi yang Anda baca',
    );
    expect(en.errors?.[0]?.message).toBe('version is required to change an existing evaluation: pass the one you read');
  });

  it('a period label and the transparency explanations', async () => {
    const none = await post(server, { query: PAGE }, guru);
    const en = await post(server, { query: PAGE }, { ...guru, 'accept-language': 'en' });
    expect(none.errors).toBeUndefined();
    const [qId] = none.data!.transparency.quarters;
    const [qEn] = en.data!.transparency.quarters;
    expect(qId.label).toBe('Triwulan I 2025');
    expect(qEn.label).toBe('Q1 2025');
    expect(qId.matrixCell).toMatch(/^hasil kerja \w+ x perilaku kerja \w+ -> \w+ \(matriks PermenPANRB 6\/2022\)$/);
    expect(qEn.matrixCell).toMatch(/^work results \w+ x behaviour \w+ -> \w+ \(PermenPANRB 6\/2022 matrix\)$/);
    expect(qId.hasilKerja.ratingRule).toMatch(/paling sedikit|di bawah/);
    expect(qEn.hasilKerja.ratingRule).toMatch(/is at least|is below/);
    expect(none.data!.transparency.training.rule).toBe(
      'PNS: paling sedikit 20 JP pengembangan kompetensi setahun (PP 11/2017 Pasal 203)',
    );
    expect(en.data!.transparency.training.rule).toBe(
      'PNS: at least 20 JP of competence development a year (PP 11/2017 Pasal 203)',
    );
    const periods = await post(server, { query: '{ periods { label } }' }, { ...guru, 'accept-language': 'en' });
    expect(periods.data!.periods).toEqual([{ label: 'Q1 2025' }]);
    const periodsId = await post(server, { query: '{ periods { label } }' }, { ...guru, 'accept-language': 'fr' });
    expect(periodsId.data!.periods).toEqual([{ label: 'Triwulan I 2025' }]);
  });

  it('the scope description of `me`', async () => {
    const none = await post(server, { query: '{ me { scope { description } } }' }, guru);
    const en = await post(server, { query: '{ me { scope { description } } }' }, { ...guru, 'accept-language': 'en' });
    expect(none.data!.me.scope.description).toBe('Data Anda sendiri secara lengkap. Agregat seluruh kota.');
    expect(en.data!.me.scope.description).toBe('Your own record in full. City-wide aggregates.');
  });
});
