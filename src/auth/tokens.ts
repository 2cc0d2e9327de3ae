import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits from the CSPRNG, URL-safe. */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Tokens are stored only as SHA-256 hashes and looked up by hash, so the comparison never touches the
 * secret itself (no timing leak) and a database copy reveals no usable token.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
