import { CfnElement, CfnParameter, CfnResource, NestedStack, Stack } from 'aws-cdk-lib';
import { CfnUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { IConstruct } from 'constructs';
import { ATTACHMENT_TYPES } from '../rules/private/attachments';
import { ATTRIBUTE_SHAPES } from '../rules/private/shapes';
import { TemplateFinding } from '../rules/template';

/**
 * The resource types the rules read: clients, what their context rules look at, and the resources
 * attached to a client (its style, terms and SSO session setting, with the pool's domain and session
 * tracking that the attachment rules read).
 */
export const COGNITO_TYPES: ReadonlyArray<string> = [
  'AWS::Cognito::UserPool',
  'AWS::Cognito::UserPoolClient',
  'AWS::Cognito::UserPoolResourceServer',
  'AWS::Cognito::UserPoolIdentityProvider',
  ...ATTACHMENT_TYPES,
];

/** The Cognito resources that belong to `stack` itself (not to its nested stacks). */
export function cognitoResources(stack: Stack): CfnResource[] {
  const out: CfnResource[] = [];
  const visit = (c: IConstruct) => {
    if (CfnResource.isCfnResource(c) && COGNITO_TYPES.includes(c.cfnResourceType)) out.push(c);
    for (const child of c.node.children) {
      if (!Stack.isStack(child)) visit(child); // a nested stack has its own template
    }
  };
  visit(stack);
  return out;
}

/**
 * Other resource types the rules read about: those whose attributes have a documented shape (a
 * bucket's WebsiteURL as a callback URL), and nested stacks, whose resources the template does not
 * show. Their resources appear in the rendered template with their Type only (plus the properties a
 * shape depends on).
 */
const OTHER_TYPES = new Set([...ATTRIBUTE_SHAPES.map((s) => s.type), 'AWS::CloudFormation::Stack']);

const NESTED_STACK = 'AWS::CloudFormation::Stack';
/** Rendered with their properties: shapes that depend on one, and nested stacks (their Parameters carry the pool). */
const RENDERED_TYPES = new Set([...ATTRIBUTE_SHAPES.filter((s) => s.when).map((s) => s.type), NESTED_STACK]);

/** The resources of `stack` itself (not of its nested stacks) of the other types the rules read about. */
function otherResources(stack: Stack, parameters: CfnParameter[] = []): CfnResource[] {
  const out: CfnResource[] = [];
  const visit = (c: IConstruct) => {
    if (CfnResource.isCfnResource(c) && OTHER_TYPES.has(c.cfnResourceType)) out.push(c);
    else if (c instanceof CfnParameter) parameters.push(c);
    for (const child of c.node.children) if (!Stack.isStack(child)) visit(child);
  };
  visit(stack);
  return out;
}

/** A template with just some resources (and the stack's parameters, whose AllowedValues the rules read). */
export interface PartialTemplate {
  readonly Resources: { [id: string]: any };
  readonly Parameters?: { [id: string]: any };
}

/**
 * A template holding just these resources, rendered as in the synthesized template (overrides
 * included, tokens resolved as far as they go), and each logical id's resource; other resources the
 * rules read about (documented attribute shapes, nested stacks) are there with their type.
 */
export function renderTemplate(stack: Stack, resources: CfnResource[]): { template: PartialTemplate; byId: Map<string, CfnResource> } {
  const template: { Resources: { [id: string]: any }; Parameters?: { [id: string]: any } } = { Resources: {} };
  const byId = new Map<string, CfnResource>();
  const parameters: CfnParameter[] = [];
  const others = otherResources(stack, parameters);
  for (const p of parameters) {
    const rendered = stack.resolve(p._toCloudFormation()) as { Parameters?: { [id: string]: any } };
    if (rendered.Parameters) template.Parameters = { ...template.Parameters, ...rendered.Parameters };
  }
  for (const r of others) {
    const id = stack.resolve(r.logicalId) as string;
    if (RENDERED_TYPES.has(r.cfnResourceType)) {
      const rendered = stack.resolve(r._toCloudFormation()) as { Resources?: { [id: string]: any } };
      const body = rendered.Resources?.[id];
      template.Resources[id] = { Type: r.cfnResourceType, Properties: body?.Properties };
    } else {
      template.Resources[id] = { Type: r.cfnResourceType };
    }
  }
  for (const r of resources) {
    const rendered = stack.resolve(r._toCloudFormation()) as { Resources?: { [id: string]: any } };
    for (const [id, body] of Object.entries(rendered.Resources ?? {})) {
      template.Resources[id] = body;
      byId.set(id, r);
    }
  }
  return { template, byId };
}

/**
 * The sections of `stack`'s own template the rules read (Resources, Conditions, Parameters, Mappings),
 * rendered from every element of the stack (not of its nested stacks) as synthesis will: for what no
 * CfnResource holds, such as the `Fn::ForEach` loops a raw element writes (see policy/private/loops.ts).
 */
export function renderStackSections(stack: Stack): { [section: string]: { [key: string]: any } } {
  const out: { [section: string]: { [key: string]: any } } = { Resources: {} };
  for (const c of stack.node.findAll()) {
    if (!CfnElement.isCfnElement(c) || Stack.of(c) !== stack) continue;
    const rendered = stack.resolve(c._toCloudFormation()) as { [section: string]: unknown };
    for (const section of ['Resources', 'Conditions', 'Parameters', 'Mappings']) {
      const body = rendered?.[section];
      if (typeof body === 'object' && body !== null) out[section] = { ...out[section], ...body };
    }
  }
  return out;
}

/** The JSON kind the L1's own validator requires of a property (or a nested property type's fields). */
export type FieldKind = 'string' | 'number' | 'boolean' | 'list' | { readonly [camel: string]: readonly [string, FieldKind] };

/**
 * The props of aws-cdk-lib's CfnUserPoolClient (camelCase, as its `cfnProperties` gives them) with
 * their CloudFormation names and kinds, in the order the L1 renders them (CloudFormation names in
 * alphabetical order). test/cognito-template.test.ts keeps this in step with the installed L1.
 */
export const CLIENT_FIELDS: ReadonlyArray<readonly [string, string, FieldKind, 'required'?]> = [
  ['accessTokenValidity', 'AccessTokenValidity', 'number'],
  ['allowedOAuthFlows', 'AllowedOAuthFlows', 'list'],
  ['allowedOAuthFlowsUserPoolClient', 'AllowedOAuthFlowsUserPoolClient', 'boolean'],
  ['allowedOAuthScopes', 'AllowedOAuthScopes', 'list'],
  ['analyticsConfiguration', 'AnalyticsConfiguration', {
    applicationArn: ['ApplicationArn', 'string'],
    applicationId: ['ApplicationId', 'string'],
    externalId: ['ExternalId', 'string'],
    roleArn: ['RoleArn', 'string'],
    userDataShared: ['UserDataShared', 'boolean'],
  }],
  ['authSessionValidity', 'AuthSessionValidity', 'number'],
  ['callbackUrLs', 'CallbackURLs', 'list'],
  ['clientName', 'ClientName', 'string'],
  ['defaultRedirectUri', 'DefaultRedirectURI', 'string'],
  ['enablePropagateAdditionalUserContextData', 'EnablePropagateAdditionalUserContextData', 'boolean'],
  ['enableTokenRevocation', 'EnableTokenRevocation', 'boolean'],
  ['explicitAuthFlows', 'ExplicitAuthFlows', 'list'],
  ['generateSecret', 'GenerateSecret', 'boolean'],
  ['idTokenValidity', 'IdTokenValidity', 'number'],
  ['logoutUrLs', 'LogoutURLs', 'list'],
  ['preventUserExistenceErrors', 'PreventUserExistenceErrors', 'string'],
  ['readAttributes', 'ReadAttributes', 'list'],
  ['refreshTokenRotation', 'RefreshTokenRotation', {
    feature: ['Feature', 'string'],
    retryGracePeriodSeconds: ['RetryGracePeriodSeconds', 'number'],
  }],
  ['refreshTokenValidity', 'RefreshTokenValidity', 'number'],
  ['supportedIdentityProviders', 'SupportedIdentityProviders', 'list'],
  ['tokenValidityUnits', 'TokenValidityUnits', {
    accessToken: ['AccessToken', 'string'],
    idToken: ['IdToken', 'string'],
    refreshToken: ['RefreshToken', 'string'],
  }],
  ['userPoolId', 'UserPoolId', 'string', 'required'],
  ['writeAttributes', 'WriteAttributes', 'list'],
];
/** A field of the table, prepared for rendering (index loops, no destructuring: this runs cold, per client). */
interface Field {
  readonly camel: string;
  readonly name: string;
  /** 'string', 'number' or 'boolean'; 'list'; or 'struct' with `fields`. */
  readonly kind: string;
  readonly fields?: ReadonlyArray<Field>;
  readonly required: boolean;
}

function prepare(camel: string, name: string, kind: FieldKind, required: boolean): Field {
  if (typeof kind === 'string') return { camel, name, kind, required };
  return { camel, name, kind: 'struct', fields: Object.keys(kind).map((k) => prepare(k, kind[k][0], kind[k][1], false)), required };
}
const FIELDS: ReadonlyArray<Field> = CLIENT_FIELDS.map((f) => prepare(f[0], f[1], f[2], f[3] === 'required'));

/** What the L1 does not look into: null, undefined, an intrinsic (`{ Ref }`, `{ "Fn::…" }`) or a dynamic reference. */
function opaque(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return v.startsWith('{{resolve:') && v.endsWith('}}');
  if (typeof v !== 'object') return false;
  let key: string | undefined;
  for (const k in v) {
    if (key !== undefined) return false;
    key = k;
  }
  return key === 'Ref' || (key !== undefined && key.startsWith('Fn::'));
}

const NOT_RENDERED = Symbol('not rendered');

/**
 * The value as the L1 renders it, or NOT_RENDERED when the L1's own validator would reject it, or
 * it has fields this table does not know.
 */
function renderField(v: unknown, field: Field): unknown {
  const kind = field.kind;
  if (typeof v === kind) return v; // a string, a number or a boolean of the right kind (a string may be a dynamic reference: kept as it is either way)
  if (opaque(v)) return v;
  if (kind === 'list') {
    if (!Array.isArray(v)) return NOT_RENDERED;
    for (let i = 0; i < v.length; i++) {
      const item = v[i];
      if (typeof item !== 'string' && !opaque(item)) return NOT_RENDERED;
    }
    return v.slice();
  }
  if (kind !== 'struct' || typeof v !== 'object' || Array.isArray(v)) return NOT_RENDERED;
  return renderObject(v as { [key: string]: unknown }, field.fields!);
}

/** An object of known fields, renamed; NOT_RENDERED when a field is unknown or rejected. */
function renderObject(given: { [key: string]: unknown }, fields: ReadonlyArray<Field>): { [key: string]: unknown } | typeof NOT_RENDERED {
  let known = 0;
  const out: { [key: string]: unknown } = {};
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    const v = given[f.camel];
    if (v === undefined) {
      if (f.required) return NOT_RENDERED;
      continue;
    }
    if (f.required && v === null) return NOT_RENDERED;
    known++;
    const x = renderField(v, f);
    if (x === NOT_RENDERED) return NOT_RENDERED;
    if (x !== undefined) out[f.name] = x;
  }
  // Any other field that is set: one this table does not know.
  let set = 0;
  for (const k in given) if (given[k] !== undefined) set++;
  return set === known ? out : NOT_RENDERED;
}

