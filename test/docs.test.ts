import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { DOCS_DIR, documentedRules, ruleDocFiles, runExample } from '../scripts/rule-docs';
import { RULE_DOCS } from '../scripts/rule-examples';
import { ClientPolicy, ClientRules } from '../src';
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

  test('the pages are where finding messages point', () => {
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
      for (const section of ['## What it checks', '## Why', '## Failing example', '## Passing example', '## Fix']) expect(page).toContain(section);
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
      expect(f.message).toContain(`(docs: ${DOCS_BASE}/${id}.md)`);
    }
  });

  test('policy examples are valid policies that turn on exactly their rule; other rules have no policy', () => {
    for (const r of rules.filter((x) => x.policy)) {
      expect(ClientPolicy.fromJson(RULE_DOCS[r.id].policy).enabledRuleIds).toEqual([r.id]);
    }
    for (const r of rules.filter((x) => !x.policy)) expect(RULE_DOCS[r.id].policy).toBeUndefined();
  });
});
