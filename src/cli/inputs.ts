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

/** What one command-line input expands to: the files to check, and the parts that could not be read. */
export interface Expansion {
  readonly files: FileRef[];
  /** Unreadable subdirectories and links out of the directory, each by the path to show. */
  readonly problems: ReadonlyArray<{ readonly file: string; readonly reason: string }>;
}

/**
 * Turns one command-line input into the files to check: the file itself, every `*.template.json`
 * of a cloud assembly (`cdk.out`, nested assemblies included), or every JSON/YAML file of a
 * plain directory, recursively and in name order.
 *
 * A walk stays inside the directory given: a symbolic link is followed only when its target is
 * inside it too (a link out of it that could hold a file to check is reported, not followed). A
 * subdirectory that cannot be read is reported by name, and the rest is still checked.
 *
 * @param input the path as given on the command line
 * @throws InputError when the path itself cannot be read
 */
export function expandInput(input: string): Expansion {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(input);
  } catch (e) {
    throw new InputError(`cannot read it (${errorCode(e)}).`);
  }
  if (!stat.isDirectory()) return { files: [{ display: input, path: input, origin: 'explicit' }], problems: [] };
  let root: string;
  let names: string[];
  try {
    root = fs.realpathSync(input);
    names = fs.readdirSync(input);
  } catch (e) {
    throw new InputError(`cannot read the directory (${errorCode(e)}).`);
  }
  const assembly = isCloudAssembly(names);
  const walk = new Walk(root, assembly);
  walk.directory(input, input, root);
  return { files: walk.files, problems: walk.problems };
}

/** A cloud assembly has a `manifest.json` next to a `cdk.out` marker or to its templates. */
function isCloudAssembly(names: string[]): boolean {
  if (!names.includes('manifest.json')) return false;
  return names.includes('cdk.out') || names.some((n) => n.endsWith('.template.json'));
}

/** One directory walk: the files found and the problems met, never leaving `root`. */
class Walk {
  public readonly files: FileRef[] = [];
  public readonly problems: Array<{ file: string; reason: string }> = [];
  private readonly seen = new Set<string>();

  constructor(private readonly root: string, private readonly assembly: boolean) {}

  /** Whether a real path is the root or inside it. */
  private inside(real: string): boolean {
    return real === this.root || real.startsWith(this.root.endsWith(path.sep) ? this.root : this.root + path.sep);
  }

  /** Dependencies, VCS data and bundled assets are never templates of this app. */
  private skipped(name: string): boolean {
    return name === 'node_modules' || name.startsWith('.') || (this.assembly && name.startsWith('asset.'));
  }

