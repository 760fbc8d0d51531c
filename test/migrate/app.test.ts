import * as fs from 'fs';
import * as path from 'path';
import type * as TS from 'typescript';
import { Project, ROOT } from './harness';
import { ClientRules } from '../../src';
import { run as check } from '../../src/cli/run';

// A representative L2 app (test/migrate/fixtures/app/stack.ts.in: a typed options object shared by
// clients, a field typed with the class, a nested stack, addClient on a pool from another scope
// and on a call's result, a secret, a resource-server scope, domain.signInUrl) migrated by the
// codemod, type-checked strictly and synthesized beside the original.

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ts = require('typescript') as typeof TS;
const CLIENT = 'AWS::Cognito::UserPoolClient';
const SOURCE = fs.readFileSync(path.join(__dirname, 'fixtures', 'app', 'stack.ts.in'), 'utf8');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

type Templates = { [file: string]: any };

/** Synthesizes the app in `file` (the library mapped to src) and returns every template, nested ones too. */
function synth(file: string): Templates {
  let templates: Templates = {};
  jest.isolateModules(() => {
    jest.doMock('cdk-cognito-app-client', () => jest.requireActual('../../src'), { virtual: true });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { app } = require(file);
    const dir = app.synth().directory;
    for (const f of fs.readdirSync(dir).filter((n: string) => n.endsWith('.template.json'))) {
      templates[f] = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    }
  });
  return templates;
}

/** Strict type errors of the files, with 'cdk-cognito-app-client' mapped to this repository's src. */
function typeErrors(files: string[]): string[] {
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    esModuleInterop: true,
    experimentalDecorators: true,
    paths: { 'cdk-cognito-app-client': [path.join(ROOT, 'src', 'index.ts')] },
    types: ['node'],
    typeRoots: [path.join(ROOT, 'node_modules', '@types')],
  });
  return ts.getPreEmitDiagnostics(program)
    .map((d) => `${d.file ? `${path.basename(d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start!).line + 1}: ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

function clients(templates: Templates): { [key: string]: any } {
  const out: { [key: string]: any } = {};
  for (const [file, t] of Object.entries(templates)) {
    for (const [id, r] of Object.entries<any>(t.Resources ?? {})) if (r.Type === CLIENT) out[`${file.replace(/[0-9A-F]{8}\./, '.')} ${id}`] = r;
  }
  return out;
}

/** The client's properties as deployed: the service's defaults for what is not emitted, token lifetimes in seconds. */
function deployed(properties: { [key: string]: any }): { [key: string]: any } {
  const { TokenValidityUnits: units = {}, ...rest } = properties;
  const seconds: { [unit: string]: number } = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };
  const out: { [key: string]: any } = { PreventUserExistenceErrors: 'LEGACY', EnableTokenRevocation: true, ...rest };
  for (const [prop, unit, unitDefault] of [['AccessTokenValidity', 'AccessToken', 'hours'], ['IdTokenValidity', 'IdToken', 'hours'], ['RefreshTokenValidity', 'RefreshToken', 'days']]) {
    if (out[prop] !== undefined) out[prop] = out[prop] * seconds[units[unit] ?? unitDefault];
  }
  return out;
}

