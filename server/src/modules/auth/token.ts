import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a token carries: the account, the account's token version (revocation), and its lifetime. */
export interface TokenClaims {
  /** Account id. */
  sub: number;
  /** The account's `tokenVersion` when issued; a password change raises it and so revokes the token. */
  tv: number;
  /** Issued at, seconds since the epoch. */
  iat: number;
  /** Expires at, seconds since the epoch. */
  exp: number;
}

function base64url(input: Buffer | string): string {
  return Buffer.from(input).toString('base64url');
}

function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

/** A compact signed token `kinerja.<payload>.<signature>` (HMAC-SHA256 over the payload). */
export function signToken(claims: TokenClaims, secret: string): string {
  const payload = base64url(JSON.stringify(claims));
  return `kinerja.${payload}.${sign(payload, secret)}`;
}

/** The claims of a well-signed, unexpired token; null for anything else. */
export function verifyToken(
  token: string,
  secret: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): TokenClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== 'kinerja') return null;
  const [, payload, signature] = parts as [string, string, string];
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
  } catch {
    return null;
  }
  if (!Number.isInteger(claims.sub) || !Number.isInteger(claims.tv) || !Number.isFinite(claims.exp)) return null;
  if (claims.exp <= nowSeconds) return null;
  return claims;
}
