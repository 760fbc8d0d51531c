import * as path from 'path';
import { pathToFileURL } from 'url';
import { yamlResourceOffsets } from './cfn-yaml';
import { RefusedSuppression, SuppressedFinding, Suppression, describeSource } from './suppressions';
import { CONTROL, escapeControls, quote } from '../rules/private/values';
import type { TemplateFinding } from '../rules/template';
import type { RuleInfo } from '../rules/types';

/**
 * The findings of one checked file.
 */
export interface FileResult {
  /** The path as given (or the directory as given joined with the relative path). */
  readonly file: string;
  /** The number of clients checked in the file. */
  readonly clients: number;
  /** Every finding that stays (not suppressed), with the logical id (or name) of its client. */
  readonly findings: ReadonlyArray<TemplateFinding>;
  /** The findings an honoured suppression covers, each with that suppression. */
  readonly suppressed?: ReadonlyArray<SuppressedFinding>;
  /** The suppressions that covered a finding but were refused. */
  readonly refused?: ReadonlyArray<RefusedSuppression>;
  /**
   * Where each resource's construct was created (user code, from the cloud assembly), by logical id:
   * the file as shown (relative to the working directory when inside the assembly's project) and the line.
   */
  readonly sources?: ReadonlyMap<string, { readonly file: string; readonly line: number }>;
  /** The line of each resource's logical id in the file, when known (text output, SARIF regions). */
  readonly lines?: () => Map<string, number>;
  /** The construct path of each resource with a finding: from the cloud assembly's manifest, else the template's `aws:cdk:path`. */
  readonly constructPaths?: ReadonlyMap<string, string>;
}

/**
 * An input that could not be checked.
 */
export interface Problem {
  readonly file: string;
  readonly reason: string;
}

/**
 * Everything one run found.
 */
export interface Report {
  readonly files: ReadonlyArray<FileResult>;
  readonly problems: ReadonlyArray<Problem>;
  /** Notes on files read in a way CloudFormation may not accept (YAML merge keys): no change to the exit status. */
  readonly notes?: ReadonlyArray<Problem>;
  /** The rules that ran (for SARIF). */
  readonly rules: ReadonlyArray<RuleInfo>;
  /** The package version. */
  readonly version: string;
  /** The directory relative paths are relative to (SARIF `%SRCROOT%`); the working directory when absent. */
  readonly root?: string;
  /** The policy file used, and where it was named (`--policy`, or the config file). */
  readonly policy?: { readonly file: string; readonly from: string };
  /** The config file read, if any. */
  readonly config?: string;
  /** The baseline rules the policy turns off or weakens, each with its acknowledgement (listed by every format). */
  readonly acknowledged?: ReadonlyArray<string>;
}

/** Counts of a report. */
interface Totals {
  errors: number;
  warnings: number;
  files: number;
  clients: number;
  suppressed: number;
  refused: number;
}

function totals(report: Report): Totals {
  const t: Totals = { errors: 0, warnings: 0, files: report.files.length, clients: 0, suppressed: 0, refused: 0 };
  for (const f of report.files) {
    t.clients += f.clients;
    t.suppressed += f.suppressed?.length ?? 0;
    t.refused += f.refused?.length ?? 0;
    for (const finding of f.findings) {
      if (finding.severity === 'error') t.errors++;
      else t.warnings++;
    }
  }
  return t;
}

/**
 * The `--format json` output: one JSON object with every finding and the counts.
 *
 * @param report the run's results
 */
