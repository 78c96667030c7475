// Compares two versions of the contract: @asyncapi/diff lists the changes and classifies what its AsyncAPI 3
// standard knows (channels, operations, servers); rules.ts classifies the rest. Each change gets a JSON path
// and a subject in the contract's own terms (topic, route, user message type, schema field, code, limit).
import { diff, type OverrideObject } from '@asyncapi/diff';
import { pointerToPath } from '../contract.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import { normalizeContract } from './normalize.js';
import { type Action, fallbackVerdict, ownVerdict, type Severity, type Site } from './rules.js';

export interface ContractChange {
  /** JSON pointer; list items are named by their value (`…/required/title`, `…/enum/warning`). */
  pointer: string;
  action: Action;
  severity: Severity;
  /** What the change is about: "topic `announcements`", "schema `RejectedTopic`, field `reason`". */
  subject: string;
  what: string;
  classifiedBy: '@asyncapi/diff' | 'wspush rules';
}

/** The version is judged by the gate itself, not counted as a breaking edit. */
const OVERRIDES: OverrideObject = {
  '/info/version': { add: 'non-breaking', remove: 'breaking', edit: 'non-breaking' },
};

/** A $ref edit is judged by comparing the two referenced schemas, at most this deep. */
const MAX_REF_DEPTH = 4;

function at(root: JsonValue, path: readonly string[]): JsonValue | undefined {
  let node: JsonValue | undefined = root;
  for (const segment of path) node = isJsonObject(node) ? node[segment] : undefined;
  return node;
}

function resolveRef(root: JsonValue, ref: JsonValue | undefined): JsonValue | undefined {
  return typeof ref === 'string' && ref.startsWith('#/') ? at(root, pointerToPath(ref.slice(1))) : undefined;
}

const name = (value: JsonValue | undefined, fallback: string): string =>
  typeof value === 'string' ? value : fallback;

/** "topic `job-status`", "route `ping`", "user message type `notification`", "schema `X`", … */
function subjectOf(path: readonly string[], base: JsonValue, head: JsonValue): string {
  const pick = (...p: string[]) => at(head, p) ?? at(base, p);
  const [root, id = ''] = path;
  let subject: string;
  let rest = path.slice(2);
  if (root === 'channels') {
    const address = name(pick('channels', id, 'address'), id);
    const kind = address.includes('{') ? 'topic family' : 'topic';
    subject = pick('channels', id, 'x-topic') !== undefined ? `${kind} \`${address}\`` : `channel \`${id}\``;
  } else if (root === 'operations') {
    const route = pick('operations', id, 'x-route');
    subject = typeof route === 'string' ? `route \`${route}\`` : `operation \`${id}\``;
  } else if (root === 'components' && path[1] === 'messages' && path[2] !== undefined) {
    const type = pick('components', 'messages', path[2], 'x-user-message', 'type');
    subject = typeof type === 'string' ? `user message type \`${type}\`` : `message \`${path[2]}\``;
    rest = path.slice(3);
  } else if (root === 'components' && path[1] === 'schemas' && path[2] !== undefined) {
    subject = `schema \`${path[2]}\``;
    rest = path.slice(3);
  } else if (root === 'x-error-codes') subject = `error code \`${id}\``;
  else if (root === 'x-close-codes') {
    const from = pick('x-close-codes', id, 'from');
    const to = pick('x-close-codes', id, 'to');
    subject = `close code ${id} (${from === to ? from : `${from}–${to}`})`;
  } else if (root === 'x-limits') subject = `limit \`${id}\``;
  else if (root === 'servers') subject = `server \`${id}\``;
  else return path.length > 0 ? path.join('.') : 'the contract';
  const fields: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === 'properties' && rest[i + 1] !== undefined && i + 1 < rest.length - 1)
      fields.push(rest[i + 1] as string);
    if (rest[i] === 'properties') i++;
  }
  return fields.length > 0 ? `${subject}, field \`${fields.join('.')}\`` : subject;
}

