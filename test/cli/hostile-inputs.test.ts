import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import * as fc from 'fast-check';
import { STACK_LINE, beforeSummary, cleanTemp, cli, cliJson, fixture, tempDir } from './cli-harness';
import { decode } from '../../src/cli/inputs';

const ROOT = path.join(__dirname, '..', '..');

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  jest.restoreAllMocks();
  cleanTemp(dir);
});

/** The checker as a separate process (a hang or a heap blow-up cannot take the test runner with it). */
function bin(args: string[], timeout = 30_000) {
  const r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli/main.ts', ...args], {
    cwd: ROOT, encoding: 'utf8', timeout, env: { ...process.env, TS_NODE_PROJECT: 'test/tsconfig.json' },
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

function oneLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(STACK_LINE);
  return lines[0];
}

/** A YAML template whose clients all use one anchored list of `items` URLs through `aliases` aliases. */
function aliasTemplate(aliases: number, items: number): string {
  const lines = ['Resources:', '  Pool:', '    Type: AWS::Cognito::UserPool', '  Client0:', '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:', '      UserPoolId: !Ref Pool', '      CallbackURLs: &urls'];
  for (let i = 0; i < items; i++) lines.push(`        - https://app${i}.example.org/callback/path/to/somewhere/${i}`);
  for (let j = 1; j <= aliases; j++) {
    lines.push(`  Client${j}:`, '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool', '      CallbackURLs: *urls');
  }
  return lines.join('\n') + '\n';
}

describe('YAML aliases: what a file stands for is bounded', () => {
  test('a file whose aliases expand it past 64 Mi characters is bad input, reported in one line; the other files are checked', () => {
    // 999 aliases of a 1,500-item list: a 90 kB file that stands for about 90 MB.
    const file = path.join(dir, 'aliases.yaml');
    fs.writeFileSync(file, aliasTemplate(999, 1500));
    const start = Date.now();
    const { status, stdout, stderr: all } = cli(['--format', 'json', file, fixture('template.json')]);
    const stderr = `${beforeSummary(all).join('\n')}\n`;
    expect(Date.now() - start).toBeLessThan(10_000);
    expect(status).toBe(2);
    expect(oneLine(stderr)).toBe(`cognito-client-check: ${file}: its YAML aliases expand it to more than 64 Mi characters `
      + '(each alias counted as the text it names), more than the checker reads.');
    expect(JSON.parse(stdout).checked).toEqual({ files: 1, clients: 2 });
  });

  test('aliases of one long string, and aliases of aliases, count too', () => {
    const scalar = path.join(dir, 'scalar.yaml');
    fs.writeFileSync(scalar, ['Resources:', '  Client0:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:',
      `      ClientName: &name ${'n'.repeat(100_000)}`,
      ...Array.from({ length: 999 }, (_, i) => `  Client${i + 1}: { Type: AWS::Cognito::UserPoolClient, Properties: { ClientName: *name } }`), ''].join('\n'));
    // Ten levels of ten aliases each: 10^10 copies of the innermost list (the YAML library's alias count would stop it later).
    const nested = path.join(dir, 'nested.yaml');
    const levels = ['a0: &a0 [x, y, z]'];
    for (let i = 1; i <= 10; i++) levels.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    fs.writeFileSync(nested, ['Metadata:', ...levels.map((l) => `  ${l}`), 'Resources: {}', ''].join('\n'));
    for (const file of [scalar, nested]) {
      const { status, stderr } = cli([file]);
      expect(status).toBe(2);
      expect(oneLine(stderr)).toContain(`${file}: its YAML aliases expand it to more than 64 Mi characters`);
    }
  });

  test('aliases that stay under the bound are checked as usual, nested ones included', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 20 }), (aliases, items) => {
      const file = path.join(dir, `ok-${aliases}-${items}.yaml`);
      fs.writeFileSync(file, aliasTemplate(aliases, items));
      const { status, report } = cliJson([file]);
      expect(status).toBe(items > 100 ? 1 : 0);
      expect(report.checked).toEqual({ files: 1, clients: aliases + 1 });
    }), { numRuns: 20 });
  });
});