export function formatJson(report: Report): string {
  const findings: object[] = [];
  for (const f of report.files) {
    for (const x of f.findings) {
      findings.push({
        file: f.file,
        resource: x.resource,
        ruleId: x.ruleId,
        findingId: x.findingId,
        severity: x.severity,
        property: x.property,
        message: x.message,
        fix: x.fix,
        docs: docsOf(report, x.ruleId),
      });
    }
  }
  const suppressed: object[] = [];
  const refusedSuppressions: object[] = [];
  for (const f of report.files) {
    for (const { finding, suppression } of f.suppressed ?? []) {
      suppressed.push({ ...suppressionFields(f, finding), reason: suppression.reason, ...origin(suppression) });
    }
    for (const { finding, suppression, why } of f.refused ?? []) {
      refusedSuppressions.push({ ...suppressionFields(f, finding), reason: suppression.reason, ...origin(suppression), refused: why });
    }
  }
  const t = totals(report);
  const out: { [key: string]: unknown } = { findings, suppressed, refusedSuppressions, checked: { files: t.files, clients: t.clients } };
  if (report.policy) out.policy = report.policy;
  if (report.config) out.config = report.config;
  if (report.notes?.length) out.notes = report.notes.map((n) => ({ file: n.file, note: n.reason }));
  return JSON.stringify(out, undefined, 2) + '\n';
}

/** The finding a suppression is about, for JSON. */
function suppressionFields(f: FileResult, x: TemplateFinding): object {
  return {
    ruleId: x.ruleId,
    findingId: x.findingId,
    severity: x.severity,
    resource: x.resource,
    file: f.file,
    constructPath: f.constructPaths?.get(x.resource),
    property: x.property,
    message: x.message,
  };
}

/** Where a suppression was written, for JSON. */
function origin(s: Suppression): object {
  return { source: s.source, suppressionId: s.id, at: s.at };
}

/**
 * A file name or logical id for a line of text output or stderr: as it is, or, when it holds a
 * control character, starts with a quote or could start a workflow command (`::` after leading
 * spaces, as GitHub Actions reads them), as a JSON string literal with every control character
 * escaped, as values in messages are.
 *
 * @param name the name
 */
