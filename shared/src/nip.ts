import { isRealDate } from './calendar.js';
import type { EmploymentType, Gender } from './enums.js';
import type { Message } from './messages.js';

/**
 * NIP (Nomor Induk Pegawai), the 18-digit number of every ASN (Peraturan BKN 22/2007 for PNS; BKN's PPPK numbering):
 *
 *   YYYYMMDD  birth date
 *   YYYYMM    PNS: year and month of the CPNS start (TMT CPNS)
 *             PPPK: year of the contract start, then `2` and the contract count 1-9 in the month position
 *   G         gender: 1 male (L), 2 female (P)
 *   NNN       sequence among people sharing the digits before it, starting at 001
 *
 * So the month position tells the employment type: 01-12 is a PNS, 21-29 a PPPK in their 1st..9th contract.
 */

/** A NIP that passed every check, split into its parts. */
export interface ParsedNip {
  /** ISO date YYYY-MM-DD. */
  birthDate: string;
  /** Year of the CPNS start (PNS) or of the contract start (PPPK). */
  startYear: number;
  /** Month 1-12 of the CPNS start; null for PPPK, whose month position holds the contract count instead. */
  startMonth: number | null;
  /** Contract count 1-9 of a PPPK; null for PNS. */
  contractCount: number | null;
  employmentType: EmploymentType;
  gender: Gender;
  /** 1-999. */
  sequence: number;
}

/**
 * The codes and parameters of what can be wrong with a NIP (docs/i18n.md): the one message catalogue (messages.ts)
 * words them, naming the part and the value, in the request's language.
 */
export interface NipProblemParams {
  /** Characters other than the digits 0-9 (each shown once). */
  NIP_DIGITS: { chars: string[] };
  /** Not 18 long; `unit` says whether only digits were found. */
  NIP_LENGTH: { length: number; expected: number; unit: 'digits' | 'characters' };
  NIP_BIRTH_DATE_NOT_REAL: { digits: string };
  NIP_BIRTH_YEAR_RANGE: { year: number; min: number; max: number };
  NIP_BIRTH_AFTER_START: { digits: string; startYear: number };
  /** Month position 20: a PPPK code with contract count 0. */
  NIP_CONTRACT_ZERO: { digits: string };
  NIP_START_MONTH: { digits: string };
  NIP_GENDER_DIGIT: { digit: string };
  NIP_SEQUENCE: { digits: string };
}

export type NipProblemCode = keyof NipProblemParams;

/** The part of the NIP a problem is about. */
export type NipPart = 'length' | 'digits' | 'birthDate' | 'startMonth' | 'contractCount' | 'gender' | 'sequence';

/** One thing wrong with a NIP: which part, and the catalogue code and parameters that say it for a clerk. */
export type NipError = {
  [C in NipProblemCode]: { part: NipPart; code: C; params: NipProblemParams[C] };
}[NipProblemCode];

export type NipCheck = { ok: true; nip: ParsedNip } | { ok: false; errors: NipError[] };

/**
 * Plausible birth years. A person born before 1940 had retired long before this system's first period (the
 * retirement age, batas usia pensiun in PP 11/2017, is at most 65 for the positions a city has); one born after 2015
 * cannot reach the minimum age of 18 for CPNS (PP 11/2017 Pasal 23) before 2033. The bounds are fixed, not relative
 * to today, so the check gives the same answer on every machine and every day; move NIP_BIRTH_YEAR_MAX forward when
 * it starts to bite.
 */
export const NIP_BIRTH_YEAR_MIN = 1940;
export const NIP_BIRTH_YEAR_MAX = 2015;

const NIP_LENGTH = 18;

/**
 * Checks a NIP and splits it into its parts. All problems are collected, so a clerk fixing an import sees every
 * wrong part at once; only a wrong length or a non-digit stops the check, because then the parts cannot be located.
 * The input must be exactly the 18 digits (callers strip the spaces of a formatted NIP themselves).
 */
