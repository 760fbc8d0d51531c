import { Lazy, Token } from 'aws-cdk-lib';
import { ClientRules, Severity } from '../../src';

const BASE = { UserPoolId: 'us-east-1_AbCdEf123', ClientName: 'web-client' };
const ids = (p: any) => ClientRules.check(p).map(f => f.ruleId);
const find = (p: any, ruleId: string) => ClientRules.check(p).filter(f => f.ruleId === ruleId);

describe('clean baseline', () => {
  test('a minimal valid client has no findings', () => {
    expect(ClientRules.check(BASE)).toEqual([]);
  });

  test('a client with only UserPoolId has no findings (CloudFormation generates the name)', () => {
    expect(ClientRules.check({ UserPoolId: 'us-east-1_AbCdEf123' })).toEqual([]);
  });
});

describe('client-name-length', () => {
  test.each([
    ['1 char', 'a'],
    ['128 chars', 'a'.repeat(128)],
    ['127 chars', 'b'.repeat(127)],
  ])('accepts a name of %s', (_d, name) => {
    expect(ids({ ...BASE, ClientName: name })).not.toContain('client-name-length');
  });

  test.each([
    ['0 chars', ''],
    ['129 chars', 'a'.repeat(129)],
    ['1000 chars', 'x'.repeat(1000)],
  ])('fails when the name has %s', (_d, name) => {
    expect(ClientRules.check({ ...BASE, ClientName: name })).toContainEqual(expect.objectContaining({
      ruleId: 'client-name-length',
      property: 'ClientName',
      severity: Severity.ERROR,
    }));
  });

  test('fails when the name is empty, with a message and a fix', () => {
    const [f] = find({ ...BASE, ClientName: '' }, 'client-name-length');
    expect(f).toBeDefined();
    expect(f.fix).not.toEqual('');
    expect(f.message.length).toBeGreaterThan(0);
  });

  test('the message quotes (the start of) the over-long name and its length', () => {
    const name = 'n'.repeat(129);
    const [f] = find({ ...BASE, ClientName: name }, 'client-name-length');
    expect(f.message).toContain(name.slice(0, 40));
    expect(f.message).toContain('129');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test('does not apply when ClientName is absent', () => {
    expect(ids({ UserPoolId: BASE.UserPoolId })).not.toContain('client-name-length');
  });

  test('does not apply when ClientName is AWS::NoValue', () => {
    expect(ids({ ...BASE, ClientName: { Ref: 'AWS::NoValue' } })).not.toContain('client-name-length');
  });

  test.each([
    ['Ref', { Ref: 'NameParam' }],
    ['Fn::GetAtt', { 'Fn::GetAtt': ['X', 'Name'] }],
    ['Fn::Sub', { 'Fn::Sub': '${AWS::StackName}-client' }],
    ['Fn::If with an unresolved branch', { 'Fn::If': ['Cond', { Ref: 'Other' }, 'b'] }],
    ['Fn::ImportValue', { 'Fn::ImportValue': 'shared-name' }],
    ['Token.asString', Token.asString({ Ref: 'X' })],
    ['Lazy.string', Lazy.string({ produce: () => 'x'.repeat(500) })],
  ])('skips an unresolved name (%s)', (_d, name) => {
    expect(ids({ ...BASE, ClientName: name })).not.toContain('client-name-length');
  });
});

describe('client-name-pattern', () => {
  test.each([
    ['letters, digits, dash', 'web-client-01'],
    ['all punctuation allowed', 'a_b c+d=e,f.g@h-i'],
    ['a tab (ASCII whitespace)', 'web\tclient'],
    ['a newline', 'web\nclient'],
    ['a carriage return', 'web\rclient'],
    ['a form feed', 'web\fclient'],
    ['a vertical tab', 'web\u000Bclient'],
    ['only spaces', '   '],
    ['underscore only', '_'],
  ])('accepts %s', (_d, name) => {
    expect(ids({ ...BASE, ClientName: name })).not.toContain('client-name-pattern');
  });

  test.each([
    ['a non-ASCII letter', 'Café'],
    ['CJK letters', '名前'],
    ['a slash', 'my/client'],
    ['an exclamation mark at the end (full match)', 'client!'],
    ['a hash', 'a#b'],
    ['a colon', 'a:b'],
    ['an asterisk', 'a*b'],
    ['a no-break space (not ASCII whitespace)', 'web\u00A0client'],
    ['an em space', 'web\u2003client'],
    ['a next-line character (not Java \\s)', 'web\u0085client'],
    ['a byte-order mark (JS \\s, not Java \\s)', 'web\uFEFFclient'],
    ['a line separator (JS \\s, not Java \\s)', 'web\u2028client'],
    ['a file separator', 'web\u001Cclient'],
    ['a fullwidth digit', 'client\uFF11'],
    ['an emoji', 'client😀'],
    ['a NUL character', 'a\u0000b'],
  ])('fails when the name contains %s', (_d, name) => {
    expect(ClientRules.check({ ...BASE, ClientName: name })).toContainEqual(expect.objectContaining({
      ruleId: 'client-name-pattern',
      property: 'ClientName',
      severity: Severity.ERROR,
    }));
  });

  test('the message quotes the offending name and has a fix', () => {
    const [f] = find({ ...BASE, ClientName: 'Café' }, 'client-name-pattern');
    expect(f.message).toContain('Café');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['Ref', { Ref: 'NameParam' }],
    ['Fn::Sub', { 'Fn::Sub': '${AWS::StackName}-client' }],
    ['Fn::If with an unresolved branch', { 'Fn::If': ['Cond', { Ref: 'Other' }, 'ok'] }],
    ['Fn::ImportValue', { 'Fn::ImportValue': 'name' }],
    ['Fn::GetAtt', { 'Fn::GetAtt': ['X', 'Y'] }],
    ['Token.asString', Token.asString({ Ref: 'X' })],
    ['Lazy.string', Lazy.string({ produce: () => 'Café' })],
  ])('skips an unresolved name (%s)', (_d, name) => {
    expect(ids({ ...BASE, ClientName: name })).not.toContain('client-name-pattern');
  });

  test('a CDK token embedded in a literal name is not taken as its ${Token[..]} text', () => {
    const name = `web-${Token.asString({ Ref: 'Env' })}`;
    expect(ids({ ...BASE, ClientName: name })).not.toContain('client-name-pattern');
  });
});

describe('user-pool-id-format', () => {
  test.each([
    ['a typical id', 'us-east-1_AbCdEf123'],
    ['another region', 'eu-west-1_AbC123'],
    ['the shortest possible id', 'a_b'],
    ['an underscore inside the prefix (\\w includes _)', 'us-east-1_Ab_Cd'],
    ['a leading underscore in the prefix', '__abc'],
    ['55 characters', 'us-east-1_' + 'A'.repeat(45)],
  ])('accepts %s', (_d, id) => {
    expect(ids({ ...BASE, UserPoolId: id })).not.toContain('user-pool-id-format');
  });

  test.each([
    ['an empty string', ''],
    ['56 characters', 'us-east-1_' + 'A'.repeat(46)],
    ['no underscore', 'us-east-1AbCdEf'],
    ['nothing after the underscore', 'us-east-1_'],
    ['nothing before the underscore', '_abc'],
    ['a dash after the underscore', 'us-east-1_Ab-Cd'],
    ['a trailing space', 'us-east-1_AbCdEf123 '],
    ['a non-ASCII letter', 'us-east-1_Abé'],
    ['a colon (an ARN)', 'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Ab'],
  ])('fails when the id is %s', (_d, id) => {
    expect(ClientRules.check({ ...BASE, UserPoolId: id })).toContainEqual(expect.objectContaining({
      ruleId: 'user-pool-id-format',
      property: 'UserPoolId',
      severity: Severity.ERROR,
    }));
  });

  test('the message quotes the id and has a fix', () => {
    const [f] = find({ ...BASE, UserPoolId: 'us-east-1AbCdEf' }, 'user-pool-id-format');
    expect(f.message).toContain('us-east-1AbCdEf');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['Ref', { Ref: 'UserPool' }],
    ['Fn::GetAtt', { 'Fn::GetAtt': ['UserPool', 'UserPoolId'] }],
    ['Fn::ImportValue', { 'Fn::ImportValue': 'pool-id' }],
    ['Fn::Sub', { 'Fn::Sub': '${AWS::Region}_AbC123' }],
    ['Fn::If with an unresolved branch', { 'Fn::If': ['Cond', { Ref: 'Other' }, 'us-east-1_AbC'] }],
    ['Token.asString', Token.asString({ Ref: 'UserPool' })],
    ['Lazy.string', Lazy.string({ produce: () => 'bad' })],
  ])('skips an unresolved id (%s)', (_d, id) => {
    expect(ids({ ...BASE, UserPoolId: id })).not.toContain('user-pool-id-format');
  });
});
