import { Lazy, Token } from 'aws-cdk-lib';
import { ClientRules, Severity } from '../../src';

const BASE = { UserPoolId: 'us-east-1_AbCdEf123', ClientName: 'web-client' };
const ids = (p: any) => ClientRules.check(p).map(f => f.ruleId);
const find = (p: any, ruleId: string) => ClientRules.check(p).filter(f => f.ruleId === ruleId);
const SECRET = 'Abc_def+123' + 'x'.repeat(21); // 32 chars, [\w+] only

describe('clean clients', () => {
  test('context data with a generated secret is clean', () => {
    expect(ClientRules.check({ ...BASE, GenerateSecret: true, EnablePropagateAdditionalUserContextData: true })).toEqual([]);
  });

  test('an API request with a custom secret is clean', () => {
    expect(ClientRules.check({ ...BASE, ClientSecret: SECRET, EnablePropagateAdditionalUserContextData: true })).toEqual([]);
  });
});

describe('context-data-needs-secret', () => {
  test.each([
    ['no secret', { EnablePropagateAdditionalUserContextData: true }],
    ['GenerateSecret false', { EnablePropagateAdditionalUserContextData: true, GenerateSecret: false }],
    ['the flag as "true"', { EnablePropagateAdditionalUserContextData: 'true', GenerateSecret: 'false' }],
    ['GenerateSecret AWS::NoValue', { EnablePropagateAdditionalUserContextData: true, GenerateSecret: { Ref: 'AWS::NoValue' } }],
  ])('fails when %s', (_d, extra) => {
    expect(ClientRules.check({ ...BASE, ...extra })).toContainEqual(expect.objectContaining({
      ruleId: 'context-data-needs-secret', severity: Severity.ERROR,
    }));
  });

  test('the message names the property and the fix is non-empty', () => {
    const [f] = find({ ...BASE, EnablePropagateAdditionalUserContextData: true }, 'context-data-needs-secret');
    expect(f.message).toContain('EnablePropagateAdditionalUserContextData');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['GenerateSecret true', { EnablePropagateAdditionalUserContextData: true, GenerateSecret: true }],
    ['GenerateSecret "true"', { EnablePropagateAdditionalUserContextData: true, GenerateSecret: 'true' }],
    ['an API ClientSecret', { EnablePropagateAdditionalUserContextData: true, ClientSecret: SECRET }],
    ['the flag false', { EnablePropagateAdditionalUserContextData: false }],
    ['the flag "false"', { EnablePropagateAdditionalUserContextData: 'false' }],
    ['the flag absent', {}],
  ])('accepts %s', (_d, extra) => {
    expect(ids({ ...BASE, ...extra })).not.toContain('context-data-needs-secret');
  });

  test.each([
    ['GenerateSecret Ref', { EnablePropagateAdditionalUserContextData: true, GenerateSecret: { Ref: 'Gen' } }],
    ['GenerateSecret Fn::If with an unresolved branch', { EnablePropagateAdditionalUserContextData: true, GenerateSecret: { 'Fn::If': ['C', true, { Ref: 'Other' }] } }],
    ['GenerateSecret CDK token', { EnablePropagateAdditionalUserContextData: true, GenerateSecret: Token.asAny({ Ref: 'Gen' }) }],
    ['the flag Ref', { EnablePropagateAdditionalUserContextData: { Ref: 'Ctx' } }],
    ['the flag CDK token', { EnablePropagateAdditionalUserContextData: Token.asAny({ Ref: 'Ctx' }) }],
  ])('skips %s', (_d, extra) => {
    expect(ids({ ...BASE, ...extra })).not.toContain('context-data-needs-secret');
  });
});

