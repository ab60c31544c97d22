import type { AnalyticsNote } from './analytics/notes.js';
import type { NipMessage, NipProblemParams } from './nip.js';
import type { ProblemParams } from './problems.js';

/**
 * The one message catalogue of Kinerja (docs/i18n.md): every sentence the API writes for people (errors, the rule
 * checks' problems, the analytics notes, the transparency explanations, scope descriptions, period labels), in
 * Indonesian (the default) and English, each under a stable code with its parameters. The server renders a message in
 * the request's language (`Accept-Language`, `localeOfAcceptLanguage`); the dashboard imports the same catalogue and
 * renders the same codes in its chosen locale, so both sides say one thing the same way.
 */

/** The languages of the messages: Indonesian (the default) and English. */
export type MessageLocale = 'id' | 'en';

/** Both languages, the default first. */
export const MESSAGE_LOCALES: readonly MessageLocale[] = ['id', 'en'];

/**
 * The request's language from an `Accept-Language` header: its first tag `en` (or `en-*`) gives English, anything
 * else or none gives Indonesian (docs/i18n.md#the-request-language).
 */
export function localeOfAcceptLanguage(header: string | readonly string[] | null | undefined): MessageLocale {
  const value = Array.isArray(header) ? header[0] : (header as string | null | undefined);
  const first = (value ?? '').split(',')[0]!.split(';')[0]!.trim().toLowerCase();
  return first === 'en' || first.startsWith('en-') ? 'en' : 'id';
}

/** A number as written in the locale: a decimal comma in Indonesian (`85,5`), a dot in English; no grouping. */
export function localNumber(value: number, locale: MessageLocale): string {
  const text = String(value);
  return locale === 'id' ? text.replace('.', ',') : text;
}

/** A whole number with thousands grouped as the locale writes them: `19.776` in Indonesian, `19,776` in English. */
export function groupedNumber(value: number, locale: MessageLocale): string {
  return new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-US').format(value);
}

const ROMAN = ['I', 'II', 'III', 'IV'];

function forCriterion(criterion: string | undefined, locale: MessageLocale): string {
  if (criterion === undefined) return '';
  return locale === 'id' ? ` untuk ${criterion}` : ` for ${criterion}`;
}

function span(from: number, to: number | null, locale: MessageLocale): string {
  if (to === null) return locale === 'id' ? `mulai ${from}` : `from ${from} on`;
  const years = from === to ? `${from}` : `${from}-${to}`;
  return locale === 'id' ? `pada ${years}` : `in ${years}`;
}

function count(n: number, id: string, en: string, enMany = `${en}s`, locale: MessageLocale = 'en'): string {
  return locale === 'id' ? `${n} ${id}` : `${n} ${n === 1 ? en : enMany}`;
}

/** Which rule a new password breaks (server/src/modules/auth/password.ts, docs/security.md). */
export type PasswordRule = 'SHORT' | 'LONG' | 'DIGITS_ONLY' | 'FEW_CHARACTERS' | 'COMMON' | 'CONTAINS_LOGIN';
const PASSWORD_RULE_ID: Record<PasswordRule, (min: number, max: number) => string> = {
  SHORT: (min) => `harus paling sedikit ${min} karakter`,
  LONG: (_min, max) => `harus paling banyak ${max} karakter`,
  DIGITS_ONLY: () => 'tidak boleh hanya angka (NIP atau tanggal mudah ditebak)',
  FEW_CHARACTERS: () => 'harus memuat paling sedikit 4 karakter yang berbeda',
  COMMON: () => 'termasuk kata sandi pertama yang dicoba penyerang',
  CONTAINS_LOGIN: () => 'tidak boleh memuat nama login',
};
const PASSWORD_RULE_EN: Record<PasswordRule, (min: number, max: number) => string> = {
  SHORT: (min) => `must have at least ${min} characters`,
  LONG: (_min, max) => `must have at most ${max} characters`,
  DIGITS_ONLY: () => 'must not be digits only (a NIP or a date is easy to guess)',
  FEW_CHARACTERS: () => 'must have at least 4 different characters',
  COMMON: () => 'is one of the first passwords an attacker tries',
  CONTAINS_LOGIN: () => 'must not contain the login',
};

type NoteParams = { [N in AnalyticsNote as N['code']]: N['params'] };

/** A kind of key a caller named a record by (the refusal names the kind, never the key). */
export type RecordThing =
  | 'EMPLOYEE_NIP'
  | 'EMPLOYEE_PSEUDONYM'
  | 'EVALUATION'
  | 'INNOVATION'
  | 'FEEDBACK_NOTE'
  | 'DIALOGUE'
  | 'DEVELOPMENT_ACTION';
const THING_ID: Record<RecordThing, string> = {
  EMPLOYEE_NIP: 'pegawai dengan NIP ini',
  EMPLOYEE_PSEUDONYM: 'pegawai dengan pseudonim ini',
  EVALUATION: 'penilaian dengan id ini',
  INNOVATION: 'inovasi dengan id ini',
  FEEDBACK_NOTE: 'catatan umpan balik dengan id ini',
  DIALOGUE: 'dialog kinerja dengan id ini',
  DEVELOPMENT_ACTION: 'tindak lanjut pengembangan dengan id ini',
};
const THING_EN: Record<RecordThing, string> = {
  EMPLOYEE_NIP: 'employee with this NIP',
  EMPLOYEE_PSEUDONYM: 'employee with this pseudonym',
  EVALUATION: 'evaluation with this id',
  INNOVATION: 'innovation with this id',
  FEEDBACK_NOTE: 'feedback note with this id',
  DIALOGUE: 'performance dialogue with this id',
  DEVELOPMENT_ACTION: 'development action with this id',
};
/** A record named with its key (`RECORD_NOT_FOUND`: "Evaluation 12 not found"). */
const NAMED_ID: Record<RecordThing, string> = {
  EMPLOYEE_NIP: 'Pegawai dengan NIP',
  EMPLOYEE_PSEUDONYM: 'Pegawai dengan pseudonim',
  EVALUATION: 'Penilaian',
  INNOVATION: 'Inovasi',
  FEEDBACK_NOTE: 'Catatan umpan balik',
  DIALOGUE: 'Dialog kinerja',
  DEVELOPMENT_ACTION: 'Tindak lanjut pengembangan',
};
const NAMED_EN: Record<RecordThing, string> = {
  EMPLOYEE_NIP: 'Employee with NIP',
  EMPLOYEE_PSEUDONYM: 'Employee with pseudonym',
  EVALUATION: 'Evaluation',
  INNOVATION: 'Innovation',
  FEEDBACK_NOTE: 'Feedback note',
  DIALOGUE: 'Performance dialogue',
  DEVELOPMENT_ACTION: 'Development action',
};

/** The natural key of a row the importer found twice (`IMPORT_DUPLICATE_ROW`), by file. */
export type ImportRowKey =
  | { file: 'agencies.csv'; code: string }
  | { file: 'employees.csv'; nip: string }
  | { file: 'criteria.csv'; code: string; agency: string | null; yearFrom: number }
  | { file: 'scores.csv'; nip: string; year: number; quarter: number; criterion: string }
  | { file: 'innovations.csv'; nip: string; year: number; quarter: number; title: string }
  | { file: 'trainings.csv'; code: string }
  | { file: 'participations.csv'; nip: string; training: string }
  | { file: 'org_performance.csv'; agency: string; year: number };

function rowKeyId(k: ImportRowKey): string {
  switch (k.file) {
    case 'agencies.csv':
      return `perangkat daerah ${k.code}`;
    case 'employees.csv':
      return `NIP ${k.nip}`;
    case 'criteria.csv':
      return `kriteria ${k.code} untuk ${k.agency ?? 'semua perangkat daerah'} mulai ${k.yearFrom}`;
    case 'scores.csv':
      return `NIP ${k.nip}, Triwulan ${ROMAN[k.quarter - 1] ?? k.quarter} ${k.year}, kriteria ${k.criterion}`;
    case 'innovations.csv':
      return `inovasi "${k.title}" dari NIP ${k.nip} pada Triwulan ${ROMAN[k.quarter - 1] ?? k.quarter} ${k.year}`;
    case 'trainings.csv':
      return `pelatihan ${k.code}`;
    case 'participations.csv':
      return `NIP ${k.nip} dalam pelatihan ${k.training}`;
    case 'org_performance.csv':
      return `perangkat daerah ${k.agency} pada ${k.year}`;
  }
}

function rowKeyEn(k: ImportRowKey): string {
  switch (k.file) {
    case 'agencies.csv':
      return `agency ${k.code}`;
    case 'employees.csv':
      return `NIP ${k.nip}`;
    case 'criteria.csv':
      return `criterion ${k.code} of ${k.agency ?? 'all agencies'} from ${k.yearFrom}`;
    case 'scores.csv':
      return `NIP ${k.nip}, Q${k.quarter} ${k.year}, criterion ${k.criterion}`;
    case 'innovations.csv':
      return `the innovation "${k.title}" of NIP ${k.nip} in ${k.year} Q${k.quarter}`;
    case 'trainings.csv':
      return `training ${k.code}`;
    case 'participations.csv':
      return `NIP ${k.nip} in training ${k.training}`;
    case 'org_performance.csv':
      return `agency ${k.agency} in ${k.year}`;
  }
}

/** What a status is called in a sentence. */
type Status = string;

/**
 * The parameters of every message, by code. The rule checks' problems (`ProblemParams`) and the analytics notes
 * (`AnalyticsNote`) are declared beside their rules; the rest here.
 */
export interface MessageParams extends ProblemParams, NoteParams, NipProblemParams {
  // --- period labels ---
  /** How people name a quarter: "Triwulan I 2025", "Q1 2025". */
  PERIOD_LABEL: { year: number; quarter: number };

  // --- access and sessions ---
  UNAUTHENTICATED: Record<string, never>;
  ANONYMOUS_READ_ONLY: Record<string, never>;
  /** The admission control refused the request: the server is at capacity (docs/operations.md "Overload"). */
  SERVER_AT_CAPACITY: { seconds: number };
  MUST_CHANGE_PASSWORD: Record<string, never>;
  OPERATION_WITHOUT_RULE: { field: string };
  OPERATION_NOT_FOR_ROLE: { field: string; role: string; roles: string };
  NOT_VISIBLE: { what: string };
  NOT_IN_SCOPE: { thing: RecordThing };
  NOT_FOR_PSEUDONYMISED: { what: string; role: string };
  WRONG_CREDENTIALS: Record<string, never>;
  ACCOUNT_DISABLED: Record<string, never>;
  TOO_MANY_LOGINS: { minutes: number; at: string };
  ACCOUNT_NOT_FOUND: { login: string };
  ACCOUNT_IS_DISABLED: { login: string };
  ACCOUNT_NOT_LINKED: Record<string, never>;
  ONLY_ADMIN: {
    action: 'ACCOUNTS' | 'IMPORT' | 'EMPLOYEE_CHANGES' | 'PERIODS' | 'TRAININGS' | 'AUDIT' | 'CRITERIA';
  };
  CANNOT_DISABLE_SELF: Record<string, never>;

  // --- lookups ---
  AGENCY_NOT_FOUND: { code: string };
  EMPLOYEE_NOT_FOUND: { nip: string };
  PERIOD_NOT_FOUND: { year: number; quarter: number };
  IMPORT_JOB_NOT_FOUND: { id: string };

  // --- evaluations ---
  EVALUATION_CHANGED: { id: number; version: number; expected: number };
  EVALUATION_EXISTS: { nip: string; year: number; quarter: number; id: number; version: number };
  EVALUATION_STARTED_MEANWHILE: { nip: string };
  PERIOD_CLOSED: { year: number; quarter: number; action: 'SCORE' | 'SUBMIT' | 'RESPOND' | 'DECIDE' | 'NEW' };
  PERIOD_MISSING: { year: number; quarter: number };
  EVALUATION_WRONG_STATUS: {
    id: number;
    status: Status;
    needed: 'DRAFT_SCORES' | 'DRAFT_SUBMIT' | 'SUBMITTED_ACK' | 'SUBMITTED_OBJECT' | 'OBJECTED_DECIDE';
  };
  EVALUATION_NO_SCORES: { id: number };
  EVALUATION_NOT_FINALISABLE: { id: number; status: 'DRAFT' | 'SUBMITTED' | 'OBJECTED' | 'FINAL' };
  GIVE_ID_OR_EMPLOYEE: Record<string, never>;
  REQUIRED_WITH: { field: string; with: string };
  VERSION_REQUIRED: Record<string, never>;
  CRITERION_CODE_REQUIRED: Record<string, never>;
  CRITERION_TWICE: { code: string; at: string };
  CRITERION_NOT_IN_FORCE: { code: string; agency: string; year: number };
  EVIDENCE_TOO_LONG: { length: number; max: number };
  TEXT_REQUIRED: { what: 'REASON' | 'DECISION_NOTE' };
  TEXT_TOO_LONG: { what: 'REASON' | 'DECISION_NOTE'; length: number; max: number };
  REJECTED_WITH_SCORES: Record<string, never>;
  ONLY_SUPERVISOR_SCORES: { id: number | null };
  ONLY_EMPLOYEE_RESPONDS: { id: number };
  ONLY_SUPERIOR_DECIDES: { id: number };
  ONLY_HEAD_FINALISES: { id: number };

  // --- import ---
  IMPORT_NO_FILES: Record<string, never>;
  IMPORT_UNKNOWN_FILE: { name: string; known: string };
  IMPORT_FILE_TWICE: { name: string; at: string };
  IMPORT_NOT_MULTIPART: Record<string, never>;
  IMPORT_TOO_LARGE: { name: string; maxMegabytes: number };
  IMPORT_BAD_DRY_RUN: { value: string };
  IMPORT_PREFLIGHT_HEADER: Record<string, never>;
  IMPORT_JOB_CRASHED: Record<string, never>;

  // --- the NIP (shared/src/nip.ts declares the parts' codes) ---
  /** Every problem of one NIP, joined (account creation, lookups, filters, the export, the importer). */
  NIP_INVALID: { errors: NipMessage[] };
  /** `employee(nip, pseudonym)` with both keys or neither. */
  EMPLOYEE_KEY: { given: 'BOTH' | 'NONE' };

