import { describe, expect, it } from 'vitest';
import {
  localeOfAcceptLanguage,
  MESSAGE_CODES,
  messageExample,
  renderMessage,
  type MessageCode,
} from '../src/messages.js';
import { PROBLEM_CODES, problem, renderProblem } from '../src/problems.js';
import { analyticsNoteText } from '../src/analytics/notes.js';
import { quarterLabel } from '../src/periods.js';

describe('the one message catalogue', () => {
  it.each(MESSAGE_CODES.map((code) => [code] as const))('%s reads in Indonesian and in English', (code) => {
    const message = messageExample(code as MessageCode);
    const id = renderMessage(message);
    const en = renderMessage(message, 'en');
    expect(renderMessage(message, 'id')).toBe(id);
    expect(id.trim()).not.toBe('');
    expect(en.trim()).not.toBe('');
    expect(id).not.toBe(en);
    expect(`${id} ${en}`).not.toMatch(/undefined|\[object|NaN undefined/);
  });

  it('holds the rule checks\u2019 problems and the analytics notes (one catalogue, not three)', () => {
    for (const code of PROBLEM_CODES) expect(MESSAGE_CODES).toContain(code);
    for (const code of ['SMALL_GROUP', 'SECOND_GROUP', 'TRAINING_IMPACT_TOO_FEW', 'PRE_TREND_NO_DATA'] as const) {
      expect(MESSAGE_CODES).toContain(code);
    }
    const p = problem('SCORE_ABOVE_MAX', 'score', { value: 130.5, max: 120 });
    expect(renderProblem(p)).toBe(renderMessage({ code: p.code, params: p.params }));
    expect(renderProblem(p)).toBe('nilai 130,5 melebihi 120');
    expect(analyticsNoteText({ code: 'SMALL_GROUP', params: { min: 5 } }, 'en')).toBe(
      renderMessage({ code: 'SMALL_GROUP', params: { min: 5 } }, 'en'),
    );
    expect(quarterLabel(2025, 3, 'id')).toBe('Triwulan III 2025');
    expect(quarterLabel(2025, 3, 'en')).toBe('Q3 2025');
  });

  it.each([
    [undefined, 'id'],
    ['', 'id'],
    ['*', 'id'],
    ['id', 'id'],
    ['id-ID,id;q=0.9,en;q=0.8', 'id'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['EN-gb', 'en'],
    ['en;q=0.8', 'en'],
    ['fr-FR,en;q=0.5', 'id'],
    ['english', 'id'],
  ] as const)('Accept-Language %j reads as %s (its first tag: en gives English, anything else Indonesian)', (h, l) => {
    expect(localeOfAcceptLanguage(h)).toBe(l);
  });
});
