import { intrinsicName, isPlainObject } from './values';

/**
 * The file of each nested stack template a synthesized template refers to, for a reader of a cloud
 * assembly (`cdk.out`) that wants to pass `TemplateCheckOptions.nestedTemplates`. A nested stack
 * resource (`AWS::CloudFormation::Stack`) names its template by `Metadata["aws:asset:path"]` when
 * the cdk CLI synthesized it (asset metadata on), and otherwise by the asset hash its `TemplateURL`
 * ends with (`…/<hash>.json`), which the stack's asset manifest (`<Stack>.assets.json`) maps to
 * the file. Keyed by the resource's logical id; for deeper levels, read each file and call this
 * again, prefixing the keys with `<logicalId>/`. Paths are relative to the assembly directory.
 */
export function nestedTemplateFiles(template: unknown, assetManifest?: unknown): { [logicalId: string]: string } {
  const out: { [logicalId: string]: string } = {};
  const resources = isPlainObject(template) ? template.Resources : undefined;
  if (!isPlainObject(resources)) return out;
  const files = isPlainObject(assetManifest) && isPlainObject(assetManifest.files) ? assetManifest.files : {};
  for (const id in resources) {
    const r = resources[id];
    if (!isPlainObject(r) || r.Type !== 'AWS::CloudFormation::Stack') continue;
    const fromMetadata = isPlainObject(r.Metadata) ? r.Metadata['aws:asset:path'] : undefined;
    const hash = assetHash(isPlainObject(r.Properties) ? r.Properties.TemplateURL : undefined);
    const asset = hash !== undefined && isPlainObject(files[hash]) ? files[hash] : undefined;
    const fromManifest = asset && isPlainObject(asset.source) ? asset.source.path : undefined;
    const path = typeof fromMetadata === 'string' ? fromMetadata : fromManifest;
    if (typeof path === 'string' && path.endsWith('.json') && !path.split(/[\\/]/).includes('..')) out[id] = path;
  }
  return out;
}

/** The asset hash a nested stack's TemplateURL ends with: the last literal of its Fn::Join, `…/<hash>.json`. */
function assetHash(url: unknown): string | undefined {
  let last: unknown = url;
  if (intrinsicName(url) === 'Fn::Join') {
    const args = (url as { [key: string]: unknown })['Fn::Join'];
    const items = Array.isArray(args) && Array.isArray(args[1]) ? args[1] : [];
    last = items[items.length - 1];
  }
  const m = typeof last === 'string' ? /\/([0-9a-f]{64})\.json$/.exec(last) : null;
  return m ? m[1] : undefined;
}
