import * as fs from 'fs';
import * as path from 'path';
import { parseCfnYaml } from './cfn-yaml';

/** The CloudFormation type of the resources the checker reads. */
export const CLIENT_TYPE = 'AWS::Cognito::UserPoolClient';

/** Fields of a DescribeUserPoolClient response that are not inputs of a client. */
const RESPONSE_ONLY = ['ClientId', 'CreationDate', 'LastModifiedDate', 'ClientType'];

/** The lifetime each unit of `TokenValidityUnits` applies to. */
const UNIT_VALUES: { [unit: string]: string } = {
  AccessToken: 'AccessTokenValidity',
  IdToken: 'IdTokenValidity',
  RefreshToken: 'RefreshTokenValidity',
};

/** File name endings checked when walking a directory that is not a cloud assembly. */
const DIRECTORY_EXTENSIONS = ['.json', '.yaml', '.yml', '.template'];

/**
 * What a file holds, detected from its content.
 */
export type Document =
  | { readonly kind: 'template'; readonly template: { [key: string]: any } }
  | { readonly kind: 'request' | 'describe'; readonly resource: string; readonly properties: { [key: string]: any } };

/**
 * A file that cannot be checked, with a one-line reason (the file name is added by the caller).
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** How a file was reached: named on the command line, found in a cloud assembly or in a plain directory. */
export type Origin = 'explicit' | 'assembly' | 'directory';

/** One file to check: the path to show (as given, or the directory as given joined with the relative path) and the path to read. */
export interface FileRef {
  readonly display: string;
  readonly path: string;
  readonly origin: Origin;
}

function isObject(v: unknown): v is { [key: string]: any } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Turns one command-line input into the files to check: the file itself, every `*.template.json`
 * of a cloud assembly (`cdk.out`, nested assemblies included), or every JSON/YAML file of a
 * plain directory, recursively and in name order.
 *
 * @param input the path as given on the command line
 * @throws InputError when the path cannot be read
 */
export function expandInput(input: string): FileRef[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(input);
  } catch (e) {
    throw new InputError(`cannot read it (${errorCode(e)}).`);
  }
  if (!stat.isDirectory()) return [{ display: input, path: input, origin: 'explicit' }];
  const assembly = isCloudAssembly(input);
  const files: FileRef[] = [];
  walk(input, input, assembly, files, new Set<string>());
  return files;
}

/** A cloud assembly has a `manifest.json` next to a `cdk.out` marker or to its templates. */
function isCloudAssembly(dir: string): boolean {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (e) {
    throw new InputError(`cannot read the directory (${errorCode(e)}).`);
  }
  if (!names.includes('manifest.json')) return false;
  return names.includes('cdk.out') || names.some((n) => n.endsWith('.template.json'));
}

function walk(dir: string, display: string, assembly: boolean, out: FileRef[], seen: Set<string>): void {
  let real: string;
  let entries: fs.Dirent[];
  try {
    real = fs.realpathSync(dir);
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new InputError(`cannot read the directory (${errorCode(e)}).`);
  }
  if (seen.has(real)) return;
  seen.add(real);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const shown = path.join(display, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = fs.statSync(full);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch {
        continue; // a dangling link in a tree is skipped like any other non-candidate
      }
    }
    if (isDir) {
      // Dependencies, VCS data and bundled assets are never templates of this app.
      if (entry.name === 'node_modules' || entry.name.startsWith('.') || (assembly && entry.name.startsWith('asset.'))) continue;
      walk(full, shown, assembly, out, seen);
    } else if (isFile && isCandidate(entry.name, assembly)) {
      out.push({ display: shown, path: full, origin: assembly ? 'assembly' : 'directory' });
    }
  }
}

function isCandidate(name: string, assembly: boolean): boolean {
  if (assembly) return name.endsWith('.template.json');
  return DIRECTORY_EXTENSIONS.some((ext) => name.endsWith(ext));
}

/**
 * Reads a file as UTF-8 (without a byte-order mark).
 *
 * @throws InputError when the file cannot be read
 */
