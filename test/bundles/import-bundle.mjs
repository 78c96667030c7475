// Imports one Lambda bundle the way the nodejs22.x runtime does (an ES module, no CommonJS `require` in scope)
// and prints what it exports. Run in a fresh process by bundles.test.ts: `node import-bundle.mjs <bundle>`.
// It must be a .mjs file: `node -e` defines `require` and would hide `Dynamic require` failures.
import { pathToFileURL } from 'node:url';

const [bundle] = process.argv.slice(2);
if (!bundle) {
  console.error('usage: node import-bundle.mjs <path/to/index.mjs>');
  process.exit(2);
}
try {
  const mod = await import(pathToFileURL(bundle).href);
  process.stdout.write(
    `${JSON.stringify({ exports: Object.keys(mod).sort(), handler: typeof mod.handler })}\n`,
  );
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
}
