import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fixture } from './cli-harness';

const ROOT = path.join(__dirname, '..', '..');

describe('the cognito-client-check bin', () => {
  test('main.ts is a node script', () => {
    expect(fs.readFileSync(path.join(ROOT, 'src', 'cli', 'main.ts'), 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  test('runs end to end: JSON output on stdout, input errors on stderr, exit status 2', () => {
    const args = ['ts-node', '--transpile-only', 'src/cli/main.ts', '--format', 'json', fixture('template.json'), fixture('missing.json')];
    const result = spawnSync('npx', args, {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(2);
    const report = JSON.parse(result.stdout);
    expect(report.checked).toEqual({ files: 1, clients: 2 });
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['redirect-uri-https']);
    const ours = result.stderr.split('\n').filter((l) => l.startsWith('cognito-client-check:'));
    expect(ours).toEqual([
      `cognito-client-check: ${fixture('missing.json')}: cannot read it (no such file or directory).`,
      'cognito-client-check: 2 clients checked: 1 error, 0 warnings, 0 suppressed',
    ]);
  }, 60_000);

  test('anything thrown outside run() (here: late, from a timer) is one line and exit status 2, never a stack trace', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bin-'));
    try {
      const late = path.join(dir, 'late.js');
      fs.writeFileSync(late, "setImmediate(() => { throw new Error('late\\n    at somewhere (x.js:1:1)'); });\n");
      const result = spawnSync(process.execPath, ['-r', late, '-r', 'ts-node/register/transpile-only', 'src/cli/main.ts', fixture('clean.json')], {
        cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, TS_NODE_PROJECT: 'test/tsconfig.json' },
      });
      expect(result.status).toBe(2);
      expect(result.stderr).toBe('cognito-client-check: internal error: late at somewhere (x.js:1:1)\n');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
