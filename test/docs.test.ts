import { execFileSync } from 'child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative } from 'path';
import * as ts from 'typescript';
import { APP_CLIENT_NOTES, APP_CLIENT_PROPS, DOCS_DIR, checkerIgnore, documentedRules, propPath, ruleDocFiles, ruleProperties, runExample, suppressionSection } from '../scripts/rule-docs';
import { RULE_DOCS } from '../scripts/rule-examples';
import { ClientPolicy, ClientRules, Finding, Severity } from '../src';
import { SETTINGS, rulesOf } from '../src/policy/settings';
import { readClient } from '../src/rules/private/client';
import { DOCS_BASE } from '../src/rules/private/sources';

const ROOT = join(__dirname, '..');
const REGENERATE = 'run the docs task (npx projen docs, or: npx ts-node --project test/tsconfig.json scripts/rule-docs.ts) and commit docs/rules/';
const rules = documentedRules();
const generated = ruleDocFiles();
const committedPages = existsSync(join(ROOT, DOCS_DIR)) ? readdirSync(join(ROOT, DOCS_DIR)).filter((f) => f.endsWith('.md')).sort() : [];

describe('rule pages', () => {
  test('every rule of ClientRules.rules() and ClientPolicy.rules() is documented, once, in registry order', () => {
    const ids = [...ClientRules.rules(), ...ClientPolicy.rules()].map((r) => r.id);
    expect(rules.map((r) => r.id)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(RULE_DOCS).sort()).toEqual([...ids].sort());
  });

  test('every rule has a page, and every page (except README.md) has a rule', () => {
    const expected = [...rules.map((r) => `${r.id}.md`), 'README.md'].sort();
    expect(Object.keys(generated).map((p) => p.slice(DOCS_DIR.length + 1)).sort()).toEqual(expected);
    const missing = expected.filter((f) => !committedPages.includes(f));
    const orphans = committedPages.filter((f) => !expected.includes(f));
    if (missing.length || orphans.length) {
      const list = (l: string[]) => l.join(', ') || 'none';
      throw new Error(`docs/rules/ is out of date (missing: ${list(missing)}; without a rule: ${list(orphans)}): ${REGENERATE}`);
    }
  });

  test('the pages are where each rule points (RuleInfo.docs)', () => {
    for (const r of [...ClientRules.rules(), ...ClientPolicy.rules()]) expect(r.docs).toBe(`${DOCS_BASE}/${r.id}.md`);
    expect(DOCS_BASE).toBe(`https://github.com/cdk-cognito-app-client/cdk-cognito-app-client/blob/main/${DOCS_DIR}`);
  });

  test.each(Object.keys(generated).sort())('%s is the generated content', (path) => {
    const file = join(ROOT, path);
    const committed = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    if (committed !== generated[path]) throw new Error(`${path} differs from what scripts/rule-docs.ts generates: ${REGENERATE}`);
  });

  test('the index links every rule page with its severity and title', () => {
    const index = generated[`${DOCS_DIR}/README.md`];
    for (const r of rules) {
      expect(index).toContain(`| [\`${r.id}\`](${r.id}.md) | ${r.policy ? `policy (${r.severity})` : r.severity} |`);
    }
  });

  test('each page names its rule, severity and source, and quotes the fix of every part of the rule', () => {
    for (const r of rules) {
      const page = generated[`${DOCS_DIR}/${r.id}.md`];
      expect(page.startsWith(`# ${r.id}\n\n**${r.policy ? 'policy' : r.severity}**`)).toBe(true);
      expect(page).toContain(`Source: <${r.source}>`);
      for (const section of ['## What it checks', '## Why', '## Failing example', '## Passing example', '## Fix', '## With `AppClient`', '## Suppress or acknowledge']) {
        expect(page).toContain(section);
      }
      if (r.policy) expect(page).toContain('## Policy');
      expect(r.fixes.length).toBeGreaterThan(0);
    }
  });

  test('the generator is deterministic', () => {
    expect(ruleDocFiles()).toEqual(generated);
  });
});

