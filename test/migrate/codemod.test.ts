import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MigrateResult, Project, ROOT } from './harness';
import { PACKAGE, linePackageAt } from '../../src/migrate/codemod';

// The cases (test/migrate/fixtures/cases/*.in) migrated in one run, as a user runs it on a
// directory: each changed file is compared byte for byte with its .out, every other file stays as
// it was, and what is printed is compared with cases.stderr. MIGRATE_GOLDEN=write rewrites the
// .out files and cases.stderr from the codemod's output (review the diff before committing).

const CASES = path.join(__dirname, 'fixtures', 'cases');
const WRITE_GOLDEN = process.env.MIGRATE_GOLDEN === 'write';

function caseFiles(dir = CASES, prefix = ''): { [name: string]: string } {
  const out: { [name: string]: string } = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) Object.assign(out, caseFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`));
    else if (entry.name.endsWith('.in')) out[`${prefix}${entry.name.slice(0, -3)}`] = fs.readFileSync(path.join(dir, entry.name), 'utf8');
  }
  return out;
}

/** Applies a unified diff to the files it names (checking every context and removed line). */
function applyDiff(diff: string, read: (file: string) => string): { [file: string]: string } {
  const out: { [file: string]: string } = {};
  const lines = diff.split('\n');
  let i = 0;
  while (i < lines.length && lines[i] !== '') {
    const file = lines[i].slice('--- a/'.length);
    i += 2;
    const old = read(file).split(/(?<=\n)/);
    const result: string[] = [];
    let at = 0;
    while (i < lines.length && lines[i].startsWith('@@')) {
      const [, start, oldCount, newCount] = /^@@ -(\d+),(\d+) \+\d+,(\d+) @@$/.exec(lines[i])!.map(Number);
      result.push(...old.slice(at, start - 1));
      at = start - 1;
      let [o, n] = [oldCount, newCount];
      for (i++; o > 0 || n > 0; i++) {
        const text = `${lines[i].slice(1)}\n`;
        if (lines[i][0] !== '+') {
          expect(old[at]).toBe(text);
          at++;
          o--;
        }
        if (lines[i][0] !== '-') {
          result.push(text);
          n--;
        }
      }
    }
    out[file] = [...result, ...old.slice(at)].join('');
  }
  return out;
}

describe('cognito-client-migrate on the cases', () => {
  const inputs = caseFiles();
  let project: Project;
  let written: MigrateResult;
  let printed: MigrateResult;
  beforeAll(() => {
    project = new Project(inputs);
    printed = project.migrate(['.']);
    written = project.migrate(['--write', '.']);
  });
  afterAll(() => project.dispose());

  test('exit status 1: some clients were not migrated, each reported', () => {
    expect(written.status).toBe(1);
    expect(printed.status).toBe(1);
  });

  test.each(Object.keys(inputs).filter((f) => !f.endsWith('.d.ts')))('%s: the expected output, byte for byte', (file) => {
    const golden = path.join(CASES, `${file}.out`);
    const after = project.read(file);
    if (WRITE_GOLDEN) {
      if (after !== inputs[file]) fs.writeFileSync(golden, after);
      else if (fs.existsSync(golden)) fs.unlinkSync(golden);
    }
    expect(after).toBe(fs.existsSync(golden) ? fs.readFileSync(golden, 'utf8') : inputs[file]);
  });

  test('what it prints: secure defaults not adopted, clients not migrated, injectors', () => {
    const golden = path.join(CASES, 'cases.stderr');
    const stderr = written.stderr.replace(/\d+ clients migrated in \d+ files/, '$&');
    if (WRITE_GOLDEN) fs.writeFileSync(golden, stderr);
    expect(stderr).toBe(fs.readFileSync(golden, 'utf8'));
    expect(printed.stderr.split('\n').slice(0, -2)).toEqual(written.stderr.split('\n').slice(0, -2));
  });

  test('without --write, a unified diff that gives the same files, and nothing is written', () => {
    const applied = applyDiff(printed.stdout, (file) => inputs[file]);
    for (const [file, text] of Object.entries(applied)) expect([file, text]).toEqual([file, project.read(file)]);
    for (const file of Object.keys(inputs)) if (!(file in applied)) expect([file, project.read(file)]).toEqual([file, inputs[file]]);
  });

  test('a client that cannot be migrated keeps everything of it: the loop and the class-typed API are untouched', () => {
    expect(project.read('loop.ts')).toBe(inputs['loop.ts']);
    expect(project.read('third-party.ts').split('\n').filter((l, i) => l !== inputs['third-party.ts'].split('\n')[i - 1]).join('\n'))
      .not.toContain('Guarded');
    expect(written.stderr).toContain('third-party.ts:6: Guarded not migrated: it is passed to protect, whose parameter client is typed with the class UserPoolClient');
  });

  test('a second run finds nothing more to change', () => {
    const again = project.migrate(['signin.ts', 'pools.ts', 'app.js', 'options.ts', 'formatting.ts']);
    expect(again).toEqual({ status: 0, stdout: '', stderr: 'cognito-client-migrate: 0 clients to migrate in 0 files.\n' });
  });
});

describe('--adopt-secure-defaults', () => {
  test('writes no prop to keep the L2\'s behaviour, prints none, and migrates a client whose props it cannot read', () => {
    const project = new Project({ 'param.ts': caseFiles()['param.ts'] });
    try {
      const result = project.migrate(['--adopt-secure-defaults', '--write', 'param.ts']);
      expect(result).toEqual({ status: 0, stdout: '', stderr: 'cognito-client-migrate: 2 clients migrated in 1 file.\n' });
      expect(project.read('param.ts')).toContain("new AppClient(pool, 'Spread', { userPool: pool, ...defaults() });");
      expect(project.read('param.ts')).toContain("new AppClient(pool, 'Web', { userPool: pool, disableOAuth: true, authFlows: {}, preventUserExistenceErrors: false });");
    } finally {
      project.dispose();
    }
  });

  test('a client with the code grant and no callback URL is reported: AppClient refuses it, and only the user knows the real URLs', () => {
    const source = [
      "import * as cognito from 'aws-cdk-lib/aws-cognito';",
      'export function build(pool: cognito.UserPool) {',
      "  pool.addClient('Code', { oAuth: { flows: { authorizationCodeGrant: true } } });",
      "  pool.addClient('Bare');",
      '}',
      '',
    ].join('\n');
    const project = new Project({ 'code.ts': source });
    try {
      expect(project.migrate(['--adopt-secure-defaults', 'code.ts']).stderr.split('\n')).toEqual([
        'code.ts:3: Code has the code or implicit grant without oAuth.callbackUrls: the L2 used https://example.com, '
          + 'AppClient fails the synth with [oauth-callback-required]; give the real callback URLs',
        'cognito-client-migrate: 2 clients to migrate in 1 file; run with --write to apply.',
        '',
      ]);
      // by default, the L2's placeholder is kept, so nothing deployed changes
      expect(project.migrate(['code.ts']).stdout).toContain("oAuth: { flows: { authorizationCodeGrant: true }, callbackUrls: ['https://example.com'],");
    } finally {
      project.dispose();
    }
  });
});

describe('usage and exit statuses', () => {
  let project: Project;
  beforeAll(() => {
    project = new Project({ 'empty.ts': 'export const x = 1;\n' });
  });
  afterAll(() => project.dispose());

  test.each([
    [['--help'], 0, /^Usage: cognito-client-migrate \[--write\]/, ''],
    [[], 2, /^$/, 'cognito-client-migrate: no files or directories given. Run cognito-client-migrate --help for usage.\n'],
    [['--frobnicate', 'empty.ts'], 2, /^$/, 'cognito-client-migrate: unknown option --frobnicate. Run cognito-client-migrate --help for usage.\n'],
    [['missing.ts'], 2, /^$/, 'cognito-client-migrate: missing.ts: no such file or directory.\n'],
    [['empty.ts'], 0, /^$/, 'cognito-client-migrate: 0 clients to migrate in 0 files.\n'],
  ])('%j: exit status %d', (args, status, stdout, stderr) => {
    const result = project.migrate(args as string[]);
    expect(result.status).toBe(status);
    expect(result.stdout).toMatch(stdout as RegExp);
    expect(result.stderr).toBe(stderr);
  });

  test('without a typescript package in the project: a clear error, exit status 2', () => {
    const bare = new Project({ 'stack.ts': 'export {};\n' }, { nodeModules: false });
    try {
      const result = bare.migrate(['stack.ts']);
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(`cognito-client-migrate: cannot find the package typescript from ${bare.dir}: the codemod uses your project's own TypeScript compiler. Fix: install it (npm install --save-dev typescript) and run the command from your project's directory.\n`);
    } finally {
      bare.dispose();
    }
  });

  test('the bin is a node script that runs end to end', () => {
    expect(fs.readFileSync(path.join(ROOT, 'src', 'migrate', 'main.ts'), 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    const project2 = new Project({ 'stack.ts': caseFiles()['signin.ts'] });
    try {
      const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(ROOT, 'src', 'migrate', 'main.ts'), 'stack.ts'], {
        cwd: project2.dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, TS_NODE_PROJECT: path.join(ROOT, 'test', 'tsconfig.json') },
      });
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^--- a\/stack\.ts\n\+\+\+ b\/stack\.ts\n@@ /);
      expect(result.stderr).toMatch(/cognito-client-migrate: 1 client to migrate in 1 file; run with --write to apply\.\n$/);
    } finally {
      project2.dispose();
    }
  }, 60_000);
});

describe('the package it imports from: the line it ships in', () => {

  test('run from this repository (the current line), it imports cdk-cognito-app-client', () => {
    expect(PACKAGE).toBe('cdk-cognito-app-client');
    expect(PACKAGE).toBe(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).name);
  });

  test.each([
    ['the classic line\'s package', { name: 'cdk-cognito-app-client-classic' }, 'cdk-cognito-app-client-classic'],
    ['the current line\'s package', { name: 'cdk-cognito-app-client' }, 'cdk-cognito-app-client'],
    ['another package', { name: 'something-else' }, 'cdk-cognito-app-client'],
    ['no package.json', undefined, 'cdk-cognito-app-client'],
    ['an unreadable package.json', '{', 'cdk-cognito-app-client'],
  ])('%s', (_d, pkg, expected) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'line-package-'));
    try {
      if (pkg !== undefined) fs.writeFileSync(path.join(dir, 'package.json'), typeof pkg === 'string' ? pkg : JSON.stringify(pkg));
      expect(linePackageAt(dir)).toBe(expected);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
