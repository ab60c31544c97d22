import { renderMessage, type Message, type MessageLocale } from './messages.js';
import { YEAR_MAX, YEAR_MIN } from './periods.js';

/**
 * The rules of feedback notes (umpan balik) and performance dialogues (docs/dialogue.md#rules), pure so that the
 * server and the dashboard check the same things. Each finding names the input field and what is wrong as a code
 * of the message catalogue with its parameters (docs/i18n.md), never a sentence.
 */

/** The longest text of a note or dialogue field, in characters. */
export const FEEDBACK_TEXT_MAX = 4000;
/** The longest agreed action or development action, in characters. */
export const FEEDBACK_ACTION_MAX = 1000;
/** The most agreed actions of one note, or development actions of one dialogue. */
export const FEEDBACK_ACTIONS_MAX = 10;

/** One finding: the field (relative to the input) and what is wrong, as a message of the catalogue. */
export interface FeedbackFinding {
  field: string;
  message: Message;
}

/** A finding in words, Indonesian unless English is asked for. */
export function feedbackMessage(finding: FeedbackFinding, locale: MessageLocale = 'id'): string {
  return renderMessage(finding.message, locale);
}

/** A year and quarter as given (not yet checked). */
interface YearQuarter {
  year: number;
  quarter: number;
}

/** Quarters counted from year 0, comparable with < and > (the target was checked to be 1-4 before). */
function ordinal({ year, quarter }: YearQuarter): number {
  return year * 4 + (quarter - 1);
}

function text(value: string | null | undefined): string {
  return (value ?? '').trim();
}

function checkQuarter(target: YearQuarter, from: YearQuarter, field: string): FeedbackFinding[] {
  if (!Number.isInteger(target.year) || target.year < YEAR_MIN || target.year > YEAR_MAX) {
    return [
      {
        field: `${field}Year`,
        message: { code: 'FB_TARGET_YEAR', params: { value: target.year, min: YEAR_MIN, max: YEAR_MAX } },
      },
    ];
  }
  if (!Number.isInteger(target.quarter) || target.quarter < 1 || target.quarter > 4) {
    return [{ field: `${field}Quarter`, message: { code: 'FB_TARGET_QUARTER', params: { value: target.quarter } } }];
  }
  if (ordinal(target) < ordinal(from)) {
    return [
      {
        field: `${field}Quarter`,
        message: {
          code: 'FB_TARGET_BEFORE',
          params: { year: target.year, quarter: target.quarter, fromYear: from.year, fromQuarter: from.quarter },
        },
      },
    ];
  }
  return [];
}

function checkLength(value: string | null | undefined, field: string, max: number): FeedbackFinding[] {
  const length = text(value).length;
  if (length <= max) return [];
  return [{ field, message: { code: 'FIELD_TOO_LONG', params: { field, length, max } } }];
}

function checkRequired(
  value: string | null | undefined,
  field: string,
  what: 'ACTION' | 'POINTS_AGREED' | 'DEVELOPMENT_ACTION',
): FeedbackFinding[] {
  if (text(value) !== '') return [];
  return [{ field, message: { code: 'FB_REQUIRED', params: { what } } }];
}

export interface AgreedActionInput {
  text: string;
  targetYear: number;
  targetQuarter: number;
}

export interface FeedbackNoteInput {
  wentWell?: string | null;
  toImprove?: string | null;
  agreedActions?: readonly AgreedActionInput[] | null;
}

/**
 * The findings of a feedback note written for the quarter `of`: something must be said (what went well, what to
 * improve, or an agreed action); texts have a maximum length; each agreed action has a text and a target quarter that
 * is not before the note's own quarter.
 */
