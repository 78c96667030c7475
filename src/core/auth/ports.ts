/** Ports of the authentication domain. The jose implementation is `src/adapters/jwt-verifier.ts`. */

/** Why a token was refused. Every one of these becomes a 401 (`Unauthorized`). */
export type TokenRejectionReason =
  | 'malformed'
  | 'unsupported-algorithm'
  | 'unknown-issuer'
  | 'unknown-key'
  | 'bad-signature'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-audience'
  | 'invalid-claims';

export interface VerifiedToken {
  /** The token's `iss`, equal to a configured pattern with a realm. */
  issuer: string;
  /** The realm taken from the issuer (never from a claim the token chose freely). */
  realm: string;
  /** The verified payload. */
  claims: Readonly<Record<string, unknown>>;
}

export type TokenVerification =
  | { ok: true; token: VerifiedToken }
  | { ok: false; reason: TokenRejectionReason; detail: string };

/**
 * Verifies a compact JWS. Resolves `{ok: false}` for a token that is not acceptable; rejects (throws) only when
 * verification itself could not run (identity provider unreachable), which must not look like a bad token.
 */
export interface TokenVerifier {
  verify(token: string): Promise<TokenVerification>;
}
