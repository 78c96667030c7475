/**
 * `TokenVerifier` on jose: JWKS fetched from the token's issuer (a configured pattern with its realm) and cached
 * per issuer for the life of the Lambda container, so warm invocations verify without any HTTP request.
 */
import {
  createRemoteJWKSet,
  customFetch,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  type JWTVerifyGetKey,
  jwtVerify,
} from 'jose';
import { type IssuerPattern, matchIssuer } from '../core/auth/issuer-patterns.js';
import type { TokenRejectionReason, TokenVerification, TokenVerifier } from '../core/auth/ports.js';

/** Asymmetric algorithms only: `none` and HS* (a shared secret, or worse the public key used as one) never pass. */
export const ALLOWED_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
] as const;

export interface JwtVerifierOptions {
  issuers: readonly IssuerPattern[];
  /** Accepted `aud` values (the token must name at least one). */
  audiences: readonly string[];
  /** Appended to the issuer to find its JWKS, e.g. `/protocol/openid-connect/certs` (Keycloak). */
  jwksPath: string;
  algorithms?: readonly string[];
  /** Tolerated clock skew for `exp`/`nbf`/`iat`, in seconds. Default 5. */
  clockToleranceSeconds?: number;
  /** How long a fetched JWKS is used before it is fetched again, in ms. Default 10 minutes. */
  jwksCacheMaxAgeMs?: number;
  /**
   * After a fetch, a token with an unknown `kid` triggers a refetch only once this many ms have passed
   * (so a flood of forged `kid`s cannot hammer the identity provider). Default 10 s: a rotated key is
   * accepted at most 10 s after the identity provider starts signing with it.
   */
  jwksCooldownMs?: number;
  /** Timeout of one JWKS request, in ms. Default 3 s. */
  jwksTimeoutMs?: number;
  /** Bound on the per-issuer cache (least recently used out first). Default 100, at least the allowed realms. */
  maxCachedIssuers?: number;
  /**
   * Realms whose tokens are verified at all. Checked on the unverified `iss` before any JWKS request, so an
   * anonymous client naming junk realms makes no request to the identity provider. Undefined: every realm.
   */
  allowedRealms?: ReadonlySet<string>;
  /** How long a realm whose JWKS answered 404 is refused without asking again, in ms. Default 60 s. */
  unknownRealmCacheMs?: number;
  /** How long a failed JWKS request (timeout, 5xx, network) is answered from memory, in ms. Default 5 s. */
  jwksFailureCacheMs?: number;
  /** For tests: the fetch used for JWKS requests. */
  fetch?: typeof fetch;
}

/** Thrown when a realm's JWKS answered 404: the realm does not exist at the trusted issuer. */
class UnknownRealmError extends Error {}

export function createJwtVerifier(
  options: JwtVerifierOptions,
): TokenVerifier & { cachedIssuers(): string[] } {
  if (options.issuers.length === 0) throw new Error('createJwtVerifier: no issuer');
  if (options.audiences.length === 0) throw new Error('createJwtVerifier: no audience');
  const algorithms = [...(options.algorithms ?? ALLOWED_ALGORITHMS)];
  for (const alg of algorithms) {
    if (alg === 'none' || alg.startsWith('HS'))
      throw new Error(`createJwtVerifier: algorithm ${alg} not allowed`);
  }
  const fetchImpl = options.fetch ?? fetch;
  const maxCached = Math.max(options.maxCachedIssuers ?? 100, options.allowedRealms?.size ?? 0);
  /** Insertion order is recency: a hit moves its entry to the end, the first entry is evicted. */
  const jwksByIssuer = new Map<string, JWTVerifyGetKey>();
  /** Issuers whose last JWKS request failed, until when, and with what. */
  const failures = new Map<string, { until: number; error: unknown }>();

  // Keycloak (and our development IdP) answer 404 for the JWKS of a realm that does not exist: that is a token
  // from an unknown issuer (401), while 5xx, timeouts and refused connections are outages (thrown → 500).
  const jwksFetch: typeof fetch = async (input, init) => {
    const response = await fetchImpl(input, init);
    if (response.status === 404) throw new UnknownRealmError(`JWKS not found at ${String(input)}`);
    return response;
  };

  const jwksFor = (issuer: string): JWTVerifyGetKey => {
    let jwks = jwksByIssuer.get(issuer);
    if (jwks !== undefined) {
      jwksByIssuer.delete(issuer);
    } else {
      if (jwksByIssuer.size >= maxCached) {
        const oldest = jwksByIssuer.keys().next().value;
        if (oldest !== undefined) jwksByIssuer.delete(oldest);
      }
      jwks = createRemoteJWKSet(new URL(`${issuer}${options.jwksPath}`), {
        cacheMaxAge: options.jwksCacheMaxAgeMs ?? 600_000,
        cooldownDuration: options.jwksCooldownMs ?? 10_000,
        timeoutDuration: options.jwksTimeoutMs ?? 3_000,
        [customFetch]: jwksFetch,
      });
    }
    jwksByIssuer.set(issuer, jwks);
    return jwks;
  };

  /** Remembers a failed JWKS request (a 404 for a minute, an outage for seconds) so it is not repeated per token. */
  const remember = (issuer: string, error: unknown): void => {
    let ms: number | undefined;
    if (error instanceof UnknownRealmError) ms = options.unknownRealmCacheMs ?? 60_000;
    else if (isOutage(error)) ms = options.jwksFailureCacheMs ?? 5_000;
    if (ms === undefined) return; // a bad token, not a failed key set
    jwksByIssuer.delete(issuer);
    if (failures.size >= maxCached) failures.delete(failures.keys().next().value as string);
    failures.set(issuer, { until: Date.now() + ms, error });
  };

  const reject = (reason: TokenRejectionReason, detail: string): TokenVerification => ({
    ok: false,
    reason,
    detail,
  });

  return {
    cachedIssuers: () => [...jwksByIssuer.keys()],
    async verify(token: string): Promise<TokenVerification> {
      // Read the unverified header and issuer only to choose the key set; nothing is trusted before jwtVerify.
      let alg: unknown;
      let iss: unknown;
      try {
        alg = decodeProtectedHeader(token).alg;
        iss = decodeJwt(token).iss;
      } catch {
        return reject('malformed', 'token header or payload is not valid base64url JSON');
      }
      if (typeof alg !== 'string' || !algorithms.includes(alg)) {
        return reject('unsupported-algorithm', `algorithm ${String(alg)} is not accepted`);
      }
      const match = matchIssuer(options.issuers, iss);
      if (match === undefined) return reject('unknown-issuer', 'iss is not a trusted issuer');
      if (options.allowedRealms !== undefined && !options.allowedRealms.has(match.realm))
        return reject('unknown-issuer', `realm ${match.realm} is not allowed to connect`);
      const failed = failures.get(match.issuer);
      if (failed !== undefined && failed.until > Date.now()) return classify(failed.error);
      failures.delete(match.issuer);

      try {
        const { payload } = await jwtVerify(token, jwksFor(match.issuer), {
          issuer: match.issuer,
          audience: [...options.audiences],
          algorithms,
          clockTolerance: options.clockToleranceSeconds ?? 5,
          requiredClaims: ['exp'],
        });
        const notAccess = notAnAccessToken(decodeProtectedHeader(token).typ, payload.typ);
        if (notAccess !== undefined) return reject('invalid-claims', notAccess);
        return { ok: true, token: { issuer: match.issuer, realm: match.realm, claims: payload } };
      } catch (error) {
        remember(match.issuer, error);
        return classify(error);
      }
    },
  };
}