  // --- the importer's own checks (server/src/modules/import; docs/import.md "How errors are reported") ---
  IMPORT_REQUIRED: { column: string };
  IMPORT_TOO_LONG: { column: string; length: number; max: number };
  IMPORT_DUPLICATE_ROW: { key: ImportRowKey; line: number };
  IMPORT_NOT_A_NUMBER: { value: string };
  /** A decimal comma in a comma-separated file. */
  IMPORT_DECIMAL_DOT: { value: string };
  IMPORT_NOT_WHOLE: { value: string };
  IMPORT_DATE_FORMAT: { value: string };
  IMPORT_DATE_NOT_REAL: { value: string };
  IMPORT_NOT_ONE_OF: { value: string; allowed: string[] };
  IMPORT_UNKNOWN_COLUMN: { column: string; suggestion: string | null; columns: string[] };
  IMPORT_COLUMN_TWICE: { column: string };
  IMPORT_COLUMN_MISSING: { column: string };
  IMPORT_LINE_WIDTH: { values: number; columns: number; separator: string };
  IMPORT_FILE_EMPTY: Record<string, never>;
  IMPORT_CODE_SPACES: { code: string };
  IMPORT_AGENCY_NOT_FOUND: { code: string };
  IMPORT_EMPLOYEE_NOT_FOUND: { nip: string };
  IMPORT_SUPERVISOR_NOT_FOUND: { nip: string };
  IMPORT_ASSESSOR_NOT_FOUND: { nip: string };
  IMPORT_CRITERION_NOT_FOUND: { code: string };
  IMPORT_TRAINING_NOT_FOUND: { code: string };
  IMPORT_CRITERION_NOT_APPLICABLE: { code: string; agency: string; year: number };
  IMPORT_GENDER_VS_NIP: { gender: string; nipGender: 'L' | 'P' };
  IMPORT_TYPE_VS_NIP: { type: string; digits: string; nipType: string };
  IMPORT_RANK: { rank: string; type: 'PNS' | 'PPPK' };
  /** A date column before the one it must follow (active_to before active_from, end_date before start_date). */
  IMPORT_DATE_ORDER: { column: string; value: string; before: string; beforeValue: string };
  IMPORT_SUPERVISOR_LOOP: { chain: string[] };
  IMPORT_SELF_ASSESSOR: Record<string, never>;
  IMPORT_COMPLETED_ON_REQUIRED: Record<string, never>;
  IMPORT_NEGATIVE: { column: string; value: string };
  IMPORT_NOT_POSITIVE: { column: string; value: string };
  IMPORT_EVALUATION_DISAGREES: { column: string; value: string | null; line: number; firstValue: string | null };
  IMPORT_CLOSED_EVALUATION: {
    year: number;
    quarter: number;
    column: string;
    stored: string | null;
    value: string | null;
  };
  IMPORT_CLOSED_SCORE_ADDED: { year: number; quarter: number; criterion: string };
  IMPORT_CLOSED_SCORE_CHANGED: {
    year: number;
    quarter: number;
    criterion: string;
    stored: { kind: 'score' | 'realisation'; value: number | null };
  };
  IMPORT_DATABASE_REFUSED: { detail: string };
  IMPORT_FOLDER_MISSING: { folder: string };
  IMPORT_FOLDER_EMPTY: { known: string };

  // --- the importer's report on the terminal (`pnpm run import`; server/src/modules/import/report.ts) ---
  IMPORT_REPORT_VERDICT: { outcome: 'IMPORTED' | 'DRY_RUN_OK' | 'REJECTED'; errors: number };
  IMPORT_REPORT_HEADING: {
    column: 'FILE' | 'ROWS' | 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'EVALUATIONS' | 'PERIODS' | 'FOLDER';
  };
  IMPORT_REPORT_NOTE: { note: 'WOULD_HAVE' | 'BULK' | 'ERRORS_HEADER' };
  IMPORT_REPORT_MORE: { count: number };
  IMPORT_REPORT_CLOSED: { quarters: string[] };

  // --- accounts and employee changes ---
  EMPLOYEE_SELF_SUPERVISOR: Record<string, never>;
  EMPLOYEE_SUPERVISOR_CYCLE: { nip: string };
  EMPLOYEE_RETIRED: { nip: string; date: string };
  DATE_INVALID: { value: string };
  DATE_RANGE_REVERSED: { from: string; to: string };
  SAME_AGENCY: { code: string };
  ACTING_SELF: Record<string, never>;
  ACTING_KIND: Record<string, never>;
  EMPLOYEE_CHANGED: { nip: string; version: number; expected: number };
  ACTING_OVERLAP: { nip: string; from: string; to: string };
  ACTING_NOT_FOUND: { id: number };
  ACTING_CHANGED: { id: number; version: number; expected: number };
  SEARCH_TOO_LONG: { max: number };

  // --- criteria, trainings, innovations, org predikat ---
  FIELD_REQUIRED: { field: string };
  FIELD_TOO_LONG: { field: string; length: number; max: number };
  CODE_FORMAT: { value: string };
  NUMBER_ABOVE_ZERO: { field: string; value: number };
  NUMBER_NOT_NEGATIVE: { field: string; value: number };
  CRITERION_UNKNOWN: { code: string };
  TRAINING_EXISTS: { code: string };
  TRAINING_NOT_FOUND: { code: string };
  PARTICIPATION_NEEDS_DATE: Record<string, never>;
  ONLY_WHO: {
    action:
      'RECORD_PARTICIPATION' | 'RECORD_INNOVATION' | 'VERIFY_INNOVATION' | 'PROPOSE_ORG_PREDIKAT' | 'SET_ORG_PREDIKAT';
    agency: string | null;
  };
  ACCOUNT_NOT_LINKED_GIVE: { field: string };
  INNOVATION_EXISTS: { title: string; nip: string; year: number; quarter: number };
  INNOVATION_VERIFIED: { id: number };
  WEIGHTS_EMPTY: Record<string, never>;
  WEIGHTS_MISSING: {
    missing: readonly { code: string; weight: number }[];
    category: string;
    agency: string | null;
    year: number;
  };
  CRITERION_NOT_IN_CATEGORY: { code: string; category: string; agency: string | null; year: number };
  CITY_WIDE_WEIGHT: { code: string; weight: number };
  CRITERION_CLASH: { code: string; agency: string | null; from: number; to: number | null };

  // --- analytics inputs ---
  AGENCY_CODE_UNKNOWN: { code: string };
  TRAINING_CODE_UNKNOWN: { code: string };
  PERIOD_RANGE_REVERSED: Record<string, never>;
  CRITERION_CODES_NEED_CRITERION: Record<string, never>;
  DIMENSION_TWICE: { dimension: string };
  WINDOW_RANGE: { value: number; min: number; max: number };
  ACCOUNT_WITHOUT_AGENCY: { query: string };
  OWN_AGENCY_ONLY: { query: string; what: 'ASSESSORS' | 'EMPLOYEES' };

  // --- annual results ---
  ANNUAL_INNOVATION_RULE_NOTE: { year: number };

  // --- feedback notes, performance dialogues, notices (docs/dialogue.md) ---
  FB_SAY_SOMETHING: Record<string, never>;
  FB_REQUIRED: { what: 'ACTION' | 'POINTS_AGREED' | 'DEVELOPMENT_ACTION' };
  FB_TOO_MANY: { what: 'AGREED_ACTIONS' | 'DEVELOPMENT_ACTIONS'; max: number; count: number };
  FB_TARGET_YEAR: { value: number; min: number; max: number };
  FB_TARGET_QUARTER: { value: number };
  FB_TARGET_BEFORE: { year: number; quarter: number; fromYear: number; fromQuarter: number };
  FB_DATE_INVALID: { value: string };
  FB_DATE_BEFORE_QUARTER: { value: string; start: string };
  FB_DATE_FUTURE: { value: string; today: string };
  DLG_NIP_REQUIRED: Record<string, never>;
  DLG_ONLY_DIRECT_SUPERVISOR: Record<string, never>;
  DLG_EVALUATION_OF_OTHER: { id: number };
  DLG_GIVE_NIP_OR_EVALUATION: Record<string, never>;
  DLG_REQUIRED_WITHOUT_EVALUATION: { what: 'YEAR' | 'QUARTER' };
  DLG_EVALUATION_QUARTER: { id: number; year: number; quarter: number };
  DLG_ONLY_ADDRESSEE_ANSWERS: Record<string, never>;
  DLG_NOTE_ANSWERED: { id: number };
  DLG_EXISTS: { year: number; quarter: number };
  DLG_ONLY_PARTIES_CONFIRM: Record<string, never>;
  DLG_ALREADY_CONFIRMED: { id: number };
  DLG_ONLY_PARTIES_LINK: Record<string, never>;
  DLG_PARTICIPATION_OTHER: { id: number };
  QUARTER_NEEDS_YEAR: Record<string, never>;
  FIRST_RANGE: { value: number; max: number };
  SCORE_BOUND_RANGE: { name: 'minScore' | 'maxScore'; max: number; value: number };
  SCORE_RANGE_EMPTY: { min: number; max: number };
  PERIOD_ALREADY_CLOSED: { year: number; quarter: number };
  PERIOD_EXISTS: { year: number; quarter: number; status: string };
  RECORD_NOT_FOUND: { thing: RecordThing; key: string };
  PAGE_SIZE_RANGE: { value: number; max: number };
  CURSOR_UNKNOWN: { cursor: string };
  INT_POSITIVE: { name: string; value: number; list: boolean };
  VERSION_RANGE: { value: number };
  TEXT_NUL: { field: string };
  TEXT_LONE_SURROGATE: { field: string };
  AUDIT_RANGE_EMPTY: Record<string, never>;
  EXPORT_REASON: { min: number; max: number };
  EXPORT_ADMIN_ONLY: Record<string, never>;
  PASSWORD_RULE: { which: 'PASSWORD' | 'NEW_PASSWORD'; rule: PasswordRule; min: number; max: number };
  CURRENT_PASSWORD_WRONG: Record<string, never>;
  PASSWORD_UNCHANGED: Record<string, never>;
  LOGIN_FORMAT: { login: string };
  EMPLOYEE_HAS_ACCOUNT: { nip: string };
  ACCOUNT_NEEDS_EMPLOYEE: { role: string };
  NIP_LOGIN_OWN_EMPLOYEE: Record<string, never>;
  LOGIN_TAKEN: { login: string };
  DISPLAY_NAME_TOO_LONG: { max: number };
  BULK_ROLE: { roles: string[]; role: string };
  BULK_NO_AGENCY: Record<string, never>;
  TOKEN_HOURS: { value: number; max: number };
  TOKEN_INITIAL_PASSWORD: { login: string };
  NOTICES_GIVE_IDS: Record<string, never>;
  NOTICES_TOO_MANY: { max: number };
  NOTICE_NOT_YOURS: { id: number };
  ACCOUNT_WITHOUT_EMPLOYEE: Record<string, never>;

  // --- scope descriptions (me.scope.description) ---
  SCOPE_ANONYMOUS: Record<string, never>;
  SCOPE_ADMIN: Record<string, never>;
  SCOPE_LEADER: Record<string, never>;
  SCOPE_PSEUDONYMISED: { employee: boolean; reports: number };
  SCOPE_AGENCY_HEAD: { agency: string | null; employee: boolean; reports: number };
  SCOPE_SUPERVISOR: { line: number };
  SCOPE_EMPLOYEE: { reports: number };

  // --- transparency explanations ---
  TR_RATING_DI_ATAS: { score: string; diAtas: number; rating: string };
  TR_RATING_SESUAI: { score: string; sesuai: number; diAtas: number; rating: string };
  TR_RATING_DI_BAWAH: { score: string; sesuai: number; rating: string };
  TR_MATRIX_CELL: { hasilKerja: string; perilakuKerja: string; predikat: string };
  TR_NO_CATEGORY_SCORE: { category: string };
  TR_INDICATOR_ZERO: { max: number };
  TR_NOTE_DRAFT: Record<string, never>;
  TR_NOTE_OBJECTED: Record<string, never>;
  TR_NOTE_FINAL: { policyVersion: string; weightsChanged: boolean };
  TR_INNOVATION_RULE: {
    year: number;
    count: number;
    outcome: 'APPLIED' | 'MET' | 'NOT_SANGAT_BAIK';
  };
  TR_INNOVATION_RULE_OFF: Record<string, never>;
  TR_JP_PNS: { jp: number };
  TR_JP_PPPK: { jp: number };
}

export type MessageCode = keyof MessageParams;

/** A message not yet in words: its code and parameters. */
export type Message<C extends MessageCode = MessageCode> = {
  [K in C]: { code: K; params: MessageParams[K] };
}[C];

/** Builds a message with its parameters checked against its code. */
export function msg<C extends MessageCode>(
  code: C,
  ...params: MessageParams[C] extends Record<string, never> ? [] : [MessageParams[C]]
): Message<C> {
  return { code, params: (params[0] ?? {}) as MessageParams[C] } as Message<C>;
}

interface Entry<P> {
  id: (p: P) => string;
  en: (p: P) => string;
  /** Parameters that exercise the message (the catalogue test renders every code with them). */
  example: P;
}

type Catalogue = { [C in MessageCode]: Entry<MessageParams[C]> };

const NONE = {} as Record<string, never>;