/**
 * The CloudFormation properties of a CfnUserPoolClient's (resolved) props, as the L1's own renderer
 * writes them (the same keys in the same order; absent values left out rather than undefined), without
 * the cost of its generic validator; undefined when the L1 must render them itself: a value its
 * validator rejects (it then reports that as it always has), or a prop this table does not know (a
 * newer aws-cdk-lib's).
 *
 * @param props the resolved camelCase props (`cfnProperties`)
 */
export function renderClientProperties(props: { [key: string]: unknown }): { [key: string]: unknown } | undefined {
  if (typeof props !== 'object' || props === null || Array.isArray(props) || opaque(props)) return undefined;
  const out = renderObject(props, FIELDS);
  return out === NOT_RENDERED ? undefined : out;
}

/**
 * The CfnUserPoolClient of an AppClient. Its props are rendered by `renderClientProperties` (the
 * L1's rendering, without its generic validator, which costs more than the rest of the rendering),
 * and by the L1 itself whenever that declines. Every synthesis renders it afresh: a rendering kept
 * from the client's validation would drop whatever a later validation or Aspect changes (an
 * override, a property, a dependency), and nothing the user writes may be dropped.
 */
export class KeptRenderingUserPoolClient extends CfnUserPoolClient {
  /**
   * `RefreshTokenRotation`, which the L1 has as a prop only from aws-cdk-lib 2.200. It is rendered
   * in its alphabetical place among the properties, where newer releases put it, so the template is
   * byte for byte the same on every release (an override would come last on older ones).
   */
  public refreshTokenRotationProperty?: { [key: string]: unknown };

