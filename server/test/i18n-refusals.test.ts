import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountToken } from './helpers/auth.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { buildScenario, type Scenario } from './helpers/scenario.js';
import { startTestServer, type GraphQLResponse, type TestServer } from './helpers/server.js';
import type { Json } from './workflow/helpers.js';

/**
 * The refusals that were English only (or "Indonesian (English)") now come from the one catalogue (docs/i18n.md):
 * one per area, Indonesian for a request without Accept-Language (node:http adds none), English with `en`, and the
 * same code and field path in both.
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

interface Case {
  area: string;
  as: string;
  query: string;
  variables?: Record<string, unknown>;
  code: string;
  field: string | undefined;
  id: string;
  en: string;
}

describe('refusals of every area in Indonesian by default, English on request', () => {
  let db: TestDatabase;
  let scenario: Scenario;
  let server: TestServer;
  const as: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    // 0 heads DISDIK (3 reports to them); 3 scores SANGAT_BAIK all year without an innovation.
    scenario = await buildScenario(db.orm, {
      employees: 4,
      quarters: [1, 2, 3, 4],
      status: () => 'SUBMITTED',
      score: (index) => (index === 3 ? 118 : 100),
    });
    const em = db.orm.em.fork();
    as.admin = (await accountToken(em, { login: 'admin', role: 'ADMIN' })).headers;
    as.kadisdik = (
      await accountToken(em, { login: 'kadisdik', role: 'AGENCY_HEAD', employeeId: scenario.employees[0]!.id })
    ).headers;
    as.guru = (
      await accountToken(em, { login: 'guru', role: 'EMPLOYEE', employeeId: scenario.employees[3]!.id })
    ).headers;
    server = await startTestServer(db.orm);
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  const cases = (): Case[] => [
    {
      area: 'criteria',
      as: 'admin',
      query: `mutation ($input: ReplaceCriterionWeightsInput!) { replaceCriterionWeights(input: $input) { code } }`,
      variables: { input: { agencyCode: 'DISDIK', year: 2025, category: 'HASIL_KERJA', weights: [] } },
      code: 'BAD_USER_INPUT',
      field: 'input.weights',
      id: 'sebutkan setiap kriteria yang berlaku beserta bobotnya',
      en: 'list every criterion in force with its weight',
    },
    {
      area: 'trainings',
      as: 'admin',
      query: `mutation ($input: CreateTrainingInput!) { createTraining(input: $input) { code } }`,
      variables: { input: { code: 'T-1', title: 'Bimtek', kind: 'WORKSHOP', hoursJp: 0 } },
      code: 'BAD_USER_INPUT',
      field: 'input.hoursJp',
      id: 'hoursJp 0 harus lebih dari 0',
      en: 'hoursJp 0 must be above 0',
    },
    {
      area: 'innovations',
      as: 'admin',
      query: `mutation ($input: RecordInnovationInput!) { recordInnovation(input: $input) { id } }`,
      variables: { input: { employeeNip: scenario.employees[3]!.nip, year: 2025, quarter: 1, title: '  ' } },
      code: 'BAD_USER_INPUT',
      field: 'input.title',
      id: 'title wajib diisi',
      en: 'title is required',
    },
    {
      area: 'org predikat',
      as: 'kadisdik',
      query: `mutation ($input: OrgPredikatInput!) { proposeOrgPredikat(input: $input) { year } }`,
      variables: { input: { agencyCode: 'DINKES', year: 2025, predikat: 'BAIK' } },
      code: 'FORBIDDEN',
      field: undefined,
      id: 'Hanya kepala DINKES, atau administrator, yang mengusulkan predikat organisasinya',
      en: 'Only the head of DINKES, or an administrator, proposes its org predikat',
    },
    {
      area: 'analytics inputs',
      as: 'admin',
      query: `query ($input: TrendInput!) { performanceTrend(input: $input) { key } }`,
      variables: { input: { agencyCodes: ['NOPE'] } },
      code: 'BAD_USER_INPUT',
      field: 'input.agencyCodes.0',
      id: 'Kode perangkat daerah "NOPE" tidak dikenal.',
      en: 'Unknown agency code "NOPE".',
    },
    {
      area: 'dialogue',
      as: 'kadisdik',
      query: `mutation ($input: WriteFeedbackNoteInput!) { writeFeedbackNote(input: $input) { id } }`,
      variables: { input: { employeeNip: scenario.employees[3]!.nip, quarter: 1, wentWell: 'Baik' } },
      code: 'BAD_USER_INPUT',
      field: 'input.year',
      id: 'tahun wajib diisi tanpa penilaian',
      en: 'the year is required without an evaluation',
    },
    {
      area: 'feedback rules (shared/src/feedback.ts)',
      as: 'kadisdik',
      query: `mutation ($input: WriteFeedbackNoteInput!) { writeFeedbackNote(input: $input) { id } }`,
      variables: { input: { employeeNip: scenario.employees[3]!.nip, year: 2025, quarter: 1 } },
      code: 'BAD_USER_INPUT',
      field: 'input.wentWell',
      id: 'isi yang sudah baik, yang perlu ditingkatkan, atau tindak lanjut yang disepakati',
      en: 'say what went well, what to improve, or an agreed action',
    },
    {
      area: 'notices',
      as: 'guru',
      query: `mutation { markNoticesRead }`,
      code: 'BAD_USER_INPUT',
      field: 'ids',
      id: 'sebutkan pemberitahuan (ids) atau all: true',
      en: 'give ids, or all: true',
    },
    {
      area: 'score ranges',
      as: 'admin',
      query: `query ($filter: AnnualResultFilter) { annualResults(filter: $filter) { totalCount } }`,
      variables: { filter: { minScore: 100.5, maxScore: 90 } },
      code: 'BAD_USER_INPUT',
      field: 'filter.maxScore',
      id: 'maxScore (90) lebih kecil dari minScore (100,5): rentangnya kosong',
      en: 'maxScore (90) is below minScore (100.5): the range is empty',
    },
    {
      area: 'periods opened twice',
      as: 'admin',
      query: `mutation ($input: PeriodChangeInput!) { openPeriod(input: $input) { status } }`,
      variables: { input: { year: 2025, quarter: 3 } },
      code: 'BAD_USER_INPUT',
      field: 'input.quarter',
      id: 'periode Triwulan III 2025 sudah ada (OPEN)',
      en: 'period Q3 2025 exists already (OPEN)',
    },
    {
      area: 'a record nobody has (noSuchRecord)',
      as: 'admin',
      query: `query { evaluation(id: 999999) { id } }`,
      code: 'NOT_FOUND',
      field: undefined,
      id: 'Penilaian 999999 tidak ditemukan',
      en: 'Evaluation 999999 not found',
    },
    {
      area: 'integer ranges (security/input-rules.ts)',
      as: 'admin',
      query: `query { evaluation(id: 0) { id } }`,
      code: 'BAD_USER_INPUT',
      field: 'id',
      id: 'id harus bilangan positif, bukan 0',
      en: 'id must be a positive number, not 0',
    },
    {
      area: 'text checks (security/input-rules.ts)',
      as: 'admin',
      query: `query ($s: String) { employees(filter: { search: $s }) { totalCount } }`,
      variables: { s: 'a\u0000b' },
      code: 'BAD_USER_INPUT',
      field: 'filter.search',
      id: 'filter.search: teks tidak boleh memuat karakter NUL',
      en: 'filter.search: text must not contain NUL characters',
    },
    {
      area: 'page cursors (graphql/pagination.ts)',
      as: 'admin',
      query: `query { annualResults(after: "not-a-cursor") { totalCount } }`,
      code: 'BAD_USER_INPUT',
      field: 'after',
      id: '"not-a-cursor" bukan kursor yang diberikan API ini',
      en: '"not-a-cursor" is not a cursor returned by this API',
    },
    {
      area: 'the date filter of the audit log',
      as: 'admin',
      query: `query ($filter: AuditFilter) { auditLog(filter: $filter) { totalCount } }`,
      variables: { filter: { from: '2025-02-01T00:00:00.000Z', to: '2025-01-01T00:00:00.000Z' } },
      code: 'BAD_USER_INPUT',
      field: 'filter.to',
      id: 'to sebelum from: rentangnya kosong',
      en: 'to is before from: the range is empty',
    },
    {
      area: 'the personal-data export',
      as: 'admin',
      query: `mutation ($nip: String!, $reason: String!) { exportPersonalData(nip: $nip, reason: $reason) { nip } }`,
      variables: { nip: scenario.employees[3]!.nip, reason: '  ' },
      code: 'BAD_USER_INPUT',
      field: 'reason',
      id: 'Alasan ekspor wajib diisi (5-500 karakter), misalnya permintaan subjek data.',
      en: 'A reason (5-500 characters) is required, e.g. the data subject request it answers.',
    },
    {
      area: 'account creation and passwords (auth.service.ts, password.ts)',
      as: 'admin',
      query: `mutation ($login: String!, $password: String) { createAccount(login: $login, role: ANALYST, password: $password) { initialPassword } }`,
      variables: { login: 'analis', password: '12345678901' },
      code: 'BAD_USER_INPUT',
      field: 'password',
      id: 'Kata sandi tidak boleh hanya angka (NIP atau tanggal mudah ditebak)',
      en: 'The password must not be digits only (a NIP or a date is easy to guess)',
    },
    {
      area: 'NIP check of a lookup (shared/src/nip.ts)',
      as: 'admin',
      query: `query { employee(nip: "12345") { name } }`,
      code: 'BAD_USER_INPUT',
      field: 'nip',
      id: 'NIP memuat 5 angka, bukan 18',
      en: 'NIP has 5 digits, not 18',
    },
    {
      area: 'NIP check of a filter',
      as: 'admin',
      query: `query { evaluations(filter: { assessorNip: "19850312201001100A" }) { totalCount } }`,
      code: 'BAD_USER_INPUT',
      field: 'filter.assessorNip',
      id: 'NIP hanya boleh memuat angka 0-9; ditemukan "A"',
      en: 'NIP must contain only digits 0-9; found "A"',
    },
    {
      area: 'NIP check of account creation',
      as: 'admin',
      query: `mutation { createAccount(login: "pegawai-baru", role: EMPLOYEE, employeeNip: "1985031220100110") { initialPassword } }`,
      code: 'BAD_USER_INPUT',
      field: 'employeeNip',
      id: 'NIP memuat 16 angka, bukan 18',
      en: 'NIP has 16 digits, not 18',
    },
    {
      area: 'NIP check of the personal-data export (every part)',
      as: 'admin',
      query: `mutation { exportPersonalData(nip: "198513122010201000", reason: "Permintaan subjek data") { nip } }`,
      code: 'BAD_USER_INPUT',
      field: 'nip',
      id:
        'tanggal lahir 19851312 dalam NIP bukan tanggal yang ada; masa kontrak PPPK 0 dalam NIP (posisi bulan 20)' +
        ' harus 1-9; nomor urut 000 dalam NIP tidak sah; nomor urut dimulai dari 001',
      en:
        'birth date 19851312 in NIP is not a real date; PPPK contract count 0 in NIP (month position 20) must be' +
        ' 1-9; sequence 000 in NIP is invalid; sequences start at 001',
    },
  ];

  it('one refusal per area: the same code and field, the sentence in the request\u2019s language', async () => {
    const got: unknown[] = [];
    const want: unknown[] = [];
    for (const c of cases()) {
      const body = { query: c.query, variables: c.variables };
      const none = (await post(server, body, as[c.as]!)).errors?.[0];
      const en = (await post(server, body, { ...as[c.as]!, 'accept-language': 'en' })).errors?.[0];
      got.push([
        c.area,
        none?.extensions?.code,
        none?.extensions?.field,
        none?.message,
        en?.extensions?.code,
        en?.extensions?.field,
        en?.message,
      ]);
      want.push([c.area, c.code, c.field, c.id, c.code, c.field, c.en]);
    }
    expect(got).toEqual(want);
  });

  it('AnnualResult.note: why the innovation rule changed the predikat, in the request\u2019s language', async () => {
    const body = {
      query: `query ($nip: String!) { employee(nip: $nip) { annualResult(year: 2025) { predikat innovationRuleApplied note } } }`,
      variables: { nip: scenario.employees[3]!.nip },
    };
    const none = await post(server, body, as.admin!);
    const en = await post(server, body, { ...as.admin!, 'accept-language': 'en' });
    expect(none.data!.employee.annualResult).toEqual({
      predikat: 'BAIK',
      innovationRuleApplied: true,
      note:
        'SANGAT_BAIK memerlukan paling sedikit satu inovasi terverifikasi pada 2025 (PP 30/2019 Pasal 41, kebijakan ' +
        'kota); tidak ada yang tercatat, sehingga predikatnya BAIK.',
    });
    expect(en.data!.employee.annualResult.note).toBe(
      'SANGAT_BAIK requires at least one verified innovation in 2025 (PP 30/2019 Pasal 41, city policy); none ' +
        'recorded, so the predikat is BAIK.',
    );
  });
});