function escapePointer(path: readonly string[]): string {
  return path.map((s) => `/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

const PAST: Readonly<Record<Action, string>> = { add: 'added', remove: 'removed', edit: 'changed' };

/** Words for a change @asyncapi/diff classified and no rule of ours describes. */
function libraryWords(site: Site): string {
  const { path, action, before, after } = site;
  const values = action === 'edit' ? ` from ${JSON.stringify(before)} to ${JSON.stringify(after)}` : '';
  const what = path.length > 2 ? `${path.slice(2).join('.')} ${PAST[action]}${values}` : PAST[action];
  if (path[0] === 'channels' && path.length === 2 && action === 'remove')
    return `${what}: clients subscribing to it are refused, publishers to it are rejected`;
  if (path[0] === 'operations' && path.length === 2 && action === 'remove')
    return `${what}: clients or functions using it break`;
  return what;
}

interface RawChange {
  action: Action;
  path: string;
  before?: JsonValue;
  after?: JsonValue;
  type: 'breaking' | 'non-breaking' | 'unclassified';
}

function rawChanges(base: JsonObject, head: JsonObject): RawChange[] {
  const output = diff(base, head, { override: OVERRIDES, outputType: 'json' }).getOutput();
  if (typeof output === 'string') throw new Error('@asyncapi/diff returned text for outputType json');
  return output.changes as RawChange[];
}

interface Documents {
  base: JsonObject;
  head: JsonObject;
}

function classifyOne(change: RawChange, docs: Documents, prefix: readonly string[]): ContractChange {
  const path = [...prefix, ...pointerToPath(change.path)];
  const site: Site = {
    path,
    action: change.action,
    before: change.before,
    after: change.after,
    lookup: (which, p) => at(docs[which], p),
  };
  const pointer = escapePointer(path);
  const subject = subjectOf(path, docs.base, docs.head);
  const verdict = ownVerdict(site);
  if (change.type !== 'unclassified') {
    // Their "non-breaking" covers descriptions too; ours tells editorial edits apart (no version bump needed).
    const severity: Severity =
      change.type === 'breaking'
        ? 'breaking'
        : verdict?.severity === 'editorial'
          ? 'editorial'
          : 'non-breaking';
    const what = verdict?.what ?? libraryWords(site);
    return { pointer, action: change.action, severity, subject, what, classifiedBy: '@asyncapi/diff' };
  }
  return {
    pointer,
    action: change.action,
    ...(verdict ?? fallbackVerdict(site)),
    subject,
    classifiedBy: 'wspush rules',
  };
}

/** Follows `$ref`s from `node` (in `root`) to the schema they name. */
function deref(root: JsonObject, node: JsonValue | undefined): JsonValue | undefined {
  let current = node;
  for (let hops = 0; hops < 20 && isJsonObject(current) && typeof current.$ref === 'string'; hops++)
    current = resolveRef(root, current.$ref);
  return current;
}

const refName = (node: JsonValue | undefined): string | undefined =>
  isJsonObject(node) && typeof node.$ref === 'string' ? `\`${node.$ref.split('/').pop()}\`` : undefined;

/**
 * Changes between `before` and `after` (the nodes at `prefix` in base and head). Where a node's `$ref` was
 * added, removed or re-pointed, the two nodes are compared by what they resolve to, so swapping an inline
 * schema for a reference to a narrower one is seen as the narrowing it is.
 */
function compareNodes(
  before: JsonObject,
  after: JsonObject,
  docs: Documents,
  prefix: readonly string[],
  depth: number,
): ContractChange[] {
  const nested = prefix.length > 0;
  // A nested comparison wraps both nodes so @asyncapi/diff can run (its standard knows nothing there).
  const wrap = (node: JsonObject): JsonObject => ({ asyncapi: '3.0.0', components: { node } });
  const raw = nested
    ? rawChanges(wrap(before), wrap(after)).map((c) => ({
        ...c,
        path: c.path.replace(/^\/components\/node/, ''),
      }))
    : rawChanges(before, after);
  const holders = new Set(
    depth < MAX_REF_DEPTH ? raw.filter((c) => c.path.endsWith('/$ref')).map((c) => c.path.slice(0, -5)) : [],
  );
  const under = (p: string) => [...holders].find((h) => p === h || p.startsWith(`${h}/`));
  const out: ContractChange[] = [];
  for (const change of raw) if (under(change.path) === undefined) out.push(classifyOne(change, docs, prefix));
  for (const holder of holders) {
    const holderPath = [...prefix, ...pointerToPath(holder)];
    const beforeNode = at(before, pointerToPath(holder));
    const afterNode = at(after, pointerToPath(holder));
    const beforeSchema = deref(docs.base, beforeNode);
    const afterSchema = deref(docs.head, afterNode);
    const note = `it refers to ${refName(afterNode) ?? 'an inline schema'} now instead of ${refName(beforeNode) ?? 'an inline schema'}`;
    if (!isJsonObject(beforeSchema) || !isJsonObject(afterSchema)) {
      for (const change of raw)
        if (under(change.path) === holder) out.push(classifyOne(change, docs, prefix));
      continue;
    }
    // A referenced schema's own title is its name, already in the note (renaming it is reported where it is).
    const strip = ({ title: _t, ...rest }: JsonObject): JsonObject => rest;
    const inner = compareNodes(strip(beforeSchema), strip(afterSchema), docs, holderPath, depth + 1);
    if (inner.length === 0)
      out.push({
        pointer: escapePointer([...holderPath, '$ref']),
        action: 'edit',
        severity: 'non-breaking',
        subject: subjectOf(holderPath, docs.base, docs.head),
        what: `${note} (same schema)`,
        classifiedBy: 'wspush rules',
      });
    else out.push(...inner.map((c) => ({ ...c, what: `${c.what}; ${note}` })));
  }
  return out;
}

/** Every change from `base` to `head` (parsed YAML of two contract versions), classified. */
export function compareContracts(base: JsonObject, head: JsonObject): ContractChange[] {
  const docs: Documents = {
    base: normalizeContract(base) as JsonObject,
    head: normalizeContract(head) as JsonObject,
  };
  return compareNodes(docs.base, docs.head, docs, [], 0);
}