describe('only regular files are read, and reads are bounded', () => {
  test('a named pipe without a writer is bad input at once, not a hang', () => {
    const fifo = path.join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const r = bin([fifo, fixture('clean.json')], 20_000);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(oneLine(r.stderr)).toBe(`cognito-client-check: ${fifo}: it is a named pipe, not a regular file; only regular files are read.`);
    expect(r.stdout).toContain('in 1 file (1 client)');
  }, 30_000);

  test('/dev/zero is a character device, reported without reading it', () => {
    const r = bin(['/dev/zero'], 20_000);
    expect(r.status).toBe(2);
    expect(oneLine(r.stderr)).toBe('cognito-client-check: /dev/zero: it is a character device, not a regular file; only regular files are read.');
  }, 30_000);

  test('a file over 64 MiB is reported as too large without being read', () => {
    const big = path.join(dir, 'big.json');
    const fd = fs.openSync(big, 'w');
    fs.ftruncateSync(fd, 64 * 1024 * 1024 + 1);
    fs.closeSync(fd);
    const start = Date.now();
    const { status, stderr } = cli([big]);
    expect(Date.now() - start).toBeLessThan(1000);
    expect(status).toBe(2);
    expect(oneLine(stderr)).toBe(`cognito-client-check: ${big}: it is too large (67108865 bytes); files of at most 64 MiB are read.`);
  });

  test('--policy and --previous are read the same way', () => {
    expect(oneLine(cli(['--policy', '/dev/zero', fixture('clean.json')]).stderr)).toContain('/dev/zero: invalid client policy: it is a character device, not a regular file');
    expect(oneLine(cli(['--previous', '/dev/zero', fixture('clean.json')]).stderr)).toContain('/dev/zero (--previous): it is a character device');
  });
});

describe('directory walks stay inside the directory given', () => {
  function tree(): { root: string; outside: string } {
    const root = path.join(dir, 'cdk.out');
    const outside = path.join(dir, 'outside');
    fs.mkdirSync(path.join(root, 'inner'), { recursive: true });
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(root, 'manifest.json'), '{"version":"48.0.0"}');
    fs.writeFileSync(path.join(root, 'cdk.out'), '{"version":"48.0.0"}');
    fs.copyFileSync(fixture('clean.json'), path.join(root, 'App.template.json'));
    fs.copyFileSync(fixture('template.json'), path.join(root, 'inner', 'Inner.template.json'));
    fs.copyFileSync(fixture('template.json'), path.join(outside, 'Outside.template.json'));
    return { root, outside };
  }

  test('a directory link out of it (to / or elsewhere) is reported by name and not followed; links inside are followed', () => {
    const { root, outside } = tree();
    fs.symlinkSync('/', path.join(root, 'root'));
    fs.symlinkSync(outside, path.join(root, 'elsewhere'));
    fs.symlinkSync(path.join(outside, 'Outside.template.json'), path.join(root, 'Linked.template.json'));
    fs.symlinkSync(path.join(root, 'inner'), path.join(root, 'alias-of-inner'));
    const { status, report, stderr: all } = cliJson([root]);
    const stderr = `${beforeSummary(all).join('\n')}\n`;
    expect(status).toBe(2);
    expect(stderr.trimEnd().split('\n')).toEqual([
      `cognito-client-check: ${path.join(root, 'Linked.template.json')}: not followed: a symbolic link to outside the directory given.`,
      `cognito-client-check: ${path.join(root, 'elsewhere')}: not followed: a symbolic link to outside the directory given.`,
      `cognito-client-check: ${path.join(root, 'root')}: not followed: a symbolic link to outside the directory given.`,
    ]);
    // Nothing outside was checked (Outside.template.json has two clients), and what is inside was checked once.
    expect(report.checked).toEqual({ files: 2, clients: 3 });
    // (inner/ is reached first through alias-of-inner, which sorts before it.)
    expect(new Set(report.findings.map((f) => f.file))).toEqual(new Set([path.join(root, 'alias-of-inner', 'Inner.template.json')]));
  });
});

