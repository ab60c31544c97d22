import { describe, expect, it } from 'vitest';
import { renderProblem } from '../src/problems.js';
import { checkIndicator, checkScoreEntry, scoreOfEntry, type ScoreEntry } from '../src/score-entry.js';

const MAX = 120;

describe('checkScoreEntry: a score on 0..120, or a realisation >= 0, exactly one of them', () => {
  it.each([
    // entry, expected problems (code, field, params)
    [{ score: 0 }, []], // the bottom of the scale is allowed
    [{ score: 120 }, []], // so is the top
    [{ score: 119.9999999 }, []],
    [{ score: 87.5 }, []],
    [{ score: 120.0000001 }, [['SCORE_ABOVE_MAX', 'score', { value: 120.0000001, max: 120 }]]],
    [{ score: 130 }, [['SCORE_ABOVE_MAX', 'score', { value: 130, max: 120 }]]],
    [{ score: -0.0000001 }, [['SCORE_BELOW_MIN', 'score', { value: -0.0000001, min: 0 }]]],
    [{ score: -5 }, [['SCORE_BELOW_MIN', 'score', { value: -5, min: 0 }]]],
    [{ score: NaN }, [['SCORE_NOT_A_NUMBER', 'score', { value: NaN }]]],
    [{ score: Infinity }, [['SCORE_NOT_A_NUMBER', 'score', { value: Infinity }]]],
    [{ realisation: 0 }, []], // no complaints at all: a realisation of exactly 0 is allowed
    [{ realisation: 250 }, []], // a realisation has no upper bound: the score is capped, not the realisation
    [{ realisation: -1 }, [['REALISATION_NEGATIVE', 'realisation', { value: -1 }]]],
    [{ realisation: NaN }, [['REALISATION_NOT_A_NUMBER', 'realisation', { value: NaN }]]],
    [{ score: 90, realisation: 90 }, [['SCORE_AND_REALISATION', 'realisation', { criterion: 'DISIPLIN' }]]],
    [{ score: 0, realisation: 0 }, [['SCORE_AND_REALISATION', 'realisation', { criterion: 'DISIPLIN' }]]], // 0 is given
    [{}, [['SCORE_MISSING', 'score', { max: 120, criterion: 'DISIPLIN' }]]],
    [{ score: null, realisation: null }, [['SCORE_MISSING', 'score', { max: 120, criterion: 'DISIPLIN' }]]],
    [{ remove: true }, []],
    [{ remove: true, score: 100 }, [['SCORE_REMOVE_AND_VALUE', 'remove', { criterion: 'DISIPLIN' }]]],
    [{ remove: false, score: 100 }, []],
  ] as [ScoreEntry, [string, string, Record<string, unknown>][]][])('%o -> %j', (entry, expected) => {
    expect(checkScoreEntry(entry, MAX, 'DISIPLIN')).toEqual(
      expected.map(([code, field, params]) => ({ code, field, params })),
    );
  });

  it('the top of the scale is the policy`s scoreMax', () => {
    expect(checkScoreEntry({ score: 120 }, 100).map((p) => p.code)).toEqual(['SCORE_ABOVE_MAX']);
    expect(checkScoreEntry({ score: 150 }, 150)).toEqual([]);
  });
});

describe('scoreOfEntry: the score to store', () => {
  const disiplin = { code: 'DISIPLIN', target: 95, direction: 'HIGHER_IS_BETTER' } as const;
  const inovasi = { code: 'INOVASI', target: null, direction: null };

  it.each([
    // entry, criterion, stored score, realisation, derived
    [{ score: 103.5 }, disiplin, 103.5, null, false], // a judged score is stored as given, also for an indicator
    [{ realisation: 90.25 }, disiplin, 95, 90.25, true], // 100 * 90.25 / 95 = 95
    [{ realisation: 0 }, disiplin, 0, 0, true],
    [{ realisation: 200 }, disiplin, 120, 200, true], // 210.5..., capped at 120
    [{ realisation: 0 }, { code: 'KELUHAN', target: 4, direction: 'LOWER_IS_BETTER' }, 120, 0, true],
  ] as const)('%o for %o -> %s', (entry, criterion, score, realisation, derived) => {
    expect(scoreOfEntry(entry, criterion, MAX)).toEqual({
      ok: true,
      score,
      realisation,
      derivedFromIndicator: derived,
    });
  });

  it('a realisation for a criterion without an indicator is refused', () => {
    expect(scoreOfEntry({ realisation: 90 }, inovasi, MAX)).toEqual({
      ok: false,
      problems: [{ code: 'REALISATION_WITHOUT_INDICATOR', field: 'realisation', params: { criterion: 'INOVASI' } }],
    });
  });

  it('the entry`s own problems come first, with the criterion named', () => {
    expect(scoreOfEntry({ score: 130 }, disiplin, MAX)).toEqual({
      ok: false,
      problems: [{ code: 'SCORE_ABOVE_MAX', field: 'score', params: { value: 130, max: 120 } }],
    });
    expect(scoreOfEntry({ realisation: -1 }, inovasi, MAX)).toMatchObject({
      ok: false,
      problems: [{ code: 'REALISATION_NEGATIVE' }],
    });
  });
});

describe('checkIndicator: target above 0, target and direction together', () => {
  it.each([
    [95, 'HIGHER_IS_BETTER', []],
    [0.001, 'LOWER_IS_BETTER', []],
    [null, null, []], // a judged criterion
    [0, 'HIGHER_IS_BETTER', [['TARGET_NOT_POSITIVE', 'target', { value: 0 }]]],
    [-3, 'HIGHER_IS_BETTER', [['TARGET_NOT_POSITIVE', 'target', { value: -3 }]]],
    [NaN, 'HIGHER_IS_BETTER', [['TARGET_NOT_POSITIVE', 'target', { value: NaN }]]],
    [95, null, [['INDICATOR_INCOMPLETE', 'direction', { missing: 'direction' }]]],
    [null, 'LOWER_IS_BETTER', [['INDICATOR_INCOMPLETE', 'target', { missing: 'target' }]]],
  ] as const)('target %s, %s -> %j', (target, direction, expected) => {
    expect(checkIndicator(target, direction)).toEqual(
      expected.map(([code, field, params]) => ({ code, field, params })),
    );
  });
});

describe('the messages of score entry, Indonesian first', () => {
  it.each([
    [{ score: 130 }, 'nilai 130 melebihi 120', 'score 130 is above 120'],
    [{ score: -5 }, 'nilai -5 di bawah 0', 'score -5 is below 0'],
    [{ score: 120.5 }, 'nilai 120,5 melebihi 120', 'score 120.5 is above 120'],
    [{ realisation: -1 }, 'realisasi -1 tidak boleh negatif', 'realisation -1 must not be negative'],
    [
      { score: 90, realisation: 90 },
      'isi nilai atau realisasi untuk DISIPLIN, jangan keduanya',
      'give either a score or a realisation for DISIPLIN, not both',
    ],
  ] as const)('%o', (entry, id, en) => {
    const [p] = checkScoreEntry(entry, MAX, 'DISIPLIN');
    expect(renderProblem(p)).toBe(id);
    expect(renderProblem(p, 'id')).toBe(id);
    expect(renderProblem(p, 'en')).toBe(en);
  });
});