export function display(name: string): string {
  return CONTROL.test(name) || /^(\s*::|")/.test(name) ? quote(name) : name;
}

/**
 * A message for one line of text output or stderr: any control character left in it is escaped as
 * `\uXXXX` (values in messages are already escaped; this covers everything else).
 */
export const clean = escapeControls;

const PLAIN = { bold: '', red: '', yellow: '', dim: '', green: '', reset: '' };
const COLOURS = { bold: '\u001b[1m', red: '\u001b[31m', yellow: '\u001b[33m', dim: '\u001b[2m', green: '\u001b[32m', reset: '\u001b[0m' };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The one-line summary: errors, warnings, files and clients. */
function summaryLine(t: ReturnType<typeof totals>): string {
  const extra = (t.suppressed > 0 ? `, ${t.suppressed} suppressed` : '') + (t.refused > 0 ? `, ${plural(t.refused, 'suppression')} refused` : '');
  return `${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')} in ${plural(t.files, 'file')} (${plural(t.clients, 'client')})${extra}`;
}

/**
 * The one line that `--format json` and `--format sarif` print on stderr, e.g.
 * `cognito-client-check: 3 clients checked: 1 error, 2 warnings, 1 suppressed`.
 *
 * @param report the run's results
 */
export function stderrSummary(report: Report): string {
  const t = totals(report);
  const refused = t.refused > 0 ? `, ${plural(t.refused, 'suppression')} refused` : '';
  return `cognito-client-check: ${plural(t.clients, 'client')} checked: ${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}, ${t.suppressed} suppressed${refused}\n`;
}

/** A finding named for the suppression lists: its resource, rule and finding id. */
function named(x: TemplateFinding): string {
  return `${display(x.resource)}  ${x.ruleId}${x.findingId === undefined ? '' : ` [${x.findingId}]`} (${x.severity})`;
}

/** Sources written in the app, next to the code (SARIF `inSource`); the others are `external`. */
const IN_SOURCE = ['cdk-nag-resource', 'cdk-nag-stack', 'acknowledgement'];

/** A rule's `security-severity` for code scanning (0.0 to 10.0): errors high, warnings medium. */
const SECURITY_SEVERITY: { [severity: string]: string } = { error: '7.5', warning: '5.0' };

/**
 * The `--format text` output, for people: findings grouped by file and resource, then a summary line.
 *
 * @param report the run's results
 * @param colour whether to use ANSI colours
 */
export function formatText(report: Report, colour: boolean): string {
  const c = colour ? COLOURS : PLAIN;
  const out: string[] = [];
  for (const f of report.files) {
    if (f.findings.length === 0) continue;
    out.push(`${c.bold}${display(f.file)}${c.reset}`);
    const byResource = new Map<string, TemplateFinding[]>();
    for (const x of f.findings) {
      const list = byResource.get(x.resource);
      if (list) list.push(x);
      else byResource.set(x.resource, [x]);
    }
    const lines = f.lines?.();
    for (const [resource, list] of byResource) {
      const line = lines?.get(resource);
      out.push(`  ${c.bold}${display(resource)}${c.reset}${line === undefined ? '' : ` (line ${line})`}`);
      for (const x of list) {
        const level = x.severity === 'error' ? `${c.red}error  ${c.reset}` : `${c.yellow}warning${c.reset}`;
        out.push(`    ${level} ${clean(x.message)}`);
        out.push(`            ${c.dim}fix: ${clean(x.fix)}${c.reset}`);
        // the id a suppression names (the config's ignore, --ignore), when the finding is about one value
        if (x.findingId !== undefined) out.push(`            ${c.dim}id:  ${clean(`${x.ruleId}[${x.findingId}]`)}${c.reset}`);
      }
    }
    out.push('');
  }
  rulePages(report, c, out);
  suppressionSections(report, c, out);
  if (report.policy) out.push(`Policy: ${display(report.policy.file)} (${report.policy.from})`);
  for (const a of report.acknowledged ?? []) out.push(`  ${clean(a)}`);
  const t = totals(report);
  const summary = summaryLine(t);
  const tint = t.errors > 0 ? c.red : t.warnings > 0 ? c.yellow : c.green;
  out.push(`${tint}${summary}${c.reset}`);
  return out.join('\n') + '\n';
}

/** Each rule's page, once per rule with a finding (the messages do not repeat it). */
function rulePages(report: Report, c: typeof PLAIN, out: string[]): void {
  const ids = [...new Set(report.files.flatMap((f) => f.findings.map((x) => x.ruleId)))];
  if (ids.length === 0) return;
  out.push(`${c.bold}Rule pages${c.reset}`);
  for (const id of ids) out.push(`  ${id}: ${docsOf(report, id) ?? '(no page)'}`);
  out.push('');
}

/** A rule's page (`RuleInfo.docs`). */
function docsOf(report: Report, ruleId: string): string | undefined {
  return report.rules.find((r) => r.id === ruleId)?.docs;
}

/** The "Suppressed" and "Refused suppressions" sections of text output, by file. */
function suppressionSections(report: Report, c: typeof PLAIN, out: string[]): void {
  const suppressed = report.files.filter((f) => (f.suppressed?.length ?? 0) > 0);
  if (suppressed.length > 0) {
    out.push(`${c.bold}Suppressed${c.reset}`);
    for (const f of suppressed) {
      out.push(`  ${display(f.file)}`);
      for (const { finding, suppression } of f.suppressed!) {
        out.push(`    ${named(finding)}`);
        out.push(`      ${c.dim}${clean(describeSource(suppression))} (${clean(suppression.id)}): ${clean(JSON.stringify(suppression.reason))}${c.reset}`);
      }
    }
    out.push('');
  }
  const refused = report.files.filter((f) => (f.refused?.length ?? 0) > 0);
  if (refused.length > 0) {
    out.push(`${c.bold}Refused suppressions${c.reset}`);
    for (const f of refused) {
      out.push(`  ${display(f.file)}`);
      for (const { finding, suppression, why } of f.refused!) {
        out.push(`    ${named(finding)}`);
        out.push(`      ${c.yellow}refused${c.reset}: ${clean(describeSource(suppression))} (${clean(suppression.id)}): ${clean(why)}`);
      }
    }
    out.push('');
  }
}

/** The base of relative artifact URIs: the directory the paths were given relative to. */
const SRCROOT = '%SRCROOT%';

/**
 * A path as a SARIF artifact location: an absolute path becomes a `file:` URI; a relative path a
 * relative reference to `%SRCROOT%`, each segment percent-encoded (so `per%cent#hash?.json` stays
 * one file name, and `a:b.json` cannot read as a URI with the scheme `a:`).
 *
 * @param file the path as shown
 */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  const segments = path.sep === '\\' ? file.split(/[\\/]/) : file.split('/');
  return { uri: segments.map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/**
 * The `--format sarif` output: a SARIF 2.1.0 log with one run, for code-scanning uploads.
 *
 * @param report the run's results
 */
export function formatSarif(report: Report): string {
  const rules: object[] = [];
  const index = new Map<string, number>();
  const addRule = (r: { id: string; title?: string; source?: string; severity?: string; docs?: string }) => {
    if (index.has(r.id)) return;
    index.set(r.id, rules.length);
    const rule: { [key: string]: unknown } = { id: r.id };
    if (r.title) rule.shortDescription = { text: r.title };
    if (r.title) rule.help = { text: [r.title, r.source ? `Source: ${r.source}` : '', r.docs ? `Rule page: ${r.docs}` : ''].filter((x) => x).join('. ') };
    // the rule's page (the fix in every entry point, and how to suppress it); its source otherwise
    if (r.docs ?? r.source) rule.helpUri = r.docs ?? r.source;
    if (r.severity) {
      rule.defaultConfiguration = { level: r.severity };
      rule.properties = { 'tags': ['security'], 'security-severity': SECURITY_SEVERITY[r.severity] };
    }
    rules.push(rule);
  };
  for (const r of report.rules) addRule(r);
  const results: object[] = [];
  for (const f of report.files) {
    const refusedOf = new Map<TemplateFinding, RefusedSuppression[]>();
    for (const r of f.refused ?? []) refusedOf.set(r.finding, [...refusedOf.get(r.finding) ?? [], r]);
    const all: Array<{ x: TemplateFinding; suppression?: Suppression }> = [
      ...f.findings.map((x) => ({ x })),
      ...(f.suppressed ?? []).map((s) => ({ x: s.finding, suppression: s.suppression })),
    ];
    if (all.length === 0) continue;
    const lines = f.lines ? f.lines() : undefined;
    const artifact = artifactLocation(f.file);
    for (const { x, suppression } of all) {
      addRule({ id: x.ruleId });
      const line = lines?.get(x.resource);
      const templateLocation: { [key: string]: unknown } = { artifactLocation: artifact };
      if (line !== undefined) templateLocation.region = { startLine: line };
      // where the app records it, the line of user code that created the construct; the template's line is then related
      const source = f.sources?.get(x.resource);
      const physicalLocation = source ? { artifactLocation: artifactLocation(source.file), region: { startLine: source.line } } : templateLocation;
      // the resource, and where CDK wrote it, the construct it belongs to (its path in the app)
      const constructPath = f.constructPaths?.get(x.resource);
      const logical = constructPath === undefined ? { name: x.resource, kind: 'resource' } : { name: x.resource, fullyQualifiedName: constructPath, kind: 'resource' };
      const result: { [key: string]: unknown } = {
        ruleId: x.ruleId,
        ruleIndex: index.get(x.ruleId),
        level: x.severity === 'error' ? 'error' : 'warning',
        message: { text: `${x.message} Fix: ${x.fix}` },
        locations: [{ physicalLocation, logicalLocations: [logical] }],
      };
      if (source) result.relatedLocations = [{ id: 1, physicalLocation: templateLocation, message: { text: 'The resource in the synthesized template.' } }];
      if (suppression) {
        result.suppressions = [{
          kind: IN_SOURCE.includes(suppression.source) ? 'inSource' : 'external',
          status: 'accepted',
          justification: `${suppression.reason} (${describeSource(suppression)}: ${suppression.id})`,
        }];
      }
      const properties: { [key: string]: unknown } = {};
      if (x.findingId !== undefined) properties.findingId = x.findingId;
      const refused = refusedOf.get(x);
      if (refused) {
        properties.refusedSuppressions = refused.map((r) => ({
          id: r.suppression.id, source: r.suppression.source, at: r.suppression.at, reason: r.suppression.reason, refused: r.why,
        }));
      }
      if (Object.keys(properties).length > 0) result.properties = properties;
      results.push(result);
    }
  }
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(report.root ?? process.cwd()).href.replace(/\/?$/, '/') } },
      tool: {
        driver: {
          name: 'cognito-client-check',
          version: report.version,
          informationUri: 'https://github.com/cdk-cognito-app-client/cdk-cognito-app-client',
          rules,
        },
      },
      invocations: [{
        executionSuccessful: report.problems.length === 0,
        ...(report.policy || report.config ? { properties: { policy: report.policy, config: report.config } } : {}),
        toolExecutionNotifications: [
          ...report.problems.map((p) => ({ level: 'error', p })),
          ...(report.notes ?? []).map((p) => ({ level: 'note', p })),
        ].map(({ level, p }) => ({
          level,
          message: { text: `${p.file}: ${p.reason}` },
          locations: [{ physicalLocation: { artifactLocation: artifactLocation(p.file) } }],
        })),
      }],
      results,
    }],
  };
  return JSON.stringify(sarif, undefined, 2) + '\n';
}