export function validateNip(nip: string): NipCheck {
  const stopping: NipError[] = [];
  const nonDigits = [...new Set(nip.replace(/[0-9]/g, ''))];
  if (nonDigits.length > 0) {
    stopping.push({ part: 'digits', code: 'NIP_DIGITS', params: { chars: nonDigits } });
  }
  if (nip.length !== NIP_LENGTH) {
    const unit = nonDigits.length > 0 ? 'characters' : 'digits';
    stopping.push({ part: 'length', code: 'NIP_LENGTH', params: { length: nip.length, expected: NIP_LENGTH, unit } });
  }
  if (stopping.length > 0) return { ok: false, errors: stopping };

  const errors: NipError[] = [];
  const birthDigits = nip.slice(0, 8);
  const startDigits = nip.slice(8, 14);
  const monthDigits = nip.slice(12, 14);
  const genderDigit = nip.slice(14, 15);
  const sequenceDigits = nip.slice(15, 18);

  const birthYear = Number(birthDigits.slice(0, 4));
  const birthMonth = Number(birthDigits.slice(4, 6));
  const birthDay = Number(birthDigits.slice(6, 8));
  const startYear = Number(startDigits.slice(0, 4));

  if (!isRealDate(birthYear, birthMonth, birthDay)) {
    errors.push({ part: 'birthDate', code: 'NIP_BIRTH_DATE_NOT_REAL', params: { digits: birthDigits } });
  } else if (birthYear < NIP_BIRTH_YEAR_MIN || birthYear > NIP_BIRTH_YEAR_MAX) {
    errors.push({
      part: 'birthDate',
      code: 'NIP_BIRTH_YEAR_RANGE',
      params: { year: birthYear, min: NIP_BIRTH_YEAR_MIN, max: NIP_BIRTH_YEAR_MAX },
    });
  } else if (birthYear > startYear) {
    errors.push({
      part: 'birthDate',
      code: 'NIP_BIRTH_AFTER_START',
      params: { digits: birthDigits, startYear },
    });
  }

  // The month position: 01-12 is a PNS start month, 21-29 a PPPK contract count; 20 is a PPPK code with an
  // impossible contract count 0, reported as such because that is the digit the clerk has to fix.
  const monthValue = Number(monthDigits);
  let employmentType: EmploymentType | null = null;
  let startMonth: number | null = null;
  let contractCount: number | null = null;
  if (monthValue >= 1 && monthValue <= 12) {
    employmentType = 'PNS';
    startMonth = monthValue;
  } else if (monthValue >= 21 && monthValue <= 29) {
    employmentType = 'PPPK';
    contractCount = monthValue - 20;
  } else if (monthValue === 20) {
    errors.push({
      part: 'contractCount',
      code: 'NIP_CONTRACT_ZERO',
      params: { digits: monthDigits },
    });
  } else {
    errors.push({
      part: 'startMonth',
      code: 'NIP_START_MONTH',
      params: { digits: monthDigits },
    });
  }

  let gender: Gender | null = null;
  if (genderDigit === '1') gender = 'L';
  else if (genderDigit === '2') gender = 'P';
  else {
    errors.push({ part: 'gender', code: 'NIP_GENDER_DIGIT', params: { digit: genderDigit } });
  }

  const sequence = Number(sequenceDigits);
  if (sequence === 0) {
    errors.push({ part: 'sequence', code: 'NIP_SEQUENCE', params: { digits: sequenceDigits } });
  }

  if (errors.length > 0 || employmentType === null || gender === null) return { ok: false, errors };
  return {
    ok: true,
    nip: {
      birthDate: `${birthDigits.slice(0, 4)}-${birthDigits.slice(4, 6)}-${birthDigits.slice(6, 8)}`,
      startYear,
      startMonth,
      contractCount,
      employmentType,
      gender,
      sequence,
    },
  };
}

/**
 * What is wrong with a NIP as one catalogue message (`NIP_INVALID`): every problem found, joined, in the request's
 * language when rendered. For an API field error, a CSV row error or a form.
 */
export function nipInvalid(errors: readonly NipError[]): Message<'NIP_INVALID'> {
  return {
    code: 'NIP_INVALID',
    params: { errors: errors.map(({ code, params }) => ({ code, params }) as NipMessage) },
  };
}

/** One NIP problem as a catalogue message (without its part). */
export type NipMessage = { [C in NipProblemCode]: { code: C; params: NipProblemParams[C] } }[NipProblemCode];

/**
 * True when the NIP is valid and its gender digit agrees with the recorded gender (1 = L, 2 = P). A disagreement is
 * an error of the employee record (docs/scoring.md#nip). An invalid NIP gives false: report validateNip's errors
 * first, they say more.
 */
export function nipGenderMatches(nip: string, gender: Gender): boolean {
  const check = validateNip(nip);
  return check.ok && check.nip.gender === gender;
}

/** The employment type a valid NIP encodes (month position 01-12 PNS, 21-29 PPPK); null when the NIP is invalid. */
export function expectedEmploymentType(nip: string): EmploymentType | null {
  const check = validateNip(nip);
  return check.ok ? check.nip.employmentType : null;
}

/**
 * Groups an 18-digit NIP the way it is printed on SK and ID cards, "19850312 201001 1 001", for display only.
 * Anything that is not 18 digits is returned unchanged, so a wrong value is shown as it was entered.
 */
export function formatNip(nip: string): string {
  if (!/^[0-9]{18}$/.test(nip)) return nip;
  return `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15, 18)}`;
}
