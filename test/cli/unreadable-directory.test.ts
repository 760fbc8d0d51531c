import * as fs from 'fs';
import * as path from 'path';
import { STACK_LINE, cleanTemp, cliJson, fixture, tempDir } from './cli-harness';

// Tests run as root here, and root reads a directory without permissions: the failure is
// simulated for any directory named `locked` (the walk sees the same EACCES a user would).
jest.mock('fs', () => {
  const real = jest.requireActual('fs');
  return {
    ...real,
    readdirSync: (p: fs.PathLike, options?: any) => {
      if (path.basename(String(p)) === 'locked') throw Object.assign(new Error(`EACCES: permission denied, scandir '${p}'`), { code: 'EACCES' });
      return real.readdirSync(p, options);
    },
  };
});

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => cleanTemp(dir));

test.each([
  ['a cloud assembly', true],
  ['a plain directory', false],
])('an unreadable subdirectory of %s is reported by name; the findings of the readable files are still reported', (_what, assembly) => {
  const root = path.join(dir, 'cdk.out');
  fs.mkdirSync(path.join(root, 'inner'), { recursive: true });
  fs.mkdirSync(path.join(root, 'locked'));
  if (assembly) {
    fs.writeFileSync(path.join(root, 'manifest.json'), '{"version":"48.0.0"}');
    fs.writeFileSync(path.join(root, 'cdk.out'), '{"version":"48.0.0"}');
  }
  fs.copyFileSync(fixture('clean.json'), path.join(root, 'App.template.json'));
  fs.copyFileSync(fixture('template.json'), path.join(root, 'inner', 'Inner.template.json'));
  const { status, report, stderr } = cliJson([root]);
  expect(status).toBe(2);
  expect(stderr).not.toMatch(STACK_LINE);
  expect(stderr).toBe(`cognito-client-check: ${path.join(root, 'locked')}: cannot read the directory (permission denied); the rest was checked.\n`
    + 'cognito-client-check: 3 clients checked: 1 error, 0 warnings, 0 suppressed\n');
  expect(report.checked).toEqual({ files: 2, clients: 3 });
  expect(report.findings.map((f) => f.file)).toEqual([path.join(root, 'inner', 'Inner.template.json')]);
});

test('the directory given itself unreadable is one line, as before', () => {
  const locked = path.join(dir, 'locked');
  fs.mkdirSync(locked);
  const { status, stderr } = cliJson([locked]);
  expect(status).toBe(2);
  expect(stderr).toBe(`cognito-client-check: ${locked}: cannot read the directory (permission denied).\n`
    + 'cognito-client-check: 0 clients checked: 0 errors, 0 warnings, 0 suppressed\n');
});
