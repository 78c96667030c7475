// Our classification of the changes @asyncapi/diff leaves "unclassified" (its standard stops at channels,
// operations and servers; everything under components, every schema keyword and every x- extension is ours).
// Additions are non-breaking; anything that rejects input accepted before, removes something a deployed client
// or publisher uses, or changes a code's meaning is breaking. A change no rule knows is breaking: unproven.
import { defaultPartitions, partitionsForAudience } from '../extract-topics.js';
import { isJsonObject, type JsonValue } from '../json.js';
import { comparePatterns } from './pattern-inclusion.js';

export type Severity = 'breaking' | 'non-breaking' | 'editorial';
export type Action = 'add' | 'remove' | 'edit';

export interface Verdict {
  severity: Severity;
  /** What changed, for a contract author: "maxLength lowered from 256 to 128 (…)". */
  what: string;
}

/** One change, seen through the normalized documents (see normalize.ts). */
export interface Site {
  path: readonly string[];
  action: Action;
  before: JsonValue | undefined;
  after: JsonValue | undefined;
  /** Value at `path` (or any other path) in the base or head document. */
  lookup(which: 'base' | 'head', path: readonly string[]): JsonValue | undefined;
}

const EDITORIAL = new Set(['description', 'summary', 'examples', 'externalDocs', 'tags', 'x-docs']);
/** Upper bounds: lowering one (or adding one) rejects values accepted before. */
const UPPER_BOUNDS = new Set(['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties']);
/** Lower bounds: raising one (or adding one) rejects values accepted before. */
const LOWER_BOUNDS = new Set(['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties']);
/** Keywords whose addition narrows what a schema accepts. */
const NARROWING_WHEN_ADDED = new Set([
  'type',
  'const',
  'enum',
  'format',
  'pattern',
  'required',
  'not',
  'oneOf',
  'anyOf',
  'allOf',
  'if',
  'multipleOf',
  'uniqueItems',
  'dependentRequired',
  'propertyNames',
]);

const code = (value: JsonValue | undefined): string =>
  typeof value === 'string' ? `\`${value}\`` : JSON.stringify(value);

const breaking = (what: string): Verdict => ({ severity: 'breaking', what });
const nonBreaking = (what: string): Verdict => ({ severity: 'non-breaking', what });
const editorial = (what: string): Verdict => ({ severity: 'editorial', what });

/** Index of the segment that is a schema keyword named `keyword` (not a field of that name). */
function keywordAt(path: readonly string[], keyword: string): number {
  for (let i = path.length - 1; i >= 0; i--)
    if (path[i] === keyword && path[i - 1] !== 'properties' && !VALUE_PARENTS.has(path[i - 1] ?? ''))
      return i;
  return -1;
}
/** Parents whose children are values, not keywords (`enum/description` is the enum value "description"). */
const VALUE_PARENTS = new Set(['enum', 'required', 'roles', 'x-error-codes', 'x-limits', 'x-close-codes']);

function isSchemaTitle(path: readonly string[]): boolean {
  const i = keywordAt(path, 'title');
  if (i < 0) return false;
  return path[0] === 'components' && (path[1] === 'schemas' || path.slice(0, i).includes('payload'));
}

function editorialRule(site: Site): Verdict | undefined {
  for (const keyword of EDITORIAL) if (keywordAt(site.path, keyword) >= 0) return editorial('text changed');
  const titleAt = keywordAt(site.path, 'title');
  if (titleAt >= 0 && !isSchemaTitle(site.path)) return editorial('title changed');
  if (site.path[0] === 'info' && site.path[1] === 'version')
    return editorial('version changed (judged by the gate)');
  return undefined;
}

function boundRule(site: Site, keyword: string): Verdict | undefined {
  const upper = UPPER_BOUNDS.has(keyword);
  if (!upper && !LOWER_BOUNDS.has(keyword)) return undefined;
  const { before, after, action } = site;
  if (action === 'add')
    return breaking(
      `new ${keyword} ${code(after)}: values ${upper ? 'above' : 'below'} it that were valid are rejected now`,
    );
  if (action === 'remove') return nonBreaking(`${keyword} ${code(before)} removed (accepts more)`);
  if (typeof before !== 'number' || typeof after !== 'number')
    return breaking(`${keyword} changed from ${code(before)} to ${code(after)}`);
  const narrowed = upper ? after < before : after > before;
  return narrowed
    ? breaking(
        `${keyword} ${upper ? 'lowered' : 'raised'} from ${before} to ${after}: values that were valid are rejected now`,
      )
    : nonBreaking(`${keyword} ${upper ? 'raised' : 'lowered'} from ${before} to ${after} (accepts more)`);
}