describe('a representative L2 app migrated by cognito-client-migrate', () => {
  // each mode migrates its own copy (jest caches a file's text by its path)
  const MODES: { [mode: string]: string[] } = { keep: [], adopt: ['--adopt-secure-defaults'] };
  let project: Project;
  let before: Templates;
  const results: { [mode: string]: { status: number; stdout: string; stderr: string } } = {};
  const afters: { [mode: string]: Templates } = {};
  let errors: string[];
  beforeAll(() => {
    project = new Project({ 'original.ts': SOURCE, 'keep/stack.ts': SOURCE, 'adopt/stack.ts': SOURCE });
    before = synth(path.join(project.dir, 'original.ts'));
    for (const [mode, flags] of Object.entries(MODES)) {
      results[mode] = project.migrate(['--write', ...flags, `${mode}/stack.ts`]);
      afters[mode] = synth(path.join(project.dir, mode, 'stack.ts'));
    }
    errors = typeErrors(Object.keys(MODES).map((mode) => path.join(project.dir, mode, 'stack.ts')));
  });
  afterAll(() => project.dispose());

  test('the output type-checks strictly', () => {
    expect(errors).toEqual([]);
  });

  describe.each(Object.keys(MODES))('%s', (mode) => {
    let result: { status: number; stdout: string; stderr: string };
    let after: Templates;
    beforeAll(() => {
      result = results[mode];
      after = afters[mode];
    });

    test('every client is migrated', () => {
      expect(result.status).toBe(0);
      expect(result.stderr).toMatch(/cognito-client-migrate: 7 clients migrated in 1 file\.\n$/);
      expect(project.read(`${mode}/stack.ts`)).not.toMatch(/UserPoolClient\b|addClient/);
    });

    test('every client keeps its logical id, and nothing is replaced', () => {
      expect(Object.keys(clients(after)).sort()).toEqual(Object.keys(clients(before)).sort());
      expect(Object.keys(clients(before))).toHaveLength(7);
      for (const [file, template] of Object.entries(after)) {
        const replaced = ClientRules.checkTemplate(template, { previous: before[file] })
          .filter((f) => ['generate-secret-replacement', 'user-pool-id-replacement'].includes(f.ruleId));
        expect(replaced).toEqual([]);
      }
    });

    test('cognito-client-check --previous reports no replacement', () => {
      const all: string[] = [];
      for (const [file, template] of Object.entries(after)) {
        project.write(`previous/${file}`, JSON.stringify(before[file]));
        project.write(`${mode}/cdk.out/${file}`, JSON.stringify(template));
        let out = '';
        check(['--format', 'json', '--no-config', '--previous', path.join(project.dir, 'previous', file), path.join(project.dir, mode, 'cdk.out', file)], {
          stdout: (t) => { out += t; }, stderr: () => undefined, isTTY: false, env: {},
        });
        const ids = JSON.parse(out).findings.map((f: { ruleId: string }) => f.ruleId);
        expect(ids.filter((id: string) => id.endsWith('-replacement'))).toEqual([]);
        if (mode === 'keep') expect(ids.filter((id: string) => id.startsWith('update-'))).toEqual([]);
        all.push(...ids);
      }
      // the comparison ran: adopting AppClient's defaults resets what the L2 set on Legacy and Console
      if (mode === 'adopt') expect(all).toContain('update-resets-omitted');
    });

    test('the signInUrl output is the same URL', () => {
      expect(after['Auth.template.json'].Outputs.SignIn).toEqual(before['Auth.template.json'].Outputs.SignIn);
    });

    if (mode === 'keep') {
      test('nothing deployed changes: the same client properties, as the service reads them', () => {
        const b = clients(before);
        const a = clients(after);
        for (const key of Object.keys(b)) expect([key, deployed(a[key].Properties)]).toEqual([key, deployed(b[key].Properties)]);
      });

      test('the change rules report nothing the update would reset', () => {
        for (const [file, template] of Object.entries(after)) {
          expect(ClientRules.checkTemplate(template, { previous: before[file] }).filter((f) => f.ruleId.startsWith('update-'))).toEqual([]);
        }
      });

      test('each secure default not adopted is printed, with its client, file and line', () => {
        expect(result.stderr).toContain("keep/stack.ts:62: Legacy keeps the L2's implicit grant (oAuth.flows.implicitCodeGrant); run with --adopt-secure-defaults to drop it\n");
        expect(result.stderr).toContain('keep/stack.ts:45: Web keeps user existence errors (preventUserExistenceErrors: false); run with --adopt-secure-defaults to drop it\n');
      });
    } else {
      test('the client properties differ only as the README\'s migration table says', () => {
        const ROW: { [property: string]: string } = {
          AllowedOAuthFlows: '`oAuth.flows`',
          CallbackURLs: '`oAuth.callbackUrls`',
          AllowedOAuthFlowsUserPoolClient: '`AllowedOAuthFlowsUserPoolClient`',
          AllowedOAuthScopes: '`oAuth.scopes`',
          ExplicitAuthFlows: '`authFlows`',
          PreventUserExistenceErrors: '`preventUserExistenceErrors`',
        };
        const b = clients(before);
        const a = clients(after);
        const rows = new Set<string>();
        for (const key of Object.keys(b)) {
          const x = deployed(b[key].Properties);
          const y = deployed(a[key].Properties);
          for (const p of new Set([...Object.keys(x), ...Object.keys(y)])) {
            if (JSON.stringify(x[p]) !== JSON.stringify(y[p])) rows.add(ROW[p] ?? `UNDOCUMENTED ${p}`);
          }
        }
        expect([...rows].filter((r) => !README.includes(`| ${r} |`))).toEqual([]);
        expect(rows.size).toBeGreaterThan(0);
        expect(result.stderr).not.toContain('keeps');
      });
    }
  });
});
