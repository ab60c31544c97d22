import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AGENCY_KINDS,
  annualResult,
  evaluateScores,
  indicatorScore,
  ORG_PREDIKATS,
  PARTICIPATION_STATUSES,
  POSITION_TYPES,
  TRAINING_KINDS,
  nipInvalid,
  renderMessage,
  validateNip,
  type CriterionCategory,
  type Direction,
  type Predikat,
} from '@kinerja/shared';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_DATA_FILES,
  generateDemoData,
  writeDemoData,
  type CriterionRow,
  type DemoDataSet,
  type ScoreRow,
} from '../src/demo-data/generate.js';

/**
 * The demo data set must be something the importer accepts as it is and the analytics can find their stories in:
 * valid NIPs and hierarchy, weights that add up, scores on the scale, the same bytes for the same seed, and a real
 * training effect. The structure is checked on a small set (fast), the score model on a medium one.
 */

const PNS_RANK = /^(I|II|III|IV)\/[a-e]$/;
const PPPK_RANK = /^(I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI|XVII)$/;

describe('demo data structure (80 employees)', () => {
  let data: DemoDataSet;
  let scores: ScoreRow[];

  beforeAll(() => {
    data = generateDemoData({ employees: 80 });
    scores = [...data.scores];
  });

  it('has exactly the employees asked for, with valid, unique NIPs that agree with gender and employment type', () => {
    expect(data.employees).toHaveLength(80);
    const nips = new Set<string>();
    for (const e of data.employees) {
      const check = validateNip(e.nip);
      if (!check.ok) throw new Error(`${e.nip}: ${renderMessage(nipInvalid(check.errors), 'en')}`);
      expect(nips.has(e.nip), `duplicate NIP ${e.nip}`).toBe(false);
      nips.add(e.nip);
      expect(check.nip.gender).toBe(e.gender);
      expect(check.nip.employmentType).toBe(e.employmentType);

      const birthYear = Number(e.nip.slice(0, 4));
      expect(birthYear).toBeGreaterThanOrEqual(1966);
      expect(birthYear).toBeLessThanOrEqual(2001);
      if (e.employmentType === 'PNS') {
        // CPNS start at 19-35 (whole years, counting the birthday within the start year).
        const age =
          check.nip.startYear - birthYear - ((check.nip.startMonth as number) < Number(e.nip.slice(4, 6)) ? 1 : 0);
        expect(age, e.nip).toBeGreaterThanOrEqual(19);
        expect(age, e.nip).toBeLessThanOrEqual(35);
        expect(e.rank).toMatch(PNS_RANK);
      } else {
        expect(e.rank).toMatch(PPPK_RANK);
      }
      expect(POSITION_TYPES).toContain(e.positionType);
      expect(e.activeFrom.slice(0, 4)).toBe(e.nip.slice(8, 12));
    }
  });

  it('has one root (the Sekda) and every supervisor written before the people they supervise', () => {
    const position = new Map(data.employees.map((e, i) => [e.nip, i]));
    const roots = data.employees.filter((e) => e.supervisorNip === null);
    expect(roots.map((e) => [e.agencyCode, e.position, e.positionType])).toEqual([
      ['SETDA', 'Sekretaris Daerah', 'JPT'],
    ]);
    data.employees.forEach((e, i) => {
      if (e.supervisorNip === null) return;
      const at = position.get(e.supervisorNip);
      expect(at, `supervisor of ${e.nip} not in the file`).toBeDefined();
      expect(at as number, `supervisor of ${e.nip} comes after them`).toBeLessThan(i);
    });
    // Written-before already rules cycles out; walk up anyway, since that is what the importer will rely on.
    const supervisorOf = new Map(data.employees.map((e) => [e.nip, e.supervisorNip]));
    for (const e of data.employees) {
      const seen = new Set<string>();
      for (let nip: string | null = e.nip; nip !== null; nip = supervisorOf.get(nip) ?? null) {
        expect(seen.has(nip), `cycle through ${nip}`).toBe(false);
        seen.add(nip);
      }
    }
  });

  it('puts every agency head under the Sekda and uses only agencies that exist', () => {
    const agencies = new Set(data.agencies.map((a) => a.code));
    for (const a of data.agencies) expect(AGENCY_KINDS).toContain(a.kind);
    const sekda = data.employees[0]?.nip;
    for (const code of agencies) {
      const head = data.employees.find((e) => e.agencyCode === code);
      expect(head, `no head for ${code}`).toBeDefined();
      if (code !== 'SETDA') expect(head?.supervisorNip).toBe(sekda);
    }
    for (const e of data.employees) expect(agencies).toContain(e.agencyCode);
    for (const c of data.criteria) if (c.agencyCode !== null) expect(agencies).toContain(c.agencyCode);
    for (const s of scores) if (s.agencyCode !== null) expect(agencies).toContain(s.agencyCode);
    for (const o of data.orgPerformance) {
      expect(agencies).toContain(o.agencyCode);
      expect(ORG_PREDIKATS).toContain(o.predikat);
    }
    // Every agency and year but the current one (an agency's own predikat is set after its year).
    expect(data.orgPerformance).toHaveLength(agencies.size * (data.settings.years.length - 1));
    expect(new Set(data.orgPerformance.map((o) => o.year))).toEqual(new Set([2023, 2024, 2025]));
  });

  it('has criteria whose weights sum to 100 per agency, year and category', () => {
    for (const agency of data.agencies) {
      for (const year of data.settings.years) {
        for (const category of ['HASIL_KERJA', 'PERILAKU_KERJA'] as CriterionCategory[]) {
          const weights = criteriaInForce(data.criteria, agency.code, year)
            .filter((c) => c.category === category)
            .reduce((sum, c) => sum + c.weight, 0);
          expect(weights, `${category} of ${agency.code} in ${year}`).toBe(100);
        }
      }
    }
    for (const c of data.criteria) {
      if (c.indicatorUnit === null) continue;
      expect(c.target).toBeGreaterThan(0);
      expect(c.direction).not.toBeNull();
    }
  });

  it('scores every criterion that applies, on the 0..120 scale, one evaluation per employee and quarter', () => {
    // Half a million expect() calls would be slow; collect what is wrong and compare with nothing once.
    const problems: string[] = [];
    const employees = new Map(data.employees.map((e) => [e.nip, e]));
    const evaluations = new Map<string, { assessor: string | null; agency: string | null; codes: Set<string> }>();
    for (const s of scores) {
      const row = `${s.nip} ${s.year} Q${s.quarter} ${s.criterionCode}`;
      const employee = employees.get(s.nip);
      if (employee === undefined) problems.push(`${row}: unknown employee`);
      const agency = s.agencyCode ?? (employee?.agencyCode as string);
      const criterion = criteriaInForce(data.criteria, agency, s.year).find((c) => c.code === s.criterionCode);
      if (criterion === undefined) problems.push(`${row}: criterion does not apply in ${agency}`);
      if (![1, 2, 3, 4].includes(s.quarter)) problems.push(`${row}: quarter`);
      if ((s.score === null) === (s.realisation === null))
        problems.push(`${row}: needs exactly one of score, realisation`);
      if (s.score !== null && !(s.score >= 0 && s.score <= 120 && Math.round(s.score * 100) / 100 === s.score)) {
        problems.push(`${row}: score ${s.score}`);
      }
      if (s.realisation !== null && (criterion?.indicatorUnit === null || s.realisation < 0)) {
        problems.push(`${row}: realisation ${s.realisation}`);
      }
      if (s.assessorNip !== null && !employees.has(s.assessorNip)) problems.push(`${row}: unknown assessor`);

      // Rows of one evaluation agree on assessor and agency, and name each criterion once.
      const key = `${s.nip}:${s.year}:${s.quarter}`;
      const evaluation = evaluations.get(key) ?? { assessor: s.assessorNip, agency: s.agencyCode, codes: new Set() };
      if (evaluation.assessor !== s.assessorNip || evaluation.agency !== s.agencyCode) {
        problems.push(`${row}: assessor or agency differs within the evaluation`);
      }
      if (evaluation.codes.has(s.criterionCode)) problems.push(`${row}: criterion twice`);
      evaluation.codes.add(s.criterionCode);
      evaluations.set(key, evaluation);
    }
    expect(problems.slice(0, 20)).toEqual([]);
    // Nearly everyone is appraised every past quarter they are active (a few miss one for leave); the current
    // quarter is still being scored.
    const current = `${data.settings.current.year}:${data.settings.current.quarter}`;
    const past = (key: string) => !key.endsWith(`:${current}`);
    const active = data.employees.reduce(
      (n, e) => n + activeQuarters(e, data.settings.years).filter((q) => q !== current).length,
      0,
    );
    const history = [...evaluations.keys()].filter(past).length;
    expect(history / active).toBeGreaterThan(0.95);
    expect(history).toBeLessThanOrEqual(active);
  });

  it('has trainings and participations that refer to what exists', () => {
    const criteria = new Set(data.criteria.map((c) => c.code));
    const trainings = new Map(data.trainings.map((t) => [t.code, t]));
    const employees = new Set(data.employees.map((e) => e.nip));
    // 19-21 a year, over four years (2023 to the year of today).
    expect(data.trainings.length).toBeGreaterThanOrEqual(15 * 4);
    expect(data.trainings.length).toBeLessThanOrEqual(21 * 4);
    expect(trainings.size).toBe(data.trainings.length);
    for (const t of data.trainings) {
      expect(TRAINING_KINDS).toContain(t.kind);
      expect(t.hoursJp).toBeGreaterThanOrEqual(8);
      expect(t.hoursJp).toBeLessThanOrEqual(80);
      expect(t.startDate <= t.endDate).toBe(true);
      expect(t.criterionCodes.length).toBeGreaterThan(0);
      for (const code of t.criterionCodes) expect(criteria).toContain(code);
    }
    const pairs = new Set<string>();
    for (const p of data.participations) {
      const training = trainings.get(p.trainingCode);
      expect(training).toBeDefined();
      expect(employees).toContain(p.nip);
      expect(pairs.has(`${p.trainingCode}:${p.nip}`)).toBe(false);
      pairs.add(`${p.trainingCode}:${p.nip}`);
      if (p.status !== null) expect(PARTICIPATION_STATUSES).toContain(p.status);
      const completed = p.status === null || p.status === 'COMPLETED';
      expect(p.completedOn !== null, `completion date iff completed`).toBe(completed);
      if (p.completedOn !== null) expect(p.completedOn >= (training?.startDate as string)).toBe(true);
      // Nothing is completed after the day the data are as of.
      if (p.completedOn !== null) expect(p.completedOn <= data.settings.today).toBe(true);
    }
  });

  it('holds nothing after the day it is as of (2 December 2026 by default): no start, end, quarter or completion', () => {
    const { today, current } = data.settings;
    expect(today).toBe('2026-12-02');
    expect(current).toEqual({ year: 2026, quarter: 4, index: 15 });
    expect(data.settings.quarters).toHaveLength(16);
    for (const e of data.employees) {
      expect(e.activeFrom <= today, e.nip).toBe(true);
      if (e.activeTo !== null) expect(e.activeTo <= today, e.nip).toBe(true);
    }
    const after = (year: number, quarter: number) => year * 4 + quarter > current.year * 4 + current.quarter;
    expect(scores.filter((s) => after(s.year, s.quarter))).toEqual([]);
    expect(data.innovations.filter((i) => after(i.year, i.quarter))).toEqual([]);
    // As of another day: its quarter is the current one, and the data stop there.
    const earlier = generateDemoData({ employees: 80, today: '2025-08-15' });
    expect(earlier.settings.current).toEqual({ year: 2025, quarter: 3, index: 10 });
    expect(earlier.settings.years).toEqual([2023, 2024, 2025]);
    expect(Math.max(...[...earlier.scores].map((s) => s.year * 4 + s.quarter))).toBe(2025 * 4 + 3);
    expect(() => generateDemoData({ today: '2022-12-31' })).toThrow(RangeError);
    expect(() => generateDemoData({ today: '2026-02-30' })).toThrow(RangeError);
  });

  it('leaves the current quarter mid-way: drafts (some partial), submitted, acknowledged, a few final; history FINAL', () => {
    const { current } = data.settings;
    const isCurrent = (s: { year: number; quarter: number }) =>
      s.year === current.year && s.quarter === current.quarter;
    // The status column is empty (FINAL) everywhere in the history.
    expect(scores.filter((s) => !isCurrent(s) && s.status !== null)).toEqual([]);
    const evaluations = new Map<string, ScoreRow[]>();
    for (const s of scores.filter(isCurrent)) evaluations.set(s.nip, [...(evaluations.get(s.nip) ?? []), s]);
    const byStatus = new Map<string, number>();
    const criteria = new Map(data.criteria.map((c) => [`${c.code}:${c.agencyCode ?? ''}`, c]));
    const agencyOf = new Map(data.employees.map((e) => [e.nip, e.agencyCode]));
    let partialDrafts = 0;
    for (const [nip, rows] of evaluations) {
      const statuses = new Set(rows.map((r) => r.status));
      expect(statuses.size, `one status per evaluation (${nip})`).toBe(1);
      const status = rows[0]!.status ?? 'FINAL';
      byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
      const agency = rows[0]!.agencyCode ?? (agencyOf.get(nip) as string);
      const applicable = criteriaInForce(data.criteria, agency, current.year).length;
      if (status === 'DRAFT') {
        if (rows.length < applicable) partialDrafts++;
      } else {
        // Submitted (and anything after) is scored completely.
        expect(rows.length, `${nip} ${status}`).toBe(applicable);
      }
      expect(
        rows.every((r) => criteria.has(`${r.criterionCode}:`) || criteria.has(`${r.criterionCode}:${agency}`)),
      ).toBe(true);
    }
    expect([...byStatus.keys()].sort()).toEqual(['ACKNOWLEDGED', 'DRAFT', 'FINAL', 'SUBMITTED']);
    expect(partialDrafts).toBeGreaterThan(0);
    // Some of the people appraised this quarter have not been started at all.
    const appraised = data.employees.filter((e) =>
      activeQuarters(e, [current.year]).includes(`${current.year}:${current.quarter}`),
    ).length;
    expect(evaluations.size).toBeLessThan(appraised * 0.9);
    expect(evaluations.size).toBeGreaterThan(appraised * 0.25);
  });

  it('has a few objections, with Indonesian reasons, against SUBMITTED evaluations of the current quarter', () => {
    const { current } = data.settings;
    expect(data.objections.length).toBeGreaterThan(0);
    const submitted = new Set(
      scores
        .filter((s) => s.year === current.year && s.quarter === current.quarter && s.status === 'SUBMITTED')
        .map((s) => s.nip),
    );
    expect(data.objections.length).toBeLessThanOrEqual(Math.max(1, submitted.size * 0.1));
    for (const o of data.objections) {
      expect(o).toMatchObject({ year: current.year, quarter: current.quarter });
      expect(submitted.has(o.nip), o.nip).toBe(true);
      expect(o.reason).toMatch(/ (yang|dan|saya|tidak|belum|sudah) /);
    }
    expect(new Set(data.objections.map((o) => o.nip)).size).toBe(data.objections.length);
  });

  it('has innovations verified by someone else who exists', () => {
    const employees = new Set(data.employees.map((e) => e.nip));
    for (const i of data.innovations) {
      expect(employees).toContain(i.nip);
      expect(data.settings.years).toContain(i.year);
      if (i.verifiedByNip === null) continue;
      expect(employees).toContain(i.verifiedByNip);
      expect(i.verifiedByNip).not.toBe(i.nip);
    }
  });

  it('still builds a valid hierarchy with teachers under a headmaster at 60 employees', () => {
    const small = generateDemoData({ employees: 60 });
    expect(small.employees).toHaveLength(60);
    const written = new Set<string>();
    for (const e of small.employees) {
      if (e.supervisorNip !== null) expect(written).toContain(e.supervisorNip);
      written.add(e.nip);
    }
    const headmaster = small.employees.find((e) => e.position.startsWith('Kepala SD Negeri'));
    expect(small.employees.some((e) => e.supervisorNip === headmaster?.nip && e.position.startsWith('Guru'))).toBe(
      true,
    );
    expect(() => generateDemoData({ employees: 20 })).toThrow(RangeError);
  });
});