function patternRule(site: Site): Verdict {
  const { before, after, action } = site;
  if (action === 'add')
    return breaking(`new pattern ${code(after)}: values that do not match are rejected now`);
  if (action === 'remove') return nonBreaking(`pattern ${code(before)} removed (accepts more)`);
  if (typeof before !== 'string' || typeof after !== 'string')
    return breaking(`pattern changed from ${code(before)} to ${code(after)}`);
  const comparison = comparePatterns(before, after);
  if (comparison.kind === 'wider-or-equal')
    return nonBreaking(`pattern widened from ${code(before)} to ${code(after)} (accepts every value it did)`);
  if (comparison.kind === 'narrower')
    return breaking(
      `pattern narrowed from ${code(before)} to ${code(after)}: for example ${code(comparison.example)} matched and is rejected now`,
    );
  return breaking(
    `pattern changed from ${code(before)} to ${code(after)}; cannot prove it accepts every value it did (${comparison.reason})`,
  );
}

/** Rules for a change to (or inside) a schema keyword, by the keyword and its parent. */
function schemaRule(site: Site): Verdict | undefined {
  const { path, action, before, after } = site;
  const last = path[path.length - 1] ?? '';
  const parent = path[path.length - 2] ?? '';
  if (parent === 'required')
    return action === 'add'
      ? breaking(`field ${code(last)} is required now: messages without it are rejected`)
      : action === 'remove'
        ? nonBreaking(`field ${code(last)} is optional now`)
        : undefined;
  if (parent === 'enum')
    return action === 'add'
      ? nonBreaking(`enum value ${code(last)} added`)
      : action === 'remove'
        ? breaking(`enum value ${code(last)} removed (narrowed enum): senders of it are rejected now`)
        : undefined;
  if (parent === 'properties')
    return action === 'add'
      ? nonBreaking(`field ${code(last)} added`)
      : action === 'remove'
        ? breaking(`field ${code(last)} removed: consumers that read it and senders that send it break`)
        : breaking(`field ${code(last)} replaced by ${code(after)}`);
  const bound = boundRule(site, last);
  if (bound !== undefined) return bound;
  if (last === 'pattern') return patternRule(site);
  if (last === 'additionalProperties') {
    const closes = after === false && before !== false;
    return closes
      ? breaking('additionalProperties set to false: fields not listed are rejected now')
      : nonBreaking(`additionalProperties changed from ${code(before)} to ${code(after)} (accepts more)`);
  }
  if (action === 'add' && NARROWING_WHEN_ADDED.has(last))
    return breaking(`new ${last} ${code(after)}: values accepted before may be rejected now`);
  if (action === 'remove' && NARROWING_WHEN_ADDED.has(last))
    return nonBreaking(`${last} ${code(before)} removed (accepts more)`);
  if ((last === 'type' || last === 'const' || last === 'format') && action === 'edit')
    return breaking(`${last} changed from ${code(before)} to ${code(after)}`);
  if (isSchemaTitle(path))
    return breaking(
      `schema title changed from ${code(before)} to ${code(after)}: renames the generated type and validator`,
    );
  return undefined;
}

function limitRule(site: Site): Verdict | undefined {
  if (site.path[0] !== 'x-limits' || site.path.length !== 2) return undefined;
  const name = site.path[1];
  const { before, after, action } = site;
  if (action === 'add') return nonBreaking(`new limit ${name} = ${code(after)}`);
  if (action === 'remove')
    return breaking(`limit ${name} removed: code reading it from generated/ (LIMITS.${name}) breaks`);
  if (typeof before === 'number' && typeof after === 'number' && after > before)
    return nonBreaking(`raised from ${before} to ${after}`);
  return breaking(
    `lowered from ${code(before)} to ${code(after)}: clients and publishers within the old limit may be refused now`,
  );
}

