import { CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

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

/** A template with just some resources. */
export interface PartialTemplate {
  readonly Resources: { [id: string]: any };
}

/**
 * A template holding just these resources, rendered as in the synthesized template (overrides
 * included, tokens resolved as far as they go), and each logical id's resource.
 */
export function renderTemplate(stack: Stack, resources: CfnResource[]): { template: PartialTemplate; byId: Map<string, CfnResource> } {
  const template: PartialTemplate = { Resources: {} };
  const byId = new Map<string, CfnResource>();
  for (const r of resources) {
    const rendered = stack.resolve(r._toCloudFormation()) as { Resources?: { [id: string]: any } };
    for (const [id, body] of Object.entries(rendered.Resources ?? {})) {
      template.Resources[id] = body;
      byId.set(id, r);
    }
  }
  return { template, byId };
}