describe('demo data files', () => {
  const dirs: string[] = [];

  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  async function written(seed: number): Promise<{ dir: string; hashes: Map<string, string> }> {
    const dir = await mkdtemp(join(tmpdir(), 'kinerja-demo-'));
    dirs.push(dir);
    const report = await writeDemoData(dir, { seed, employees: 80 });
    expect(report.files.map((f) => f.file)).toEqual(DEMO_DATA_FILES.map((f) => f.file));
    const hashes = new Map<string, string>();
    for (const { file } of report.files) {
      hashes.set(
        file,
        createHash('sha256')
          .update(await readFile(join(dir, file)))
          .digest('hex'),
      );
    }
    return { dir, hashes };
  }

  it('are byte-identical for the same seed and differ for another', async () => {
    const first = await written(2017);
    const second = await written(2017);
    const other = await written(2018);
    expect([...second.hashes]).toEqual([...first.hashes]);
    expect(other.hashes.get('employees.csv')).not.toBe(first.hashes.get('employees.csv'));
    expect(other.hashes.get('scores.csv')).not.toBe(first.hashes.get('scores.csv'));
  });

  it('are CSV that a standard parser reads back into the same rows', async () => {
    const { dir } = await written(2017);
    const data = generateDemoData({ seed: 2017, employees: 80 });
    for (const { file, columns, rows } of DEMO_DATA_FILES) {
      const bytes = await readFile(join(dir, file));
      expect(bytes[0], `${file} starts with a byte-order mark`).not.toBe(0xef);
      const text = bytes.toString('utf8');
      expect(text.endsWith('\n')).toBe(true);
      expect(text.includes('\r')).toBe(false);
      const records = parse(text, { columns: false, relax_column_count: false }) as string[][];
      expect(records[0]).toEqual(columns);
      const expected = [...rows(data)].map((row) => row.map((v) => (v === null ? '' : String(v))));
      expect(records.slice(1)).toEqual(expected);
    }
    // The quoting is exercised: names with titles after a comma, notes with quotes and with a line break.
    const employees = await readFile(join(dir, 'employees.csv'), 'utf8');
    expect(employees).toMatch(/"[^"\n]+, S\.[^"\n]*"/);
    const scores = await readFile(join(dir, 'scores.csv'), 'utf8');
    expect(scores).toContain('""Jumat Bersih""');
    expect(scores).toMatch(/,"Catatan atasan:\n[^"]+"\n/);
  });
});

