import { readFileSync } from 'fs';
import { join } from 'path';
import { ClientPolicy, ClientRules } from '../src';

const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

test("README's rule table is the registry", () => {
  const section = /<!-- rules:start -->\n([\s\S]*?)\n<!-- rules:end -->/.exec(readme);
  expect(section).not.toBeNull();
  const rows = section![1].split('\n').slice(2).map((line) => {
    const m = /^\| `([a-z0-9-]+)` \| (error|warning) \| (.*) \| \[source\]\((.*)\) \|$/.exec(line);
    if (!m) throw new Error(`README rule table: unreadable row: ${line}`);
    return { id: m[1], severity: m[2], title: m[3].replace(/\\\|/g, '|'), source: m[4] };
  });
  expect(rows).toEqual(ClientRules.rules().map((r) => ({ id: r.id, severity: r.severity, title: r.title, source: r.source })));
});

test("README's test command is the one CI runs", () => {
  const ci = readFileSync(join(__dirname, '..', '.ci', 'run'), 'utf8');
  const command = /^TEST_COMMAND='(.*)'$/m.exec(ci)?.[1];
  expect(command).toBeDefined();
  const quickStart = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const lines = quickStart.trim().split('\n').map((l) => l.replace(/\s+#.*$/, '').trim());
  expect(lines).toHaveLength(2);
  expect(lines[1]).toBe(command);
});

test("README's policy table is the settings table and the policy rules", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { SETTINGS } = require('../src/policy/settings');
  const section = /<!-- policy:start -->\n([\s\S]*?)\n<!-- policy:end -->/.exec(readme);
  expect(section).not.toBeNull();
  const rows = section![1].split('\n').slice(2).map((line) => {
    const m = /^\| `(\w+)` \| `([a-z0-9-]+)` \| (error|warning) \| (.*) \|$/.exec(line);
    if (!m) throw new Error(`README policy table: unreadable row: ${line}`);
    return { key: m[1], id: m[2], severity: m[3], description: m[4].replace(/\\\|/g, '|') };
  });
  const rules = ClientPolicy.rules();
  expect(rows).toEqual(SETTINGS.flatMap((s: any) => [
    ...(s.ruleId ? [{ id: s.ruleId, description: s.description }] : []),
    ...(s.alsoTurnsOn ?? []).map((x: any) => ({ id: x.ruleId, description: x.description })),
  ].map(({ id, description }: any) => ({
    key: s.key, id, severity: rules.find((r) => r.id === id)!.severity, description,
  }))));
  // every policy rule has a setting
  expect(rows.map((r) => r.id).sort()).toEqual(rules.map((r) => r.id).sort());
});

test("README's example policy file is the one in examples/, and it loads", () => {
  const file = join(__dirname, '..', 'examples', 'client-policy.json');
  const inReadme = /## A policy for your organisation[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const { $schema: _a, ...shown } = JSON.parse(inReadme);
  const { $schema: _b, ...committed } = JSON.parse(readFileSync(file, 'utf8'));
  expect(shown).toEqual(committed);
  // every setting it shows turns its rules on
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { SETTINGS: settings, rulesOf } = require('../src/policy/settings');
  const expected = settings.filter((s: any) => s.key in committed).flatMap((s: any) => rulesOf(s));
  expect([...ClientPolicy.fromFile(file).enabledRuleIds].sort()).toEqual([...expected].sort());
});
