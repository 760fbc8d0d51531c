import { pathToFileURL } from 'url';
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
  /** Every finding, with the logical id (or name) of its client. */
  readonly findings: ReadonlyArray<TemplateFinding>;
  /** The line of each resource's logical id in the file, when known (for SARIF regions). */
  readonly lines?: () => Map<string, number>;
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
  /** The rules that ran (for SARIF). */
  readonly rules: ReadonlyArray<RuleInfo>;
  /** The package version. */
  readonly version: string;
}

/** Counts of a report. */
interface Totals {
  errors: number;
  warnings: number;
  files: number;
  clients: number;
}

function totals(report: Report): Totals {
  const t: Totals = { errors: 0, warnings: 0, files: report.files.length, clients: 0 };
  for (const f of report.files) {
    t.clients += f.clients;
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
        severity: x.severity,
        property: x.property,
        message: x.message,
        fix: x.fix,
      });
    }
  }
  const t = totals(report);
  return JSON.stringify({ findings, checked: { files: t.files, clients: t.clients } }, undefined, 2) + '\n';
}

const PLAIN = { bold: '', red: '', yellow: '', dim: '', green: '', reset: '' };
const COLOURS = { bold: '\u001b[1m', red: '\u001b[31m', yellow: '\u001b[33m', dim: '\u001b[2m', green: '\u001b[32m', reset: '\u001b[0m' };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

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
    out.push(`${c.bold}${f.file}${c.reset}`);
    const byResource = new Map<string, TemplateFinding[]>();
    for (const x of f.findings) {
      const list = byResource.get(x.resource);
      if (list) list.push(x);
      else byResource.set(x.resource, [x]);
    }
    for (const [resource, list] of byResource) {
      out.push(`  ${c.bold}${resource}${c.reset}`);
      for (const x of list) {
        const level = x.severity === 'error' ? `${c.red}error  ${c.reset}` : `${c.yellow}warning${c.reset}`;
        out.push(`    ${level} ${x.message}`);
        out.push(`            ${c.dim}fix: ${x.fix}${c.reset}`);
      }
    }
    out.push('');
  }
  const t = totals(report);
  const summary = `${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')} in ${plural(t.files, 'file')} (${plural(t.clients, 'client')})`;
  const tint = t.errors > 0 ? c.red : t.warnings > 0 ? c.yellow : c.green;
  out.push(`${tint}${summary}${c.reset}`);
  return out.join('\n') + '\n';
}

/** A path as a SARIF artifact URI: relative paths stay relative (with `/`), absolute ones become `file:` URIs. */
function artifactUri(file: string): string {
  const slashed = file.replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:\//.test(slashed)) return pathToFileURL(file).href;
  return encodeURI(slashed);
}

/**
 * The `--format sarif` output: a SARIF 2.1.0 log with one run, for code-scanning uploads.
 *
 * @param report the run's results
 */
export function formatSarif(report: Report): string {
  const rules: object[] = [];
  const index = new Map<string, number>();
  const addRule = (r: { id: string; title?: string; source?: string; severity?: string }) => {
    if (index.has(r.id)) return;
    index.set(r.id, rules.length);
    const rule: { [key: string]: unknown } = { id: r.id };
    if (r.title) rule.shortDescription = { text: r.title };
    if (r.source) rule.helpUri = r.source;
    if (r.severity) rule.defaultConfiguration = { level: r.severity };
    rules.push(rule);
  };
  for (const r of report.rules) addRule(r);
  const results: object[] = [];
  for (const f of report.files) {
    if (f.findings.length === 0) continue;
    const lines = f.lines ? f.lines() : undefined;
    const uri = artifactUri(f.file);
    for (const x of f.findings) {
      addRule({ id: x.ruleId });
      const line = lines?.get(x.resource);
      const physicalLocation: { [key: string]: unknown } = { artifactLocation: { uri } };
      if (line !== undefined) physicalLocation.region = { startLine: line };
      results.push({
        ruleId: x.ruleId,
        ruleIndex: index.get(x.ruleId),
        level: x.severity === 'error' ? 'error' : 'warning',
        message: { text: `${x.message} Fix: ${x.fix}` },
        locations: [{ physicalLocation, logicalLocations: [{ name: x.resource, kind: 'resource' }] }],
      });
    }
  }
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
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
        toolExecutionNotifications: report.problems.map((p) => ({
          level: 'error',
          message: { text: `${p.file}: ${p.reason}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(p.file) } } }],
        })),
      }],
      results,
    }],
  };
  return JSON.stringify(sarif, undefined, 2) + '\n';
}

/** A key at the start of a line: `"Key":` (JSON), `Key:`, `'Key':` or `"Key":` (YAML). */
const KEY_LINE = /^( *)(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"{}[\],:][^:#]*?))\s*:(?:\s|$)/;

/**
 * The line (1-based) of each logical id under `Resources` in a pretty-printed JSON or block YAML
 * template. Minified JSON and flow-style YAML give an empty map. One pass, one regex.
 *
 * @param text the template source
 */
export function resourceLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let resourcesIndent = -1;
  let childIndent = -1;
  let lineNo = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lineNo++;
    const lineStart = start;
    start = end + 1;
    // Lines nested deeper than the logical ids are most of a template: skip them before any regex.
    if (childIndent >= 0) {
      let spaces = 0;
      while (text.charCodeAt(lineStart + spaces) === 32) spaces++;
      if (spaces > childIndent) continue;
    }
    const m = KEY_LINE.exec(text.slice(lineStart, end));
    if (!m) continue;
    const indent = m[1].length;
    const key = m[2] !== undefined ? m[2] : m[3] !== undefined ? m[3] : m[4];
    if (resourcesIndent < 0) {
      if (key === 'Resources') resourcesIndent = indent;
      continue;
    }
    if (indent <= resourcesIndent) {
      if (lines.size > 0 || childIndent >= 0) break;
      continue;
    }
    if (childIndent < 0) childIndent = indent;
    if (indent === childIndent && !lines.has(key)) lines.set(key, lineNo);
  }
  return lines;
}