/** `x-error-codes` and `x-close-codes`: clients act on every code, so only additions and wording are safe. */
function codeTableRule(site: Site): Verdict | undefined {
  const { path, action, before, after } = site;
  const table = path[0] === 'x-error-codes' ? 'error' : path[0] === 'x-close-codes' ? 'close' : undefined;
  if (table === undefined) return undefined;
  const reliance = table === 'error' ? 'clients handle it' : 'clients decide reconnects by it';
  if (path.length === 2)
    return action === 'add'
      ? nonBreaking(`${table} code added`)
      : action === 'remove'
        ? breaking(`${table} code removed: ${reliance}`)
        : breaking(`${table} code changed: ${reliance}`);
  if (path[2] === 'description') return editorial('description changed');
  return breaking(`changed ${path.slice(2).join('.')} from ${code(before)} to ${code(after)}: ${reliance}`);
}

function topicRule(site: Site): Verdict | undefined {
  const { path, action, before, after } = site;
  if (path[0] !== 'channels' || path[2] !== 'x-topic') return undefined;
  const rest = path.slice(3);
  if (rest.length === 0)
    return action === 'add'
      ? nonBreaking('the channel becomes a topic')
      : breaking('the channel is no longer a topic: subscribers are refused');
  if (rest[0] === 'access' && rest[1] === 'roles' && rest.length === 3) {
    // Roles are "any of": an empty list is open to everyone, each added role widens a non-empty list.
    const roles = (which: 'base' | 'head') => {
      const value = site.lookup(which, [...path.slice(0, 5)]);
      return isJsonObject(value) ? Object.keys(value).length : 0;
    };
    if (action === 'add')
      return roles('base') === 0
        ? breaking(`role ${code(rest[2])} required now: users without it are refused`)
        : nonBreaking(`role ${code(rest[2])} also admitted`);
    return roles('head') > 0
      ? breaking(
          `role ${code(rest[2])} no longer admitted: its holders without another listed role are refused`,
        )
      : nonBreaking(`role ${code(rest[2])} dropped: the topic is open to every user of the realm now`);
  }
  if (rest[0] === 'access' && rest[1] !== 'roles' && rest[1] !== undefined)
    return action === 'add'
      ? breaking(`new access rule ${rest.slice(1).join('.')}: subscribers admitted before may be refused`)
      : action === 'remove'
        ? nonBreaking(`access rule ${rest.slice(1).join('.')} removed (admits more)`)
        : breaking(`access rule ${rest.slice(1).join('.')} changed from ${code(before)} to ${code(after)}`);
  if (rest[0] === 'offline') {
    const key = rest[1];
    if (key === 'historySize' || key === 'retentionSeconds') {
      if (typeof before === 'number' && typeof after === 'number' && after >= before)
        return nonBreaking(`offline ${key} raised from ${before} to ${after}`);
      return breaking(
        `offline ${key} ${action === 'edit' ? `lowered from ${before} to ${after}` : action === 'add' ? `set to ${code(after)}` : 'removed'}: reconnecting clients get less`,
      );
    }
    if (key === 'policy' && after === 'history') return nonBreaking('offline policy is history now');
    return breaking(`offline ${rest.slice(1).join('.') || 'policy'} changed: reconnecting clients get less`);
  }
  if (rest[0] === 'partitions' || rest[0] === 'expectedAudience') {
    const was = derivedPartitions(site, 'base');
    const now = derivedPartitions(site, 'head');
    if (was !== undefined && now !== undefined && now < was)
      return breaking(
        `partition keys lowered from ${was} to ${now}: connections saved in the keys no longer queried miss broadcasts until they reconnect (docs/data-model.md, "Hot topics")`,
      );
    return nonBreaking(`${rest[0]} ${code(before)} → ${code(after)} (storage layout, invisible to clients)`);
  }
  return undefined;
}

/** A topic's partition count on one side, derived as codegen derives it (extract-topics.ts). */
function derivedPartitions(site: Site, which: 'base' | 'head'): number | undefined {
  const channel = site.path.slice(0, 2);
  const topic = site.lookup(which, [...channel, 'x-topic']);
  if (!isJsonObject(topic)) return undefined;
  if (typeof topic.partitions === 'number') return topic.partitions;
  if (typeof topic.expectedAudience === 'number') return partitionsForAudience(topic.expectedAudience);
  const access = isJsonObject(topic.access) ? topic.access : {};
  const roles = isJsonObject(access.roles) ? Object.keys(access.roles).length : 0;
  const address = site.lookup(which, [...channel, 'address']);
  const family = typeof address === 'string' && address.includes('{');
  return defaultPartitions({ open: roles === 0 && access.owner === undefined, family });
}

