// The gate's verdict on a classified change list: a breaking change needs info.version's major to go up,
// any other change needs the version to go up, and every new version is recorded as the released baseline.
import type { ContractChange } from './classify.js';

export interface Version {
  text: string;
  major: number;
  minor: number;
  patch: number;
}

export function parseVersion(text: unknown): Version | undefined {
  const match = typeof text === 'string' ? /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(text) : null;
  if (match === null) return undefined;
  return { text: text as string, major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}

function compareVersions(a: Version, b: Version): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

export interface GateInput {
  changes: readonly ContractChange[];
  base: Version;
  head: Version;
  /** True when the base is the recorded release (then a new major must be recorded). */
  baseIsRecordedRelease: boolean;
  /** True when the caller is about to record the head as the new release. */
  recording: boolean;
}

export interface GateVerdict {
  ok: boolean;
  /** Why it fails, each with what to do about it. */
  failures: string[];
}

export const RECORD_COMMAND = 'npm run contract:diff -- --record';

export function judge(input: GateInput): GateVerdict {
  const { changes, base, head } = input;
  const failures: string[] = [];
  const breaking = changes.filter((c) => c.severity === 'breaking').length;
  const substantive = changes.filter((c) => c.severity !== 'editorial').length;
  const order = compareVersions(head, base);
  if (head.major < base.major || (order < 0 && substantive > 0))
    failures.push(`info.version went down from ${base.text} to ${head.text}.`);
  else if (breaking > 0 && head.major === base.major)
    failures.push(
      `${breaking} breaking change(s) since ${base.text}, but info.version's major is still ${head.major}. ` +
        `Undo them (deployed clients and publishers rely on ${base.text}), or release a new major: set ` +
        `info.version to ${base.major + 1}.0.0 and run \`${RECORD_COMMAND}\`.`,
    );
  else if (substantive > 0 && order === 0)
    failures.push(
      `the contract changed since ${base.text} but info.version is still ${head.text}: bump the minor for ` +
        `additions (${base.major}.${base.minor + 1}.0)${breaking > 0 ? '' : ''}.`,
    );
  // Every version that goes up is a release: recorded, later removals of its additions are breaking too.
  if (failures.length === 0 && input.baseIsRecordedRelease && !input.recording && order > 0)
    failures.push(
      `info.version went up (${base.text} → ${head.text}): record this contract as the released ` +
        `baseline with \`${RECORD_COMMAND}\` and commit it with the contract, so a later version that ` +
        `removes what ${head.text} adds is caught.`,
    );
  return { ok: failures.length === 0, failures };
}
