/**
 * The package's version follows the contract (CHANGELOG.md, "Versioning"): its major version is the major of
 * `info.version`, so a breaking contract change cannot ship as a minor release. Also the licence metadata.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const manifest = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as {
  version: string;
  license: string;
  private?: boolean;
};
const contract = parse(readFileSync(`${ROOT}asyncapi.yaml`, 'utf8')) as { info: { version: string } };
const major = (version: string): number => Number(version.split('.')[0]);

it('the package major version is the contract major version', () => {
  expect(
    major(manifest.version),
    `package ${manifest.version}, contract ${contract.info.version}: bump the package major with the contract's`,
  ).toBe(major(contract.info.version));
});

it('the CHANGELOG has an entry for the package version', () => {
  const changelog = readFileSync(`${ROOT}CHANGELOG.md`, 'utf8');
  expect(changelog).toMatch(new RegExp(`^## ${manifest.version.replaceAll('.', '\\.')}\\b`, 'm'));
});

it('is publishable under Apache-2.0', () => {
  expect(manifest.private).toBeUndefined();
  expect(manifest.license).toBe('Apache-2.0');
  expect(readFileSync(`${ROOT}LICENSE`, 'utf8')).toMatch(/Apache License\s+Version 2\.0, January 2004/);
});
