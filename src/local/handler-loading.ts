/**
 * Loading the real handler modules into this process, once their environment is complete: handlers read
 * `process.env` at cold start, so every import waits until `ready(env)` is called.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LambdaHandler } from './lambda/runtime.js';

/**
 * Node caches modules per process: handler modules (and the SDK clients they build at cold start) keep the
 * environment of the first platform that loaded them. A later platform in the same process must therefore
 * use the same environment (a restart on the same ports); anything else fails loudly instead of silently
 * talking to the previous edge.
 */
let environmentOfLoadedHandlers: Record<string, string> | undefined;

function checkSameEnvironment(env: Record<string, string>): void {
  if (!environmentOfLoadedHandlers) {
    environmentOfLoadedHandlers = { ...env };
    return;
  }
  const changed = Object.keys({ ...env, ...environmentOfLoadedHandlers }).filter(
    (key) => env[key] !== environmentOfLoadedHandlers?.[key],
  );
  if (changed.length > 0) {
    throw new Error(
      `Handler modules were already loaded in this process by a platform with another environment ` +
        `(${changed.join(', ')} differ): run one platform per process, or restart it on the same ports`,
    );
  }
}

export interface HandlerLoader {
  /** Imports `src/handlers/<name>` once the environment is ready. */
  load(name: string): Promise<LambdaHandler>;
  /** The handlers' environment is complete: pending and later loads go ahead with it. */
  ready(env: Record<string, string>): void;
}

export function createHandlerLoader(handlersDir: string): HandlerLoader {
  let env: Record<string, string> = {};
  let markReady: () => void = () => undefined;
  const envReady = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  return {
    async load(name) {
      await envReady;
      checkSameEnvironment(env);
      const file = [join(handlersDir, `${name}.ts`), join(handlersDir, `${name}.js`)].find((f) =>
        existsSync(f),
      );
      if (!file) throw new Error(`Function not found: no handler module src/handlers/${name}.ts`);
      const mod = (await import(pathToFileURL(file).href)) as { handler?: unknown };
      if (typeof mod.handler !== 'function')
        throw new Error(`${file} does not export a function named "handler"`);
      return mod.handler as LambdaHandler;
    },
    ready(complete) {
      env = complete;
      markReady();
    },
  };
}
