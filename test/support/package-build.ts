/**
 * Builds of dist/package (scripts/build-package.ts, also `npm pack`'s prepack) from tests that run in parallel
 * (test/sdk/docs-snippets.test.ts, test/package/pack.test.ts): one at a time, behind a directory lock, since a
 * build first deletes dist/package.
 */
import { mkdir, rm, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const LOCK = fileURLToPath(new URL('../../dist/.package-build.lock', import.meta.url));
/** A lock older than this was left by a killed run. */
const STALE_MS = 15 * 60_000;

export async function withPackageBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  await mkdir(fileURLToPath(new URL('../../dist', import.meta.url)), { recursive: true });
  for (;;) {
    try {
      await mkdir(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const since = await stat(LOCK).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (since > STALE_MS) await rm(LOCK, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}
