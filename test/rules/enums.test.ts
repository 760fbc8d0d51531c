import { Lazy, Token } from 'aws-cdk-lib';
import { ClientRules, Severity } from '../../src';

const BASE = { UserPoolId: 'us-east-1_AbCdEf123', ClientName: 'web-client' };
const ids = (p: any) => ClientRules.check(p).map(f => f.ruleId);
const find = (p: any, ruleId: string) => ClientRules.check(p).filter(f => f.ruleId === ruleId);

describe('prevent-user-existence-enum', () => {
  test.each(['LEGACY', 'ENABLED'])('accepts %s (clean client)', (v) => {
    expect(ClientRules.check({ ...BASE, PreventUserExistenceErrors: v })).toEqual([]);
  });

  test.each(['DISABLED', 'enabled', 'Legacy', '', 'ENABLED ', 'TRUE'])('fails when the value is %j', (v) => {
    expect(ClientRules.check({ ...BASE, PreventUserExistenceErrors: v })).toContainEqual(expect.objectContaining({
      ruleId: 'prevent-user-existence-enum', property: 'PreventUserExistenceErrors', severity: Severity.ERROR,
    }));
  });

  test('the message quotes the value and the fix is non-empty', () => {
    const [f] = find({ ...BASE, PreventUserExistenceErrors: 'DISABLED' }, 'prevent-user-existence-enum');
    expect(f.message).toContain('DISABLED');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test('does not apply when absent', () => {
    expect(ids(BASE)).not.toContain('prevent-user-existence-enum');
    expect(ids({ ...BASE, PreventUserExistenceErrors: { Ref: 'AWS::NoValue' } })).not.toContain('prevent-user-existence-enum');
  });

  test.each([
    ['Ref', { Ref: 'Mode' }],
    ['Fn::If with an unresolved branch', { 'Fn::If': ['C', 'ENABLED', { Ref: 'Other' }] }],
    ['Fn::ImportValue', { 'Fn::ImportValue': 'mode' }],
    ['Token.asString', Token.asString({ Ref: 'Mode' })],
    ['Lazy.string', Lazy.string({ produce: () => 'bogus' })],
  ])('skips an unresolved value (%s)', (_d, v) => {
    expect(ids({ ...BASE, PreventUserExistenceErrors: v })).not.toContain('prevent-user-existence-enum');
  });
});
