/**
 * `npm run token` and `wspush token` are one CLI (src/publisher/cli.ts) with one set of exit codes: 0 token
 * printed, 1 refused by the identity provider, 2 usage, 3 input the identity provider rejected (400),
 * 4 unreachable.
 */
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type IdentityProviderServer,
  startIdentityProviderServer,
} from '../../src/local/identity-provider.js';
import { EXIT, runCli } from '../../src/publisher/cli.js';
import { closedPort, spawnCli } from '../support/spawn-cli.js';

let idp: IdentityProviderServer;
beforeAll(async () => {
  idp = await startIdentityProviderServer({ port: 0 });
});
afterAll(() => idp.close());

function io(env: Record<string, string> = {}, fetchImpl: typeof fetch = fetch) {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: (t: string) => {
        out.stdout += t;
      },
      stderr: (t: string) => {
        out.stderr += t;
      },
      env,
      fetch: fetchImpl,
      readStdin: async () => '',
      stdinIsTTY: true,
    },
  };
}

describe('npm run token (spawned through npm)', { timeout: 60_000 }, () => {
  it('prints only the token on stdout and exits 0', async () => {
    const run = await spawnCli(
      'npm',
      ['run', '-s', 'token', '--', '--user', 'alice', '--realm', 'acme', '--role', 'admin', '--role', 'ops'],
      { env: { WSPUSH_IDP_URL: idp.url }, timeoutMs: 50_000 },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(EXIT.OK);
    expect(run.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    expect(decodeJwt(run.stdout.trim())).toMatchObject({
      sub: 'alice',
      iss: `${idp.url}/realms/acme`,
      realm_access: { roles: ['admin', 'ops'] },
    });
  });
});

describe('wspush token (in process)', () => {
  it('honours --ttl', async () => {
    const { out, io: cliIo } = io();
    const args = ['token', '--user', 'alice', '--realm', 'acme', '--ttl', '120', '--idp', idp.url];
    expect(await runCli(args, cliIo)).toBe(EXIT.OK);
    const claims = decodeJwt(out.stdout.trim());
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(120);
  });

  it('reads the identity provider URL from WSPUSH_IDP_URL', async () => {
    const { out, io: cliIo } = io({ WSPUSH_IDP_URL: idp.url });
    expect(await runCli(['token', '-u', 'bob', '-r', 'globex'], cliIo)).toBe(EXIT.OK);
    expect(decodeJwt(out.stdout.trim()).sub).toBe('bob');
    expect(out.stderr).toBe('');
  });

  it('refuses missing or unknown options, positionals, a non-numeric ttl and a bad URL with exit 2', async () => {
    for (const args of [
      ['--realm', 'acme'],
      ['--user', 'alice'],
      ['--user', 'a', '--realm', 'r', '--colour', 'red'],
      ['alice'],
      ['--user', 'a', '--realm', 'r', '--ttl', '1h'],
      ['--user', 'a', '--realm', 'r', '--idp', 'not a url'],
    ]) {
      const { out, io: cliIo } = io();
      expect(await runCli(['token', ...args], cliIo), args.join(' ')).toBe(EXIT.USAGE);
      expect(out.stdout).toBe('');
      expect(out.stderr).toMatch(/^wspush: /);
    }
  });

  it('input the identity provider rejects exits 3 with its reason', async () => {
    const { out, io: cliIo } = io();
    const args = ['token', '--user', 'alice', '--realm', 'acme', '--ttl', '999999', '--idp', idp.url];
    expect(await runCli(args, cliIo)).toBe(EXIT.INVALID);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/answered 400: ttlSeconds must be an integer from 1 to 86400/);
  });

  it('a server that is not the identity provider exits 1', async () => {
    const notIdp: typeof fetch = async () => new Response('<html>nope</html>', { status: 404 });
    const { out, io: cliIo } = io({}, notIdp);
    expect(await runCli(['token', '--user', 'a', '--realm', 'r'], cliIo)).toBe(EXIT.FAILED);
    expect(out.stderr).toContain('answered 404');
  });

  it('an unreachable identity provider exits 4 and asks whether npm start is running', async () => {
    const port = await closedPort();
    const { out, io: cliIo } = io();
    const args = ['token', '--user', 'alice', '--realm', 'acme', '--idp', `http://127.0.0.1:${port}`];
    expect(await runCli(args, cliIo)).toBe(EXIT.UNREACHABLE);
    expect(out.stderr).toContain(`http://127.0.0.1:${port}/dev/token`);
    expect(out.stderr).toContain('Is `npm start` running?');
  });
});