  protected renderProperties(props: { [key: string]: any }): { [key: string]: any } {
    const rendered = renderClientProperties(props) ?? super.renderProperties(props);
    const rotation = this.refreshTokenRotationProperty;
    if (rotation === undefined) return rendered;
    const key = 'RefreshTokenRotation';
    if (key in rendered) return { ...rendered, [key]: rendered[key] ?? rotation };
    const out: { [key: string]: any } = {};
    for (const [k, v] of Object.entries(rendered)) {
      if (!(key in out) && k > key) out[key] = rotation;
      out[k] = v;
    }
    if (!(key in out)) out[key] = rotation;
    return out;
  }
}

/** Findings by the logical id of their resource. */
export function groupByResource(findings: TemplateFinding[]): Map<string, TemplateFinding[]> {
  const byResource = new Map<string, TemplateFinding[]>();
  for (const f of findings) {
    const list = byResource.get(f.resource);
    if (list) list.push(f);
    else byResource.set(f.resource, [f]);
  }
  return byResource;
}

/**
 * The partial templates of the nested stacks of `stack`, for `TemplateCheckOptions.nestedTemplates`:
 * keyed by the logical id of each nested stack's resource in `stack` (and `Outer/Inner` for deeper
 * levels). Call it once references are resolved (during validation or after synthesis), so that the
 * nested stacks' parameters are in place.
 */
export function nestedStackTemplates(stack: Stack): { [path: string]: PartialTemplate } {
  const out: { [path: string]: PartialTemplate } = {};
  const collect = (parent: Stack, prefix: string, depth: number) => {
    if (depth > 8) return;
    const visit = (c: IConstruct) => {
      for (const child of c.node.children) {
        if (NestedStack.isNestedStack(child) && child.nestedStackParent === parent && child.nestedStackResource) {
          const key = `${prefix}${parent.resolve(child.nestedStackResource.logicalId)}`;
          out[key] = renderTemplate(child, cognitoResources(child)).template;
          collect(child, `${key}/`, depth + 1);
        } else if (!Stack.isStack(child)) {
          visit(child);
        }
      }
    };
    visit(parent);
  };
  collect(stack, '', 0);
  return out;
}
