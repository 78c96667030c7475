// The error-code and close-code tables of the rendered contract description, written from `x-error-codes` and
// `x-close-codes` (the one place those codes are defined), so no second, hand-kept table can drift from them.
import { isJsonObject, type JsonValue } from './json.js';

const cell = (value: JsonValue | undefined): string =>
  String(value ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ');

export function errorCodeTable(codes: JsonValue | undefined): string {
  if (!isJsonObject(codes)) return '';
  const rows = Object.entries(codes).map(([name, entry]) => {
    const e = isJsonObject(entry) ? entry : {};
    return `| \`${name}\` | ${e.retryable === true ? 'yes' : 'no'} | ${cell(e.description)} |`;
  });
  return [
    '### Error codes (error frames and rejected topics)',
    '| code | retryable | meaning |',
    '| --- | --- | --- |',
    ...rows,
  ].join('\n');
}

export function closeCodeTable(codes: JsonValue | undefined): string {
  if (!Array.isArray(codes)) return '';
  const entries = codes.filter(isJsonObject);
  const sentBy = entries.some((e) => e.sentBy !== undefined);
  const rows = entries.map((e) => {
    const code = e.from === e.to ? String(e.from) : `${e.from}–${e.to}`;
    const by = sentBy ? ` ${cell(Array.isArray(e.sentBy) ? e.sentBy.join(', ') : e.sentBy)} |` : '';
    return `| ${code} | ${e.retryable === true ? 'retryable' : 'terminal'} | \`${cell(e.name)}\` | ${cell(e.description)} |${by}`;
  });
  return [
    '### WebSocket close codes',
    `| code | class | name | meaning |${sentBy ? ' sent by |' : ''}`,
    `| --- | --- | --- | --- |${sentBy ? ' --- |' : ''}`,
    ...rows,
  ].join('\n');
}

/** The contract description followed by the two code tables. */
export function describeWithCodeTables(
  description: string | undefined,
  errorCodes: JsonValue | undefined,
  closeCodes: JsonValue | undefined,
): string {
  return [description?.trimEnd() ?? '', errorCodeTable(errorCodes), closeCodeTable(closeCodes)]
    .filter((s) => s.length > 0)
    .join('\n\n')
    .concat('\n');
}