/** Header `typ` values of an access token (RFC 9068) or of a plain JWT. */
const ACCESS_HEADER_TYPES = ['jwt', 'at+jwt', 'application/at+jwt'];

/**
 * Why a token that says what it is (`typ`) is not an access token, or undefined. Keycloak stamps `typ: Bearer`
 * on access tokens and `ID` / `Refresh` on the others: an ID token of a client named like our audience would
 * otherwise pass the audience check.
 */
function notAnAccessToken(headerTyp: unknown, claimTyp: unknown): string | undefined {
  if (
    headerTyp !== undefined &&
    !(typeof headerTyp === 'string' && ACCESS_HEADER_TYPES.includes(headerTyp.toLowerCase()))
  )
    return `header typ ${JSON.stringify(String(headerTyp).slice(0, 32))} is not an access token`;
  if (claimTyp !== undefined && !(typeof claimTyp === 'string' && claimTyp.toLowerCase() === 'bearer'))
    return `typ ${JSON.stringify(String(claimTyp).slice(0, 32))} is not an access token`;
  return undefined;
}

/** An error `classify` rethrows: the identity provider failed, the token was not judged. */
function isOutage(error: unknown): boolean {
  try {
    classify(error);
    return false;
  } catch {
    return true;
  }
}

function classify(error: unknown): TokenVerification {
  const fail = (reason: TokenRejectionReason, detail: string): TokenVerification => ({
    ok: false,
    reason,
    detail,
  });
  if (error instanceof UnknownRealmError)
    return fail('unknown-issuer', 'the realm has no key set at its issuer');
  if (error instanceof errors.JWTExpired) return fail('expired', 'token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return fail('not-yet-valid', 'token is not valid yet (nbf)');
    if (error.claim === 'aud') return fail('wrong-audience', 'token is not meant for this audience');
    if (error.claim === 'iss') return fail('unknown-issuer', 'iss is not a trusted issuer');
    return fail('invalid-claims', `claim ${error.claim} is invalid (${error.reason})`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return fail('bad-signature', 'signature does not verify');
  if (error instanceof errors.JWKSNoMatchingKey)
    return fail('unknown-key', 'no key of the issuer matches the token');
  if (error instanceof errors.JWKSMultipleMatchingKeys)
    return fail('unknown-key', 'several keys match the token');
  if (error instanceof errors.JOSEAlgNotAllowed)
    return fail('unsupported-algorithm', 'algorithm is not accepted');
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return fail('malformed', 'token is not a valid JWS/JWT');
  }
  if (error instanceof errors.JOSENotSupported)
    return fail('unsupported-algorithm', 'algorithm or key not supported');
  // JWKSTimeout, JWKSInvalid, a non-200 answer or a network error: the identity provider is unavailable.
  // That is not the client's fault, so it is not reported as a bad token (the handler turns it into a 500).
  throw error;
}
