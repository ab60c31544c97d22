import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Message, PasswordRule } from '@kinerja/shared';

/** Passwords shorter than this are refused. */
export const MIN_PASSWORD_LENGTH = 10;

/** argon2id with the library's defaults (OWASP's recommended minimum: m=19 MiB, t=2, p=1). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Passwords that the first guesses of an attacker would try (lower case). */
const COMMON = new Set([
  'password123',
  'password1234',
  'qwerty12345',
  'qwertyuiop',
  '1q2w3e4r5t',
  'sibolga123',
  'sibolga2025',
  'sibolga2026',
  'kinerja123',
  'kinerja2025',
  'administrator',
  'admin12345',
  'bismillah123',
]);

/** Passwords longer than this are refused. */
export const MAX_PASSWORD_LENGTH = 200;

/**
 * Why a new password is not acceptable, or null when it is; `login` is the account's login, when known. `which` names
 * the password in the refusal, a catalogue message (docs/i18n.md).
 */
export function passwordProblem(
  password: string,
  login?: string,
  which: 'PASSWORD' | 'NEW_PASSWORD' = 'PASSWORD',
): Message<'PASSWORD_RULE'> | null {
  const rule = passwordRule(password, login);
  return rule && { code: 'PASSWORD_RULE', params: { which, rule, min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH } };
}

function passwordRule(password: string, login: string | undefined): PasswordRule | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'SHORT';
  if (password.length > MAX_PASSWORD_LENGTH) return 'LONG';
  if (/^\d+$/.test(password)) return 'DIGITS_ONLY';
  if (new Set(password).size < 4) return 'FEW_CHARACTERS';
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'COMMON';
  if (login && login.length >= 3 && lower.includes(login.toLowerCase())) return 'CONTAINS_LOGIN';
  return null;
}

/** Characters of generated passwords: no 0/O, 1/l/I, so that a password read off paper is typed right. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * A random password to hand out (bulk accounts, resets): four groups of four characters, `xxxx-xxxx-xxxx-xxxx`,
 * about 79 bits of entropy.
 */
export function generatePassword(): string {
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
  );
  return groups.join('-');
}

/**
 * Hashes a password from `generatePassword` with lighter argon2id parameters (4 MiB, one pass: ~2 ms instead of
 * ~35 ms), so that accounts for every employee of the city (3,500) take seconds, not minutes. A slow hash protects a
 * guessable human password; a 79-bit random one is out of reach of guessing at any hash cost. The parameters live in
 * the hash, so `verifyPassword` checks both kinds; the owner's own password later gets the full parameters.
 */
export function hashGeneratedPassword(password: string): Promise<string> {
  return hash(password, { memoryCost: 4096, timeCost: 1, parallelism: 1 });
}
