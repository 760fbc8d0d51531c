import { Stack } from 'aws-cdk-lib';
import { renderStackSections } from '../../private/cognito-template';
import { ClientRules } from '../../rules/client-rules';
import { expandLoops, usesLanguageExtensions } from '../../rules/private/foreach';
import { TemplateFinding } from '../../rules/template';
import { unseenFindings } from '../../rules/unseen';
import type { ClientPolicy } from '../client-policy';

const LOOP = 'Fn::ForEach::';

/**
 * cdk-nag 2 only: the findings about what `Fn::ForEach` loops (`AWS::LanguageExtensions`) in a
 * stack's template make, which no CfnResource holds, so the pack's per-resource path cannot see them
 * (a loop is written by a raw CfnElement or an escape hatch). The clients a loop makes are checked
 * from the stack's whole template, rendered here only when the stack declares the transform; a loop
 * that cannot be expanded is its client-not-checkable warning. The pack reports them on the stack.
 */
export function loopFindings(stack: Stack, policy: ClientPolicy | undefined): TemplateFinding[] {
  if (!usesLanguageExtensions({ Transform: stack.templateOptions.transforms })) return [];
  const sections = renderStackSections(stack);
  if (!Object.keys(sections.Resources).some((k) => k.startsWith(LOOP))) return [];
  const template = { ...sections, Transform: stack.templateOptions.transforms };
  const { origins } = expandLoops(template);
  const made = (f: TemplateFinding) => f.resource.startsWith(LOOP) || origins.has(f.resource);
  // nested stacks a loop makes are never the app's NestedStacks: each is unseen
  return [...ClientRules.checkTemplate(template, { policy }), ...unseenFindings(template, () => false)].filter(made);
}