export function checkFeedbackNote(input: FeedbackNoteInput, of: YearQuarter): FeedbackFinding[] {
  const actions = input.agreedActions ?? [];
  const findings: FeedbackFinding[] = [];
  if (text(input.wentWell) === '' && text(input.toImprove) === '' && actions.length === 0) {
    findings.push({ field: 'wentWell', message: { code: 'FB_SAY_SOMETHING', params: {} } });
  }
  findings.push(...checkLength(input.wentWell, 'wentWell', FEEDBACK_TEXT_MAX));
  findings.push(...checkLength(input.toImprove, 'toImprove', FEEDBACK_TEXT_MAX));
  if (actions.length > FEEDBACK_ACTIONS_MAX) {
    findings.push({
      field: 'agreedActions',
      message: {
        code: 'FB_TOO_MANY',
        params: { what: 'AGREED_ACTIONS', max: FEEDBACK_ACTIONS_MAX, count: actions.length },
      },
    });
  }
  actions.forEach((action, i) => {
    const at = `agreedActions.${i}`;
    findings.push(
      ...checkRequired(action.text, `${at}.text`, 'ACTION'),
      ...checkLength(action.text, `${at}.text`, FEEDBACK_ACTION_MAX),
      ...checkQuarter({ year: action.targetYear, quarter: action.targetQuarter }, of, `${at}.target`),
    );
  });
  return findings;
}

export interface DevelopmentActionInput {
  description: string;
  criterionCode?: string | null;
  trainingKind?: string | null;
  targetYear: number;
  targetQuarter: number;
}

export interface DialogueInput {
  /** The day it was held, `YYYY-MM-DD`. */
  heldOn: string;
  pointsAgreed: string;
  followUps?: string | null;
  developmentActions?: readonly DevelopmentActionInput[] | null;
}

/** The first day of a quarter, `YYYY-MM-DD`. */
export function quarterStart({ year, quarter }: YearQuarter): string {
  return `${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01`;
}

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * The findings of a performance dialogue of quarter `of`, recorded on `today` (`YYYY-MM-DD`): the day it was held is a
 * real date, not before the quarter began and not after today (a dialogue is recorded once held, possibly in the
 * weeks after its quarter ended); the points agreed are given; texts have a maximum length; each development action
 * has a description and a target quarter not before the dialogue's.
 */
export function checkDialogue(input: DialogueInput, of: YearQuarter, today: string): FeedbackFinding[] {
  const findings: FeedbackFinding[] = [];
  if (!isDate(input.heldOn)) {
    findings.push({ field: 'heldOn', message: { code: 'FB_DATE_INVALID', params: { value: input.heldOn } } });
  } else if (input.heldOn < quarterStart(of)) {
    findings.push({
      field: 'heldOn',
      message: { code: 'FB_DATE_BEFORE_QUARTER', params: { value: input.heldOn, start: quarterStart(of) } },
    });
  } else if (input.heldOn > today) {
    findings.push({ field: 'heldOn', message: { code: 'FB_DATE_FUTURE', params: { value: input.heldOn, today } } });
  }
  findings.push(...checkRequired(input.pointsAgreed, 'pointsAgreed', 'POINTS_AGREED'));
  findings.push(...checkLength(input.pointsAgreed, 'pointsAgreed', FEEDBACK_TEXT_MAX));
  findings.push(...checkLength(input.followUps, 'followUps', FEEDBACK_TEXT_MAX));
  const actions = input.developmentActions ?? [];
  if (actions.length > FEEDBACK_ACTIONS_MAX) {
    findings.push({
      field: 'developmentActions',
      message: {
        code: 'FB_TOO_MANY',
        params: { what: 'DEVELOPMENT_ACTIONS', max: FEEDBACK_ACTIONS_MAX, count: actions.length },
      },
    });
  }
  actions.forEach((action, i) => {
    const at = `developmentActions.${i}`;
    findings.push(
      ...checkRequired(action.description, `${at}.description`, 'DEVELOPMENT_ACTION'),
      ...checkLength(action.description, `${at}.description`, FEEDBACK_ACTION_MAX),
      ...checkQuarter({ year: action.targetYear, quarter: action.targetQuarter }, of, `${at}.target`),
    );
  });
  return findings;
}