describe('rule examples', () => {
  test.each(rules.map((r) => r.id))('%s: the failing example fails, the passing example passes, both are well-formed', (id) => {
    const doc = RULE_DOCS[id];
    for (const example of [doc.failing, doc.passing]) {
      expect((example.properties === undefined) !== (example.template === undefined)).toBe(true);
      if (example.previous !== undefined) expect(example.template).toBeDefined();
      if (example.shown !== undefined) expect(example.note).toBeDefined();
    }
    const failingAll = runExample(doc.failing, doc.policy);
    const passingAll = runExample(doc.passing, doc.policy);
    const failing = failingAll.filter((f) => f.ruleId === id);
    const passing = passingAll.filter((f) => f.ruleId === id);
    if (failing.length === 0) throw new Error(`${id}: the failing example produces no ${id} finding`);
    if (passing.length) throw new Error(`${id}: the passing example produces:\n${passing.map((f) => f.message).join('\n')}`);
    // Examples are well-formed: no property-type finding, unless that is the rule shown.
    if (id !== 'property-type') {
      expect([...failingAll, ...passingAll].filter((f) => f.ruleId === 'property-type').map((f) => f.message)).toEqual([]);
    }
    // The page quotes each finding exactly as the engine produces it.
    const page = generated[`${DOCS_DIR}/${id}.md`];
    for (const f of failing) {
      expect(page).toContain(`message:  ${f.message}`);
      expect(page).toContain(`fix:      ${f.fix}`);
      // the page is the rule's (RuleInfo.docs), not repeated in every message
      expect(f.message).not.toContain(DOCS_BASE);
    }
  });

  test('policy examples are valid policies that turn on their rule and only the rules of its setting; other rules have no policy', () => {
    for (const r of rules.filter((x) => x.policy)) {
      const setting = SETTINGS.find((s) => rulesOf(s).includes(r.id))!;
      const on = ClientPolicy.fromJson(RULE_DOCS[r.id].policy).enabledRuleIds;
      expect(on).toContain(r.id);
      expect(on.filter((id) => !rulesOf(setting).includes(id))).toEqual([]);
    }
    for (const r of rules.filter((x) => !x.policy)) expect(RULE_DOCS[r.id].policy).toBeUndefined();
  });
});

/**
 * The property paths of an interface of src/app-client.ts, through its nested struct types (aws-cdk-lib's
 * too), read with the TypeScript compiler: `oAuth`, `oAuth.flows`, `oAuth.flows.clientCredentials`, ...
 */
function appClientPropPaths(interfaceName: string): Set<string> {
  const file = join(ROOT, 'src/app-client.ts');
  // the project's own compiler options (tsconfig.json, as jsii writes it)
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const program = ts.createProgram([file], { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const decl = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === interfaceName);
  if (!decl) throw new Error(`src/app-client.ts has no interface ${interfaceName}`);
  const paths = new Set<string>();
  const walk = (type: ts.Type, prefix: string, depth: number) => {
    for (const prop of checker.getPropertiesOfType(type)) {
      const path = prefix + prop.name;
      paths.add(path);
      const t = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(prop, decl));
      // struct-like objects only (interfaces and type literals), not classes such as Duration
      // eslint-disable-next-line no-bitwise
      const isStruct = (t.flags & ts.TypeFlags.Object) !== 0 && (t.symbol?.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeLiteral)) !== 0;
      if (depth < 3 && isStruct) walk(t, `${path}.`, depth + 1);
    }
  };
  walk(checker.getTypeAtLocation(decl), '', 0);
  return paths;
}

describe('the AppClient table of the rule pages', () => {
  test('every CloudFormation property of the table is one the engine reads', () => {
    const empty = JSON.stringify(readClient({}));
    const samples: unknown[] = ['x', 1, true, ['x'], {}];
    const unread = Object.keys(APP_CLIENT_PROPS).filter((p) => samples.every((v) => JSON.stringify(readClient({ [p]: v })) === empty));
    expect(unread).toEqual([]);
    // the check itself tells a read property from an unknown one
    expect(samples.every((v) => JSON.stringify(readClient({ NotAProperty: v })) === empty)).toBe(true);
  });

  test('every AppClientProps path of the table exists', () => {
    const paths = appClientPropPaths('AppClientProps');
    expect(paths).toContain('oAuth.flows.authorizationCodeGrant'); // the walk reaches aws-cdk-lib's structs
    expect(paths).not.toContain('accessTokenValidity.toMinutes'); // and stops at classes
    const missing = Object.values(APP_CLIENT_PROPS).flatMap((m) => m.props.map(propPath)).filter((p) => !paths.has(p));
    expect(missing).toEqual([]);
  }, 60_000);

  test('every rule with an AppClient note is a rule', () => {
    expect(Object.keys(APP_CLIENT_NOTES).filter((id) => !rules.some((r) => r.id === id))).toEqual([]);
  });

  test('each documented rule page says how an AppClient sets its properties, prevents it, or what to change instead', () => {
    for (const r of rules) {
      const section = generated[`${DOCS_DIR}/${r.id}.md`].split('## With `AppClient`\n\n')[1].split('\n## ')[0];
      expect(section.trim()).not.toBe('');
      const doc = RULE_DOCS[r.id];
      const failing = runExample(doc.failing, doc.policy).filter((f) => f.ruleId === r.id);
      for (const p of ruleProperties(r, failing)) expect(section).toContain(`| \`${p}\` |`);
    }
  });
});

