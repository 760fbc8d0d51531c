import { readFileSync } from 'fs';
import { join } from 'path';
import { ClientRules } from '../src';

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