  public directory(dir: string, display: string, real: string): void {
    if (this.seen.has(real)) return;
    this.seen.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      this.problems.push({ file: display, reason: `cannot read the directory (${errorCode(e)}); the rest was checked.` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      const shown = path.join(display, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let target = path.join(real, entry.name);
      if (entry.isSymbolicLink()) {
        try {
          target = fs.realpathSync(full);
          const st = fs.statSync(target);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue; // a dangling link (or a loop) in a tree is skipped like any other non-candidate
        }
        const candidate = isDir ? !this.skipped(entry.name) : isFile && isCandidate(entry.name, this.assembly);
        if (!candidate) continue;
        if (!this.inside(target)) {
          this.problems.push({ file: shown, reason: 'not followed: a symbolic link to outside the directory given.' });
          continue;
        }
      }
      if (isDir) {
        if (!this.skipped(entry.name)) this.directory(full, shown, target);
      } else if (isFile && isCandidate(entry.name, this.assembly)) {
        this.files.push({ display: shown, path: full, origin: this.assembly ? 'assembly' : 'directory' });
      }
    }
  }
}

function isCandidate(name: string, assembly: boolean): boolean {
  if (assembly) return name.endsWith('.template.json');
  return DIRECTORY_EXTENSIONS.some((ext) => name.endsWith(ext));
}

/** Files larger than this are not read (CloudFormation itself accepts templates of at most 1 MB). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** What a file that is not a regular file is, for the message. */
function fileKind(st: fs.Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a named pipe';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Reads a regular file of at most MAX_FILE_BYTES and decodes it: UTF-8 (with or without a
 * byte-order mark), or UTF-16 little- or big-endian with a byte-order mark (what Windows
 * PowerShell 5 writes for `aws ... > file.json`).
 *
 * The file is opened without blocking (a named pipe without a writer never hangs the command)
 * and checked to be a regular file before any byte is read.
 *
 * @throws InputError when the file cannot be read, is not a regular file, is too large, or is in an encoding that is not read
 */
export function readText(file: string): string {
  let fd: number;
  try {
    // eslint-disable-next-line no-bitwise
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new InputError(`cannot read it (${errorCode(e)}).`);
  }
  try {
    return decode(readBounded(fd));
  } finally {
    fs.closeSync(fd);
  }
}

function readBounded(fd: number): Buffer {
  let st: fs.Stats;
  try {
    st = fs.fstatSync(fd);
  } catch (e) {
    throw new InputError(`cannot read it (${errorCode(e)}).`);
  }
  if (!st.isFile()) throw new InputError(`it is ${fileKind(st)}, not a regular file; only regular files are read.`);
  const tooLarge = (size: string) => new InputError(`it is too large (${size}); files of at most ${MAX_FILE_BYTES / 1024 / 1024} MiB are read.`);
  if (st.size > MAX_FILE_BYTES) throw tooLarge(`${st.size} bytes`);
  // The file may grow while it is read: never read more than the limit and one byte.
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(Math.max(st.size - total, 0) + 65536, MAX_FILE_BYTES + 1 - total));
    let n: number;
    try {
      n = fs.readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      throw new InputError(`cannot read it (${errorCode(e)}).`);
    }
    if (n === 0) break;
    chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    total += n;
    if (total > MAX_FILE_BYTES) throw tooLarge(`more than ${MAX_FILE_BYTES} bytes`);
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

/** Decodes a file by its byte-order mark (UTF-8 without one); names an encoding that is not read. */
export function decode(buf: Buffer): string {
  const b0 = buf[0];
  const b1 = buf[1];
  if (b0 === 0xef && b1 === 0xbb && buf[2] === 0xbf) return buf.toString('utf8', 3);
  if ((b0 === 0xff && b1 === 0xfe && buf[2] === 0 && buf[3] === 0) || (b0 === 0 && b1 === 0 && buf[2] === 0xfe && buf[3] === 0xff)) {
    throw new InputError('it is encoded in UTF-32, which is not read: save it as UTF-8 (or UTF-16 with a byte-order mark).');
  }
  if (b0 === 0xff && b1 === 0xfe) return buf.toString('utf16le', 2);
  if (b0 === 0xfe && b1 === 0xff) {
    const even = buf.length - 2 - ((buf.length - 2) % 2);
    const swapped = Buffer.from(buf.subarray(2, 2 + even));
    return swapped.swap16().toString('utf16le');
  }
  if (buf.length >= 4 && ((b0 !== 0 && b1 === 0 && buf[2] !== 0 && buf[3] === 0) || (b0 === 0 && b1 !== 0 && buf[2] === 0 && buf[3] !== 0))) {
    throw new InputError(`it looks like UTF-16 (${b1 === 0 ? 'little' : 'big'}-endian) without a byte-order mark, which is not read: save it as UTF-8, or as UTF-16 with a byte-order mark.`);
  }
  return buf.toString('utf8');
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
  return parseDocumentText(text, file).value;
}

/**
 * As `parseText`, also telling whether the text was read as JSON (or as YAML).
 *
 * @param text the file content
 * @param file the file name, for its extension
 * @throws InputError naming what is wrong
 */
export function parseDocumentText(text: string, file: string, notes?: string[]): { value: unknown; json: boolean } {
  const yamlName = /\.ya?ml$/i.test(file);
  if (text.trim() === '') throw new InputError('the file is empty.');
  if (looksLikeJson(text)) {
    try {
      return { value: JSON.parse(text), json: true };
    } catch (e) {
      if (!yamlName) throw new InputError(`not valid JSON: ${oneLine(e)}.`);
    }
  }
  try {
    return { value: parseCfnYaml(text, notes), json: false };
  } catch (e) {
    if (e instanceof Error && e.name === 'YamlLimitError') throw new InputError(e.message);
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