describe('suppressing or acknowledging a rule', () => {
  const rule = (id: string) => rules.find((r) => r.id === id)!;
  const page = (id: string) => generated[`${DOCS_DIR}/${id}.md`];

  test('a documented rule shows every entry point; a policy rule the pack and the checker; a change rule the checker', () => {
    const documented = page('redirect-uri-https');
    expect(documented).toContain("AppClient.acknowledge(scope, 'redirect-uri-https', ");
    expect(documented).toContain("Validations.of(scope).acknowledge({ id: 'cdk-cognito-app-client:redirect-uri-https', ");
    expect(documented).toContain("NagSuppressions.addResourceSuppressions(client, [{ id: 'AppClientChecks-redirect-uri-https', reason: 'why this is acceptable here' }]);");
    expect(documented).toContain("Validations.of(client).acknowledge({ id: 'AppClientChecks-redirect-uri-https', ");
    expect(documented).toContain('{ "ignore": [{ "id": "redirect-uri-https", ');
    const policy = page('policy-scopes-allowed');
    expect(policy).not.toContain('AppClient.acknowledge(');
    expect(policy).toContain("id: 'AppClientChecks-policy-scopes-allowed'");
    expect(policy).toContain('"id": "policy-scopes-allowed"');
    const change = page('generate-secret-replacement');
    expect(change).not.toContain('AppClient.acknowledge(');
    expect(change).not.toContain('AppClientChecks-');
    expect(change).toContain('"id": "generate-secret-replacement"');
  });

  test('the checker\'s config file is described in one place', () => {
    const text = checkerIgnore('x').join('\n');
    for (const r of rules) expect(page(r.id)).toContain(checkerIgnore(r.id).join('\n'));
    expect(text).toContain('.cognito-client-check.json');
  });

  test('a finding with an id (findingId) adds the one-value form to each entry point', () => {
    const f = { ruleId: 'oauth-scope-exists', severity: Severity.ERROR, property: 'AllowedOAuthScopes[1]', message: 'm', fix: 'f', findingId: 'AllowedOAuthScopes::orders-api/admin' } as Finding;
    const text = suppressionSection(rule('oauth-scope-exists'), [f]).join('\n');
    expect(text).toContain("AppClient.acknowledge(scope, 'oauth-scope-exists[AllowedOAuthScopes::orders-api/admin]', ");
    expect(text).toContain("{ id: 'AppClientChecks-oauth-scope-exists', reason: 'why this is acceptable here', appliesTo: ['AllowedOAuthScopes::orders-api/admin'] }");
    expect(text).toContain("Validations.of(client).acknowledge({ id: 'AppClientChecks-oauth-scope-exists[AllowedOAuthScopes::orders-api/admin]', ");
    expect(text).toContain('"id": "oauth-scope-exists[AllowedOAuthScopes::orders-api/admin]"');
    // the whole-rule forms stay
    expect(text).toContain("AppClient.acknowledge(scope, 'oauth-scope-exists', ");
    // without an id, no one-value form
    expect(suppressionSection(rule('oauth-scope-exists'), [{ ...f, findingId: undefined } as Finding]).join('\n')).not.toContain('only this value');
  });
});

describe('links', () => {
  const markdownFiles = (dir: string): string[] => readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
  const files = ['README.md', ...markdownFiles('docs')];

  /** The relative link targets of a Markdown file, outside code blocks and code spans (inline and reference links). */
  function relativeLinks(text: string): string[] {
    const prose = text.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
    const inline = [...prose.matchAll(/\]\(\s*(?:<([^>]+)>|([^)\s]+))[^)]*\)/g)].map((m) => m[1] ?? m[2]);
    const references = [...prose.matchAll(/^\s*\[[^\]]+\]:\s*(?:<([^>]+)>|(\S+))/gm)].map((m) => m[1] ?? m[2]);
    const targets = [...inline, ...references];
    return targets.filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t) && !t.startsWith('#'));
  }

  test.each(files)('every relative link in %s points to a file that exists', (file) => {
    const broken = relativeLinks(readFileSync(join(ROOT, file), 'utf8'))
      .filter((t) => !existsSync(join(ROOT, dirname(file), decodeURIComponent(t.split('#')[0]))));
    expect(broken).toEqual([]);
  });

  test('the npm package holds every rule page', () => {
    const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    const paths: string[] = packed[0].files.map((f: { path: string }) => f.path);
    for (const page of Object.keys(generated)) expect(paths).toContain(page);
  }, 60_000);

  test('relative links are told from the others', () => {
    expect(relativeLinks('[a](missing.md#x) `[b](span.md)` [c](https://x.org) [d](#y) [e](<docs/a b.md> "t")\n[f]: ref.md\n```\n[g](fence.md)\n```\n'))
      .toEqual(['missing.md#x', 'docs/a b.md', 'ref.md']);
  });

  test('README.md links the rule pages', () => {
    expect(relativeLinks(readFileSync(join(ROOT, 'README.md'), 'utf8')).some((t) => t.startsWith('docs/rules/'))).toBe(true);
    expect(files.map((f) => relative(ROOT, join(ROOT, f)))).toContain(`${DOCS_DIR}/README.md`);
  });
});
