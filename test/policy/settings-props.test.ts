// The settings table (src/policy/settings.ts) is the one description of a policy's settings; jsii
// needs a second spelling, the ClientPolicyProps interface with its JSDoc. This test keeps the two in
// step: the same keys in the same order, each typed as its entry's kind, each documenting the rule it
// turns on and its @default.
import { readFileSync } from 'fs';
import { join } from 'path';
import * as ts from 'typescript';
import * as policyModule from '../../src/policy/client-policy';
import { SETTINGS, rulesOf } from '../../src/policy/settings';

const file = join(__dirname, '..', '..', 'src', 'policy', 'client-policy.ts');
const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);

interface Member {
  readonly name: string;
  readonly type: string;
  readonly optional: boolean;
  readonly readonly: boolean;
  readonly doc: string;
  readonly defaultTag?: string;
}

function propsMembers(): Member[] {
  let found: ts.InterfaceDeclaration | undefined;
  source.forEachChild((n) => {
    if (ts.isInterfaceDeclaration(n) && n.name.text === 'ClientPolicyProps') found = n;
  });
  if (!found) throw new Error('ClientPolicyProps not found in src/policy/client-policy.ts');
  return found.members.filter(ts.isPropertySignature).map((m) => {
    const docs = ts.getJSDocCommentsAndTags(m).filter(ts.isJSDoc);
    const doc = docs.map((d) => ts.getTextOfJSDocComment(d.comment) ?? '').join('\n');
    const tag = docs.flatMap((d) => d.tags ?? []).find((t) => t.tagName.text === 'default');
    return {
      name: (m.name as ts.Identifier).text,
      type: m.type!.getText(source).replace(/\s+/g, ' '),
      optional: m.questionToken !== undefined,
      readonly: (m.modifiers ?? []).some((x) => x.kind === ts.SyntaxKind.ReadonlyKeyword),
      doc,
      defaultTag: tag ? (ts.getTextOfJSDocComment(tag.comment) ?? '') : undefined,
    };
  });
}

const members = propsMembers();
const enums = policyModule as unknown as { [name: string]: { [key: string]: string } };

describe('ClientPolicyProps is the settings table', () => {
  // `extends` is a key of files only: in code, ClientPolicy.oauthBcp()
  const IN_CODE = SETTINGS.filter((s) => !s.fileOnly);

  test('the same keys, in the same order', () => {
    expect(members.map((m) => m.name)).toEqual(IN_CODE.map((s) => s.key));
  });

  test.each(IN_CODE.map((s) => [s.key, s] as const))('%s: readonly, optional, with a @default', (key) => {
    const m = members.find((x) => x.name === key)!;
    expect(m.readonly).toBe(true);
    expect(m.optional).toBe(true);
    expect(m.defaultTag?.trim().length).toBeGreaterThan(0);
  });

  test.each(SETTINGS.flatMap((s) => rulesOf(s).map((id) => [s.key, id] as const)))('%s: its JSDoc names its rule %s', (key, ruleId) => {
    const m = members.find((x) => x.name === key)!;
    expect(m.doc).toMatch(new RegExp(`rule \`${ruleId}\``, 'i'));
  });

  test.each(IN_CODE.map((s) => [s.key, s] as const))('%s: typed as its kind', (key, spec) => {
    const m = members.find((x) => x.name === key)!;
    switch (spec.kind) {
      case 'duration':
        expect(m.type).toBe('Duration');
        break;
      case 'boolean':
        expect(m.type).toBe('boolean');
        break;
      case 'severities':
        expect(m.type).toBe('{ [ruleId: string]: Severity }');
        break;
      case 'acknowledgements':
        expect(m.type).toBe('{ [ruleId: string]: string }');
        break;
      case 'string':
      case 'strings': {
        const item = spec.kind === 'strings' ? /^(\w+)\[\]$/.exec(m.type)?.[1] : m.type;
        expect(item).toBeDefined();
        if (spec.values) {
          // an enum whose values are exactly the setting's values
          expect(enums[item!]).toBeDefined();
          expect(Object.values(enums[item!]).sort()).toEqual([...spec.values].sort());
        } else {
          expect(item).toBe('string');
        }
        break;
      }
    }
  });
});