/**
 * The line (1-based) of each logical id under the template's top-level `Resources`: in JSON from
 * one pass over the text (only keys at the top level and in `Resources` are read), in YAML from the
 * parsed document. A `Resources` key nested elsewhere (a `Metadata` block, say) is never taken for
 * the template's.
 *
 * @param text the template source
 * @param json whether the text was read as JSON
 */
export function resourceLines(text: string, json: boolean): Map<string, number> {
  const offsets = json ? jsonResourceOffsets(text) : yamlResourceOffsets(text);
  const lines = new Map<string, number>();
  const sorted = [...offsets].sort((a, b) => a[1] - b[1]);
  let line = 1;
  let at = 0;
  for (const [id, offset] of sorted) {
    for (let i = text.indexOf('\n', at); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      at = i + 1;
    }
    lines.set(id, line);
  }
  return lines;
}

/** The offset of each key of the top-level `Resources` object of a JSON text (the last of a repeated key, as JSON.parse keeps). */
function jsonResourceOffsets(text: string): Map<string, number> {
  const offsets = new Map<string, number>();
  const stack: string[] = []; // '{' or '['
  let expectKey = false;
  let topKey: string | undefined;
  let inResources = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) { // "
      let j = i + 1;
      while (j < text.length) {
        const d = text.charCodeAt(j);
        if (d === 0x5c) j += 2;
        else if (d === 0x22) break;
        else j++;
      }
      if (expectKey && stack[stack.length - 1] === '{' && stack.length <= 2) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (stack.length === 1) topKey = key;
        else if (inResources) offsets.set(key, i);
      }
      expectKey = false;
      i = j;
    } else if (c === 0x7b) { // {
      stack.push('{');
      expectKey = true;
      if (stack.length === 2) inResources = topKey === 'Resources';
    } else if (c === 0x5b) { // [
      stack.push('[');
      if (stack.length === 2) inResources = false;
    } else if (c === 0x7d || c === 0x5d) { // } ]
      stack.pop();
      if (stack.length === 1) inResources = false;
    } else if (c === 0x2c) { // ,
      expectKey = stack[stack.length - 1] === '{';
    }
  }
  return offsets;
}
