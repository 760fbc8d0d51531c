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
  const rows = SETTINGS.filter((s) => s.ruleId).map((s) => {
    const r = rules.find((x) => x.id === s.ruleId)!;
    return `| \`${s.key}\` | \`${r.id}\` | ${r.severity} | ${cell(s.description)} |`;
  });
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
