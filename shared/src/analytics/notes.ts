import { renderMessage, type Message, type MessageLocale } from '../messages.js';

/**
 * Why an analytics figure is missing or suppressed: a stable code with its parameters, which the API turns into the
 * caller's language (Indonesian first) with analyticsNoteText, and the dashboard's message catalogue can render from
 * the same code and parameters. docs/analytics.md lists every code.
 */
export type AnalyticsNote =
  /** A group built on fewer distinct employees than the policy's minimum. */
  | { code: 'SMALL_GROUP'; params: { min: number } }
  /** Suppressed with the only suppressed sibling, so that the small group cannot be worked out from a total. */
  | { code: 'SECOND_GROUP'; params: { min: number } }
  /** A training-impact result (or its pre-trend) with fewer treated or control employees than the policy's minimum. */
  | { code: 'TRAINING_IMPACT_TOO_FEW'; params: { min: number } }
  /** A training-impact pre-trend with no cohort keeping a treated and a control employee one window earlier. */
  | { code: 'PRE_TREND_NO_DATA'; params: { window: number } }
  /** A distribution check of an agency and year without any employee with an annual predikat. */
  | { code: 'DISTRIBUTION_NO_EMPLOYEES'; params: { agencyCode: string; year: number } }
  /** A distribution check of an agency and year for which the leaders set no org predikat. */
  | { code: 'DISTRIBUTION_NO_ORG_PREDIKAT'; params: { agencyCode: string; year: number } };

export type AnalyticsNoteCode = AnalyticsNote['code'];

/** The languages of the API's messages: Indonesian first, English second (the one catalogue: messages.ts). */
export type NoteLocale = MessageLocale;

/** The note in the caller's language, from the one message catalogue. */
export function analyticsNoteText(note: AnalyticsNote, locale: NoteLocale): string {
  return renderMessage(note as Message, locale);
}
