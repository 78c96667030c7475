/**
 * The corpus's contract placeholders (`{{topic.openHistory}}`, `{{payload.openDrop.missingField}}`, …; see
 * test/reliability/corpus/README.md), resolved from the contract picks, so the corpus names no topic, user message
 * type or payload field of the contract: adding or renaming one needs no corpus edit.
 */
import {
  matchTopic,
  topicPayloadValidators,
  type UserMessageTypeName,
  userMessageRegistry,
} from '../../../generated/index.js';
import {
  families,
  gatedRoles,
  otherUserMessageType,
  topicExample,
  topicIn,
  topics,
  unknownTopic,
  unknownUserMessageType,
  userMessageExample,
  userMessageType,
} from '../../support/contract-picks.js';

type Json = Record<string, unknown>;
type Validate = (value: unknown) => { ok: boolean; errors?: readonly { keyword: string }[] };
/** A payload of the contract (its example) and the validator that judges it. */
interface Subject {
  example: Json;
  validate: Validate;
  what: string;
}
/** A variant of an example: the payload sent and the field it is about. */
interface Variant {
  payload: Json;
  field: string;
}

const topicRefs: Record<string, () => string> = {
  'topic.openHistory': () => topics.openHistory,
  'topic.openDrop': () => topics.openDrop,
  'topic.gated': () => topics.gated,
  'topic.unknown': () => unknownTopic,
};

function topicSubject(topic: string): Subject {
  const match = matchTopic(topic);
  if (!match.ok) throw new Error(`${topic} is no topic of the contract`);
  return {
    example: topicExample(match.family),
    validate: topicPayloadValidators[match.family] as Validate,
    what: topic,
  };
}

function userSubject(type: UserMessageTypeName): Subject {
  return {
    example: userMessageExample(type),
    validate: userMessageRegistry[type].validate as Validate,
    what: type,
  };
}

/** The first field of the example that `value(field, current)` makes the schema refuse (with `keyword`, if given). */
function firstRefused(
  s: Subject,
  value: (current: unknown) => unknown | undefined,
  keyword?: string,
): Variant {
  for (const [field, current] of Object.entries(s.example)) {
    const next = value(current);
    if (next === undefined) continue;
    const result = s.validate({ ...s.example, [field]: next });
    if (result.ok) continue;
    if (keyword === undefined || result.errors?.some((e) => e.keyword === keyword))
      return { payload: { ...s.example, [field]: next }, field };
  }
  throw new Error(`no field of ${s.what}'s example fits this corpus case`);
}

const accepts = (s: Subject, field: string, length: number) =>
  s.validate({ ...s.example, [field]: 'x'.repeat(length) }).ok;

/** The free-text field with the largest maxLength (found through the validator) and that limit. */
function longestText(s: Subject): { field: string; max: number } {
  let best: { field: string; max: number } | undefined;
  for (const [field, current] of Object.entries(s.example)) {
    if (typeof current !== 'string' || !accepts(s, field, 1)) continue;
    let [lo, hi] = [1, 1 << 20];
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (accepts(s, field, mid)) lo = mid;
      else hi = mid - 1;
    }
    if (best === undefined || lo > best.max) best = { field, max: lo };
  }
  if (best === undefined) throw new Error(`${s.what}'s example has no free-text field`);
  return best;
}

const withText = (s: Subject, field: string, length: number): Variant => ({
  payload: { ...s.example, [field]: 'x'.repeat(length) },
  field,
});

/** Variants of a subject's example by name (`missingField`, `wrongType`, `textOf:200000`, …). */
function variant(s: Subject, name: string): Variant {
  const colon = name.indexOf(':');
  const [kind, arg] = colon < 0 ? [name, undefined] : [name.slice(0, colon), name.slice(colon + 1)];
  switch (kind) {
    case 'missingField': {
      for (const field of Object.keys(s.example)) {
        const { [field]: _removed, ...rest } = s.example;
        if (!s.validate(rest).ok) return { payload: rest, field };
      }
      throw new Error(`${s.what}'s example has no required field`);
    }
    case 'wrongType':
      return firstRefused(s, (v) => (typeof v === 'string' ? 5 : undefined), 'type');
    case 'emptyString':
      return firstRefused(s, (v) => (typeof v === 'string' ? '' : undefined));
    case 'enumInvalid':
      return firstRefused(s, (v) => (typeof v === 'string' ? 'not-one-of-them' : undefined), 'enum');
    case 'numberOver':
      return firstRefused(s, (v) => (typeof v === 'number' ? 1e9 : undefined), 'maximum');
    case 'numberFraction':
      return firstRefused(s, (v) => (typeof v === 'number' ? v + 0.5 : undefined), 'type');
    case 'badFormat':
      return firstRefused(s, (v) => (typeof v === 'string' ? (arg ?? 'not a uri') : undefined), 'format');
    case 'badPattern':
      return firstRefused(s, (v) => (typeof v === 'string' ? arg : undefined), 'pattern');
    case 'extraField':
      return { payload: { ...s.example, [arg ?? 'html']: '<b>x</b>' }, field: arg ?? 'html' };
    case 'textOf':
      return withText(s, longestText(s).field, Number(arg));
    case 'textOverLimit': {
      const { field, max } = longestText(s);
      return withText(s, field, max + 1);
    }
    default:
      throw new Error(`unknown corpus placeholder variant ${name}`);
  }
}