describe('demo data score model (600 employees)', () => {
  let data: DemoDataSet;
  let quarterly: Map<string, Map<number, number>>;
  let annual: Predikat[];
  let innovationRuleApplied = 0;
  let nullQuarterly = 0;

  beforeAll(() => {
    data = generateDemoData({ employees: 600 });
    const { evaluations, criteriaOf } = collectEvaluations(data);
    const firstYear = data.settings.firstYear;
    quarterly = new Map();
    const years = new Map<
      string,
      { quarter: number; hasilKerjaScore: number | null; perilakuKerjaScore: number | null }[]
    >();
    for (const [key, items] of evaluations) {
      const [nip, year, quarter] = key.split(':') as [string, string, string];
      const result = evaluateScores(
        items.map((s) => {
          const c = criteriaOf(s) as CriterionRow;
          const score =
            s.score ?? indicatorScore(s.realisation as number, c.target as number, c.direction as Direction);
          return { category: c.category, weight: c.weight, score };
        }),
      );
      if (result.score === null) nullQuarterly++;
      else {
        const byQuarter = quarterly.get(nip) ?? new Map<number, number>();
        byQuarter.set((Number(year) - firstYear) * 4 + Number(quarter) - 1, result.score);
        quarterly.set(nip, byQuarter);
      }
      const annualKey = `${nip}:${year}`;
      const list = years.get(annualKey) ?? [];
      list.push({
        quarter: Number(quarter),
        hasilKerjaScore: result.hasilKerjaScore,
        perilakuKerjaScore: result.perilakuKerjaScore,
      });
      years.set(annualKey, list);
    }
    const verified = new Map<string, number>();
    for (const i of data.innovations) {
      if (i.verifiedByNip !== null) verified.set(`${i.nip}:${i.year}`, (verified.get(`${i.nip}:${i.year}`) ?? 0) + 1);
    }
    annual = [];
    for (const [key, quarters] of years) {
      const result = annualResult({
        year: Number(key.split(':')[1]),
        quarters,
        verifiedInnovationCount: verified.get(key) ?? 0,
      });
      if (result === null || result.predikat === null) continue;
      annual.push(result.predikat);
      if (result.innovationRuleApplied) innovationRuleApplied++;
    }
  });

  it('lifts scores by about 4 points after a completed training, and not before', () => {
    // Difference in differences, kept simple: each employee's first completed training sets t0; treated change =
    // mean of the two quarters after t0 minus the two before; controls are employees with no completed training,
    // over the same quarters.
    const firstCompletion = new Map<string, number>();
    for (const p of data.participations) {
      if (p.completedOn === null) continue;
      const t0 =
        (Number(p.completedOn.slice(0, 4)) - data.settings.firstYear) * 4 +
        Math.floor((Number(p.completedOn.slice(5, 7)) - 1) / 3);
      firstCompletion.set(p.nip, Math.min(t0, firstCompletion.get(p.nip) ?? Infinity));
    }
    const change = (nip: string, before: number[], after: number[]): number | null => {
      const scores = quarterly.get(nip);
      const pre = before.map((q) => scores?.get(q)).filter((x): x is number => x !== undefined);
      const post = after.map((q) => scores?.get(q)).filter((x): x is number => x !== undefined);
      return pre.length > 0 && post.length > 0 ? mean(post) - mean(pre) : null;
    };
    const effect = (window: (t0: number) => [number[], number[]]): { effect: number; treated: number } => {
      const treated: number[] = [];
      const controls: number[] = [];
      for (const t0 of [4, 5, 6, 7]) {
        const [before, after] = window(t0);
        for (const nip of quarterly.keys()) {
          const first = firstCompletion.get(nip);
          if (first !== undefined && first !== t0) continue;
          const d = change(nip, before, after);
          if (d === null) continue;
          (first === t0 ? treated : controls).push(d);
        }
      }
      return { effect: mean(treated) - mean(controls), treated: treated.length };
    };
    const lift = effect((t0) => [
      [t0 - 2, t0 - 1],
      [t0 + 1, t0 + 2],
    ]);
    expect(lift.treated).toBeGreaterThan(50);
    expect(lift.effect).toBeGreaterThan(2.5);
    expect(lift.effect).toBeLessThan(5.5);
    // The same computation one window earlier finds nothing: trainees were not already on the rise.
    const preTrend = effect((t0) => [
      [t0 - 4, t0 - 3],
      [t0 - 2, t0 - 1],
    ]);
    expect(Math.abs(preTrend.effect)).toBeLessThan(1.5);
  });

  it('gives a realistic predikat distribution, where the innovation rule matters', () => {
    const share = (p: Predikat) => annual.filter((x) => x === p).length / annual.length;
    expect(share('BAIK')).toBeGreaterThan(0.7);
    expect(share('SANGAT_BAIK')).toBeGreaterThan(0.01);
    expect(share('BUTUH_PERBAIKAN')).toBeGreaterThan(0.02);
    expect(share('KURANG') + share('SANGAT_KURANG')).toBeGreaterThan(0.005);
    expect(share('KURANG') + share('SANGAT_KURANG')).toBeLessThan(0.1);
    // Some employees with SANGAT_BAIK-level scores have no verified innovation and end up BAIK.
    expect(innovationRuleApplied).toBeGreaterThan(0);
    const innovationsPerYear = data.innovations.length / data.settings.years.length / data.employees.length;
    expect(innovationsPerYear).toBeGreaterThan(0.05);
    expect(innovationsPerYear).toBeLessThan(0.08);
  });

  it('has the irregular cases an importer must handle: gaps, late joiners, transfers, acting assessors', () => {
    // A handful of evaluations have no behaviour scores, so their quarterly score is undefined.
    expect(nullQuarterly).toBeGreaterThan(0);
    expect(nullQuarterly).toBeLessThan(10);
    const start = `${data.settings.firstYear}-01-01`;
    expect(data.employees.some((e) => e.activeFrom > start)).toBe(true);
    expect(data.employees.some((e) => e.activeTo !== null)).toBe(true);
    let transferred = 0;
    let acting = 0;
    for (const s of data.scores) {
      if (s.agencyCode !== null) transferred++;
      else if (s.assessorNip !== null) acting++;
    }
    expect(transferred).toBeGreaterThan(0);
    expect(acting).toBeGreaterThan(0);
  });
});