function userMessageRule(site: Site): Verdict | undefined {
  const { path, action, before, after } = site;
  if (path[0] !== 'components' || path[1] !== 'messages' || path[3] !== 'x-user-message') return undefined;
  const key = path[4];
  if (key === undefined)
    return action === 'add'
      ? nonBreaking('becomes a user message type')
      : breaking('no longer a user message type: publishers of it are refused');
  if (key === 'type')
    return breaking(
      `type renamed from ${code(before)} to ${code(after)}: publishers of the old type are refused`,
    );
  if (key === 'retentionDays') {
    if (typeof before === 'number' && typeof after === 'number' && after >= before)
      return nonBreaking(`offline retention raised from ${before} to ${after} days`);
    return breaking(
      `offline retention lowered from ${code(before)} to ${code(after)} days: offline users get less`,
    );
  }
  return undefined;
}

function operationRule(site: Site): Verdict | undefined {
  const { path, action, before, after } = site;
  if (path[0] !== 'operations' || path.length !== 3) return undefined;
  if (path[2] === 'x-route')
    return action === 'add'
      ? nonBreaking(`route ${code(after)} added`)
      : action === 'remove'
        ? breaking(`route ${code(before)} removed: clients sending it get UNKNOWN_ACTION`)
        : breaking(
            `route renamed from ${code(before)} to ${code(after)}: clients sending the old name break`,
          );
  if (path[2] === 'x-handler' || path[2] === 'x-authorizer')
    return nonBreaking(
      `${path[2]} ${code(before)} → ${code(after)} (names a function; invisible to clients)`,
    );
  return undefined;
}

function componentRule(site: Site): Verdict | undefined {
  const { path, action } = site;
  if (path[0] !== 'components' || path.length !== 3) return undefined;
  const kind = path[1] === 'schemas' ? 'schema' : path[1] === 'messages' ? 'message' : path[1];
  if (action === 'add') return nonBreaking(`${kind} added`);
  if (action === 'remove') return breaking(`${kind} removed: generated types and validators of it are gone`);
  return undefined;
}

/**
 * A schema marked `x-internal: true` (in the head contract) is produced and consumed only by this platform's own
 * functions, deployed together (the queue jobs): no deployed client or publisher sees it, so reshaping it breaks
 * none. The consumer must still accept what the previous version left in flight (say how in the schema).
 */
function internalSchemaRule(site: Site): Verdict | undefined {
  const { path } = site;
  if (path[0] !== 'components' || path[1] !== 'schemas' || path.length < 3) return undefined;
  const name = path[2] as string;
  if (site.lookup('head', ['components', 'schemas', name, 'x-internal']) !== true) return undefined;
  // Marking a schema internal lifts the gate from it: say so loudly, a reviewer checks no client reads it.
  if (site.lookup('base', ['components', 'schemas', name, 'x-internal']) !== true && path[3] === 'x-internal')
    return nonBreaking(
      `schema ${name} marked internal (x-internal): its later changes are not gated; no deployed client or publisher may read it`,
    );
  return nonBreaking('internal schema (x-internal): only this platform produces and consumes it');
}

/** Our verdict for one change, or undefined when no rule knows it (the caller then treats it as breaking). */
export function ownVerdict(site: Site): Verdict | undefined {
  return (
    editorialRule(site) ??
    internalSchemaRule(site) ??
    limitRule(site) ??
    codeTableRule(site) ??
    topicRule(site) ??
    userMessageRule(site) ??
    operationRule(site) ??
    componentRule(site) ??
    schemaRule(site)
  );
}

/** Fallback for a change no rule knows: additions of non-narrowing keys are safe, the rest unproven. */
export function fallbackVerdict(site: Site): Verdict {
  if (site.action === 'add') return nonBreaking('added');
  return breaking(
    `${site.action === 'remove' ? 'removed' : `changed from ${code(site.before)} to ${code(site.after)}`}; no rule in codegen/contract-diff/rules.ts says this is safe, so it counts as breaking`,
  );
}