export function readText(file: string): string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read it (${errorCode(e)}).`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Whether a file's text is parsed as YAML (not JSON); used for locating resources. */
export function looksLikeJson(text: string): boolean {
  const first = /\S/.exec(text);
  return first !== null && (first[0] === '{' || first[0] === '[');
}

/**
 * Parses JSON or YAML (with the CloudFormation short-form tags), detected from the content:
 * text that starts with `{` or `[` is JSON unless the file name says YAML.
 *
 * @param text the file content
 * @param file the file name, for its extension
 * @throws InputError naming what is wrong
 */
export function parseText(text: string, file: string): unknown {
  const yamlName = /\.ya?ml$/i.test(file);
  if (text.trim() === '') throw new InputError('the file is empty.');
  if (looksLikeJson(text)) {
    try {
      return JSON.parse(text);
    } catch (e) {
      if (!yamlName) throw new InputError(`not valid JSON: ${oneLine(e)}.`);
    }
  }
  try {
    return parseCfnYaml(text);
  } catch (e) {
    throw new InputError(`not valid ${yamlName || !looksLikeJson(text) ? 'YAML' : 'JSON or YAML'}: ${oneLine(e)}.`);
  }
}

/**
 * Detects what a parsed file is: a CloudFormation template (it has `Resources` or
 * `AWSTemplateFormatVersion`), DescribeUserPoolClient output (`{"UserPoolClient": {...}}`), or a
 * CreateUserPoolClient request (`UserPoolId` or `ClientName` at the top level).
 *
 * A template whose `Resources` is not an object, or Describe output whose `UserPoolClient` is not
 * an object, is an InputError. Anything else is `undefined`.
 *
 * @param value the parsed file
 */
export function classify(value: unknown): Document | undefined {
  if (!isObject(value)) return undefined;
  if ('Resources' in value || 'AWSTemplateFormatVersion' in value) {
    const resources = value.Resources;
    if (resources === undefined) throw new InputError('this template has no Resources section.');
    if (!isObject(resources)) {
      throw new InputError(`Resources must be an object of logical ids to resources, not ${describe(resources)}.`);
    }
    return { kind: 'template', template: value };
  }
  if ('UserPoolClient' in value) {
    const client = value.UserPoolClient;
    if (!isObject(client)) {
      throw new InputError(`UserPoolClient (DescribeUserPoolClient output) must be an object, not ${describe(client)}.`);
    }
    return { kind: 'describe', resource: describeName(client), properties: fromDescribe(client) };
  }
  if ('UserPoolId' in value || 'ClientName' in value) {
    return { kind: 'request', resource: 'UserPoolClient', properties: value };
  }
  return undefined;
}

function describeName(client: { [key: string]: any }): string {
  if (typeof client.ClientName === 'string' && client.ClientName !== '') return client.ClientName;
  if (typeof client.ClientId === 'string' && client.ClientId !== '') return client.ClientId;
  return 'UserPoolClient';
}

/**
 * Turns the `UserPoolClient` of DescribeUserPoolClient output into the properties of a client:
 * response-only fields are dropped, a client secret becomes `GenerateSecret: true`, and the units
 * Describe returns for lifetimes that are not set are dropped (the service fills them in).
 */
function fromDescribe(client: { [key: string]: any }): { [key: string]: any } {
  const properties: { [key: string]: any } = {};
  for (const key of Object.keys(client)) {
    if (RESPONSE_ONLY.includes(key) || key === 'ClientSecret') continue;
    properties[key] = client[key];
  }
  if (client.ClientSecret !== undefined && client.ClientSecret !== null) properties.GenerateSecret = true;
  // Describe returns every unit, even for a lifetime that was never set: keep only the units in use.
  const units = properties.TokenValidityUnits;
  if (isObject(units)) {
    const kept: { [key: string]: any } = {};
    for (const key of Object.keys(units)) {
      if (!UNIT_VALUES[key] || properties[UNIT_VALUES[key]] !== undefined) kept[key] = units[key];
    }
    if (Object.keys(kept).length > 0) properties.TokenValidityUnits = kept;
    else delete properties.TokenValidityUnits;
  }
  return properties;
}

/**
 * The number of `AWS::Cognito::UserPoolClient` resources of a template.
 *
 * @param template a template whose `Resources` is an object
 */
export function countClients(template: { [key: string]: any }): number {
  const resources = template.Resources as { [key: string]: any };
  let n = 0;
  for (const id of Object.keys(resources)) {
    const r = resources[id];
    if (isObject(r) && r.Type === CLIENT_TYPE) n++;
  }
  return n;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'number') return 'a number';
  if (typeof v === 'boolean') return 'a boolean';
  return typeof v;
}

/**
 * A one-line description of anything thrown.
 *
 * @param e the thrown value
 */
export function oneLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.replace(/\s*\n\s*/g, ' ').replace(/\.$/, '').trim();
}

function errorCode(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'it is a directory';
    case 'ENOTDIR': return 'a part of the path is not a directory';
    case 'ELOOP': return 'too many symbolic links';
    default: return err?.code ?? oneLine(e);
  }
}
