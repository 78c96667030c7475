/**
 * `npm run token -- --user alice --realm acme [--role admin ...] [--ttl 3600] [--idp http://localhost:3000]`
 *
 * Asks the running development identity provider (`npm start`) for a token and prints only the token on
 * stdout, so it composes: `wscat -c "ws://localhost:3001/?token=$(npm run -s token -- --user alice --realm acme)"`.
 * Exit codes: 0 token printed, 1 the identity provider refused or could not be reached, 2 bad arguments.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  DEFAULT_IDP_URL,
  DEV_TOKEN_OPTIONS,
  type DevTokenArgs,
  type DevTokenRequest,
  devTokenEndpoint,
  requestDevToken,
} from '../publisher/dev-token.js';

export { DEFAULT_IDP_URL };

const USAGE = `Usage: npm run token -- --user <userId> --realm <realm> [--role <role> ...] [--ttl <seconds>] [--idp <url>]

Prints a development access token from the local identity provider (started by \`npm start\`).

Options:
  -u, --user <userId>   user id (the token's sub)                       required
  -r, --realm <realm>   realm (the issuer is <idp>/realms/<realm>)      required
      --role <role>     realm role; repeat for several roles
      --ttl <seconds>   lifetime, 1..86400 (default 3600)
      --idp <url>       identity provider base URL (default $WSPUSH_IDP_URL or ${DEFAULT_IDP_URL})
  -h, --help            show this help
`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  fetch: typeof fetch;
}

class UsageError extends Error {}

export async function runTokenCli(argv: readonly string[], io: CliIo): Promise<number> {
  let values: DevTokenArgs;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: DEV_TOKEN_OPTIONS,
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.stderr(`error: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }

  let request: DevTokenRequest;
  let endpoint: URL;
  try {
    if (!values.user) throw new UsageError('--user is required');
    if (!values.realm) throw new UsageError('--realm is required');
    request = { userId: values.user, realm: values.realm, roles: values.role ?? [] };
    if (values.ttl !== undefined) {
      if (!/^\d+$/.test(values.ttl))
        throw new UsageError(`--ttl must be a whole number of seconds, got "${values.ttl}"`);
      request.ttlSeconds = Number(values.ttl);
    }
    const idp = values.idp ?? io.env.WSPUSH_IDP_URL ?? DEFAULT_IDP_URL;
    try {
      endpoint = devTokenEndpoint(idp);
    } catch {
      throw new UsageError(`--idp "${idp}" is not a URL`);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`error: ${error.message}\n\n${USAGE}`);
    return 2;
  }

  const outcome = await requestDevToken(endpoint, request, io.fetch);
  if (outcome.kind === 'unreachable') {
    const { error } = outcome;
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (error as Error).message;
    io.stderr(
      `error: cannot reach the identity provider at ${endpoint.href} (${why}). Is \`npm start\` running?\n`,
    );
    return 1;
  }
  if (outcome.kind === 'refused') {
    io.stderr(
      `error: the identity provider at ${endpoint.href} answered ${outcome.status}: ${outcome.message}\n`,
    );
    if (outcome.status === 404) io.stderr('Is it the wspush platform started by `npm start`?\n');
    return 1;
  }
  io.stdout(`${outcome.token}\n`);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runTokenCli(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    fetch,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`error: ${(error as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