const ACTIONS_ID = {
  ACCOUNTS: 'mengelola akun',
  IMPORT: 'menjalankan impor',
  EMPLOYEE_CHANGES: 'mengubah data kepegawaian',
  PERIODS: 'membuka dan menutup periode',
  TRAININGS: 'membuat pelatihan',
  AUDIT: 'membaca log audit',
  CRITERIA: 'mengubah kriteria',
};
const ACTIONS_EN = {
  ACCOUNTS: 'manage accounts',
  IMPORT: 'run imports',
  EMPLOYEE_CHANGES: 'change employee records',
  PERIODS: 'open and close periods',
  TRAININGS: 'create trainings',
  AUDIT: 'read the audit log',
  CRITERIA: 'change the criteria',
};
const CLOSED_ID = {
  SCORE: 'nilai tidak dapat diubah lagi',
  SUBMIT: 'penilaian tidak dapat diajukan lagi',
  RESPOND: 'penilaian tidak dapat ditanggapi lagi',
  DECIDE: 'keberatan tidak dapat diputus lagi',
  NEW: 'tidak ada penilaian atau nilai baru',
};
const CLOSED_EN = {
  SCORE: 'scores can no longer change',
  SUBMIT: 'evaluations can no longer be submitted',
  RESPOND: 'evaluations can no longer be acknowledged or objected to',
  DECIDE: 'objections can no longer be decided',
  NEW: 'no new evaluations or scores',
};
const NEEDED_ID = {
  DRAFT_SCORES: 'hanya penilaian DRAFT yang nilainya dapat diubah',
  DRAFT_SUBMIT: 'hanya DRAFT yang diajukan',
  SUBMITTED_ACK: 'hanya penilaian SUBMITTED yang disetujui',
  SUBMITTED_OBJECT: 'hanya penilaian SUBMITTED yang dapat diajukan keberatan',
  OBJECTED_DECIDE: 'tidak ada keberatan yang menunggu keputusan',
};
const NEEDED_EN = {
  DRAFT_SCORES: 'only a DRAFT evaluation takes changed scores',
  DRAFT_SUBMIT: 'only a DRAFT is submitted',
  SUBMITTED_ACK: 'only a SUBMITTED evaluation is acknowledged',
  SUBMITTED_OBJECT: 'only a SUBMITTED evaluation can be objected to',
  OBJECTED_DECIDE: 'there is no pending objection to decide',
};
const NOT_FINALISABLE_ID = {
  DRAFT: 'penilaian DRAFT harus diajukan lebih dulu',
  SUBMITTED: 'pegawai belum menyetujuinya (penutupan periode memfinalkannya)',
  OBJECTED: 'keberatan atasnya harus diputus lebih dulu',
  FINAL: 'sudah final',
};
const NOT_FINALISABLE_EN = {
  DRAFT: 'a DRAFT evaluation must be submitted first',
  SUBMITTED: 'the employee has not acknowledged it yet (closing the period finalises it)',
  OBJECTED: 'the objection against it must be decided first',
  FINAL: 'it is already final',
};
const TEXT_ID = { REASON: 'alasan keberatan', DECISION_NOTE: 'catatan keputusan' };
const TEXT_EN = { REASON: 'the reason of the objection (alasan keberatan)', DECISION_NOTE: 'the decision note' };

function ownRecord(employee: boolean, reports: number, locale: MessageLocale): string {
  if (!employee) return '';
  if (locale === 'id') {
    return reports === 0
      ? ' Data Anda sendiri secara lengkap.'
      : ` Data Anda sendiri dan ${reports} bawahan langsung Anda secara lengkap.`;
  }
  return reports === 0
    ? ' Your own record in full.'
    : ` Your own record and your ${count(reports, '', 'direct report')} in full.`;
}

