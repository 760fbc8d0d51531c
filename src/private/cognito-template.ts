import { CfnResource, NestedStack, Stack } from 'aws-cdk-lib';
import { CfnUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { IConstruct } from 'constructs';
import { ATTRIBUTE_SHAPES } from '../rules/private/shapes';
import { TemplateFinding } from '../rules/template';

/** The resource types the rules read: clients and what their context rules look at. */
export const COGNITO_TYPES = [
  'AWS::Cognito::UserPool',
  'AWS::Cognito::UserPoolClient',
  'AWS::Cognito::UserPoolResourceServer',
  'AWS::Cognito::UserPoolIdentityProvider',
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
function otherResources(stack: Stack): CfnResource[] {
  const out: CfnResource[] = [];
  const visit = (c: IConstruct) => {
    if (CfnResource.isCfnResource(c) && OTHER_TYPES.has(c.cfnResourceType)) out.push(c);
    for (const child of c.node.children) if (!Stack.isStack(child)) visit(child);
  };
  visit(stack);
  return out;
}

/** A template with just some resources. */
export interface PartialTemplate {
  readonly Resources: { [id: string]: any };
}

/**
 * A template holding just these resources, rendered as in the synthesized template (overrides
 * included, tokens resolved as far as they go), and each logical id's resource; other resources the
 * rules read about (documented attribute shapes, nested stacks) are there with their type.
 */
export function renderTemplate(stack: Stack, resources: CfnResource[], keep = false): { template: PartialTemplate; byId: Map<string, CfnResource> } {
  const template: PartialTemplate = { Resources: {} };
  const byId = new Map<string, CfnResource>();
  for (const r of otherResources(stack)) {
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
    const keeps = r instanceof KeptRenderingUserPoolClient;
    const rendered = stack.resolve(keeps ? r.renderFresh() : r._toCloudFormation()) as { Resources?: { [id: string]: any } };
    if (keeps && keep) r.keep(rendered);
    for (const [id, body] of Object.entries(rendered.Resources ?? {})) {
      template.Resources[id] = body;
      byId.set(id, r);
    }
  }
  return { template, byId };
}

/**
 * The CfnUserPoolClient of an AppClient. Its validation renders it (tokens resolved) just before
 * the synthesis renders it again; the synthesis that follows takes that rendering instead of
 * rendering twice. The rendering is kept for one use only, and a validation always renders afresh.
 */
export class KeptRenderingUserPoolClient extends CfnUserPoolClient {
  /**
   * `RefreshTokenRotation`, which the L1 has as a prop only from aws-cdk-lib 2.200. It is rendered
   * in its alphabetical place among the properties, where newer releases put it, so the template is
   * byte for byte the same on every release (an override would come last on older ones).
   */
  public refreshTokenRotationProperty?: { [key: string]: unknown };
  private kept?: object;

  protected renderProperties(props: { [key: string]: any }): { [key: string]: any } {
    const rendered = super.renderProperties(props);
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

  /** Renders the resource, dropping any rendering kept from an earlier synthesis. */
  public renderFresh(): object {
    this.kept = undefined;
    return super._toCloudFormation();
  }

  /** Keeps a resolved rendering for the synthesis that follows. */
  public keep(rendered: object): void {
    this.kept = rendered;
  }

  public _toCloudFormation(): object {
    const kept = this.kept;
    this.kept = undefined;
    return kept ?? super._toCloudFormation();
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
