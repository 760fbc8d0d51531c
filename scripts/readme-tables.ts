// Rewrites the generated tables of README.md (between the <!-- rules:... --> and <!-- policy:... -->
// markers) from the rule registry and the policy settings. test/readme.test.ts fails when they differ.
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { ClientPolicy } from '../src/policy/client-policy';
import { SETTINGS } from '../src/policy/settings';
import { ClientRules } from '../src/rules/client-rules';

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function rulesTable(): string {
  const rows = ClientRules.rules().map((r) => `| \`${r.id}\` | ${r.severity} | ${cell(r.title)} | [source](${r.source}) |`);
  return ['| Rule id | Severity | What it checks | Source |', '|---|---|---|---|', ...rows].join('\n');
}

export function policyTable(): string {
  const rules = ClientPolicy.rules();
  // one row per rule a setting turns on: its own rule, then the rules it also turns on
  const rows = SETTINGS.flatMap((s) => [
    ...(s.ruleId ? [{ id: s.ruleId, description: s.description }] : []),
    ...(s.alsoTurnsOn ?? []).map((x) => ({ id: x.ruleId, description: x.description })),
  ].map(({ id, description }) => {
    const r = rules.find((x) => x.id === id)!;
    return `| \`${s.key}\` | \`${r.id}\` | ${r.severity} | ${cell(description)} |`;
  }));
  return ['| Setting | Rule id | Default severity | What it checks |', '|---|---|---|---|', ...rows].join('\n');
}

if (require.main === module) {
  const file = join(__dirname, '..', 'README.md');
  let text = readFileSync(file, 'utf8');
  const replace = (name: string, table: string) => {
    text = text.replace(new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(\\n<!-- ${name}:end -->)`), (_m, a, b) => a + table + b);
  };
  replace('rules', rulesTable());
  replace('policy', policyTable());
  writeFileSync(file, text);
}
