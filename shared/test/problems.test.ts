import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES, problem, renderProblem, type Problem } from '../src/problems.js';

/** One sample of every code, so that a code without both messages fails here. */
const SAMPLES: Problem[] = [
  problem('SCORE_NOT_A_NUMBER', 'score', { value: NaN }),
  problem('SCORE_BELOW_MIN', 'score', { value: -1, min: 0 }),
  problem('SCORE_ABOVE_MAX', 'score', { value: 130, max: 120 }),
  problem('SCORE_MISSING', 'score', { max: 120 }),
  problem('SCORE_AND_REALISATION', 'realisation', {}),
  problem('SCORE_REMOVE_AND_VALUE', 'remove', { criterion: 'INOVASI' }),
  problem('REALISATION_NOT_A_NUMBER', 'realisation', { value: Infinity }),
  problem('REALISATION_NEGATIVE', 'realisation', { value: -0.5 }),
  problem('REALISATION_WITHOUT_INDICATOR', 'realisation', { criterion: 'INOVASI' }),
  problem('TARGET_NOT_POSITIVE', 'target', { value: 0 }),
  problem('INDICATOR_INCOMPLETE', 'direction', { missing: 'direction' }),
  problem('YEAR_OUT_OF_RANGE', 'year', { value: 1999, min: 2000, max: 2100 }),
  problem('QUARTER_OUT_OF_RANGE', 'quarter', { value: 5 }),
  problem('YEAR_SPAN_REVERSED', 'yearTo', { from: 2025, to: 2024 }),
  problem('WEIGHT_OUT_OF_RANGE', 'weight', { value: 0, max: 100 }),
  problem('WEIGHTS_SUM_NOT_100', 'weight', {
    category: 'HASIL_KERJA',
    agency: 'DISDIK',
    from: 2025,
    to: null,
    sum: 95,
  }),
];

describe('renderProblem: one catalogue, Indonesian by default, English on request', () => {
  it('has a sample of every code', () => {
    expect(SAMPLES.map((p) => p.code).sort()).toEqual([...PROBLEM_CODES].sort());
  });

  it.each(SAMPLES.map((p) => [p.code, p] as const))('%s reads in both languages, and differently', (_code, p) => {
    const id = renderProblem(p);
    const en = renderProblem(p, 'en');
    expect(renderProblem(p, 'id')).toBe(id);
    expect(id).not.toBe('');
    expect(en).not.toBe('');
    expect(id).not.toBe(en);
    expect(id).not.toMatch(/undefined|\[object/);
    expect(en).not.toMatch(/undefined|\[object/);
  });

  it.each([
    [
      problem('SCORE_MISSING', 'score', { max: 120 }),
      'isi nilai (0-120), atau realisasinya bila kriteria itu berindikator',
    ],
    [
      problem('SCORE_MISSING', 'score', { max: 120, criterion: 'DISIPLIN' }),
      'isi nilai (0-120) untuk DISIPLIN, atau realisasinya bila kriteria itu berindikator',
    ],
    [problem('REALISATION_NEGATIVE', 'realisation', { value: -0.5 }), 'realisasi -0,5 tidak boleh negatif'],
    [
      problem('REALISATION_WITHOUT_INDICATOR', 'realisation', { criterion: 'INOVASI' }),
      'kriteria INOVASI tidak berindikator: isi nilai, bukan realisasi',
    ],
    [problem('TARGET_NOT_POSITIVE', 'target', { value: 0 }), 'target 0 harus lebih dari 0'],
  ])('%o reads %s', (p, id) => {
    expect(renderProblem(p)).toBe(id);
  });

  it('numbers: a decimal comma in Indonesian, a dot in English, years never grouped', () => {
    const p = problem('SCORE_ABOVE_MAX', 'score', { value: 120.0000001, max: 120 });
    expect(renderProblem(p)).toBe('nilai 120,0000001 melebihi 120');
    expect(renderProblem(p, 'en')).toBe('score 120.0000001 is above 120');
    expect(renderProblem(problem('YEAR_OUT_OF_RANGE', 'year', { value: 12025, min: 2000, max: 2100 }))).toBe(
      'tahun harus bilangan bulat antara 2000 dan 2100, bukan 12025',
    );
  });
});
