import { isPlainObject } from './private/values';

/**
 * Clients made through the SDK: an `AwsCustomResource` (`Custom::AWS`, or `Custom::<name>`) whose
 * `Create` or `Update` call is CreateUserPoolClient or UpdateUserPoolClient. Its request is in the
 * template as JSON text (an `Fn::Join` when it holds tokens); it is read back into request
 * parameters, with each token in place as the intrinsic it is, so the rules check it as the
 * request JSON the checker reads, and skip what the tokens could satisfy.
 */
export interface SdkClientCall {
  /** `Create` or `Update`. */
  readonly property: string;
  /** The request parameters, or undefined when they cannot be read before deployment. */
  readonly parameters?: { [key: string]: unknown };
  /** Why the parameters cannot be read, when they cannot. */
  readonly why?: string;
}

/** Every way an AwsCustomResource names the service: SDK v2 and v3 names, the v3 package, the endpoint prefix. */
const SERVICE = /^(?:CognitoIdentityServiceProvider|CognitoIdentityProvider|(?:@aws-sdk\/)?client-cognito-identity-provider|cognito-identity-provider|cognito-idp)$/i;
const ACTION = /^(?:create|update)UserPoolClient(?:Command)?$/i;
/** A quick test on the raw text, so that other custom resources cost nothing. */
const MENTION = /userpoolclient/i;

/** A custom resource's type: `Custom::<name>`, or the generic `AWS::CloudFormation::CustomResource` (an overridden Type too). */
export function isCustomResourceType(type: unknown): boolean {
  return typeof type === 'string' && (type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource');
}

/** The user-pool-client SDK calls of a custom resource, if it is one that makes them. */
export function sdkClientCalls(resource: unknown): SdkClientCall[] {
  if (!isPlainObject(resource) || !isCustomResourceType(resource.Type)) return [];
  const props = resource.Properties;
  if (!isPlainObject(props)) return [];
  const out: SdkClientCall[] = [];
  for (const property of ['Create', 'Update']) {
    const call = readCall(props[property]);
    if (call) out.push({ property, ...call });
  }
  return out;
}

function readCall(raw: unknown): { parameters?: { [key: string]: unknown }; why?: string } | undefined {
  const parts = textParts(raw);
  if (!parts) return undefined;
  const literal = parts.filter((p) => typeof p === 'string').join('');
  if (!MENTION.test(literal)) return undefined;
  // Each token becomes a placeholder string; JSON.parse then gives the structure, and the
  // placeholders are put back as the intrinsics they stand for.
  const marker = `\uE000tok${Math.random().toString(36).slice(2)}:`; // private-use characters: valid in JSON text
  const tokens: unknown[] = [];
  const text = parts.map((p) => (typeof p === 'string' ? p : `${marker}${tokens.push(p) - 1}\uE001`)).join('');
  let call: unknown;
  try {
    call = restore(JSON.parse(text), marker, tokens);
  } catch {
    return isCognitoCall(literal) ? { why: 'the request is built with values resolved only at deploy time in places that make it unreadable as JSON before then' } : undefined;
  }
  if (!isPlainObject(call) || !SERVICE.test(String(call.service)) || !ACTION.test(String(call.action))) return undefined;
  if (!isPlainObject(call.parameters)) return { why: 'its parameters are resolved only at deploy time' };
  return { parameters: call.parameters };
}

function isCognitoCall(literal: string): boolean {
  return /cognito/i.test(literal) && /(?:create|update)UserPoolClient/i.test(literal);
}

/** The text of a string, or the parts of an `Fn::Join` with the empty separator. */
function textParts(raw: unknown): unknown[] | undefined {
  if (typeof raw === 'string') return [raw];
  if (!isPlainObject(raw) || !Array.isArray(raw['Fn::Join'])) return undefined;
  const [sep, list] = raw['Fn::Join'];
  if (sep !== '' || !Array.isArray(list)) return undefined;
  return list;
}

/** The parsed request with each placeholder put back: alone as the intrinsic, inside text as an `Fn::Join`. */
function restore(v: unknown, marker: string, tokens: unknown[]): unknown {
  if (typeof v === 'string') {
    if (!v.includes(marker)) return v;
    const pieces: unknown[] = [];
    let rest = v;
    for (let i = rest.indexOf(marker); i >= 0; i = rest.indexOf(marker)) {
      if (i > 0) pieces.push(rest.slice(0, i));
      const end = rest.indexOf('\uE001', i + 1);
      pieces.push(tokens[Number(rest.slice(i + marker.length, end))]);
      rest = rest.slice(end + 1);
    }
    if (rest) pieces.push(rest);
    return pieces.length === 1 ? pieces[0] : { 'Fn::Join': ['', pieces] };
  }
  if (Array.isArray(v)) return v.map((x) => restore(x, marker, tokens));
  if (isPlainObject(v)) {
    const out: { [key: string]: unknown } = {};
    for (const [k, x] of Object.entries(v)) {
      if (k.includes(marker)) throw new Error('a token in a key');
      out[k] = restore(x, marker, tokens);
    }
    return out;
  }
  return v;
}