/** The catalogue. */
const MESSAGES: Catalogue = {
  // --- problems of the rule checks (shared/src/problems.ts) ---
  SCORE_NOT_A_NUMBER: {
    id: (p) => `nilai ${localNumber(p.value, 'id')} bukan angka`,
    en: (p) => `score ${p.value} is not a number`,
    example: { value: NaN },
  },
  SCORE_BELOW_MIN: {
    id: (p) => `nilai ${localNumber(p.value, 'id')} di bawah ${localNumber(p.min, 'id')}`,
    en: (p) => `score ${p.value} is below ${p.min}`,
    example: { value: -1, min: 0 },
  },
  SCORE_ABOVE_MAX: {
    id: (p) => `nilai ${localNumber(p.value, 'id')} melebihi ${localNumber(p.max, 'id')}`,
    en: (p) => `score ${p.value} is above ${p.max}`,
    example: { value: 130.5, max: 120 },
  },
  SCORE_MISSING: {
    id: (p) =>
      `isi nilai (0-${localNumber(p.max, 'id')})${forCriterion(p.criterion, 'id')}, ` +
      'atau realisasinya bila kriteria itu berindikator',
    en: (p) =>
      `give a score (0-${p.max})${forCriterion(p.criterion, 'en')}, or for a criterion with an indicator its realisation`,
    example: { max: 120, criterion: 'INOVASI' },
  },
  SCORE_AND_REALISATION: {
    id: (p) => `isi nilai atau realisasi${forCriterion(p.criterion, 'id')}, jangan keduanya`,
    en: (p) => `give either a score or a realisation${forCriterion(p.criterion, 'en')}, not both`,
    example: {},
  },
  SCORE_REMOVE_AND_VALUE: {
    id: (p) => `hapus nilai${forCriterion(p.criterion, 'id')} atau isi nilainya, jangan keduanya`,
    en: (p) => `remove the score${forCriterion(p.criterion, 'en')} or give one, not both`,
    example: { criterion: 'INOVASI' },
  },
  REALISATION_NOT_A_NUMBER: {
    id: (p) => `realisasi ${localNumber(p.value, 'id')} bukan angka`,
    en: (p) => `realisation ${p.value} is not a number`,
    example: { value: Infinity },
  },
  REALISATION_NEGATIVE: {
    id: (p) => `realisasi ${localNumber(p.value, 'id')} tidak boleh negatif`,
    en: (p) => `realisation ${p.value} must not be negative`,
    example: { value: -0.5 },
  },
  REALISATION_WITHOUT_INDICATOR: {
    id: (p) => `kriteria ${p.criterion} tidak berindikator: isi nilai, bukan realisasi`,
    en: (p) => `criterion ${p.criterion} has no indicator: give a judged score instead of a realisation`,
    example: { criterion: 'INOVASI' },
  },
  TARGET_NOT_POSITIVE: {
    id: (p) => `target ${localNumber(p.value, 'id')} harus lebih dari 0`,
    en: (p) => `target ${p.value} must be above 0`,
    example: { value: 0 },
  },
  INDICATOR_INCOMPLETE: {
    id: (p) => `indikator memerlukan target dan arah (direction); ${p.missing} belum diisi`,
    en: (p) => `an indicator needs both target and direction; ${p.missing} is missing`,
    example: { missing: 'direction' },
  },
  YEAR_OUT_OF_RANGE: {
    id: (p) => `tahun harus bilangan bulat antara ${p.min} dan ${p.max}, bukan ${localNumber(p.value, 'id')}`,
    en: (p) => `year must be between ${p.min} and ${p.max}, not ${p.value}`,
    example: { value: 1999, min: 2000, max: 2100 },
  },
  QUARTER_OUT_OF_RANGE: {
    id: (p) => `triwulan harus 1-4, bukan ${localNumber(p.value, 'id')}`,
    en: (p) => `quarter must be 1-4, not ${p.value}`,
    example: { value: 5 },
  },
  YEAR_SPAN_REVERSED: {
    id: (p) => `tahun akhir ${p.to} sebelum tahun mulai ${p.from}`,
    en: (p) => `the last year ${p.to} is before the first year ${p.from}`,
    example: { from: 2025, to: 2024 },
  },
  WEIGHT_OUT_OF_RANGE: {
    id: (p) => `bobot ${localNumber(p.value, 'id')} harus lebih dari 0 dan paling banyak ${localNumber(p.max, 'id')}`,
    en: (p) => `weight ${p.value} must be above 0 and at most ${p.max}`,
    example: { value: 0, max: 100 },
  },
  WEIGHTS_SUM_NOT_100: {
    id: (p) =>
      `jumlah bobot ${p.category} untuk ${p.agency} ${span(p.from, p.to, 'id')} adalah ${localNumber(p.sum, 'id')}, ` +
      `bukan 100${p.hint === 'GIVE_OTHER_WEIGHTS' ? ': isi bobot baru kriteria lainnya di otherWeights' : ''}`,
    en: (p) =>
      `weights of ${p.category} for ${p.agency} ${span(p.from, p.to, 'en')} sum to ${p.sum}, not 100` +
      (p.hint === 'GIVE_OTHER_WEIGHTS' ? ': give the new weights of the others in otherWeights' : ''),
    example: { category: 'HASIL_KERJA', agency: 'DISDIK', from: 2025, to: null, sum: 95.5 },
  },

  // --- analytics notes (shared/src/analytics/notes.ts) ---
  SMALL_GROUP: {
    id: (p) =>
      `Disembunyikan: kelompok ini berisi kurang dari ${p.min} pegawai; nilai kelompok sekecil ini adalah data pribadi.`,
    en: (p) =>
      `Suppressed: this group has fewer than ${p.min} employees; the figures of so small a group are personal data.`,
    example: { min: 5 },
  },
  SECOND_GROUP: {
    id: (p) =>
      `Disembunyikan bersama kelompok sejajar yang berisi kurang dari ${p.min} pegawai, agar nilainya tidak dapat ` +
      'dihitung dari total.',
    en: (p) =>
      `Suppressed together with a sibling group of fewer than ${p.min} employees, so that its figures cannot be ` +
      'worked out from the total.',
    example: { min: 5 },
  },
  TRAINING_IMPACT_TOO_FEW: {
    id: (p) =>
      `Disembunyikan: kurang dari ${p.min} pegawai peserta atau pembanding; hasil sekecil ini tidak dapat diandalkan ` +
      'dan menyangkut data pribadi.',
    en: (p) =>
      `Suppressed: fewer than ${p.min} treated or control employees; so small a result is neither reliable nor anonymous.`,
    example: { min: 5 },
  },
  PRE_TREND_NO_DATA: {
    id: (p) =>
      `Uji tren sebelum pelatihan tidak tersedia: tidak ada nilai pada ${p.window} triwulan sebelum jendela pembanding.`,
    en: (p) => `No pre-trend check: there are no scores in the ${p.window} quarters before the comparison window.`,
    example: { window: 2 },
  },
  DISTRIBUTION_NO_EMPLOYEES: {
    id: (p) => `Tidak ada pegawai dengan predikat tahunan di ${p.agencyCode} pada tahun ${p.year}.`,
    en: (p) => `No employee of ${p.agencyCode} has an annual predikat for ${p.year}.`,
    example: { agencyCode: 'DISDIK', year: 2025 },
  },
  DISTRIBUTION_NO_ORG_PREDIKAT: {
    id: (p) => `Predikat kinerja organisasi ${p.agencyCode} tahun ${p.year} belum ditetapkan pimpinan.`,
    en: (p) => `The leaders have not set the organisational predikat of ${p.agencyCode} for ${p.year}.`,
    example: { agencyCode: 'DISDIK', year: 2025 },
  },

  // --- period labels ---
  PERIOD_LABEL: {
    id: (p) => `Triwulan ${ROMAN[p.quarter - 1]} ${p.year}`,
    en: (p) => `Q${p.quarter} ${p.year}`,
    example: { year: 2025, quarter: 3 },
  },

  // --- access and sessions ---
  UNAUTHENTICATED: {
    id: () => 'Masuk (login) dulu: operasi ini memerlukan token',
    en: () => 'Log in first: this operation needs a token',
    example: NONE,
  },
  ANONYMOUS_READ_ONLY: {
    id: () => 'Masuk (login) dulu: pemanggil demo tanpa akun hanya boleh membaca',
    en: () => 'Log in first: the anonymous demo caller may only read',
    example: NONE,
  },
  SERVER_AT_CAPACITY: {
    id: (p) => `Server sedang penuh; permintaan ini tidak dijalankan. Coba lagi dalam ${p.seconds} detik`,
    en: (p) => `The server is at capacity; this request was not run. Try again in ${count(p.seconds, '', 'second')}`,
    example: { seconds: 5 },
  },
  MUST_CHANGE_PASSWORD: {
    id: () => 'Pilih kata sandi Anda sendiri dulu (changePassword): akun ini masih memakai kata sandi awal',
    en: () => 'Choose your own password first (changePassword): this account still has its initial password',
    example: NONE,
  },
  OPERATION_WITHOUT_RULE: {
    id: (p) => `operasi ${p.field} tidak memiliki aturan akses`,
    en: (p) => `operation ${p.field} has no access rule`,
    example: { field: 'employees' },
  },
  OPERATION_NOT_FOR_ROLE: {
    id: (p) => `${p.field} tidak tersedia bagi akun ${p.role} (hanya bagi ${p.roles})`,
    en: (p) => `${p.field} is not available to ${p.role} accounts (only to ${p.roles})`,
    example: { field: 'auditLog', role: 'EMPLOYEE', roles: 'ADMIN' },
  },
  NOT_VISIBLE: {
    id: (p) => `${p.what} tidak terlihat oleh Anda`,
    en: (p) => `${p.what} is not visible to you`,
    example: { what: 'employee 199001012020121001' },
  },
  NOT_IN_SCOPE: {
    id: (p) => `Tidak ada ${THING_ID[p.thing]} di antara data yang boleh Anda lihat`,
    en: (p) => `No ${THING_EN[p.thing]} is among the records you may see`,
    example: { thing: 'EMPLOYEE_NIP' },
  },
  NOT_FOR_PSEUDONYMISED: {
    id: (p) => `${p.what} tidak tersedia bagi pemanggil ${p.role}: gunakan pseudonim`,
    en: (p) => `${p.what} is not available to ${p.role} callers: use pseudonyms`,
    example: { what: 'Lookup by NIP', role: 'POLICY' },
  },
  WRONG_CREDENTIALS: {
    id: () => 'Nama login atau kata sandi salah',
    en: () => 'Wrong login or password',
    example: NONE,
  },
  ACCOUNT_DISABLED: {
    id: () => 'Akun ini dinonaktifkan: minta administrator (BKPSDM) mengaktifkannya',
    en: () => 'This account is disabled: ask an administrator (BKPSDM) to enable it',
    example: NONE,
  },
  TOO_MANY_LOGINS: {
    id: (p) => `Terlalu banyak login gagal: coba lagi dalam ${p.minutes} menit (setelah pukul ${p.at} UTC)`,
    en: (p) => `Too many failed logins: try again in ${count(p.minutes, '', 'minute')} (after ${p.at} UTC)`,
    example: { minutes: 15, at: '10:15' },
  },
  ACCOUNT_NOT_FOUND: {
    id: (p) => `Akun ${p.login} tidak ditemukan`,
    en: (p) => `Account ${p.login} not found`,
    example: { login: 'guru' },
  },
  ACCOUNT_IS_DISABLED: {
    id: (p) => `Akun ${p.login} dinonaktifkan`,
    en: (p) => `The account ${p.login} is disabled`,
    example: { login: 'guru' },
  },
  ACCOUNT_NOT_LINKED: {
    id: () => 'akun ini tidak terhubung dengan pegawai: sebutkan NIP atau pseudonimnya',
    en: () => 'this account is not linked to an employee: give the nip or pseudonym',
    example: NONE,
  },
  ONLY_ADMIN: {
    id: (p) => `Hanya administrator (BKPSDM) yang boleh ${ACTIONS_ID[p.action]}`,
    en: (p) => `Only administrators (BKPSDM) ${ACTIONS_EN[p.action]}`,
    example: { action: 'IMPORT' },
  },
  CANNOT_DISABLE_SELF: {
    id: () => 'Anda tidak dapat menonaktifkan akun Anda sendiri',
    en: () => 'You cannot disable your own account',
    example: NONE,
  },

  // --- lookups ---
  AGENCY_NOT_FOUND: {
    id: (p) => `Perangkat daerah ${p.code} tidak ditemukan`,
    en: (p) => `Agency ${p.code} not found`,
    example: { code: 'DISDIK' },
  },
  EMPLOYEE_NOT_FOUND: {
    id: (p) => `Tidak ada pegawai dengan NIP ${p.nip}`,
    en: (p) => `No employee has the NIP ${p.nip}`,
    example: { nip: '199001012020121001' },
  },
  PERIOD_NOT_FOUND: {
    id: (p) => `Periode ${MESSAGES.PERIOD_LABEL.id(p)} tidak ditemukan`,
    en: (p) => `Period ${MESSAGES.PERIOD_LABEL.en(p)} not found`,
    example: { year: 2025, quarter: 2 },
  },
  IMPORT_JOB_NOT_FOUND: {
    id: (p) => `Tugas impor ${p.id} tidak ditemukan`,
    en: (p) => `Import job ${p.id} not found`,
    example: { id: '42' },
  },

  // --- evaluations ---
  EVALUATION_CHANGED: {
    id: (p) =>
      `Penilaian ${p.id} telah diubah orang lain: versinya ${p.version}, bukan ${p.expected}. ` +
      'Muat ulang lalu terapkan perubahan Anda lagi.',
    en: (p) =>
      `Evaluation ${p.id} was changed meanwhile: its version is ${p.version}, not ${p.expected}. ` +
      'Reload it and apply your change again.',
    example: { id: 7, version: 3, expected: 2 },
  },
  EVALUATION_EXISTS: {
    id: (p) =>
      `Pegawai ${p.nip} sudah memiliki penilaian untuk ${MESSAGES.PERIOD_LABEL.id(p)} (id ${p.id}, versi ` +
      `${p.version}): simpan dengan id dan versinya`,
    en: (p) =>
      `Employee ${p.nip} already has an evaluation for ${MESSAGES.PERIOD_LABEL.en(p)} (id ${p.id}, version ` +
      `${p.version}): save it with its id and version`,
    example: { nip: '199001012020121001', year: 2025, quarter: 1, id: 7, version: 2 },
  },
  EVALUATION_STARTED_MEANWHILE: {
    id: (p) => `Orang lain memulai penilaian ${p.nip} untuk periode ini pada saat yang sama: muat ulang`,
    en: (p) => `Someone else started the evaluation of ${p.nip} for this period at the same moment: reload it`,
    example: { nip: '199001012020121001' },
  },
  PERIOD_CLOSED: {
    id: (p) => `periode ${MESSAGES.PERIOD_LABEL.id(p)} sudah DITUTUP (CLOSED): ${CLOSED_ID[p.action]}`,
    en: (p) => `period ${MESSAGES.PERIOD_LABEL.en(p)} is CLOSED: ${CLOSED_EN[p.action]}`,
    example: { year: 2025, quarter: 1, action: 'SCORE' },
  },
  PERIOD_MISSING: {
    id: (p) => `periode ${MESSAGES.PERIOD_LABEL.id(p)} belum ada: administrator membukanya lebih dulu`,
    en: (p) => `period ${MESSAGES.PERIOD_LABEL.en(p)} does not exist: an administrator opens it first`,
    example: { year: 2025, quarter: 1 },
  },
  EVALUATION_WRONG_STATUS: {
    id: (p) => `penilaian ${p.id} berstatus ${p.status}: ${NEEDED_ID[p.needed]}`,
    en: (p) => `evaluation ${p.id} is ${p.status}: ${NEEDED_EN[p.needed]}`,
    example: { id: 7, status: 'SUBMITTED', needed: 'DRAFT_SCORES' },
  },
  EVALUATION_NO_SCORES: {
    id: (p) => `penilaian ${p.id} belum bernilai: beri nilai sebelum mengajukan`,
    en: (p) => `evaluation ${p.id} has no scores: score it before submitting`,
    example: { id: 7 },
  },
  EVALUATION_NOT_FINALISABLE: {
    id: (p) => `penilaian ${p.id} tidak dapat difinalkan: ${NOT_FINALISABLE_ID[p.status]}`,
    en: (p) => `evaluation ${p.id} cannot be finalised: ${NOT_FINALISABLE_EN[p.status]}`,
    example: { id: 7, status: 'SUBMITTED' },
  },
  GIVE_ID_OR_EMPLOYEE: {
    id: () => 'isi evaluationId (beserta version) atau employeeNip dan period (untuk memulai penilaian)',
    en: () => 'give either evaluationId (with version) or employeeNip and period (to start an evaluation)',
    example: NONE,
  },
  REQUIRED_WITH: {
    id: (p) => `${p.field} wajib diisi bersama ${p.with}`,
    en: (p) => `${p.field} is required with ${p.with}`,
    example: { field: 'employeeNip', with: 'period' },
  },
  VERSION_REQUIRED: {
    id: () => 'version wajib diisi untuk mengubah penilaian yang ada: kirim versi yang Anda baca',
    en: () => 'version is required to change an existing evaluation: pass the one you read',
    example: NONE,
  },
  CRITERION_CODE_REQUIRED: {
    id: () => 'criterionCode wajib diisi',
    en: () => 'criterionCode is required',
    example: NONE,
  },
  CRITERION_TWICE: {
    id: (p) => `kriteria ${p.code} disebut dua kali (juga di ${p.at})`,
    en: (p) => `criterion ${p.code} is given twice (also at ${p.at})`,
    example: { code: 'INOVASI', at: 'input.scores[0]' },
  },
  CRITERION_NOT_IN_FORCE: {
    id: (p) => `kriteria ${p.code} tidak berlaku untuk ${p.agency} pada ${p.year}`,
    en: (p) => `criterion ${p.code} is not in force for ${p.agency} in ${p.year}`,
    example: { code: 'INOVASI', agency: 'DISDIK', year: 2025 },
  },
  EVIDENCE_TOO_LONG: {
    id: (p) => `bukti berisi ${p.length} karakter, lebih dari ${p.max}: simpan rinciannya di berkas`,
    en: (p) => `evidence has ${p.length} characters, more than ${p.max}: keep the details in the file`,
    example: { length: 2100, max: 2000 },
  },
  TEXT_REQUIRED: {
    id: (p) => `${TEXT_ID[p.what]} wajib diisi`,
    en: (p) => `${TEXT_EN[p.what]} is required`,
    example: { what: 'REASON' },
  },
  TEXT_TOO_LONG: {
    id: (p) => `${TEXT_ID[p.what]} berisi ${p.length} karakter, lebih dari ${p.max}`,
    en: (p) => `${TEXT_EN[p.what]} has ${p.length} characters, more than ${p.max}`,
    example: { what: 'DECISION_NOTE', length: 4100, max: 4000 },
  },
  REJECTED_WITH_SCORES: {
    id: () => 'keberatan yang ditolak membiarkan nilai apa adanya: isi nilai hanya bila keberatan dikabulkan',
    en: () => 'a rejected objection leaves the scores as they are: give scores only to uphold',
    example: NONE,
  },
  ONLY_SUPERVISOR_SCORES: {
    id: (p) =>
      `Hanya atasan langsung pegawai, atau administrator, yang boleh menilai ${
        p.id === null ? 'penilaian ini' : `penilaian ${p.id}`
      }`,
    en: (p) =>
      `Only the employee's direct supervisor, or an administrator, may score ${
        p.id === null ? 'this evaluation' : `evaluation ${p.id}`
      }`,
    example: { id: 7 },
  },
  ONLY_EMPLOYEE_RESPONDS: {
    id: (p) => `Hanya pegawai yang dinilai yang boleh menyetujui atau mengajukan keberatan atas penilaian ${p.id}`,
    en: (p) => `Only the evaluated employee may acknowledge or object to evaluation ${p.id}`,
    example: { id: 7 },
  },
  ONLY_SUPERIOR_DECIDES: {
    id: (p) =>
      `Hanya atasan dari penilai (atau kepala perangkat daerah penilaian itu) yang boleh memutus keberatan atas ` +
      `penilaian ${p.id}; LEADER atau ADMIN memutus hanya bila penilai tidak memiliki atasan di sistem`,
    en: (p) =>
      "Only the assessor's own superior (or the head of the evaluation's agency) may decide the objection against " +
      `evaluation ${p.id}; a LEADER or ADMIN decides only where the assessor has no superior in the system`,
    example: { id: 7 },
  },
  ONLY_HEAD_FINALISES: {
    id: (p) =>
      `Hanya kepala perangkat daerah penilaian itu, atau administrator, yang boleh memfinalkan penilaian ${p.id}`,
    en: (p) => `Only the head of the evaluation's agency, or an administrator, may finalise evaluation ${p.id}`,
    example: { id: 7 },
  },

  // --- import ---
  IMPORT_NO_FILES: {
    id: () => 'unggah paling sedikit satu berkas',
    en: () => 'give at least one file',
    example: NONE,
  },
  IMPORT_UNKNOWN_FILE: {
    id: (p) => `${p.name} bukan salah satu berkas impor (${p.known})`,
    en: (p) => `${p.name} is not one of the import files (${p.known})`,
    example: { name: 'nilai.csv', known: 'agencies.csv, employees.csv' },
  },
  IMPORT_FILE_TWICE: {
    id: (p) => `${p.name} diunggah dua kali (juga di ${p.at})`,
    en: (p) => `${p.name} is given twice (also at ${p.at})`,
    example: { name: 'employees.csv', at: 'files[0]' },
  },
  IMPORT_NOT_MULTIPART: {
    id: () => 'kirim berkas sebagai multipart/form-data, satu bagian per berkas CSV',
    en: () => 'send the files as multipart/form-data, one part per CSV file',
    example: NONE,
  },
  IMPORT_TOO_LARGE: {
    id: (p) => `${p.name} melebihi ${p.maxMegabytes} MB`,
    en: (p) => `${p.name} is larger than ${p.maxMegabytes} MB`,
    example: { name: 'scores.csv', maxMegabytes: 1024 },
  },
  IMPORT_BAD_DRY_RUN: {
    id: (p) => `dryRun harus "true" atau "false", bukan "${p.value}"`,
    en: (p) => `dryRun must be "true" or "false", not "${p.value}"`,
    example: { value: 'ya' },
  },

  IMPORT_PREFLIGHT_HEADER: {
    id: () => 'sertakan header apollo-require-preflight (perlindungan CSRF, seperti pada /graphql)',
    en: () => 'send the header apollo-require-preflight (CSRF protection, as for /graphql)',
    example: NONE,
  },
  IMPORT_JOB_CRASHED: {
    id: () => 'impor berhenti karena kesalahan internal; tidak ada data yang ditulis (lihat log server)',
    en: () => 'the import stopped on an internal error; nothing was written (see the server log)',
    example: NONE,
  },

  // --- the NIP ---
  NIP_DIGITS: {
    id: (p) => `NIP hanya boleh memuat angka 0-9; ditemukan ${p.chars.map((c) => JSON.stringify(c)).join(', ')}`,
    en: (p) => `NIP must contain only digits 0-9; found ${p.chars.map((c) => JSON.stringify(c)).join(', ')}`,
    example: { chars: ['A'] },
  },
  NIP_LENGTH: {
    id: (p) => `NIP memuat ${p.length} ${p.unit === 'digits' ? 'angka' : 'karakter'}, bukan ${p.expected}`,
    en: (p) => `NIP has ${p.length} ${p.unit}, not ${p.expected}`,
    example: { length: 17, expected: 18, unit: 'digits' },
  },
  NIP_BIRTH_DATE_NOT_REAL: {
    id: (p) => `tanggal lahir ${p.digits} dalam NIP bukan tanggal yang ada`,
    en: (p) => `birth date ${p.digits} in NIP is not a real date`,
    example: { digits: '19850229' },
  },
  NIP_BIRTH_YEAR_RANGE: {
    id: (p) => `tahun lahir ${p.year} dalam NIP di luar ${p.min}-${p.max}`,
    en: (p) => `birth year ${p.year} in NIP is outside ${p.min}-${p.max}`,
    example: { year: 1939, min: 1940, max: 2015 },
  },
  NIP_BIRTH_AFTER_START: {
    id: (p) => `tanggal lahir ${p.digits} dalam NIP sesudah tahun mulai ${p.startYear}`,
    en: (p) => `birth date ${p.digits} in NIP is after the start year ${p.startYear}`,
    example: { digits: '20100101', startYear: 2005 },
  },
  NIP_CONTRACT_ZERO: {
    id: (p) => `masa kontrak PPPK 0 dalam NIP (posisi bulan ${p.digits}) harus 1-9`,
    en: (p) => `PPPK contract count 0 in NIP (month position ${p.digits}) must be 1-9`,
    example: { digits: '20' },
  },
  NIP_START_MONTH: {
    id: (p) => `bulan TMT CPNS ${p.digits} dalam NIP di luar 01-12 (dan bukan kode PPPK 21-29)`,
    en: (p) => `CPNS start month ${p.digits} in NIP is outside 01-12 (and is not a PPPK code 21-29)`,
    example: { digits: '13' },
  },
  NIP_GENDER_DIGIT: {
    id: (p) => `digit jenis kelamin ${p.digit} dalam NIP harus 1 (laki-laki) atau 2 (perempuan)`,
    en: (p) => `gender digit ${p.digit} in NIP must be 1 (male) or 2 (female)`,
    example: { digit: '3' },
  },
  NIP_SEQUENCE: {
    id: (p) => `nomor urut ${p.digits} dalam NIP tidak sah; nomor urut dimulai dari 001`,
    en: (p) => `sequence ${p.digits} in NIP is invalid; sequences start at 001`,
    example: { digits: '000' },
  },
  NIP_INVALID: {
    id: (p) => p.errors.map((e) => renderMessage(e as Message, 'id')).join('; '),
    en: (p) => p.errors.map((e) => renderMessage(e as Message, 'en')).join('; '),
    example: {
      errors: [
        { code: 'NIP_DIGITS', params: { chars: ['O'] } },
        { code: 'NIP_LENGTH', params: { length: 17, expected: 18, unit: 'characters' } },
      ],
    },
  },

  EMPLOYEE_KEY: {
    id: (p) =>
      p.given === 'BOTH'
        ? 'sebutkan nip atau pseudonim (pseudonym), bukan keduanya'
        : 'sebutkan nip atau pseudonim (pseudonym) pegawai',
    en: (p) =>
      p.given === 'BOTH' ? 'Give either nip or pseudonym, not both' : 'Give the nip or the pseudonym of the employee',
    example: { given: 'BOTH' },
  },

  // --- the importer's own checks ---
  IMPORT_REQUIRED: {
    id: (p) => `${p.column} wajib diisi`,
    en: (p) => `${p.column} is required`,
    example: { column: 'nip' },
  },
  IMPORT_TOO_LONG: {
    id: (p) => `${p.column} berisi ${p.length} karakter; paling banyak ${p.max}`,
    en: (p) => `${p.column} has ${p.length} characters; at most ${p.max} fit`,
    example: { column: 'name', length: 240, max: 200 },
  },
  IMPORT_DUPLICATE_ROW: {
    id: (p) => `baris ganda: ${rowKeyId(p.key)} sudah ada di baris ${p.line}`,
    en: (p) => `duplicate row: ${rowKeyEn(p.key)} is already on line ${p.line}`,
    example: { key: { file: 'agencies.csv', code: 'DISDIK' }, line: 2 },
  },
  IMPORT_NOT_A_NUMBER: {
    id: (p) => `${p.value} bukan angka`,
    en: (p) => `${p.value} is not a number`,
    example: { value: '8x' },
  },
  IMPORT_DECIMAL_DOT: {
    id: (p) => `${p.value} bukan angka: berkas berpemisah koma menulis desimal dengan titik (85.5)`,
    en: (p) => `${p.value} is not a number: a comma-separated file writes decimals with a dot (85.5)`,
    example: { value: '85,5' },
  },
  IMPORT_NOT_WHOLE: {
    id: (p) => `${p.value} bukan bilangan bulat`,
    en: (p) => `${p.value} is not a whole number`,
    example: { value: '2,5' },
  },
  IMPORT_DATE_FORMAT: {
    id: (p) => `${p.value} bukan tanggal berbentuk YYYY-MM-DD (mis. 2025-03-31)`,
    en: (p) => `${p.value} is not a date in the form YYYY-MM-DD (e.g. 2025-03-31)`,
    example: { value: '13/02/2025' },
  },
  IMPORT_DATE_NOT_REAL: {
    id: (p) => `${p.value} bukan tanggal yang ada`,
    en: (p) => `${p.value} is not a real date`,
    example: { value: '2025-02-30' },
  },
  IMPORT_NOT_ONE_OF: {
    id: (p) => `${p.value} bukan salah satu dari ${p.allowed.join(', ')}`,
    en: (p) => `${p.value} is not one of ${p.allowed.join(', ')}`,
    example: { value: 'X', allowed: ['L', 'P'] },
  },
  IMPORT_UNKNOWN_COLUMN: {
    id: (p) =>
      `kolom ${p.column} tidak dikenal${p.suggestion ? ` (maksudnya ${p.suggestion}?)` : ''}; ` +
      `kolomnya adalah ${p.columns.join(', ')}`,
    en: (p) =>
      `unknown column ${p.column}${p.suggestion ? ` (did you mean ${p.suggestion}?)` : ''}; ` +
      `the columns are ${p.columns.join(', ')}`,
    example: { column: 'kode', suggestion: 'code', columns: ['code', 'name', 'kind'] },
  },
  IMPORT_COLUMN_TWICE: {
    id: (p) => `kolom ${p.column} muncul dua kali`,
    en: (p) => `column ${p.column} is given twice`,
    example: { column: 'name' },
  },
  IMPORT_COLUMN_MISSING: {
    id: (p) => `kolom wajib ${p.column} tidak ada di baris judul`,
    en: (p) => `required column ${p.column} is missing from the header`,
    example: { column: 'nip' },
  },
  IMPORT_LINE_WIDTH: {
    id: (p) =>
      `baris ini memuat ${p.values} nilai, tetapi baris judul memuat ${p.columns} kolom` +
      ` (nilai yang memuat "${p.separator}" harus diapit tanda kutip ganda)`,
    en: (p) =>
      `the line has ${p.values} values but the header has ${p.columns} columns` +
      ` (a value that contains "${p.separator}" must be put in double quotes)`,
    example: { values: 4, columns: 3, separator: ',' },
  },
  IMPORT_FILE_EMPTY: {
    id: () => 'berkas kosong: paling sedikit harus ada baris judul',
    en: () => 'the file is empty: it needs at least the header line',
    example: NONE,
  },
  IMPORT_CODE_SPACES: {
    id: (p) => `kode perangkat daerah ${p.code} tidak boleh memuat spasi`,
    en: (p) => `agency code ${p.code} must not contain spaces`,
    example: { code: 'DIS DIK' },
  },
  IMPORT_AGENCY_NOT_FOUND: {
    id: (p) => `perangkat daerah ${p.code} tidak ditemukan (tidak di basis data, tidak pula di agencies.csv)`,
    en: (p) => `agency ${p.code} not found (neither in the database nor in agencies.csv)`,
    example: { code: 'DISKOMINFO' },
  },
  IMPORT_EMPLOYEE_NOT_FOUND: {
    id: (p) => `pegawai dengan NIP ${p.nip} tidak ditemukan (tidak di basis data, tidak pula di employees.csv)`,
    en: (p) => `employee with NIP ${p.nip} not found (neither in the database nor in employees.csv)`,
    example: { nip: '198503122010011001' },
  },
  IMPORT_SUPERVISOR_NOT_FOUND: {
    id: (p) => `NIP atasan ${p.nip} tidak ditemukan (tidak di basis data, tidak pula di employees.csv)`,
    en: (p) => `supervisor NIP ${p.nip} not found (neither in the database nor in employees.csv)`,
    example: { nip: '198503122010011001' },
  },
  IMPORT_ASSESSOR_NOT_FOUND: {
    id: (p) => `NIP penilai ${p.nip} tidak ditemukan (tidak di basis data, tidak pula di employees.csv)`,
    en: (p) => `assessor NIP ${p.nip} not found (neither in the database nor in employees.csv)`,
    example: { nip: '198503122010011001' },
  },
  IMPORT_CRITERION_NOT_FOUND: {
    id: (p) => `kriteria ${p.code} tidak ditemukan (tidak di basis data, tidak pula di criteria.csv)`,
    en: (p) => `criterion ${p.code} not found (neither in the database nor in criteria.csv)`,
    example: { code: 'HARMONI' },
  },
  IMPORT_TRAINING_NOT_FOUND: {
    id: (p) => `pelatihan ${p.code} tidak ditemukan (tidak di basis data, tidak pula di trainings.csv)`,
    en: (p) => `training ${p.code} not found (neither in the database nor in trainings.csv)`,
    example: { code: 'T-9' },
  },
  IMPORT_CRITERION_NOT_APPLICABLE: {
    id: (p) =>
      `kriteria ${p.code} tidak berlaku untuk ${p.agency} pada ${p.year}` +
      ' (milik perangkat daerah lain atau tidak berlaku pada tahun itu)',
    en: (p) =>
      `criterion ${p.code} does not apply to ${p.agency} in ${p.year}` +
      ' (it belongs to another agency or is not in force that year)',
    example: { code: 'CAKUPAN_IMUNISASI', agency: 'DISDIK', year: 2025 },
  },
  IMPORT_GENDER_VS_NIP: {
    id: (p) =>
      `jenis kelamin ${p.gender} tidak sesuai dengan NIP, yang digit jenis kelaminnya ` +
      (p.nipGender === 'L' ? '1 (L, laki-laki)' : '2 (P, perempuan)'),
    en: (p) =>
      `gender ${p.gender} disagrees with the NIP, whose gender digit is ` +
      (p.nipGender === 'L' ? '1 (L, male)' : '2 (P, female)'),
    example: { gender: 'P', nipGender: 'L' },
  },
  IMPORT_TYPE_VS_NIP: {
    id: (p) =>
      `jenis kepegawaian ${p.type} tidak sesuai dengan NIP, yang angka ${p.digits} pada posisi bulannya` +
      ` menandai ${p.nipType} (01-12 PNS, 21-29 PPPK)`,
    en: (p) =>
      `employment type ${p.type} disagrees with the NIP, whose digits ${p.digits} in the month position` +
      ` mark a ${p.nipType} (01-12 PNS, 21-29 PPPK)`,
    example: { type: 'PPPK', digits: '01', nipType: 'PNS' },
  },
  IMPORT_RANK: {
    id: (p) => `golongan ${p.rank} bukan golongan ${p.type} (${p.type === 'PNS' ? 'I/a .. IV/e' : 'I .. XVII'})`,
    en: (p) => `rank ${p.rank} is not a ${p.type} golongan (${p.type === 'PNS' ? 'I/a .. IV/e' : 'I .. XVII'})`,
    example: { rank: 'V/a', type: 'PNS' },
  },
  IMPORT_DATE_ORDER: {
    id: (p) => `${p.column} ${p.value} sebelum ${p.before} ${p.beforeValue}`,
    en: (p) => `${p.column} ${p.value} is before ${p.before} ${p.beforeValue}`,
    example: { column: 'active_to', value: '2024-01-01', before: 'active_from', beforeValue: '2025-01-01' },
  },
  IMPORT_SUPERVISOR_LOOP: {
    id: (p) => `rantai atasan melingkar: ${p.chain.join(' → ')}`,
    en: (p) => `the supervisor chain loops: ${p.chain.join(' → ')}`,
    example: { chain: ['198503122010011001', '197502142000031009', '198503122010011001'] },
  },
  IMPORT_SELF_ASSESSOR: {
    id: () => 'pegawai tidak dapat menilai dirinya sendiri',
    en: () => 'an employee cannot assess themselves',
    example: NONE,
  },
  IMPORT_COMPLETED_ON_REQUIRED: {
    id: () => 'completed_on wajib diisi untuk keikutsertaan COMPLETED (status kosong berarti COMPLETED)',
    en: () => 'completed_on is required for a COMPLETED participation (empty status means COMPLETED)',
    example: NONE,
  },
  IMPORT_NEGATIVE: {
    id: (p) => `${p.column} ${p.value} tidak boleh negatif`,
    en: (p) => `${p.column} ${p.value} must not be negative`,
    example: { column: 'hours_jp', value: '-2' },
  },
  IMPORT_NOT_POSITIVE: {
    id: (p) => `${p.column} ${p.value} harus lebih dari 0`,
    en: (p) => `${p.column} ${p.value} must be above 0`,
    example: { column: 'hours_jp', value: '0' },
  },
  IMPORT_EVALUATION_DISAGREES: {
    id: (p) =>
      `baris-baris satu penilaian harus sama pada ${p.column}: baris ini ${p.value ?? '(kosong)'},` +
      ` baris ${p.line} ${p.firstValue ?? '(kosong)'} (assessor_nip kosong berarti atasan, status kosong FINAL)`,
    en: (p) =>
      `rows of one evaluation must agree on ${p.column}: this row gives ${p.value ?? '(none)'},` +
      ` line ${p.line} gives ${p.firstValue ?? '(none)'} (an empty assessor_nip means the supervisor, an empty status FINAL)`,
    example: { column: 'status', value: 'FINAL', line: 2, firstValue: 'SUBMITTED' },
  },
  IMPORT_CLOSED_EVALUATION: {
    id: (p) =>
      `${MESSAGES.PERIOD_LABEL.id(p)} sudah CLOSED: ${p.column} penilaian tidak dapat berubah` +
      ` (tersimpan ${p.stored ?? '(kosong)'}, berkas ${p.value ?? '(kosong)'})`,
    en: (p) =>
      `${MESSAGES.PERIOD_LABEL.en(p)} is CLOSED: the evaluation's ${p.column} cannot change` +
      ` (stored ${p.stored ?? '(none)'}, file ${p.value ?? '(none)'})`,
    example: { year: 2025, quarter: 1, column: 'status', stored: 'FINAL', value: 'SUBMITTED' },
  },
  IMPORT_CLOSED_SCORE_ADDED: {
    id: (p) => `${MESSAGES.PERIOD_LABEL.id(p)} sudah CLOSED: nilai ${p.criterion} tidak dapat ditambahkan`,
    en: (p) => `${MESSAGES.PERIOD_LABEL.en(p)} is CLOSED: a score of ${p.criterion} cannot be added`,
    example: { year: 2025, quarter: 1, criterion: 'LOYAL' },
  },
  IMPORT_CLOSED_SCORE_CHANGED: {
    id: (p) =>
      `${MESSAGES.PERIOD_LABEL.id(p)} sudah CLOSED: nilai ${p.criterion} tidak dapat berubah (tersimpan ` +
      `${p.stored.kind === 'score' ? 'nilai' : 'realisasi'} ` +
      `${p.stored.value === null ? '(kosong)' : localNumber(p.stored.value, 'id')})`,
    en: (p) =>
      `${MESSAGES.PERIOD_LABEL.en(p)} is CLOSED: the score of ${p.criterion} cannot change (stored ` +
      `${p.stored.kind} ${p.stored.value ?? '(none)'})`,
    example: { year: 2025, quarter: 1, criterion: 'INOVASI', stored: { kind: 'score', value: 112.5 } },
  },
  IMPORT_DATABASE_REFUSED: {
    id: (p) => `basis data menolak data berkas ini: ${p.detail}`,
    en: (p) => `the database refused the data of this file: ${p.detail}`,
    example: { detail: 'value too long for type character varying(64)' },
  },
  IMPORT_FOLDER_MISSING: {
    id: (p) => `folder ${p.folder} tidak ada`,
    en: (p) => `folder ${p.folder} does not exist`,
    example: { folder: '/data/impor-2025' },
  },
  IMPORT_FOLDER_EMPTY: {
    id: (p) => `folder tidak memuat satu pun berkas impor (${p.known})`,
    en: (p) => `the folder contains none of the import files (${p.known})`,
    example: { known: 'agencies.csv, employees.csv' },
  },

  // --- the importer's report on the terminal ---
  IMPORT_REPORT_VERDICT: {
    id: (p) =>
      p.outcome === 'IMPORTED'
        ? 'Diimpor.'
        : p.outcome === 'DRY_RUN_OK'
          ? 'Uji coba: tidak ada kesalahan; tidak ada yang ditulis.'
          : `Ditolak: ${groupedNumber(p.errors, 'id')} kesalahan; tidak ada yang ditulis.`,
    en: (p) =>
      p.outcome === 'IMPORTED'
        ? 'Imported.'
        : p.outcome === 'DRY_RUN_OK'
          ? 'Dry run: no errors found; nothing was written.'
          : `Rejected: ${groupedNumber(p.errors, 'en')} error${p.errors === 1 ? '' : 's'}; nothing was written.`,
    example: { outcome: 'REJECTED', errors: 4 },
  },
  IMPORT_REPORT_HEADING: {
    id: (p) =>
      ({
        FILE: 'berkas',
        ROWS: 'baris',
        CREATED: 'dibuat',
        UPDATED: 'diubah',
        UNCHANGED: 'tetap',
        EVALUATIONS: '(penilaian)',
        PERIODS: '(periode)',
        FOLDER: '(folder)',
      })[p.column],
    en: (p) =>
      ({
        FILE: 'file',
        ROWS: 'rows',
        CREATED: 'created',
        UPDATED: 'updated',
        UNCHANGED: 'unchanged',
        EVALUATIONS: '(evaluations)',
        PERIODS: '(periods)',
        FOLDER: '(folder)',
      })[p.column],
    example: { column: 'ROWS' },
  },
  IMPORT_REPORT_NOTE: {
    id: (p) =>
      ({
        WOULD_HAVE: '(jumlah yang akan dikerjakan impor)',
        BULK: '(mode massal: kunci asing penilaian dan nilai diperiksa sekali, sesudah penyisipan)',
        ERRORS_HEADER: 'Kesalahan (berkas:baris kolom "nilai": pesan):',
      })[p.note],
    en: (p) =>
      ({
        WOULD_HAVE: '(counts of what the import would have done)',
        BULK: '(bulk mode: foreign keys of evaluations and scores checked once, after the insert)',
        ERRORS_HEADER: 'Errors (file:line column "value": message):',
      })[p.note],
    example: { note: 'ERRORS_HEADER' },
  },
  IMPORT_REPORT_MORE: {
    id: (p) => `... dan ${groupedNumber(p.count, 'id')} kesalahan lagi yang tidak dicantumkan`,
    en: (p) => `... and ${groupedNumber(p.count, 'en')} more errors not listed`,
    example: { count: 12 },
  },
  IMPORT_REPORT_CLOSED: {
    id: (p) =>
      p.quarters.length > 0 ? `Ditutup: ${p.quarters.join(', ')}.` : 'Tidak ada triwulan terbuka untuk ditutup.',
    en: (p) => (p.quarters.length > 0 ? `Closed: ${p.quarters.join(', ')}.` : 'No open quarter to close.'),
    example: { quarters: ['2024-Q4'] },
  },

  // --- accounts and employee changes ---
  EMPLOYEE_SELF_SUPERVISOR: {
    id: () => 'pegawai tidak dapat menjadi atasannya sendiri',
    en: () => 'an employee cannot be their own supervisor',
    example: NONE,
  },
  EMPLOYEE_SUPERVISOR_CYCLE: {
    id: (p) => `${p.nip} berada di bawah pegawai ini dalam garis pelaporan: atasan tidak boleh melingkar`,
    en: (p) => `${p.nip} reports (directly or not) to this employee: the reporting line may not go round`,
    example: { nip: '199001012020121001' },
  },
  EMPLOYEE_RETIRED: {
    id: (p) => `pegawai ${p.nip} pensiun sejak ${p.date}`,
    en: (p) => `employee ${p.nip} retired on ${p.date}`,
    example: { nip: '199001012020121001', date: '2026-01-31' },
  },
  DATE_INVALID: {
    id: (p) => `"${p.value}" bukan tanggal berbentuk YYYY-MM-DD`,
    en: (p) => `"${p.value}" is not a date of the form YYYY-MM-DD`,
    example: { value: '31/01/2026' },
  },
  DATE_RANGE_REVERSED: {
    id: (p) => `tanggal akhir ${p.to} sebelum tanggal mulai ${p.from}`,
    en: (p) => `the end ${p.to} is before the start ${p.from}`,
    example: { from: '2026-03-01', to: '2026-02-01' },
  },
  SAME_AGENCY: {
    id: (p) => `pegawai ini sudah berada di ${p.code}`,
    en: (p) => `the employee is already in ${p.code}`,
    example: { code: 'DISDIK' },
  },
  ACTING_SELF: {
    id: () => 'Plt/Plh tidak dapat menggantikan dirinya sendiri',
    en: () => 'an acting assessor cannot stand in for themself',
    example: NONE,
  },
  ACTING_KIND: {
    id: () => 'jenis harus PLT atau PLH',
    en: () => 'kind must be PLT or PLH',
    example: NONE,
  },
  EMPLOYEE_CHANGED: {
    id: (p) =>
      `Data pegawai ${p.nip} telah diubah orang lain: versinya ${p.version}, bukan ${p.expected}. ` +
      'Muat ulang lalu terapkan perubahan Anda lagi.',
    en: (p) =>
      `The record of employee ${p.nip} was changed meanwhile: its version is ${p.version}, not ${p.expected}. ` +
      'Reload it and apply your change again.',
    example: { nip: '199001012020121001', version: 3, expected: 2 },
  },
  ACTING_OVERLAP: {
    id: (p) => `${p.nip} sudah digantikan oleh Plt/Plh lain pada ${p.from} sampai ${p.to}`,
    en: (p) => `${p.nip} already has another acting assessor (Plt/Plh) from ${p.from} to ${p.to}`,
    example: { nip: '199001012020121001', from: '2026-03-01', to: '2026-03-31' },
  },
  ACTING_NOT_FOUND: {
    id: (p) => `Tidak ada penugasan Plt/Plh dengan id ${p.id}`,
    en: (p) => `No acting assignment (Plt/Plh) has the id ${p.id}`,
    example: { id: 12 },
  },
  ACTING_CHANGED: {
    id: (p) =>
      `Penugasan Plt/Plh ${p.id} telah diubah orang lain: versinya ${p.version}, bukan ${p.expected}. ` +
      'Muat ulang lalu terapkan perubahan Anda lagi.',
    en: (p) =>
      `Acting assignment ${p.id} was changed meanwhile: its version is ${p.version}, not ${p.expected}. ` +
      'Reload it and apply your change again.',
    example: { id: 12, version: 2, expected: 1 },
  },
  SEARCH_TOO_LONG: {
    id: (p) => `kata pencarian paling banyak ${p.max} karakter`,
    en: (p) => `the search has at most ${p.max} characters`,
    example: { max: 100 },
  },

  // --- criteria, trainings, innovations, org predikat ---
  FIELD_REQUIRED: {
    id: (p) => `${p.field} wajib diisi`,
    en: (p) => `${p.field} is required`,
    example: { field: 'title' },
  },
  FIELD_TOO_LONG: {
    id: (p) => `${p.field} berisi ${p.length} karakter, paling banyak ${p.max}`,
    en: (p) => `${p.field} has ${p.length} characters, at most ${p.max}`,
    example: { field: 'title', length: 320, max: 300 },
  },
  CODE_FORMAT: {
    id: (p) => `kode "${p.value}" harus 1-64 huruf, angka, "_", "-" atau "."`,
    en: (p) => `code "${p.value}" must be 1-64 letters, digits, "_", "-" or "."`,
    example: { value: 'A B' },
  },
  NUMBER_ABOVE_ZERO: {
    id: (p) => `${p.field} ${localNumber(p.value, 'id')} harus lebih dari 0`,
    en: (p) => `${p.field} ${p.value} must be above 0`,
    example: { field: 'hoursJp', value: 0 },
  },
  NUMBER_NOT_NEGATIVE: {
    id: (p) => `${p.field} ${localNumber(p.value, 'id')} tidak boleh kurang dari 0`,
    en: (p) => `${p.field} ${p.value} must be 0 or more`,
    example: { field: 'hoursJp', value: -1.5 },
  },
  CRITERION_UNKNOWN: {
    id: (p) => `tidak ada kriteria dengan kode ${p.code}`,
    en: (p) => `no criterion has the code ${p.code}`,
    example: { code: 'NOPE' },
  },
  TRAINING_EXISTS: {
    id: (p) => `pelatihan ${p.code} sudah ada`,
    en: (p) => `training ${p.code} exists already`,
    example: { code: 'DIKLAT-2025-01' },
  },
  TRAINING_NOT_FOUND: {
    id: (p) => `pelatihan ${p.code} tidak ditemukan`,
    en: (p) => `training ${p.code} not found`,
    example: { code: 'DIKLAT-2025-01' },
  },
  PARTICIPATION_NEEDS_DATE: {
    id: () => 'keikutsertaan COMPLETED memerlukan tanggal selesainya (completedOn)',
    en: () => 'a COMPLETED participation needs its completion date (completedOn)',
    example: NONE,
  },
  ONLY_WHO: {
    id: (p) =>
      ({
        RECORD_PARTICIPATION:
          'Hanya administrator, atau kepala perangkat daerah pegawai itu, yang mencatat keikutsertaannya',
        RECORD_INNOVATION:
          'Hanya pegawai itu, atasannya, kepala perangkat daerahnya atau administrator yang mencatat inovasinya',
        VERIFY_INNOVATION:
          'Hanya atasan inovator, kepala perangkat daerahnya atau administrator yang boleh memverifikasinya, ' +
          'tidak pernah inovatornya sendiri',
        PROPOSE_ORG_PREDIKAT: `Hanya kepala ${p.agency ?? 'perangkat daerah'}, atau administrator, yang mengusulkan predikat organisasinya`,
        SET_ORG_PREDIKAT:
          'Hanya pimpinan kota (atau administrator) yang menetapkan predikat organisasi perangkat daerah',
      })[p.action],
    en: (p) =>
      ({
        RECORD_PARTICIPATION:
          "Only an administrator, or the head of the employee's agency, records their participation",
        RECORD_INNOVATION: "Only the employee, their supervisor, their agency's head or an administrator record it",
        VERIFY_INNOVATION:
          "Only the innovator's supervisor, the head of their agency or an administrator may verify it, never the " +
          'innovator',
        PROPOSE_ORG_PREDIKAT: `Only the head of ${p.agency ?? 'the agency'}, or an administrator, proposes its org predikat`,
        SET_ORG_PREDIKAT: "Only the city's leaders (or an administrator) set an agency's org predikat",
      })[p.action],
    example: { action: 'PROPOSE_ORG_PREDIKAT', agency: 'DISDIK' },
  },
  ACCOUNT_NOT_LINKED_GIVE: {
    id: (p) => `akun ini tidak terhubung dengan pegawai: sebutkan ${p.field}`,
    en: (p) => `this account is not linked to an employee: give ${p.field}`,
    example: { field: 'employeeNip' },
  },
  INNOVATION_EXISTS: {
    id: (p) =>
      `inovasi "${p.title}" milik ${p.nip} untuk triwulan ${ROMAN[p.quarter - 1] ?? p.quarter} ${p.year} sudah tercatat`,
    en: (p) => `innovation "${p.title}" of ${p.nip} for ${p.year} Q${p.quarter} is already recorded`,
    example: { title: 'Layanan daring', nip: '199001012020121001', year: 2025, quarter: 2 },
  },
  INNOVATION_VERIFIED: {
    id: (p) => `inovasi ${p.id} sudah diverifikasi`,
    en: (p) => `innovation ${p.id} is already verified`,
    example: { id: 7 },
  },
  WEIGHTS_EMPTY: {
    id: () => 'sebutkan setiap kriteria yang berlaku beserta bobotnya',
    en: () => 'list every criterion in force with its weight',
    example: NONE,
  },
  WEIGHTS_MISSING: {
    id: (p) =>
      `${p.missing.map((m) => `${m.code} (bobot ${localNumber(m.weight, 'id')})`).join(', ')} berlaku ` +
      `${p.agency ? `untuk ${p.agency}` : 'di seluruh kota'} pada ${p.year} tetapi tidak disebut: sebutkan setiap ` +
      `kriteria ${p.category} beserta bobotnya`,
    en: (p) =>
      `${p.missing.map((m) => `${m.code} (weight ${m.weight})`).join(', ')} ${p.missing.length === 1 ? 'is' : 'are'} ` +
      `in force ${p.agency ? `for ${p.agency}` : 'city-wide'} in ${p.year} but not listed: list every ${p.category} ` +
      'criterion with its weight',
    example: { missing: [{ code: 'INOVASI', weight: 15 }], category: 'HASIL_KERJA', agency: 'DISDIK', year: 2025 },
  },
  CRITERION_NOT_IN_CATEGORY: {
    id: (p) =>
      `kriteria ${p.code} bukan kriteria ${p.category} yang berlaku ` +
      `${p.agency ? `untuk ${p.agency}` : 'di seluruh kota'} pada ${p.year}`,
    en: (p) =>
      `criterion ${p.code} is not a ${p.category} criterion in force ${p.agency ? `for ${p.agency}` : 'city-wide'} ` +
      `in ${p.year}`,
    example: { code: 'INOVASI', category: 'PERILAKU_KERJA', agency: null, year: 2025 },
  },
  CITY_WIDE_WEIGHT: {
    id: (p) =>
      `${p.code} adalah kriteria seluruh kota (bobot ${localNumber(p.weight, 'id')} untuk setiap perangkat daerah): ` +
      'ubah bobotnya dengan agencyCode null',
    en: (p) =>
      `${p.code} is a city-wide criterion (weight ${p.weight} for every agency): change it with agencyCode null`,
    example: { code: 'INOVASI', weight: 15 },
  },
  CRITERION_CLASH: {
    id: (p) =>
      `kriteria ${p.code} milik ${p.agency ?? 'semua perangkat daerah'} (${p.from}-${p.to ?? ''}) sudah berlaku ` +
      'pada tahun-tahun itu: satu kode menamai satu kriteria untuk satu perangkat daerah dan tahun',
    en: (p) =>
      `criterion ${p.code} of ${p.agency ?? 'all agencies'} (${p.from}-${p.to ?? ''}) is already in force in those ` +
      'years: one code names one criterion for an agency and year',
    example: { code: 'INOVASI', agency: null, from: 2020, to: null },
  },

  // --- analytics inputs ---
  AGENCY_CODE_UNKNOWN: {
    id: (p) => `Kode perangkat daerah "${p.code}" tidak dikenal.`,
    en: (p) => `Unknown agency code "${p.code}".`,
    example: { code: 'NOPE' },
  },
  TRAINING_CODE_UNKNOWN: {
    id: (p) => `Kode pelatihan "${p.code}" tidak dikenal.`,
    en: (p) => `Unknown training code "${p.code}".`,
    example: { code: 'NOPE' },
  },
  PERIOD_RANGE_REVERSED: {
    id: () => 'Akhir rentang triwulan lebih awal dari awalnya.',
    en: () => 'The range of quarters ends before it starts.',
    example: NONE,
  },
  CRITERION_CODES_NEED_CRITERION: {
    id: () => 'criterionCodes hanya berlaku bila dikelompokkan per kriteria (CRITERION).',
    en: () => 'criterionCodes apply only when grouping by CRITERION.',
    example: NONE,
  },
  DIMENSION_TWICE: {
    id: (p) => `Dimensi ${p.dimension} disebut dua kali.`,
    en: (p) => `The dimension ${p.dimension} is given twice.`,
    example: { dimension: 'AGENCY' },
  },
  WINDOW_RANGE: {
    id: (p) => `Jendela harus ${p.min}-${p.max} triwulan, bukan ${p.value}.`,
    en: (p) => `The window must be ${p.min}-${p.max} quarters, not ${p.value}.`,
    example: { value: 9, min: 1, max: 8 },
  },
  ACCOUNT_WITHOUT_AGENCY: {
    id: (p) => `${p.query}: akun Anda tidak memiliki perangkat daerah`,
    en: (p) => `${p.query}: your account has no agency`,
    example: { query: 'trainingNeeds' },
  },
  OWN_AGENCY_ONLY: {
    id: (p) =>
      `${p.query}: kepala perangkat daerah hanya melihat ${p.what === 'ASSESSORS' ? 'penilai' : 'pegawai'} ` +
      'perangkat daerahnya sendiri',
    en: (p) =>
      `${p.query}: an agency head sees the ${p.what === 'ASSESSORS' ? 'assessors' : 'employees'} of their own ` +
      'agency only',
    example: { query: 'raterObjectivity', what: 'ASSESSORS' },
  },

  // --- annual results ---
  ANNUAL_INNOVATION_RULE_NOTE: {
    id: (p) =>
      `SANGAT_BAIK memerlukan paling sedikit satu inovasi terverifikasi pada ${p.year} (PP 30/2019 Pasal 41, ` +
      'kebijakan kota); tidak ada yang tercatat, sehingga predikatnya BAIK.',
    en: (p) =>
      `SANGAT_BAIK requires at least one verified innovation in ${p.year} (PP 30/2019 Pasal 41, city policy); ` +
      'none recorded, so the predikat is BAIK.',
    example: { year: 2025 },
  },

  // --- feedback notes, performance dialogues, notices ---
  FB_SAY_SOMETHING: {
    id: () => 'isi yang sudah baik, yang perlu ditingkatkan, atau tindak lanjut yang disepakati',
    en: () => 'say what went well, what to improve, or an agreed action',
    example: NONE,
  },
  FB_REQUIRED: {
    id: (p) =>
      `${{ ACTION: 'uraian tindak lanjut', POINTS_AGREED: 'pokok yang disepakati', DEVELOPMENT_ACTION: 'uraian rencana pengembangan' }[p.what]} wajib diisi`,
    en: (p) =>
      `${{ ACTION: 'the action', POINTS_AGREED: 'the points agreed', DEVELOPMENT_ACTION: 'the development action' }[p.what]} is required`,
    example: { what: 'POINTS_AGREED' },
  },
  FB_TOO_MANY: {
    id: (p) =>
      `paling banyak ${p.max} ${p.what === 'AGREED_ACTIONS' ? 'tindak lanjut' : 'rencana pengembangan'}, bukan ${p.count}`,
    en: (p) =>
      `at most ${p.max} ${p.what === 'AGREED_ACTIONS' ? 'agreed actions' : 'development actions'}, not ${p.count}`,
    example: { what: 'AGREED_ACTIONS', max: 10, count: 11 },
  },
  FB_TARGET_YEAR: {
    id: (p) => `tahun target harus ${p.min}-${p.max}, bukan ${p.value}`,
    en: (p) => `the target year must be ${p.min}-${p.max}, not ${p.value}`,
    example: { value: 1999, min: 2000, max: 2100 },
  },
  FB_TARGET_QUARTER: {
    id: (p) => `triwulan target harus 1-4, bukan ${p.value}`,
    en: (p) => `the target quarter must be 1-4, not ${p.value}`,
    example: { value: 5 },
  },
  FB_TARGET_BEFORE: {
    id: (p) => `triwulan target ${p.quarter}/${p.year} sebelum triwulan ${p.fromQuarter}/${p.fromYear}`,
    en: (p) => `the target quarter ${p.year} Q${p.quarter} is before ${p.fromYear} Q${p.fromQuarter}`,
    example: { year: 2024, quarter: 4, fromYear: 2025, fromQuarter: 1 },
  },
  FB_DATE_INVALID: {
    id: (p) => `tanggal ${p.value} tidak sah: tulis YYYY-MM-DD`,
    en: (p) => `date ${p.value} is not valid: write YYYY-MM-DD`,
    example: { value: '2025-02-30' },
  },
  FB_DATE_BEFORE_QUARTER: {
    id: (p) => `tanggal ${p.value} sebelum awal triwulan (${p.start})`,
    en: (p) => `date ${p.value} is before the quarter began (${p.start})`,
    example: { value: '2024-12-31', start: '2025-01-01' },
  },
  FB_DATE_FUTURE: {
    id: (p) => `tanggal ${p.value} belum tiba (hari ini ${p.today})`,
    en: (p) => `date ${p.value} is after today (${p.today})`,
    example: { value: '2026-12-31', today: '2026-12-02' },
  },
  DLG_NIP_REQUIRED: {
    id: () => 'NIP wajib diisi',
    en: () => 'the NIP is required',
    example: NONE,
  },
  DLG_ONLY_DIRECT_SUPERVISOR: {
    id: () => 'Hanya atasan langsung yang menulis umpan balik dan mencatat dialog kinerja pegawai ini',
    en: () => "Only the direct supervisor writes a feedback note or records the employee's performance dialogue",
    example: NONE,
  },
  DLG_EVALUATION_OF_OTHER: {
    id: (p) => `penilaian ${p.id} milik pegawai lain`,
    en: (p) => `evaluation ${p.id} is of another employee`,
    example: { id: 12 },
  },
  DLG_GIVE_NIP_OR_EVALUATION: {
    id: () => 'sebutkan NIP pegawai atau penilaiannya',
    en: () => "give the employee's NIP or the evaluation",
    example: NONE,
  },
  DLG_REQUIRED_WITHOUT_EVALUATION: {
    id: (p) => `${p.what === 'YEAR' ? 'tahun' : 'triwulan'} wajib diisi tanpa penilaian`,
    en: (p) => `the ${p.what === 'YEAR' ? 'year' : 'quarter'} is required without an evaluation`,
    example: { what: 'YEAR' },
  },
  DLG_EVALUATION_QUARTER: {
    id: (p) => `penilaian ${p.id} untuk triwulan ${p.quarter}/${p.year}`,
    en: (p) => `evaluation ${p.id} is of ${p.year} Q${p.quarter}`,
    example: { id: 12, year: 2025, quarter: 1 },
  },
  DLG_ONLY_ADDRESSEE_ANSWERS: {
    id: () => 'Hanya pegawai yang dituju yang menjawab umpan balik ini',
    en: () => 'Only the employee it was written to answers it',
    example: NONE,
  },
  DLG_NOTE_ANSWERED: {
    id: (p) => `umpan balik ${p.id} sudah dijawab`,
    en: (p) => `feedback note ${p.id} is already answered`,
    example: { id: 3 },
  },
  DLG_EXISTS: {
    id: (p) => `dialog kinerja triwulan ${p.quarter}/${p.year} pegawai ini sudah dicatat`,
    en: (p) => `the performance dialogue of ${p.year} Q${p.quarter} of this employee is already recorded`,
    example: { year: 2025, quarter: 1 },
  },
  DLG_ONLY_PARTIES_CONFIRM: {
    id: () => 'Hanya kedua pihak dialog yang mengonfirmasinya',
    en: () => 'Only the two parties of the dialogue confirm it',
    example: NONE,
  },
  DLG_ALREADY_CONFIRMED: {
    id: (p) => `Anda sudah mengonfirmasi dialog ${p.id}`,
    en: (p) => `You have already confirmed dialogue ${p.id}`,
    example: { id: 4 },
  },
  DLG_ONLY_PARTIES_LINK: {
    id: () => 'Hanya kedua pihak dialog atau kepala perangkat daerah pegawai yang menautkan pelatihan',
    en: () => "Only the two parties of the dialogue or the head of the employee's agency link a participation",
    example: NONE,
  },
  DLG_PARTICIPATION_OTHER: {
    id: (p) => `keikutsertaan ${p.id} bukan milik pegawai dialog ini`,
    en: (p) => `participation ${p.id} is not one of the dialogue's employee`,
    example: { id: 9 },
  },
  QUARTER_NEEDS_YEAR: {
    id: () => 'triwulan memerlukan tahun',
    en: () => 'a quarter needs the year',
    example: NONE,
  },
  FIRST_RANGE: {
    id: (p) => `first harus 1-${p.max}, bukan ${p.value}`,
    en: (p) => `first must be 1-${p.max}, not ${p.value}`,
    example: { value: 0, max: 200 },
  },
  SCORE_BOUND_RANGE: {
    id: (p) => `${p.name} harus antara 0 dan ${p.max}, bukan ${localNumber(p.value, 'id')}`,
    en: (p) => `${p.name} must be between 0 and ${p.max}, not ${p.value}`,
    example: { name: 'minScore', max: 120, value: 130.5 },
  },
  SCORE_RANGE_EMPTY: {
    id: (p) =>
      `maxScore (${localNumber(p.max, 'id')}) lebih kecil dari minScore (${localNumber(p.min, 'id')}): rentangnya kosong`,
    en: (p) => `maxScore (${p.max}) is below minScore (${p.min}): the range is empty`,
    example: { min: 90, max: 80.5 },
  },
  PERIOD_ALREADY_CLOSED: {
    id: (p) => `periode ${MESSAGES.PERIOD_LABEL.id(p)} sudah DITUTUP (CLOSED)`,
    en: (p) => `period ${MESSAGES.PERIOD_LABEL.en(p)} is already CLOSED`,
    example: { year: 2025, quarter: 1 },
  },
  PERIOD_EXISTS: {
    id: (p) =>
      `periode ${MESSAGES.PERIOD_LABEL.id(p)} sudah ada (${p.status})` +
      (p.status === 'CLOSED' ? ': periode yang ditutup tidak pernah dibuka kembali, hasilnya resmi' : ''),
    en: (p) =>
      `period ${MESSAGES.PERIOD_LABEL.en(p)} exists already (${p.status})` +
      (p.status === 'CLOSED' ? ': a closed period is never reopened, its results are official' : ''),
    example: { year: 2025, quarter: 1, status: 'CLOSED' },
  },
  RECORD_NOT_FOUND: {
    id: (p) => `${NAMED_ID[p.thing]} ${p.key} tidak ditemukan`,
    en: (p) => `${NAMED_EN[p.thing]} ${p.key} not found`,
    example: { thing: 'EMPLOYEE_NIP', key: '198001012005031999' },
  },
  PAGE_SIZE_RANGE: {
    id: (p) => `first harus antara 0 dan ${p.max}, bukan ${p.value}`,
    en: (p) => `first must be between 0 and ${p.max}, not ${p.value}`,
    example: { value: 501, max: 500 },
  },
  CURSOR_UNKNOWN: {
    id: (p) => `"${p.cursor}" bukan kursor yang diberikan API ini`,
    en: (p) => `"${p.cursor}" is not a cursor returned by this API`,
    example: { cursor: 'not-a-cursor' },
  },
  INT_POSITIVE: {
    id: (p) => `${p.name} harus bilangan positif, bukan ${p.value}`,
    en: (p) => `${p.name} must be ${p.list ? 'positive numbers' : 'a positive number'}, not ${p.value}`,
    example: { name: 'evaluationId', value: 0, list: false },
  },
  VERSION_RANGE: {
    id: (p) => `version harus 0 atau lebih, bukan ${p.value}`,
    en: (p) => `version must be 0 or more, not ${p.value}`,
    example: { value: -1 },
  },
  TEXT_NUL: {
    id: (p) => `${p.field}: teks tidak boleh memuat karakter NUL`,
    en: (p) => `${p.field}: text must not contain NUL characters`,
    example: { field: 'filter.search' },
  },
  TEXT_LONE_SURROGATE: {
    id: (p) => `${p.field}: teks memuat surrogate Unicode yang tidak berpasangan`,
    en: (p) => `${p.field}: text contains a lone Unicode surrogate`,
    example: { field: 'filter.search' },
  },
  AUDIT_RANGE_EMPTY: {
    id: () => 'to sebelum from: rentangnya kosong',
    en: () => 'to is before from: the range is empty',
    example: NONE,
  },
  EXPORT_REASON: {
    id: (p) => `Alasan ekspor wajib diisi (${p.min}-${p.max} karakter), misalnya permintaan subjek data.`,
    en: (p) => `A reason (${p.min}-${p.max} characters) is required, e.g. the data subject request it answers.`,
    example: { min: 5, max: 500 },
  },
  EXPORT_ADMIN_ONLY: {
    id: () => 'Hanya administrator yang boleh mengekspor data pribadi',
    en: () => 'Only administrators may export personal data',
    example: NONE,
  },
  PASSWORD_RULE: {
    id: (p) =>
      `${p.which === 'NEW_PASSWORD' ? 'Kata sandi baru' : 'Kata sandi'} ${PASSWORD_RULE_ID[p.rule](p.min, p.max)}`,
    en: (p) =>
      `${p.which === 'NEW_PASSWORD' ? 'The new password' : 'The password'} ${PASSWORD_RULE_EN[p.rule](p.min, p.max)}`,
    example: { which: 'PASSWORD', rule: 'SHORT', min: 10, max: 200 },
  },
  CURRENT_PASSWORD_WRONG: {
    id: () => 'Kata sandi saat ini salah',
    en: () => 'The current password is wrong',
    example: NONE,
  },
  PASSWORD_UNCHANGED: {
    id: () => 'Kata sandi baru harus berbeda dari kata sandi saat ini',
    en: () => 'The new password must differ from the current one',
    example: NONE,
  },
  LOGIN_FORMAT: {
    id: (p) => `"${p.login}" bukan nama login: gunakan 3-64 huruf kecil, angka, ".", "_" atau "-" (atau NIP)`,
    en: (p) => `"${p.login}" is not a login name: use 3-64 lower-case letters, digits, ".", "_" or "-" (or a NIP)`,
    example: { login: 'Budi Santoso' },
  },
  EMPLOYEE_HAS_ACCOUNT: {
    id: (p) => `Pegawai ${p.nip} sudah memiliki akun`,
    en: (p) => `The employee ${p.nip} already has an account`,
    example: { nip: '199001012020121001' },
  },
  ACCOUNT_NEEDS_EMPLOYEE: {
    id: (p) => `Akun ${p.role} terhubung dengan seorang pegawai: sebutkan NIP pegawai tersebut`,
    en: (p) => `A ${p.role} account is linked to an employee: give the employee's NIP`,
    example: { role: 'SUPERVISOR' },
  },
  NIP_LOGIN_OWN_EMPLOYEE: {
    id: () => 'NIP sebagai nama login milik pegawai tersebut: hubungkan akun dengan pegawai itu',
    en: () => 'A NIP as login name belongs to that employee: link the account to them',
    example: NONE,
  },
  LOGIN_TAKEN: {
    id: (p) => `Login ${p.login} sudah dipakai`,
    en: (p) => `The login ${p.login} is taken`,
    example: { login: 'boss' },
  },
  DISPLAY_NAME_TOO_LONG: {
    id: (p) => `Nama tampilan paling banyak ${p.max} karakter`,
    en: (p) => `The display name must have at most ${p.max} characters`,
    example: { max: 200 },
  },
  BULK_ROLE: {
    id: (p) => `Akun massal adalah akun ${p.roles.join(' atau ')}; buat akun ${p.role} dengan createAccount`,
    en: (p) => `Accounts in bulk are ${p.roles.join(' or ')} accounts; create a ${p.role} account with createAccount`,
    example: { roles: ['EMPLOYEE', 'SUPERVISOR'], role: 'ADMIN' },
  },
  BULK_NO_AGENCY: {
    id: () => 'Sebutkan paling sedikit satu perangkat daerah',
    en: () => 'Give at least one agency',
    example: NONE,
  },
  TOKEN_HOURS: {
    id: (p) => `hours harus lebih dari 0 dan paling banyak ${p.max}, bukan ${localNumber(p.value, 'id')}`,
    en: (p) => `hours must be above 0 and at most ${p.max}, not ${p.value}`,
    example: { value: 0, max: 720 },
  },
  TOKEN_INITIAL_PASSWORD: {
    id: (p) =>
      `Akun ${p.login} masih memakai kata sandi awalnya: pemiliknya masuk dan memilih kata sandi dulu ` +
      '(mutation changePassword); sampai saat itu token akan ditolak',
    en: (p) =>
      `The account ${p.login} still has its initial password: its owner logs in and chooses one first ` +
      '(mutation changePassword); a token would be refused until then',
    example: { login: 'budi' },
  },
  NOTICES_GIVE_IDS: {
    id: () => 'sebutkan pemberitahuan (ids) atau all: true',
    en: () => 'give ids, or all: true',
    example: NONE,
  },
  NOTICES_TOO_MANY: {
    id: (p) => `paling banyak ${p.max} sekaligus`,
    en: (p) => `at most ${p.max} at once`,
    example: { max: 200 },
  },
  NOTICE_NOT_YOURS: {
    id: (p) => `pemberitahuan ${p.id} bukan milik Anda`,
    en: (p) => `notice ${p.id} is not one of yours`,
    example: { id: 5 },
  },
  ACCOUNT_WITHOUT_EMPLOYEE: {
    id: () => 'akun ini tidak terhubung dengan pegawai',
    en: () => 'this account is not linked to an employee',
    example: NONE,
  },

  // --- scope descriptions ---
  SCOPE_ANONYMOUS: {
    id: () =>
      'Mode demo, belum masuk: Anda membaca seperti pemanggil POLICY. Baris setiap perangkat daerah dipseudonimkan ' +
      '(nip dan nama kosong; gunakan pseudonim) dan agregat seluruh kota; tanpa perubahan. Masuk untuk membaca ' +
      'sebagai akun Anda.',
    en: () =>
      'Demo mode, not logged in: you read as a POLICY caller would. Every agency\u2019s rows pseudonymised ' +
      '(nip and name null; use pseudonyms) and city-wide aggregates; no changes. Log in to read as your account.',
    example: NONE,
  },
  SCOPE_ADMIN: {
    id: () => 'Semuanya, lengkap (administrator, BKPSDM): setiap perangkat daerah, setiap data.',
    en: () => 'Everything, in full (administrator, BKPSDM): every agency, every record.',
    example: NONE,
  },
  SCOPE_LEADER: {
    id: () => 'Semuanya, lengkap: setiap perangkat daerah, setiap data.',
    en: () => 'Everything, in full: every agency, every record.',
    example: NONE,
  },
  SCOPE_PSEUDONYMISED: {
    id: (p) =>
      'Baris setiap perangkat daerah dipseudonimkan (nip dan nama kosong; gunakan pseudonim) dan agregat seluruh ' +
      'kota.' +
      ownRecord(p.employee, p.reports, 'id'),
    en: (p) =>
      'Every agency\u2019s rows pseudonymised (nip and name null; use pseudonyms) and city-wide aggregates.' +
      ownRecord(p.employee, p.reports, 'en'),
    example: { employee: true, reports: 2 },
  },
  SCOPE_AGENCY_HEAD: {
    id: (p) =>
      `Semua data ${p.agency ?? 'perangkat daerah Anda'}, dan agregat seluruh kota.` +
      ownRecord(p.employee, p.reports, 'id'),
    en: (p) =>
      `Everything of ${p.agency ?? 'your agency'}, and city-wide aggregates.` + ownRecord(p.employee, p.reports, 'en'),
    example: { agency: 'DISDIK', employee: true, reports: 1 },
  },
  SCOPE_SUPERVISOR: {
    id: (p) =>
      `Data Anda sendiri dan garis pelaporan Anda secara lengkap: ${p.line} orang (bawahan langsung dan tidak ` +
      'langsung, di perangkat daerah mana pun), dan agregat seluruh kota.',
    en: (p) =>
      `Your own record and your reporting line in full: ${count(p.line, '', 'person', 'people')} (direct and ` +
      'indirect reports, in any agency), and city-wide aggregates.',
    example: { line: 12 },
  },
  SCOPE_EMPLOYEE: {
    id: (p) => `${ownRecord(true, p.reports, 'id').trim()} Agregat seluruh kota.`,
    en: (p) => `${ownRecord(true, p.reports, 'en').trim()} City-wide aggregates.`,
    example: { reports: 0 },
  },

  // --- transparency ---
  TR_RATING_DI_ATAS: {
    id: (p) => `${p.score} paling sedikit ${p.diAtas}: ${p.rating}`,
    en: (p) => `${p.score} is at least ${p.diAtas}: ${p.rating}`,
    example: { score: '112.5', diAtas: 110, rating: 'DI_ATAS_EKSPEKTASI' },
  },
  TR_RATING_SESUAI: {
    id: (p) => `${p.score} paling sedikit ${p.sesuai} dan di bawah ${p.diAtas}: ${p.rating}`,
    en: (p) => `${p.score} is at least ${p.sesuai} and below ${p.diAtas}: ${p.rating}`,
    example: { score: '95', sesuai: 90, diAtas: 110, rating: 'SESUAI_EKSPEKTASI' },
  },
  TR_RATING_DI_BAWAH: {
    id: (p) => `${p.score} di bawah ${p.sesuai}: ${p.rating}`,
    en: (p) => `${p.score} is below ${p.sesuai}: ${p.rating}`,
    example: { score: '80', sesuai: 90, rating: 'DI_BAWAH_EKSPEKTASI' },
  },
  TR_MATRIX_CELL: {
    id: (p) =>
      `hasil kerja ${p.hasilKerja} x perilaku kerja ${p.perilakuKerja} -> ${p.predikat} (matriks PermenPANRB 6/2022)`,
    en: (p) =>
      `work results ${p.hasilKerja} x behaviour ${p.perilakuKerja} -> ${p.predikat} (PermenPANRB 6/2022 matrix)`,
    example: { hasilKerja: 'SESUAI_EKSPEKTASI', perilakuKerja: 'DI_ATAS_EKSPEKTASI', predikat: 'BAIK' },
  },
  TR_NO_CATEGORY_SCORE: {
    id: (p) => `tidak ada kriteria ${p.category} yang dinilai: tidak ada nilai ${p.category}`,
    en: (p) => `no ${p.category} criterion scored: no ${p.category} score`,
    example: { category: 'HASIL_KERJA' },
  },
  TR_INDICATOR_ZERO: {
    id: (p) => `realisasi 0 bernilai ${p.max}`,
    en: (p) => `realisation 0 scores ${p.max}`,
    example: { max: 120 },
  },
  TR_NOTE_DRAFT: {
    id: () => 'Penilai masih menilai triwulan ini; nilai tampil setelah diajukan.',
    en: () => 'The assessor is still scoring this quarter; the scores show once it is submitted.',
    example: NONE,
  },
  TR_NOTE_OBJECTED: {
    id: () => 'Keberatan sedang menunggu keputusan: triwulan ini dihitung lagi setelah diputus.',
    en: () => 'An objection is pending: this quarter counts again once it is decided.',
    example: NONE,
  },
  TR_NOTE_FINAL: {
    id: (p) =>
      `Final: hasil disimpan saat difinalkan (kebijakan versi ${p.policyVersion}) dan itulah hasil resminya.` +
      (p.weightsChanged
        ? ' Bobot kriteria telah berubah sejak itu, sehingga perhitungan di atas berbeda darinya.'
        : ''),
    en: (p) =>
      `Final: the results were stored when finalised (policy ${p.policyVersion}) and are the official ones.` +
      (p.weightsChanged ? ' The criteria weights have changed since, so the working above differs from them.' : ''),
    example: { policyVersion: '2025-1', weightsChanged: true },
  },
  TR_INNOVATION_RULE: {
    id: (p) =>
      `Predikat tahunan SANGAT_BAIK memerlukan paling sedikit satu inovasi terverifikasi yang tercatat untuk ${p.year} ` +
      `(PP 30/2019 Pasal 41, kebijakan kota); tercatat ${p.count}.` +
      (p.outcome === 'APPLIED'
        ? ' Tidak ada, sehingga SANGAT_BAIK menjadi BAIK.'
        : p.outcome === 'MET'
          ? ' Aturan terpenuhi: SANGAT_BAIK tetap.'
          : ' Predikatnya bukan SANGAT_BAIK, sehingga aturan ini tidak mengubahnya.'),
    en: (p) =>
      `An annual SANGAT_BAIK needs at least one verified innovation recorded for ${p.year} (PP 30/2019 Pasal 41, city ` +
      `policy); ${p.count} recorded.` +
      (p.outcome === 'APPLIED'
        ? ' None, so SANGAT_BAIK became BAIK.'
        : p.outcome === 'MET'
          ? ' The rule is met: SANGAT_BAIK stands.'
          : ' The predikat is not SANGAT_BAIK, so the rule does not change it.'),
    example: { year: 2025, count: 0, outcome: 'APPLIED' },
  },
  TR_INNOVATION_RULE_OFF: {
    id: () => 'Aturan inovasi tidak berlaku dalam kebijakan yang sedang berlaku.',
    en: () => 'The innovation rule is off in the policy in force.',
    example: NONE,
  },
  TR_JP_PNS: {
    id: (p) => `PNS: paling sedikit ${p.jp} JP pengembangan kompetensi setahun (PP 11/2017 Pasal 203)`,
    en: (p) => `PNS: at least ${p.jp} JP of competence development a year (PP 11/2017 Pasal 203)`,
    example: { jp: 20 },
  },
  TR_JP_PPPK: {
    id: (p) => `PPPK: paling banyak ${p.jp} JP pengembangan kompetensi setahun (PP 49/2018 Pasal 40)`,
    en: (p) => `PPPK: at most ${p.jp} JP of competence development a year (PP 49/2018 Pasal 40)`,
    example: { jp: 24 },
  },
};

/** Every code of the catalogue (for tests and for clients that keep their own translations). */
export const MESSAGE_CODES = Object.keys(MESSAGES) as MessageCode[];

/** The example parameters of a code (the catalogue test renders every code with them). */
export function messageExample<C extends MessageCode>(code: C): Message<C> {
  return { code, params: MESSAGES[code].example } as Message<C>;
}

/** A message in words, Indonesian unless English is asked for. */
export function renderMessage(message: Message, locale: MessageLocale = 'id'): string {
  const entry = MESSAGES[message.code] as Entry<MessageParams[MessageCode]>;
  return entry[locale](message.params);
}

/** Shorthand: a code and its parameters in words. */
export function messageText<C extends MessageCode>(code: C, params: MessageParams[C], locale: MessageLocale): string {
  return renderMessage({ code, params } as Message, locale);
}
