/** The CI/CD workflow users get (.github/workflows): checked structurally, since it only runs on GitHub. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { knownStacks } from './stack-files.js';

const WORKFLOWS = resolve(dirname(fileURLToPath(import.meta.url)), '../../.github/workflows');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  uses?: string;
  with?: Record<string, string>;
  environment?: string;
  strategy?: { matrix: { stack: string[] } };
  steps?: Step[];
  env?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

/** A GitHub Actions expression, `${{ expr }}` (built so it does not read as a JS template placeholder). */
const gh = (expr: string): string => `$${'{{'} ${expr} }}`;

const load = (file: string): Workflow =>
  parseYaml(readFileSync(resolve(WORKFLOWS, file), 'utf8')) as Workflow;
const runs = (job: Job | undefined): string => (job?.steps ?? []).map((s) => s.run ?? '').join('\n');

describe('CI/CD workflow', () => {
  const ci = load('ci-cd.yml');
  const deploy = load('deploy-stack.yml');

  it('runs the tests on every push and pull request', () => {
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    expect(ci.jobs.test?.if).toBeUndefined();
    expect(runs(ci.jobs.test)).toContain('npm test');
    expect(runs(ci.jobs.test)).toContain('npm run build');
  });

  it('previews every stack on pull requests with the environment’s credentials', () => {
    const preview = ci.jobs.preview;
    expect(preview?.if).toContain("github.event_name == 'pull_request'");
    expect(preview?.strategy?.matrix.stack.sort()).toEqual(knownStacks());
    expect(preview?.environment).toBe(gh('matrix.stack'));
    expect(runs(preview)).toContain(`npm run preview -- --stack ${gh('matrix.stack')}`);
    const aws = preview?.steps?.find((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials'));
    expect(aws?.with?.['role-to-assume']).toBe(gh('secrets.AWS_DEPLOY_ROLE_ARN'));
  });

  it('deploys each stack in turn on merge to main, one environment per stack', () => {
    const chain = ['deploy-dev', 'deploy-staging', 'deploy-prod'].map((name) => ci.jobs[name]);
    expect(chain[0]?.if).toContain("github.ref == 'refs/heads/main'");
    expect(chain[0]?.if).toContain("github.event_name == 'push'");
    expect(chain.map((j) => j?.with?.stack)).toEqual(['dev', 'staging', 'prod']);
    expect(chain[1]?.needs).toBe('deploy-dev');
    expect(chain[2]?.needs).toBe('deploy-staging');
    for (const job of chain) expect(job?.uses).toBe('./.github/workflows/deploy-stack.yml');
    const up = deploy.jobs.up;
    expect(up?.environment).toBe(gh('inputs.stack'));
    expect(up?.concurrency).toEqual({ group: `pulumi-${gh('inputs.stack')}`, 'cancel-in-progress': false });
    expect(runs(up)).toContain(`npm run deploy -- --stack ${gh('inputs.stack')}`);
    expect(up?.env?.PULUMI_ACCESS_TOKEN).toBe(gh('secrets.PULUMI_ACCESS_TOKEN'));
  });
});
