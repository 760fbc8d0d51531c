import * as path from 'path';
import { readText } from './inputs';

/**
 * What a cloud assembly's manifest says about one synthesized template: the construct path of each
 * resource (from the `aws:cdk:logicalId` metadata entries), where each construct was created (from
 * `aws:cdk:creationStack` entries or an entry's `trace`), and the acknowledgements recorded in the
 * construct tree. Only the manifest (and the metadata file it names) is trusted for construct paths:
 * a template's own `aws:cdk:path` metadata is never read here.
 */
export interface TemplateMetadata {
  /** The construct path (with its leading `/`) of each resource, by logical id. */
  readonly paths: ReadonlyMap<string, string>;
  /** The first frame of user code where each resource's construct was created, by logical id. */
  readonly sources: ReadonlyMap<string, SourceFrame>;
  /** Every acknowledgement recorded in the stack artifact's construct tree. */
  readonly acknowledgements: ReadonlyArray<RecordedAcknowledgement>;
}

/** A stack frame: an absolute file and a line. */
export interface SourceFrame {
  readonly file: string;
  readonly line: number;
}

/** One acknowledgement as recorded in construct metadata. */
export interface RecordedAcknowledgement {
  /** The construct path it was recorded at (`/Stack/Construct`). */
  readonly at: string;
  /** The id as written (an `annotation::` prefix removed). */
  readonly id: string;
  /** The reason as written (`''` when none or not a string). */
  readonly reason: string;
  /** The metadata type: `aws:cdk:acknowledged-rules` or `cdk-cognito-app-client:acknowledged`. */
  readonly type: string;
}

/** aws-cdk-lib's `Validations.of(x).acknowledge` (2.253 and later) and `AppClient.acknowledge`. */
const ACK_TYPES = ['aws:cdk:acknowledged-rules', 'cdk-cognito-app-client:acknowledged'];
const LOGICAL_ID = 'aws:cdk:logicalId';
const CREATION_STACK = 'aws:cdk:creationStack';
/** A nested stack's resource in its parent: `/Parent/Inner.NestedStack/Inner.NestedStackResource`. */
const NESTED_RESOURCE = /^(.*)\.NestedStack\/[^/]+\.NestedStackResource$/;

function isObject(v: unknown): v is { [key: string]: any } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads JSON, or undefined when the file cannot be read or parsed (the manifest is optional help). */
function readJson(file: string): unknown {
  try {
    return JSON.parse(readText(file));
  } catch {
    return undefined;
  }
}

type Entries = Array<[string, ReadonlyArray<{ type?: unknown; data?: unknown; trace?: unknown }>]>;

/**
 * The metadata of the templates of cloud assemblies, read once per assembly directory.
 */
export class AssemblyMetadata {
  private readonly byDirectory = new Map<string, Map<string, TemplateMetadata>>();

  /**
   * The manifest's metadata for the template `file`, or undefined when the file is not a template of
   * a cloud assembly (no `manifest.json` next to it that names it, directly or as a nested stack).
   */
  public forTemplate(file: string): TemplateMetadata | undefined {
    const dir = path.resolve(path.dirname(file));
    let templates = this.byDirectory.get(dir);
    if (!templates) {
      templates = readAssembly(dir);
      this.byDirectory.set(dir, templates);
    }
    return templates.get(path.basename(file));
  }
}

/** Every template of the assembly in `dir`, by file name, with its metadata. */
function readAssembly(dir: string): Map<string, TemplateMetadata> {
  const out = new Map<string, TemplateMetadata>();
  const manifest = readJson(path.join(dir, 'manifest.json'));
  if (!isObject(manifest) || !isObject(manifest.artifacts)) return out;
  const assets = assetSources(dir, manifest.artifacts);
  for (const artifact of Object.values(manifest.artifacts)) {
    if (!isObject(artifact) || artifact.type !== 'aws:cloudformation:stack') continue;
    const templateFile = artifact.properties?.templateFile;
    if (typeof templateFile !== 'string' || templateFile.includes('/') || templateFile.includes('\\')) continue;
    const entries = stackEntries(dir, artifact);
    for (const [name, meta] of templatesOf(dir, templateFile, entries, assets)) out.set(name, meta);
  }
  return out;
}

/** The metadata entries of a stack artifact: inline (`metadata`) and in its `additionalMetadataFile` (aws-cdk-lib 2.230 and later). */
function stackEntries(dir: string, artifact: { [key: string]: any }): Entries {
  const entries: Entries = [];
  const add = (metadata: unknown) => {
    if (!isObject(metadata)) return;
    for (const [p, list] of Object.entries(metadata)) if (p.startsWith('/') && Array.isArray(list)) entries.push([p, list.filter(isObject)]);
  };
  add(artifact.metadata);
  const extra = artifact.additionalMetadataFile;
  if (typeof extra === 'string' && !extra.includes('/') && !extra.includes('\\')) add(readJson(path.join(dir, extra)));
  return entries;
}

/** The file of each file asset (by its hash, the object key without `.json`), for nested stack templates. */
function assetSources(dir: string, artifacts: { [id: string]: unknown }): Map<string, string> {
  const out = new Map<string, string>();
  for (const artifact of Object.values(artifacts)) {
    if (!isObject(artifact) || artifact.type !== 'cdk:asset-manifest') continue;
    const file = artifact.properties?.file;
    if (typeof file !== 'string' || file.includes('/') || file.includes('\\')) continue;
    const assets = readJson(path.join(dir, file));
    if (!isObject(assets) || !isObject(assets.files)) continue;
    for (const [hash, asset] of Object.entries(assets.files)) {
      const source = isObject(asset) ? asset.source?.path : undefined;
      if (typeof source === 'string') out.set(hash, source);
    }
  }
  return out;
}

