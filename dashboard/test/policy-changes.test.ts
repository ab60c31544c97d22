import { describe, expect, it } from 'vitest';
import { policyChanges, versionHistory, type GuidePolicy } from '../src/features/panduan/policy-changes';

const V1: GuidePolicy = {
  version: 'p-1',
  inForceFrom: '2025-01-01T00:00:00.000Z',
  scoreMax: 120,
  categoryWeights: { HASIL_KERJA: 0.7, PERILAKU_KERJA: 0.3 },
  ratingThresholds: { diAtas: 110, sesuai: 90 },
  innovationRule: true,
  minJpPerYearPns: 20,
  maxJpPerYearPppk: 24,
  trainingNeedThreshold: 90,
  suppressionMinGroup: 5,
};

describe('policyChanges: the numbers of the guide that differ between two versions', () => {
  it.each([
    ['nothing', {}, []],
    [
      'the upper threshold',
      { ratingThresholds: { diAtas: 105, sesuai: 90 } },
      [{ field: 'thresholdDiAtas', from: 110, to: 105 }],
    ],
    [
      'both weights',
      { categoryWeights: { HASIL_KERJA: 0.6, PERILAKU_KERJA: 0.4 } },
      [
        { field: 'weightHasilKerja', from: 0.7, to: 0.6 },
        { field: 'weightPerilakuKerja', from: 0.3, to: 0.4 },
      ],
    ],
    [
      'the innovation rule switched off',
      { innovationRule: false },
      [{ field: 'innovationRule', from: true, to: false }],
    ],
    ['the JP minimum', { minJpPerYearPns: 24 }, [{ field: 'minJpPerYearPns', from: 20, to: 24 }]],
  ])('%s', (_, change, expected) => {
    expect(policyChanges(V1, { ...V1, ...change, version: 'p-2' })).toEqual(expected);
  });
});

describe('versionHistory: oldest first, each with its changes from the one before', () => {
  it('orders by the day each came into force, a never-recorded version last', () => {
    const v2 = { ...V1, version: 'p-2', inForceFrom: '2026-03-01T00:00:00.000Z', scoreMax: 110 };
    const v3 = { ...v2, version: 'p-3', inForceFrom: null, suppressionMinGroup: 10 };
    expect(versionHistory([v3, v2, V1])).toEqual([
      { version: 'p-1', inForceFrom: V1.inForceFrom, changes: [] },
      { version: 'p-2', inForceFrom: v2.inForceFrom, changes: [{ field: 'scoreMax', from: 120, to: 110 }] },
      { version: 'p-3', inForceFrom: null, changes: [{ field: 'suppressionMinGroup', from: 5, to: 10 }] },
    ]);
  });
});
