import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

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

/** Why a new password is not acceptable, or null when it is; `login` is the account's login, when known. */
export function passwordProblem(password: string, login?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must have at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > 200) return 'must have at most 200 characters';
  if (/^\d+$/.test(password)) return 'must not be digits only (a NIP or a date is easy to guess)';
  if (new Set(password).size < 4) return 'must have at least 4 different characters';
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'is one of the first passwords an attacker tries';
  if (login && login.length >= 3 && lower.includes(login.toLowerCase())) return 'must not contain the login';
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
