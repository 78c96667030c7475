// Decides whether a changed `pattern` still accepts every string the old one accepted, by comparing the two
// regular languages as finite automata (refa): narrowed only when some string matches the old pattern and not
// the new one. Patterns refa cannot model (backreferences, lookarounds) count as narrowed: unproven.
import { DFA, JS, NFA } from 'refa';

export type PatternComparison =
  | { kind: 'wider-or-equal' }
  | { kind: 'narrower'; example: string }
  | { kind: 'unproven'; reason: string };

/**
 * JSON Schema patterns are unanchored searches; `^…$` anchors are stripped, an unanchored side becomes
 * `[^]*…[^]*` so the comparison is over whole strings either way.
 */
function toWholeString(pattern: string): string {
  const head = pattern.startsWith('^') ? pattern.slice(1) : `[^]*(?:${pattern}`;
  const anchoredEnd = head.endsWith('$') && !head.endsWith('\\$');
  const body = anchoredEnd ? head.slice(0, -1) : `${head}`;
  const closed = pattern.startsWith('^') ? body : `${body})`;
  return anchoredEnd ? closed : `${closed}[^]*`;
}

function automaton(pattern: string): NFA {
  const { expression, maxCharacter } = JS.Parser.fromLiteral({
    source: toWholeString(pattern),
    flags: 'u',
  }).parse({ assertions: 'throw', backreferences: 'throw' });
  return NFA.fromRegex(expression, { maxCharacter });
}

interface CharSetLike {
  has(character: number): boolean;
  readonly ranges: readonly { min: number; max: number }[];
}

/** One character of the set, a readable one when there is one (the example is shown to a contract author). */
function readableCharacter(set: CharSetLike): number {
  for (const c of 'a0A-_.') if (set.has(c.codePointAt(0) as number)) return c.codePointAt(0) as number;
  const visible = set.ranges.find((r) => r.max >= 0x21 && r.min <= 0x7e);
  if (visible !== undefined) return Math.max(visible.min, 0x21);
  return set.ranges[0]?.min ?? 0x3f;
}

export function comparePatterns(before: string, after: string): PatternComparison {
  let oldLanguage: NFA;
  let newLanguage: NFA;
  try {
    oldLanguage = automaton(before);
    newLanguage = automaton(after);
  } catch (error) {
    return { kind: 'unproven', reason: error instanceof Error ? error.message : String(error) };
  }
  const rejectedByNew = DFA.fromFA(newLanguage);
  rejectedByNew.complement();
  const lost = NFA.fromIntersection(oldLanguage, rejectedByNew);
  if (lost.isEmpty) return { kind: 'wider-or-equal' };
  const [word] = lost.wordSets();
  const example = word === undefined ? '' : String.fromCodePoint(...word.map(readableCharacter));
  return { kind: 'narrower', example };
}