describe('file names and logical ids cannot inject lines or escape sequences', () => {
  const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
  const nasty = fc.array(fc.constantFrom('a', '\n', '\r', '::error file=x::pwned', '\u001b[31m', '\u009b', '\u2028', '\u202e', '"', '%', ' '), { minLength: 1, maxLength: 6 })
    .map((parts) => parts.join(''));

  test('in text output and on stderr, every line is ours: names are escaped as values are', () => {
    let n = 0;
    fc.assert(fc.property(nasty, nasty, (name, id) => {
      const sub = path.join(dir, String(n++));
      fs.mkdirSync(sub);
      const file = path.join(sub, `${name.replace(/\//g, '_')}.json`);
      fs.writeFileSync(file, JSON.stringify({ Resources: { [id]: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: 'p', CallbackURLs: ['http://x.example.org'] } } } }));
      fs.writeFileSync(path.join(sub, `${name.replace(/\//g, '_')}.template.json`), '{ broken');
      const { stdout, stderr } = cli([sub]);
      for (const line of (stdout + stderr).split('\n')) {
        expect(line).not.toMatch(/^\s*::/);
        expect(line).not.toMatch(UNSAFE);
      }
      // A harmless name is shown as it is.
      if (!UNSAFE.test(id) && !/^(\s*::|")/.test(id) && JSON.stringify(id) === `"${id}"`) expect(stdout).toContain(`\n  ${id} (line 1)\n`);
    }), { numRuns: 40 });
  });

  test('a newline in a file name is \\n, inside quotes', () => {
    const file = path.join(dir, 'a\n::error file=x::pwned.json');
    fs.writeFileSync(file, '{ broken');
    const { stderr } = cli([file]);
    expect(oneLine(stderr)).toBe(`cognito-client-check: ${JSON.stringify(file)}: not valid JSON: ${stderr.split(': not valid JSON: ')[1].trimEnd()}`);
  });
});

describe('SARIF', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv = require('ajv');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const ajv = new Ajv({ schemaId: 'auto', allErrors: true, logger: false });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'));
  const validate = ajv.compile(schema);

  function sarif(args: string[]) {
    const r = cli(['--format', 'sarif', ...args]);
    const log = JSON.parse(r.stdout);
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    return { ...r, log };
  }

  /** The file an artifact location designates, resolved against its uriBaseId. */
  function resolveArtifact(log: any, loc: { uri: string; uriBaseId?: string }): string {
    const base = loc.uriBaseId ? log.runs[0].originalUriBaseIds[loc.uriBaseId].uri : undefined;
    const url = base ? new URL(loc.uri, base) : new URL(loc.uri);
    expect(url.search).toBe('');
    expect(url.hash).toBe('');
    return fileURLToPath(url);
  }

  test('every artifactLocation resolves back to its input file, whatever the name (relative and absolute)', () => {
    const names = fc.array(fc.constantFrom('per%cent', '#hash', '?', 'a:b', ' ', 'é', '\u{1F600}', '%2F', '..', 'x', '[', ']', '@', '&', '+', ';', '=', '\\', "'"), { minLength: 1, maxLength: 5 })
      .map((parts) => parts.join(''));
    let n = 0;
    fc.assert(fc.property(names, fc.boolean(), (name, absolute) => {
      const sub = path.join(dir, String(n++));
      fs.mkdirSync(sub);
      const file = path.join(sub, `${name}.json`);
      fs.copyFileSync(fixture('template.json'), file);
      const missing = path.join(sub, `${name}-missing.json`);
      const given = (p: string) => (absolute ? p : path.relative(process.cwd(), p));
      const { log } = sarif([given(file), given(missing)]);
      const run = log.runs[0];
      expect(run.results.length).toBeGreaterThan(0);
      for (const result of run.results) expect(resolveArtifact(log, result.locations[0].physicalLocation.artifactLocation)).toBe(file);
      const notification = run.invocations[0].toolExecutionNotifications[0];
      expect(resolveArtifact(log, notification.locations[0].physicalLocation.artifactLocation)).toBe(missing);
    }), { numRuns: 60 });
  });

  test('the named cases: per%cent#hash?.json and a:b.json', () => {
    for (const name of ['per%cent#hash?.json', 'a:b.json']) {
      const file = path.join(dir, name);
      fs.copyFileSync(fixture('template.json'), file);
      const { log } = sarif([path.relative(process.cwd(), file)]);
      const loc = log.runs[0].results[0].locations[0].physicalLocation.artifactLocation;
      expect(loc.uri).not.toMatch(/^[A-Za-z][A-Za-z0-9+.-]*:/);
      expect(loc.uri).not.toMatch(/[#?]/);
      expect(resolveArtifact(log, loc)).toBe(file);
    }
  });

  test('the fixtures validate against the SARIF 2.1.0 schema', () => {
    sarif([fixture('template.yaml'), fixture('template.json'), fixture('cdk.out'), fixture('request.json'), fixture('missing.json')]);
    sarif(['--policy', fixture('policy.json'), fixture('implicit.json')]);
  });

  test('a Metadata block with Resources: before the real Resources does not move the lines (block and flow YAML, JSON)', () => {
    const yamlBlock = ['AWSTemplateFormatVersion: "2010-09-09"', 'Metadata:', '  Docs:', '    Resources:', '      Fake: here', '      Web: here',
      'Resources:', '  Pool:', '    Type: AWS::Cognito::UserPool', '  Web:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:',
      '      UserPoolId: !Ref Pool', '      CallbackURLs: [http://x.example.org]', ''].join('\n');
    const yamlFlow = ['Metadata: { Resources: { Web: 1 } }', 'Resources:', '  Web: { Type: AWS::Cognito::UserPoolClient,', '    Properties: { UserPoolId: p, CallbackURLs: [http://x.example.org] } }', ''].join('\n');
    const json = JSON.stringify({
      Metadata: { Resources: { Web: {} }, List: [{ Resources: { Web: 1 } }] },
      Resources: { Pool: { Type: 'AWS::Cognito::UserPool' }, Web: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: 'p', CallbackURLs: ['http://x.example.org'] } } },
    }, undefined, 2);
    const cases: Array<[string, string, number]> = [['block.yaml', yamlBlock, 10], ['flow.yaml', yamlFlow, 3], ['t.json', json, json.split('\n').findIndex((l) => l === '    "Web": {') + 1]];
    for (const [name, text, line] of cases) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      const { log } = sarif([file]);
      const regions = log.runs[0].results.map((r: any) => r.locations[0].physicalLocation.region?.startLine);
      expect([name, regions]).toEqual([name, regions.map(() => line)]);
      expect(text.split('\n')[line - 1]).toMatch(/^\s*"?Web"?:/);
    }
  });
});

