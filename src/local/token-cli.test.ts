import { fileURLToPath } from 'node:url';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, closedPort, spawnCli, TSX_BIN } from '../../test/support/spawn-cli.js';
import { type IdentityProviderServer, startIdentityProviderServer } from './identity-provider.js';
import { runTokenCli } from './token-cli.js';

const CLI = fileURLToPath(new URL('./token-cli.ts', import.meta.url));

/** `npm run token -- ...`: tsx runs the CLI; WSPUSH_IDP_URL is cleared so only --idp points anywhere. */
function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return spawnCli(TSX_BIN, [CLI, ...args], { env: { WSPUSH_IDP_URL: '', ...env }, timeoutMs: 25_000 });
}

let idp: IdentityProviderServer;
beforeAll(async () => {
  idp = await startIdentityProviderServer({ port: 0 });
});
afterAll(() => idp.close());

// Each spawn starts tsx (seconds on a busy machine): only the behaviours that need a real process are spawned.
describe('npm run token (spawned with tsx)', { timeout: 40_000 }, () => {
  it('prints only the token on stdout and exits 0', async () => {
    const run = await runCli([
      '--user',
      'alice',
      '--realm',
      'acme',
      '--role',
      'admin',
      '--role',
      'ops',
      '--ttl',
      '120',
      '--idp',
      idp.url,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const claims = decodeJwt(run.stdout.trim());
    expect(claims).toMatchObject({
      sub: 'alice',
      iss: `${idp.url}/realms/acme`,
      realm_access: { roles: ['admin', 'ops'] },
    });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(120);
  });

  it('--help prints usage and exits 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: npm run token -- --user <userId> --realm <realm>');
  });

  it('missing arguments exit 2 with a message and nothing on stdout', async () => {
    const run = await runCli(['--realm', 'acme']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--user is required');
    expect(run.stderr).toContain('Usage:');
  });

  it('an unreachable identity provider exits 1 and asks whether npm start is running', async () => {
    const port = await closedPort();
    const run = await runCli(['--user', 'alice', '--realm', 'acme', '--idp', `http://127.0.0.1:${port}`]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`http://127.0.0.1:${port}/dev/token`);
    expect(run.stderr).toContain('Is `npm start` running?');
  });
});

describe('runTokenCli (in process)', () => {
  const io = (env: Record<string, string> = {}) => {
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
        fetch,
      },
    };
  };

  it('refuses unknown options, positionals and a non-numeric ttl with exit 2', async () => {
    for (const args of [
      ['--user', 'a', '--realm', 'r', '--colour', 'red'],
      ['alice'],
      ['--user', 'a', '--realm', 'r', '--ttl', '1h'],
      ['--user', 'a', '--realm', 'r', '--idp', 'not a url'],
      ['--user', 'alice'],
    ]) {
      const { out, io: cliIo } = io();
      expect(await runTokenCli(args, cliIo), args.join(' ')).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr).toMatch(/^error: /);
    }
  });

  it('reads the identity provider URL from WSPUSH_IDP_URL', async () => {
    const { out, io: cliIo } = io({ WSPUSH_IDP_URL: idp.url });
    expect(await runTokenCli(['-u', 'bob', '-r', 'globex'], cliIo)).toBe(0);
    expect(decodeJwt(out.stdout.trim()).sub).toBe('bob');
    expect(out.stderr).toBe('');
  });

  it('input refused by the identity provider exits 1 with its reason', async () => {
    const { out, io: cliIo } = io();
    expect(
      await runTokenCli(['--user', 'alice', '--realm', 'acme', '--ttl', '999999', '--idp', idp.url], cliIo),
    ).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/answered 400: ttlSeconds must be an integer from 1 to 86400/);
  });

  it('reports a server that is not the identity provider', async () => {
    const { out, io: cliIo } = io();
    const notIdp: typeof fetch = async () => new Response('<html>nope</html>', { status: 404 });
    expect(await runTokenCli(['--user', 'a', '--realm', 'r'], { ...cliIo, fetch: notIdp })).toBe(1);
    expect(out.stderr).toContain('answered 404');
  });
});
