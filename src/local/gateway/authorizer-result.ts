/**
 * How API Gateway turns a REQUEST authorizer's outcome into the upgrade's fate:
 * thrown `Unauthorized` → 401, Deny (or no matching Allow) → 403, anything malformed or any other error → 500.
 */
import type { AuthorizerContextValue, RequestAuthorizer } from '../../handlers/events.js';

export type AuthorizerDecision =
  | { kind: 'allow'; authorizer: RequestAuthorizer }
  | { kind: 'unauthorized' }
  | { kind: 'forbidden' }
  | { kind: 'error'; reason: string };

/** API Gateway rejects authorizer responses over 8 KB. */
const MAX_RESULT_BYTES = 8192;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`);
}

function statementMatches(statement: Record<string, unknown>, methodArn: string): boolean {
  const actions = ([] as unknown[]).concat(statement.Action ?? []);
  const actionOk = actions.some((a) => typeof a === 'string' && globToRegExp(a).test('execute-api:Invoke'));
  const resources = ([] as unknown[]).concat(statement.Resource ?? []);
  const resourceOk = resources.some((r) => typeof r === 'string' && globToRegExp(r).test(methodArn));
  return actionOk && resourceOk;
}

/** Interprets the value the authorizer function returned (or the error it threw). */
export function decideAuthorizer(
  outcome: { ok: true; value: unknown } | { ok: false; error: unknown },
  methodArn: string,
  integrationLatency: number,
): AuthorizerDecision {
  if (!outcome.ok) {
    const message = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
    return message === 'Unauthorized' ? { kind: 'unauthorized' } : { kind: 'error', reason: message };
  }
  const result = outcome.value;
  if (!isRecord(result)) return { kind: 'error', reason: 'authorizer returned no object' };
  if (JSON.stringify(result).length > MAX_RESULT_BYTES) {
    return { kind: 'error', reason: 'authorizer response exceeds 8 KB' };
  }
  if (typeof result.principalId !== 'string') return { kind: 'error', reason: 'principalId missing' };
  const policy = result.policyDocument;
  if (!isRecord(policy) || !Array.isArray(policy.Statement)) {
    return { kind: 'error', reason: 'policyDocument.Statement missing' };
  }
  const context: Record<string, AuthorizerContextValue> = {};
  if (result.context !== undefined) {
    if (!isRecord(result.context)) return { kind: 'error', reason: 'context is not an object' };
    for (const [key, value] of Object.entries(result.context)) {
      // API Gateway only accepts string, number and boolean context values.
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        return { kind: 'error', reason: `context.${key} is not a string, number or boolean` };
      }
      context[key] = value;
    }
  }
  const statements = policy.Statement.filter(isRecord).filter((s) => statementMatches(s, methodArn));
  if (statements.some((s) => s.Effect === 'Deny')) return { kind: 'forbidden' };
  if (!statements.some((s) => s.Effect === 'Allow')) return { kind: 'forbidden' };
  // Built by assignment, not spread: a spread of a loop-built object gets a hidden class of its own each
  // time, and the gateway keeps this object for the life of the connection.
  const authorizer: Record<string, AuthorizerContextValue> = {};
  for (const [key, value] of Object.entries(context)) authorizer[key] = value;
  authorizer.principalId = result.principalId;
  authorizer.integrationLatency = integrationLatency;
  return { kind: 'allow', authorizer: authorizer as unknown as RequestAuthorizer };
}