describe('encodings', () => {
  const template = fs.readFileSync(fixture('template.json'), 'utf8');

  function utf16be(s: string): Buffer {
    return Buffer.from(s, 'utf16le').swap16();
  }

  test.each([
    ['UTF-16 LE with a BOM (Windows PowerShell 5)', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(template, 'utf16le')])],
    ['UTF-16 BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(template)])],
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(template)])],
  ])('%s is read like UTF-8', (_what, bytes) => {
    const file = path.join(dir, 'client.json');
    fs.writeFileSync(file, bytes);
    const expected = cliJson([fixture('template.json')]).report.findings.map((f) => f.message);
    const { status, report } = cliJson([file]);
    expect(status).toBe(1);
    expect(report.findings.map((f) => f.message)).toEqual(expected);
  });

  test('decoding round-trips any text, BOM by BOM (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
      fc.pre(!s.startsWith('\ufeff'));
      expect(decode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]))).toBe(s);
      expect(decode(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(s)]))).toBe(s);
      expect(decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s)]))).toBe(s);
    }));
  });

  test.each([
    ['UTF-16 LE without a BOM', Buffer.from(template, 'utf16le'), 'it looks like UTF-16 (little-endian) without a byte-order mark, which is not read: save it as UTF-8, or as UTF-16 with a byte-order mark.'],
    ['UTF-16 BE without a BOM', utf16be(template), 'it looks like UTF-16 (big-endian) without a byte-order mark, which is not read: save it as UTF-8, or as UTF-16 with a byte-order mark.'],
    ['UTF-32 LE with a BOM', Buffer.from([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0]), 'it is encoded in UTF-32, which is not read: save it as UTF-8 (or UTF-16 with a byte-order mark).'],
  ])('%s is bad input that names the encoding', (_what, bytes, reason) => {
    const file = path.join(dir, 'client.json');
    fs.writeFileSync(file, bytes);
    const { status, stderr } = cli([file]);
    expect(status).toBe(2);
    expect(oneLine(stderr)).toBe(`cognito-client-check: ${file}: ${reason}`);
  });
});