describe('demo data at the default size', () => {
  it('has 3,000-4,000 employees, mostly teachers and health workers, about a quarter PPPK, in >= 20 agencies', () => {
    // Scores are produced lazily, so this does not generate the half a million score rows.
    const data = generateDemoData();
    expect(data.employees.length).toBeGreaterThanOrEqual(3000);
    expect(data.employees.length).toBeLessThanOrEqual(4000);
    expect(data.agencies.length).toBeGreaterThanOrEqual(20);
    expect(data.agencies.filter((a) => a.kind === 'KECAMATAN').map((a) => a.code)).toEqual([
      'KEC_UTARA',
      'KEC_KOTA',
      'KEC_SELATAN',
      'KEC_SAMBAS',
    ]);
    const teachersAndHealth = data.employees.filter(
      (e) => e.agencyCode === 'DISDIK' || e.agencyCode === 'DINKES' || e.agencyCode === 'RSUD',
    ).length;
    expect(teachersAndHealth / data.employees.length).toBeGreaterThan(0.5);
    const teachers = data.employees.filter((e) => e.position.startsWith('Guru')).length;
    expect(teachers).toBeGreaterThan(800);
    const pppk = data.employees.filter((e) => e.employmentType === 'PPPK').length / data.employees.length;
    expect(pppk).toBeGreaterThan(0.2);
    expect(pppk).toBeLessThan(0.3);
    expect(new Set(data.employees.map((e) => e.nip)).size).toBe(data.employees.length);
  });
});