describe('client-secret-exclusive (API only)', () => {
  test.each([
    ['GenerateSecret true', true],
    ['GenerateSecret "true"', 'true'],
  ])('fails with %s and a ClientSecret', (_d, gen) => {
    expect(ClientRules.check({ ...BASE, GenerateSecret: gen, ClientSecret: SECRET })).toContainEqual(
      expect.objectContaining({ ruleId: 'client-secret-exclusive', severity: Severity.ERROR }));
  });

  test('has a fix', () => {
    const [f] = find({ ...BASE, GenerateSecret: true, ClientSecret: SECRET }, 'client-secret-exclusive');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['GenerateSecret false with a ClientSecret', { GenerateSecret: false, ClientSecret: SECRET }],
    ['a ClientSecret alone', { ClientSecret: SECRET }],
    ['GenerateSecret true alone', { GenerateSecret: true }],
    ['GenerateSecret true with ClientSecret AWS::NoValue', { GenerateSecret: true, ClientSecret: { Ref: 'AWS::NoValue' } }],
  ])('accepts %s', (_d, extra) => {
    expect(ids({ ...BASE, ...extra })).not.toContain('client-secret-exclusive');
  });

  test.each([
    ['GenerateSecret Ref', { GenerateSecret: { Ref: 'Gen' }, ClientSecret: SECRET }],
    ['GenerateSecret CDK token', { GenerateSecret: Token.asAny({ Ref: 'Gen' }), ClientSecret: SECRET }],
  ])('skips %s', (_d, extra) => {
    expect(ids({ ...BASE, ...extra })).not.toContain('client-secret-exclusive');
  });

  test('fails in the branch where a ClientSecret, unresolved or AWS::NoValue, is given', () => {
    const extra = { GenerateSecret: true, ClientSecret: { 'Fn::If': ['C', { Ref: 'Secret' }, { Ref: 'AWS::NoValue' }] } };
    expect(ClientRules.check({ ...BASE, ...extra }).filter((f) => f.ruleId === 'client-secret-exclusive').map((f) => f.condition)).toEqual(['when C is true']);
  });

  test('fails whatever the branch when both branches give a ClientSecret (one finding, no condition)', () => {
    const extra = { GenerateSecret: true, ClientSecret: { 'Fn::If': ['C', { Ref: 'Secret' }, { Ref: 'Other' }] } };
    const findings = ClientRules.check({ ...BASE, ...extra }).filter((f) => f.ruleId === 'client-secret-exclusive');
    expect(findings).toHaveLength(1);
    expect(findings[0].condition).toBeUndefined();
  });
});

describe('client-secret-format (API only)', () => {
  test.each([
    ['24 chars', 'a'.repeat(24)],
    ['64 chars', 'A'.repeat(64)],
    ['letters, digits, _ and +', SECRET],
    ['only plus signs', '+'.repeat(30)],
  ])('accepts %s', (_d, s) => {
    expect(ids({ ...BASE, ClientSecret: s })).not.toContain('client-secret-format');
  });

  test.each([
    ['23 chars', 'a'.repeat(23)],
    ['65 chars', 'a'.repeat(65)],
    ['0 chars', ''],
    ['a dash', 'a'.repeat(30) + '-'],
    ['a slash', 'a'.repeat(30) + '/'],
    ['an equals sign (base64 padding)', 'a'.repeat(30) + '='],
    ['a space', 'a'.repeat(15) + ' ' + 'a'.repeat(15)],
    ['a non-ASCII letter', 'é' + 'a'.repeat(30)],
    ['a trailing newline', 'a'.repeat(30) + '\n'],
  ])('fails when the secret has %s', (_d, s) => {
    expect(ClientRules.check({ ...BASE, ClientSecret: s })).toContainEqual(expect.objectContaining({
      ruleId: 'client-secret-format', property: 'ClientSecret', severity: Severity.ERROR,
    }));
  });

  test('has a fix', () => {
    const [f] = find({ ...BASE, ClientSecret: 'short' }, 'client-secret-format');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['Ref', { Ref: 'Secret' }],
    ['Fn::ImportValue', { 'Fn::ImportValue': 'secret' }],
    ['Token.asString', Token.asString({ Ref: 'Secret' })],
    ['Lazy.string', Lazy.string({ produce: () => 'short' })],
  ])('skips an unresolved secret (%s)', (_d, s) => {
    expect(ids({ ...BASE, ClientSecret: s })).not.toContain('client-secret-format');
  });
});
