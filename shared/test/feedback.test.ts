import { describe, expect, it } from 'vitest';
import { checkDialogue, checkFeedbackNote, feedbackMessage, quarterStart } from '../src/feedback.js';

const Q1_2025 = { year: 2025, quarter: 1 };
const action = (targetYear: number, targetQuarter: number, text = 'Ikut bimtek') => ({
  text,
  targetYear,
  targetQuarter,
});

describe('checkFeedbackNote: the fields of the first finding (docs/dialogue.md#rules)', () => {
  it.each([
    ['nothing said', {}, ['wentWell']],
    ['blank texts only', { wentWell: '  ', toImprove: '' }, ['wentWell']],
    ['what went well', { wentWell: 'Tepat waktu' }, []],
    ['what to improve', { toImprove: 'Administrasi' }, []],
    ['an agreed action alone', { agreedActions: [action(2025, 2)] }, []],
    ['exactly 4000 characters', { wentWell: 'a'.repeat(4000) }, []],
    ['4001 characters', { wentWell: 'a'.repeat(4001) }, ['wentWell']],
    ['toImprove too long', { toImprove: 'a'.repeat(4001) }, ['toImprove']],
    ['target in the note quarter itself', { agreedActions: [action(2025, 1)] }, []],
    ['target the quarter before', { agreedActions: [action(2024, 4)] }, ['agreedActions.0.targetQuarter']],
    ['target quarter 0', { agreedActions: [action(2025, 0)] }, ['agreedActions.0.targetQuarter']],
    ['target quarter 5', { agreedActions: [action(2025, 5)] }, ['agreedActions.0.targetQuarter']],
    ['target year 1999', { agreedActions: [action(1999, 1)] }, ['agreedActions.0.targetYear']],
    ['an action without text', { agreedActions: [action(2025, 2, ' ')] }, ['agreedActions.0.text']],
    ['the second action bad', { agreedActions: [action(2025, 2), action(2024, 1)] }, ['agreedActions.1.targetQuarter']],
    ['an action of 1001 characters', { agreedActions: [action(2025, 2, 'x'.repeat(1001))] }, ['agreedActions.0.text']],
    ['11 actions', { agreedActions: Array.from({ length: 11 }, () => action(2025, 2)) }, ['agreedActions']],
    ['10 actions', { agreedActions: Array.from({ length: 10 }, () => action(2025, 2)) }, []],
  ])('%s', (_, input, fields) => {
    expect(checkFeedbackNote(input, Q1_2025).map((f) => f.field)).toEqual(fields);
  });

  it('answers a code of the catalogue with its parameters, worded in Indonesian by default or in English', () => {
    const [finding] = checkFeedbackNote({ agreedActions: [action(2024, 4)] }, Q1_2025);
    expect(finding!.message).toEqual({
      code: 'FB_TARGET_BEFORE',
      params: { year: 2024, quarter: 4, fromYear: 2025, fromQuarter: 1 },
    });
    expect(feedbackMessage(finding!)).toBe('triwulan target 4/2024 sebelum triwulan 1/2025');
    expect(feedbackMessage(finding!, 'en')).toBe('the target quarter 2024 Q4 is before 2025 Q1');
  });
});

describe('checkDialogue: the day it was held, the points agreed, the development actions', () => {
  const base = { heldOn: '2025-03-20', pointsAgreed: 'Target kelulusan' };
  const TODAY = '2025-04-15';
  it.each([
    ['a day in the quarter', {}, []],
    ['the first day of the quarter', { heldOn: '2025-01-01' }, []],
    ['the day before the quarter', { heldOn: '2024-12-31' }, ['heldOn']],
    ['after the quarter, up to today', { heldOn: '2025-04-15' }, []],
    ['tomorrow', { heldOn: '2025-04-16' }, ['heldOn']],
    ['not a date', { heldOn: '2025-02-30' }, ['heldOn']],
    ['not a date at all', { heldOn: '20-3-2025' }, ['heldOn']],
    ['no points agreed', { pointsAgreed: ' ' }, ['pointsAgreed']],
    ['follow-ups too long', { followUps: 'a'.repeat(4001) }, ['followUps']],
    [
      'an action before the quarter',
      { developmentActions: [{ description: 'Diklat', targetYear: 2024, targetQuarter: 4 }] },
      ['developmentActions.0.targetQuarter'],
    ],
    [
      'an action without description',
      { developmentActions: [{ description: '', targetYear: 2025, targetQuarter: 2 }] },
      ['developmentActions.0.description'],
    ],
    [
      'an action naming criterion and training kind',
      {
        developmentActions: [
          {
            description: 'Bimtek',
            criterionCode: 'PROFESIONALISME',
            trainingKind: 'BIMTEK',
            targetYear: 2025,
            targetQuarter: 3,
          },
        ],
      },
      [],
    ],
  ])('%s', (_, input, fields) => {
    expect(checkDialogue({ ...base, ...input }, Q1_2025, TODAY).map((f) => f.field)).toEqual(fields);
  });

  it('knows where each quarter begins', () => {
    expect([1, 2, 3, 4].map((quarter) => quarterStart({ year: 2025, quarter }))).toEqual([
      '2025-01-01',
      '2025-04-01',
      '2025-07-01',
      '2025-10-01',
    ]);
  });
});