/**
 * A placeholder's value: `topic.*`, `role.gated`, `topic.owned:VALUE` / `topic.unowned:VALUE` (a concrete topic of
 * the family, every parameter VALUE), `userType`, `userType.other`, `userType.unknown`, `payload.TOPIC[.VARIANT]`,
 * `field.TOPIC.VARIANT`, `userPayload[.other][.VARIANT]`, `userField[.other].VARIANT`; `upper:X` is X in capitals.
 */
export function placeholderValue(name: string): unknown {
  if (name.startsWith('upper:')) return String(placeholderValue(name.slice(6))).toUpperCase();
  const ref = topicRefs[name];
  if (ref) return ref();
  // Dots separate the parts of the name; an argument after `:` (free text, which may hold dots) is kept whole.
  const colon = name.indexOf(':');
  const parts = (colon < 0 ? name : name.slice(0, colon)).split('.');
  if (colon >= 0) parts.push(`${parts.pop() ?? ''}${name.slice(colon)}`);
  const [head = '', ...rest] = parts;
  const tail = rest.join('.');
  switch (head) {
    case 'role':
      if (tail === 'gated' && gatedRoles[0] !== undefined) return gatedRoles[0];
      break;
    case 'topic': {
      const [trait, value = 'x'] = tail.split(/:(.*)/s);
      const family = trait === 'owned' ? families.owned : trait === 'unowned' ? families.unowned : undefined;
      if (family !== undefined) return topicIn(family, value);
      break;
    }
    case 'userType':
      if (tail === '') return userMessageType;
      if (tail === 'other') return otherUserMessageType;
      if (tail === 'unknown') return unknownUserMessageType;
      break;
    case 'payload':
    case 'field':
      return subjectValue(head, topicSubjectOf(rest));
    case 'userPayload':
    case 'userField': {
      const other = rest[0] === 'other';
      const type = other ? otherUserMessageType : userMessageType;
      return subjectValue(head, {
        subject: userSubject(type),
        variantName: rest.slice(other ? 1 : 0).join('.'),
      });
    }
  }
  throw new Error(`unknown corpus placeholder {{${name}}}`);
}

function topicSubjectOf(parts: string[]): { subject: Subject; variantName: string } {
  const [trait = '', ...variantParts] = parts;
  const ref = topicRefs[`topic.${trait}`];
  if (ref === undefined) throw new Error(`unknown topic trait ${trait} in a corpus placeholder`);
  return { subject: topicSubject(ref()), variantName: variantParts.join('.') };
}

function subjectValue(head: string, { subject, variantName }: { subject: Subject; variantName: string }) {
  const wantsField = head === 'field' || head === 'userField';
  if (variantName === '') {
    if (wantsField) throw new Error(`{{${head}}} needs a variant`);
    return subject.example;
  }
  const v = variant(subject, variantName);
  return wantsField ? v.field : v.payload;
}

// A placeholder starts with a letter, so literal template text such as `{{7*7}}` stays as it is.
const NAME = '[A-Za-z][\\w.]*(?::[^{}]*)?';
const TOKEN = new RegExp(`\\{\\{(${NAME})\\}\\}`, 'g');
const WHOLE = new RegExp(`^\\{\\{(${NAME})\\}\\}$`);

/**
 * Resolves the placeholders of a parsed corpus case: a string that is one placeholder becomes its value (an
 * example payload stays an object); inside longer text each placeholder is replaced by its text (objects as JSON).
 */
export function resolvePlaceholders(value: unknown): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE.exec(value);
    if (whole?.[1] !== undefined) return placeholderValue(whole[1]);
    return value.replace(TOKEN, (_, name: string) => {
      const v = placeholderValue(name);
      return typeof v === 'string' ? v : JSON.stringify(v);
    });
  }
  if (Array.isArray(value)) return value.map(resolvePlaceholders);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolvePlaceholders(v)]));
  return value;
}