/**
 * The templates of one stack artifact (its own and its nested stacks'), each with the construct
 * paths, creation frames and acknowledgements. A resource belongs to the deepest nested stack whose
 * construct path is a prefix of its own, else to the stack.
 */
function templatesOf(dir: string, templateFile: string, entries: Entries, assets: Map<string, string>): Map<string, TemplateMetadata> {
  const acknowledgements: RecordedAcknowledgement[] = [];
  // construct path -> { logical id, frame }
  const resources = new Map<string, { logicalId: string; frame?: SourceFrame }>();
  const frames = new Map<string, SourceFrame>();
  for (const [at, list] of entries) {
    for (const entry of list) {
      if (entry.type === LOGICAL_ID && typeof entry.data === 'string') {
        const frame = firstUserFrame(entry.trace);
        resources.set(at, { logicalId: entry.data, frame });
      } else if (entry.type === CREATION_STACK) {
        const frame = firstUserFrame(entry.data);
        if (frame) frames.set(at, frame);
      } else if (typeof entry.type === 'string' && ACK_TYPES.includes(entry.type) && isObject(entry.data)) {
        for (const [key, reason] of Object.entries(entry.data)) {
          acknowledgements.push({ at, id: key.replace(/^annotation::/i, ''), reason: typeof reason === 'string' ? reason : '', type: entry.type });
        }
      }
    }
  }
  // nested stacks: construct path -> template file
  const nested = new Map<string, string>();
  const parentTemplate = readJson(path.join(dir, templateFile));
  const parentResources = isObject(parentTemplate) && isObject(parentTemplate.Resources) ? parentTemplate.Resources : {};
  for (const [at, r] of resources) {
    const m = NESTED_RESOURCE.exec(at);
    if (!m) continue;
    const file = nestedTemplateFile(parentResources[r.logicalId], assets);
    if (file) nested.set(m[1], file);
  }
  const byTemplate = new Map<string, { paths: Map<string, string>; sources: Map<string, SourceFrame> }>();
  const of = (file: string) => {
    let t = byTemplate.get(file);
    if (!t) byTemplate.set(file, t = { paths: new Map(), sources: new Map() });
    return t;
  };
  of(templateFile);
  for (const file of nested.values()) of(file);
  for (const [at, r] of resources) {
    let owner = templateFile;
    let depth = -1;
    for (const [stackPath, file] of nested) {
      if (at.startsWith(`${stackPath}/`) && stackPath.length > depth) {
        owner = file;
        depth = stackPath.length;
      }
    }
    const t = of(owner);
    t.paths.set(r.logicalId, at);
    const frame = r.frame ?? frames.get(at) ?? frames.get(parentPath(at));
    if (frame) t.sources.set(r.logicalId, frame);
  }
  const out = new Map<string, TemplateMetadata>();
  for (const [file, t] of byTemplate) out.set(file, { paths: t.paths, sources: t.sources, acknowledgements });
  return out;
}

/** `/A/B/Resource` -> `/A/B`: an L2's creation frame, for its `Resource` child made inside the library. */
function parentPath(p: string): string {
  return p.endsWith('/Resource') ? p.slice(0, -'/Resource'.length) : p;
}

/** The template file of a nested stack resource: its `aws:asset:path` metadata, or the asset its TemplateURL names. */
function nestedTemplateFile(resource: unknown, assets: Map<string, string>): string | undefined {
  if (!isObject(resource)) return undefined;
  const asset = resource.Metadata?.['aws:asset:path'];
  if (typeof asset === 'string' && !asset.includes('/') && !asset.includes('\\')) return asset;
  const url = JSON.stringify(resource.Properties?.TemplateURL ?? '');
  const m = /([0-9a-f]{64})\.json/.exec(url);
  const source = m ? assets.get(m[1]) : undefined;
  return source && !source.includes('/') && !source.includes('\\') ? source : undefined;
}

/** A frame's file and line: `at fn (file:line:col)`, `fn (file:line:col)` or `file:line:col`. */
const FRAME = /^\s*(?:at\s+)?(?:.*?\(([^()]+?):(\d+)(?::\d+)?\)|([^()\s][^()]*?):(\d+)(?::\d+)?)\s*$/;
/** Library code: a dependency, node internals, aws-cdk-lib and constructs, or a frame aws-cdk-lib folded (`...X in aws-cdk-lib...`). */
const LIBRARY = /([\\/]node_modules[\\/]|^node:|^internal[\\/]|[\\/]aws-cdk-lib[\\/]|[\\/]constructs[\\/]lib[\\/])/;

/**
 * The first frame of user code of a recorded stack trace: the first frame outside node_modules,
 * node internals, aws-cdk-lib and constructs, with an absolute file.
 */
export function firstUserFrame(trace: unknown): SourceFrame | undefined {
  if (!Array.isArray(trace)) return undefined;
  for (const line of trace) {
    if (typeof line !== 'string' || line.trimStart().startsWith('...')) continue;
    const m = FRAME.exec(line);
    if (!m) continue;
    const file = (m[1] ?? m[3]).replace(/^file:\/\//, '');
    const lineNo = Number(m[2] ?? m[4]);
    if (LIBRARY.test(file) || !path.isAbsolute(file) || !(lineNo >= 1)) continue;
    return { file, line: lineNo };
  }
  return undefined;
}