/** The criteria in force for an agency in a year: the city-wide ones and the agency's own. */
function criteriaInForce(criteria: readonly CriterionRow[], agencyCode: string, year: number): CriterionRow[] {
  return criteria.filter(
    (c) =>
      (c.agencyCode === null || c.agencyCode === agencyCode) &&
      c.yearFrom <= year &&
      (c.yearTo === null || year <= c.yearTo),
  );
}

/** The quarters (as "year:quarter") in which an employee is active on the 15th of the middle month. */
function activeQuarters(e: { activeFrom: string; activeTo: string | null }, years: readonly number[]): string[] {
  const quarters: string[] = [];
  for (const year of years) {
    for (const quarter of [1, 2, 3, 4]) {
      const middle = `${year}-${String(quarter * 3 - 1).padStart(2, '0')}-15`;
      if (e.activeFrom <= middle && (e.activeTo === null || e.activeTo >= middle)) quarters.push(`${year}:${quarter}`);
    }
  }
  return quarters;
}

function collectEvaluations(data: DemoDataSet): {
  evaluations: Map<string, ScoreRow[]>;
  criteriaOf: (s: ScoreRow) => CriterionRow | undefined;
} {
  const agencyOf = new Map(data.employees.map((e) => [e.nip, e.agencyCode]));
  const criteria = new Map(data.criteria.map((c) => [`${c.code}:${c.agencyCode ?? ''}`, c]));
  const evaluations = new Map<string, ScoreRow[]>();
  const { current } = data.settings;
  for (const s of data.scores) {
    // The score model's stories are in the history; the current quarter is still being scored.
    if (s.year === current.year && s.quarter === current.quarter) continue;
    const key = `${s.nip}:${s.year}:${s.quarter}`;
    const rows = evaluations.get(key) ?? [];
    rows.push(s);
    evaluations.set(key, rows);
  }
  return {
    evaluations,
    criteriaOf: (s) =>
      criteria.get(`${s.criterionCode}:`) ?? criteria.get(`${s.criterionCode}:${s.agencyCode ?? agencyOf.get(s.nip)}`),
  };
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, x) => sum + x, 0) / values.length;
}
