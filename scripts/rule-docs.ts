// Writes docs/rules/<rule-id>.md for every rule, and docs/rules/README.md as an index, from the rule
// registry, the policy settings and scripts/rule-examples.ts. The failing findings on each page are
// produced by running the engine, so a page never drifts from the rule; test/docs.test.ts fails when
// the committed pages differ from what this script generates.
import { mkdirSync, readdirSync, unlinkSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import { RULE_DOCS, RuleDoc, RuleExample } from './rule-examples';
import { ClientPolicy } from '../src/policy/client-policy';
import { SETTINGS } from '../src/policy/settings';
import { ClientRules } from '../src/rules/client-rules';
import { CHANGE_RULES, CLIENT_RULES, CONTEXT_RULES, POLICY_RULES } from '../src/rules/registry';
import { Finding, RuleInfo } from '../src/rules/types';

/** Where the pages are, relative to the repository root. */
export const DOCS_DIR = 'docs/rules';

/** A documented rule: what the registry says about it, and where it runs. */
export interface DocumentedRule extends RuleInfo {
  /** Whether the rule is an organisation-policy rule. */
  readonly policy: boolean;
  /** The policy setting that turns the rule on (policy rules only), with its value when it is a boolean: `forbidImplicitFlow: true`. */
  readonly setting?: string;
  /** The rule's general fixes: one per part (a rule with a per-client and a template part has two). */
  readonly fixes: ReadonlyArray<{ readonly where: 'client' | 'template' | 'change' | 'policy'; readonly fix: string }>;
}

/** The setting that turns a policy rule on; a boolean setting with the value that does (from the rule's enabled()). */
function settingOf(ruleId: string): string | undefined {
  const spec = SETTINGS.find((s) => s.ruleId === ruleId);
  if (!spec) return undefined;
  if (spec.kind !== 'boolean') return spec.key;
  const rule = POLICY_RULES.find((r) => r.id === ruleId)!;
  const on = [true, false].find((v) => rule.enabled({ [spec.key]: v }));
  return `${spec.key}: ${on}`;
}

/** Every rule of `ClientRules.rules()` then of `ClientPolicy.rules()`, in registry order. */
export function documentedRules(): DocumentedRule[] {
  const fixesOf = (id: string) => [
    ...CLIENT_RULES.filter((r) => r.id === id).map((r) => ({ where: 'client' as const, fix: r.fix })),
    ...CONTEXT_RULES.filter((r) => r.id === id).map((r) => ({ where: 'template' as const, fix: r.fix })),
    ...CHANGE_RULES.filter((r) => r.id === id).map((r) => ({ where: 'change' as const, fix: r.fix })),
    ...POLICY_RULES.filter((r) => r.id === id).map((r) => ({ where: 'policy' as const, fix: r.fix })),
  ];
  return [
    ...ClientRules.rules().map((r) => ({ ...r, policy: false, fixes: fixesOf(r.id) })),
    ...ClientPolicy.rules().map((r) => ({ ...r, policy: true, setting: settingOf(r.id), fixes: fixesOf(r.id) })),
  ];
}

/** A finding, with the resource it is about when the example is a template. */
export type ExampleFinding = Finding & { readonly resource?: string };

/** Runs one example through the engine, as its page says: `check` for properties, `checkTemplate` for a template. */
export function runExample(example: RuleExample, policyJson?: unknown): ExampleFinding[] {
  const policy = policyJson === undefined ? undefined : ClientPolicy.fromJson(policyJson);
  if (example.template !== undefined) {
    return ClientRules.checkTemplate(example.template, { policy, previous: example.previous });
  }
  return ClientRules.check(example.properties, policy);
}

/**
 * JSON with sorted keys and 2-space indentation; a list of plain values stays on one line when it is short.
 */
export function stableJson(value: unknown, indent = ''): string {
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((v) => stableJson(v, inner));
    const oneLine = `[${items.join(', ')}]`;
    if (value.every((v) => typeof v !== 'object' || v === null) && oneLine.length + indent.length <= 100) return oneLine;
    return `[\n${items.map((i) => inner + i).join(',\n')}\n${indent}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value).sort().filter((k) => (value as { [key: string]: unknown })[k] !== undefined);
    if (keys.length === 0) return '{}';
    const entries = keys.map((k) => `${inner}${JSON.stringify(k)}: ${stableJson((value as { [key: string]: unknown })[k], inner)}`);
    return `{\n${entries.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** Escapes Markdown outside `code spans`: backslashes, emphasis markers and angle brackets. */
function md(text: string): string {
  return text.split(/(`[^`]*`)/).map((part, i) => (i % 2 === 1 ? part : part
    .replace(/\\/g, '\\\\')
    .replace(/\*/g, '\\*')
    .replace(/(^|[^A-Za-z0-9])_|_(?=[^A-Za-z0-9]|$)/g, (m) => m.replace('_', '\\_'))
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;'))).join('');
}

const fence = (lang: string, body: string) => `\`\`\`${lang}\n${body}\n\`\`\``;

function severityLine(rule: DocumentedRule): string {
  if (!rule.policy) return `**${rule.severity}**: ${md(rule.title)}`;
  return `**policy** (default severity ${rule.severity}, on when the policy sets \`${rule.setting}\`): ${md(rule.title)}`;
}

function whereItRuns(rule: DocumentedRule): string {
  const parts = new Set(rule.fixes.map((f) => f.where));
  if (rule.policy) {
    return `It runs only with an organisation policy that sets \`${rule.setting}\` (\`ClientPolicy\`, or a policy file read with `
      + '`ClientPolicy.fromFile`), and reports with the severity the policy gives it (by default '
      + `${rule.severity}). It reads the properties of each \`AWS::Cognito::UserPoolClient\`.`;
  }
  if (parts.has('change')) {
    return 'It compares each `AWS::Cognito::UserPoolClient` with the client of the same logical id in the previously deployed '
      + 'template, so it runs only when a previous template is given (`ClientRules.checkTemplate(template, { previous })`).';
  }
  if (parts.has('client') && parts.has('template')) {
    return 'It reads the properties of each `AWS::Cognito::UserPoolClient` (`ClientRules.check` and every entry point), and, in a '
      + 'template or a synthesized app (`ClientRules.checkTemplate`), also the resources around the client: its user pool, resource '
      + 'servers and identity providers. When those are not in the template, only what the client\'s own properties decide is reported.';
  }
  if (parts.has('template')) {
    return 'It needs the resources around the client (its user pool, resource servers and identity providers), so it runs on a '
      + 'template or a synthesized app (`ClientRules.checkTemplate`), and decides only what the template shows: resources '
      + 'defined elsewhere are not guessed at.';
  }
  return 'It reads the properties of each `AWS::Cognito::UserPoolClient`, so every entry point runs it (`ClientRules.check`, '
    + '`ClientRules.checkTemplate`, the construct and the command-line checker).';
}

const UNRESOLVED = 'Values resolved only at deploy time (CDK tokens, and CloudFormation intrinsics such as `Ref`, `Fn::GetAtt` or '
  + '`Fn::Join`) are skipped whenever some resolution could satisfy the rule; literal parts that already decide it are still '
  + 'checked, and so are attributes whose shape CloudFormation documents (an S3 website URL is plain HTTP, a CloudFront domain name '
  + 'has no scheme). Each literal branch of an `Fn::If` is checked as if it were written there, and a finding that holds in one '
  + 'branch only names it ("when IsProd is false").';

function howToRun(example: RuleExample, policy: boolean): string {
  const p = policy ? ', policy' : '';
  if (example.template !== undefined) {
    return example.previous !== undefined
      ? `Checked with \`ClientRules.checkTemplate(template, { previous${policy ? ', policy' : ''} })\`, against this previously deployed template:`
      : `A template, checked with \`ClientRules.checkTemplate(template${policy ? ', { policy }' : ''})\`:`;
  }
  return `The \`Properties\` of an \`AWS::Cognito::UserPoolClient\`, checked with \`ClientRules.check(properties${p})\`:`;
}

function exampleBlocks(example: RuleExample, policy: boolean): string[] {
  const out: string[] = [];
  if (example.template !== undefined && example.previous !== undefined) {
    out.push(`Checked with \`ClientRules.checkTemplate(template, { previous${policy ? ', policy' : ''} })\`. The previously deployed template:`);
    out.push(fence('json', stableJson(example.previous)));
    out.push('The template now:');
  } else {
    out.push(howToRun(example, policy));
  }
  out.push(fence('json', stableJson(example.shown ?? example.template ?? example.properties)));
  if (example.note) out.push(md(example.note));
  return out;
}

function findingBlock(findings: ExampleFinding[]): string {
  return fence('text', findings.map((f) => [
    `severity: ${f.severity}`,
    ...(f.resource !== undefined ? [`resource: ${f.resource}`] : []),
    `property: ${f.property}`,
    `message:  ${f.message}`,
    `fix:      ${f.fix}`,
  ].join('\n')).join('\n\n'));
}

/** The Markdown page of one rule (test/docs.test.ts checks that the failing example fails and the passing one passes). */
export function rulePage(rule: DocumentedRule, doc: RuleDoc): string {
  const failing = runExample(doc.failing, doc.policy).filter((f) => f.ruleId === rule.id);
  const lines: string[] = [
    `# ${rule.id}`,
    '',
    severityLine(rule),
    '',
    '## What it checks',
    '',
    `${md(rule.title.replace(/\.?$/, '.'))} ${whereItRuns(rule)}`,
    '',
    UNRESOLVED,
    '',
    '## Why',
    '',
    doc.why,
    '',
    `Source: <${rule.source}>`,
    '',
  ];
  if (rule.policy) {
    lines.push('## Policy', '', 'The examples are checked with this policy (JSON form, as read by `ClientPolicy.fromJson` and '
      + '`ClientPolicy.fromFile`):', '', fence('json', stableJson(doc.policy)), '');
  }
  lines.push('## Failing example', '', ...exampleBlocks(doc.failing, rule.policy).flatMap((b) => [b, '']));
  if (failing.length === 0) {
    lines.push('The engine reports no finding of this rule for this example (a discrepancy with the rule catalog: see test/docs.test.ts).', '');
  } else {
    const one = failing.length === 1;
    lines.push(`The ${one ? 'finding' : 'findings'} of this rule, as the engine reports ${one ? 'it' : 'them'}:`, '');
    lines.push(findingBlock(failing), '');
  }
  lines.push('## Passing example', '', ...exampleBlocks(doc.passing, rule.policy).flatMap((b) => [b, '']));
  lines.push('## Fix', '');
  const fixes = [...new Set(rule.fixes.map((f) => f.fix))];
  if (fixes.length === 1) {
    lines.push(md(fixes[0]), '');
  } else {
    const label = { client: 'From the client\'s own properties', template: 'In a template', change: 'Between deployments', policy: 'Policy' };
    for (const f of rule.fixes) lines.push(`- ${label[f.where]}: ${md(f.fix)}`);
    lines.push('');
  }
  if (failing.some((f) => !fixes.includes(f.fix))) {
    lines.push('A finding may carry a fix specific to the value found instead, as in the failing example above.', '');
  }
  return lines.join('\n');
}

/** The index page: one row per rule, in registry order. */
export function indexPage(rules: DocumentedRule[]): string {
  const cell = (s: string) => md(s).replace(/\|/g, '\\|');
  const row = (r: DocumentedRule) => `| [\`${r.id}\`](${r.id}.md) | ${r.policy ? `policy (${r.severity})` : r.severity} | ${cell(r.title)} |`;
  const service = rules.filter((r) => !r.policy);
  const policy = rules.filter((r) => r.policy);
  return [
    '# Rules',
    '',
    '<!-- Generated by scripts/rule-docs.ts from the rule registry and scripts/rule-examples.ts: do not edit. -->',
    '',
    'One page per rule: what it checks, why, a failing and a passing example, and the fix. Every finding\'s message ends with a '
      + 'link to its rule\'s page. **error** fails `cdk synth` (the service would reject the client); **warning** is reported; '
      + '**policy** rules run only when an organisation policy turns them on, with the severity it gives them (default in brackets).',
    '',
    `## Service rules (${service.length})`,
    '',
    '| Rule | Severity | What it checks |',
    '|---|---|---|',
    ...service.map(row),
    '',
    `## Policy rules (${policy.length})`,
    '',
    '| Rule | Severity | What it checks |',
    '|---|---|---|',
    ...policy.map(row),
    '',
  ].join('\n');
}

/** Every generated file, by path relative to the repository root, in a stable order. */
export function ruleDocFiles(): { [path: string]: string } {
  const rules = documentedRules();
  const files: { [path: string]: string } = { [`${DOCS_DIR}/README.md`]: indexPage(rules) };
  for (const rule of rules) {
    const doc = RULE_DOCS[rule.id];
    if (!doc) throw new Error(`${rule.id}: no examples in scripts/rule-examples.ts.`);
    files[`${DOCS_DIR}/${rule.id}.md`] = rulePage(rule, doc);
  }
  return files;
}

if (require.main === module) {
  const root = join(__dirname, '..');
  const files = ruleDocFiles();
  const dir = join(root, DOCS_DIR);
  mkdirSync(dir, { recursive: true });
  // Pages of rules that no longer exist go away.
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.md') && files[`${DOCS_DIR}/${name}`] === undefined) unlinkSync(join(dir, name));
  }
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  console.log(`wrote ${Object.keys(files).length} files to ${DOCS_DIR}/`);
}
