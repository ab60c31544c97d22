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

/** Why a new password is not acceptable, or null when it is. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must have at least ${MIN_PASSWORD_LENGTH} characters`;
  if (/^\d+$/.test(password)) return 'must not be digits only (a NIP or a date is easy to guess)';
  return null;
}
