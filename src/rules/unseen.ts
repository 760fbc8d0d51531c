import { expandLoops } from './private/foreach';
import { isPlainObject, show } from './private/values';
import { TemplateFinding } from './template';
import { UNREADABLE_RULE } from './unreadable';

/**
 * What a template holds that may make or change app clients the engine cannot see: a transform
 * that rewrites the template (`AWS::Include`, a custom macro), a nested stack whose template is not
 * at hand, a stack set, a serverless application. Each is one `client-not-checkable` finding on that
 * resource (or on `Transform`, for the template's own transforms): a check that cannot see something
 * says so, never skips it silently. The entry points say which nested stacks they see (the checker:
 * a nested template it also checks; the packs: a nested stack of the app).
 */

/** Transforms whose output the engine reads: the language extensions, and SAM, whose resources hold no clients (but see below). */
const KNOWN_TRANSFORMS = new Set(['AWS::LanguageExtensions', 'AWS::Serverless-2016-10-31']);
const FIX = 'Check what it makes too: give its template (or the processed template of a change set) to cognito-client-check.';

/**
 * The findings for what this template holds unseen.
 *
 * @param template a CloudFormation template
 * @param nestedSeen whether the template of the nested stack with this logical id is checked too
 */
export function unseenFindings(template: { [key: string]: any }, nestedSeen: (logicalId: string) => boolean): TemplateFinding[] {
  const out: TemplateFinding[] = [];
  const add = (resource: string, property: string, value: unknown, why: string) => out.push({
    ruleId: UNREADABLE_RULE.id,
    severity: UNREADABLE_RULE.severity,
    property,
    message: `[${UNREADABLE_RULE.id}] ${property} = ${show(value)}: ${why}`,
    fix: FIX,
    resource,
  });
  const transforms = template?.Transform;
  for (const t of Array.isArray(transforms) ? transforms : transforms === undefined ? [] : [transforms]) {
    const name = typeof t === 'string' ? t : isPlainObject(t) ? t.Name : undefined;
    if (typeof name === 'string' && KNOWN_TRANSFORMS.has(name)) continue;
    add('Transform', 'Transform', name ?? t, name === 'AWS::Include'
      ? 'the template includes another template at deploy time, which may hold app clients this check cannot see.'
      : 'a macro rewrites the template at deploy time, so app clients it makes or changes cannot be seen here.');
  }
  // what Fn::ForEach loops make (AWS::LanguageExtensions) is looked at as made; a loop that cannot be expanded is ClientRules.checkTemplate's finding
  const resources = expandLoops(template).template?.Resources;
  if (!isPlainObject(resources)) return out;
  for (const [id, r] of Object.entries<any>(resources)) {
    if (id === 'Fn::Transform' || (isPlainObject(r) && r['Fn::Transform'] !== undefined && r.Type === undefined)) {
      add(id, 'Fn::Transform', isPlainObject(r) ? r['Fn::Transform'] ?? r : r,
        'resources included at deploy time (AWS::Include or a macro) may hold app clients this check cannot see.');
      continue;
    }
    const type = isPlainObject(r) ? r.Type : undefined;
    if (type === 'AWS::CloudFormation::Stack' && !nestedSeen(id)) {
      add(id, 'TemplateURL', r.Properties?.TemplateURL ?? '(absent)', 'this nested stack\'s template is not checked here, and may hold app clients.');
    } else if (type === 'AWS::CloudFormation::StackSet') {
      add(id, 'TemplateURL', r.Properties?.TemplateURL ?? r.Properties?.TemplateBody ?? '(absent)', 'the stacks this stack set deploys are not checked here, and may hold app clients.');
    } else if (type === 'AWS::Serverless::Application') {
      add(id, 'Location', r.Properties?.Location ?? '(absent)', 'this serverless application\'s template is not checked here, and may hold app clients.');
    }
  }
  return out;
}
