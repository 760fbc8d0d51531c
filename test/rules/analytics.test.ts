import { Lazy, Token } from 'aws-cdk-lib';
import { ClientRules, Severity } from '../../src';

const BASE = { UserPoolId: 'us-east-1_AbCdEf123', ClientName: 'web-client' };
const ids = (p: any) => ClientRules.check(p).map(f => f.ruleId);
const find = (p: any, ruleId: string) => ClientRules.check(p).filter(f => f.ruleId === ruleId);
const ac = (cfg: any, extra: any = {}) => ({ ...BASE, ...extra, AnalyticsConfiguration: cfg });

const APP_PREFIX = 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/';
const APP_ARN = APP_PREFIX + '0123456789abcdef0123456789abcdef';
const ROLE_ARN = 'arn:aws:iam::123456789012:role/pinpoint-role';
const APP_ID = '0123456789abcdef0123456789abcdef';
const EXT_ID = 'external-id-1';
const NO_VALUE = { Ref: 'AWS::NoValue' };
const MAYBE = (v: any) => ({ 'Fn::If': ['HasIt', v, NO_VALUE] });

describe('well-formed configurations only get the end-of-support warning', () => {
  test.each([
    ['ApplicationArn', { ApplicationArn: APP_ARN }],
    ['ApplicationArn with UserDataShared', { ApplicationArn: APP_ARN, UserDataShared: true }],
    ['ApplicationId, RoleArn and ExternalId', { ApplicationId: APP_ID, RoleArn: ROLE_ARN, ExternalId: EXT_ID }],
  ])('%s', (_d, cfg) => {
    expect(ids(ac(cfg)).filter(id => id !== 'analytics-pinpoint-eol')).toEqual([]);
  });
});

describe('analytics-exclusive', () => {
  test.each([
    ['RoleArn', { RoleArn: ROLE_ARN }],
    ['ApplicationId', { ApplicationId: APP_ID }],
    ['ExternalId', { ExternalId: EXT_ID }],
    ['all three', { ApplicationId: APP_ID, RoleArn: ROLE_ARN, ExternalId: EXT_ID }],
  ])('fails (warning) when ApplicationArn comes with %s', (_d, extra) => {
    expect(ClientRules.check(ac({ ApplicationArn: APP_ARN, ...extra }))).toContainEqual(expect.objectContaining({
      ruleId: 'analytics-exclusive', severity: Severity.WARNING,
    }));
  });

  test('has a fix', () => {
    const [f] = find(ac({ ApplicationArn: APP_ARN, RoleArn: ROLE_ARN }), 'analytics-exclusive');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['ApplicationArn alone', { ApplicationArn: APP_ARN }],
    ['ApplicationArn with UserDataShared', { ApplicationArn: APP_ARN, UserDataShared: false }],
    ['the id triple', { ApplicationId: APP_ID, RoleArn: ROLE_ARN, ExternalId: EXT_ID }],
    ['RoleArn AWS::NoValue', { ApplicationArn: APP_ARN, RoleArn: NO_VALUE }],
    ['RoleArn unresolved or AWS::NoValue, without ApplicationArn', { ApplicationId: APP_ID, RoleArn: { 'Fn::If': ['HasIt', { Ref: 'R' }, NO_VALUE] } }],
  ])('accepts %s', (_d, cfg) => {
    expect(ids(ac(cfg))).not.toContain('analytics-exclusive');
  });

  test.each([
    ['RoleArn conditional on AWS::NoValue', { ApplicationArn: APP_ARN, RoleArn: MAYBE(ROLE_ARN) }],
    ['ApplicationArn conditional on AWS::NoValue', { ApplicationArn: MAYBE(APP_ARN), RoleArn: ROLE_ARN }],
    ['RoleArn unresolved or AWS::NoValue', { ApplicationArn: APP_ARN, RoleArn: { 'Fn::If': ['HasIt', { Ref: 'R' }, NO_VALUE] } }],
  ])('fails only in the branch where both are given: %s', (_d, cfg) => {
    expect(find(ac(cfg), 'analytics-exclusive').map((f) => f.condition)).toEqual(['when HasIt is true']);
  });
});

describe('analytics-id-complete', () => {
  test.each([
    ['RoleArn is missing', { ApplicationId: APP_ID, ExternalId: EXT_ID }],
    ['ExternalId is missing', { ApplicationId: APP_ID, RoleArn: ROLE_ARN }],
    ['both are missing', { ApplicationId: APP_ID }],
    ['RoleArn is AWS::NoValue', { ApplicationId: APP_ID, RoleArn: NO_VALUE, ExternalId: EXT_ID }],
  ])('fails (warning) when %s', (_d, cfg) => {
    expect(ClientRules.check(ac(cfg))).toContainEqual(expect.objectContaining({
      ruleId: 'analytics-id-complete', severity: Severity.WARNING,
    }));
  });

  test('has a fix', () => {
    const [f] = find(ac({ ApplicationId: APP_ID }), 'analytics-id-complete');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['the full triple', { ApplicationId: APP_ID, RoleArn: ROLE_ARN, ExternalId: EXT_ID }],
    ['ApplicationArn only', { ApplicationArn: APP_ARN }],
    ['unresolved RoleArn and ExternalId', { ApplicationId: APP_ID, RoleArn: { 'Fn::GetAtt': ['Role', 'Arn'] }, ExternalId: { Ref: 'Ext' } }],
    ['RoleArn unresolved in one branch and a literal in the other', { ApplicationId: APP_ID, RoleArn: { 'Fn::If': ['HasIt', { Ref: 'R' }, ROLE_ARN] }, ExternalId: EXT_ID }],
  ])('accepts %s', (_d, cfg) => {
    expect(ids(ac(cfg))).not.toContain('analytics-id-complete');
  });

  test.each([
    ['conditional RoleArn', { ApplicationId: APP_ID, RoleArn: MAYBE(ROLE_ARN), ExternalId: EXT_ID }, ['when HasIt is false']],
    ['ApplicationId conditional on AWS::NoValue', { ApplicationId: MAYBE(APP_ID) }, ['when HasIt is true', 'when HasIt is true']],
  ])('fails only in the branch that lacks a field: %s', (_d, cfg, conditions) => {
    expect(find(ac(cfg), 'analytics-id-complete').map((f) => f.condition)).toEqual(conditions);
  });
});

describe('analytics-target-required', () => {
  test.each([
    ['an empty object', {}],
    ['UserDataShared only', { UserDataShared: true }],
    ['RoleArn and ExternalId only', { RoleArn: ROLE_ARN, ExternalId: EXT_ID }],
    ['both targets AWS::NoValue', { ApplicationArn: NO_VALUE, ApplicationId: NO_VALUE }],
  ])('fails (warning) for %s', (_d, cfg) => {
    expect(ClientRules.check(ac(cfg))).toContainEqual(expect.objectContaining({
      ruleId: 'analytics-target-required', severity: Severity.WARNING,
    }));
  });

  test('has a fix', () => {
    const [f] = find(ac({}), 'analytics-target-required');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['ApplicationArn', { ApplicationArn: APP_ARN }],
    ['ApplicationId', { ApplicationId: APP_ID, RoleArn: ROLE_ARN, ExternalId: EXT_ID }],
    ['an unresolved ApplicationArn', { ApplicationArn: { Ref: 'AppArn' } }],
    ['a CDK token ApplicationId', { ApplicationId: Token.asString({ Ref: 'AppId' }), RoleArn: ROLE_ARN, ExternalId: EXT_ID }],
    ['an ApplicationArn unresolved in one branch', { ApplicationArn: { 'Fn::If': ['HasIt', { Ref: 'A' }, APP_ARN] } }],
  ])('accepts %s', (_d, cfg) => {
    expect(ids(ac(cfg))).not.toContain('analytics-target-required');
  });

  test('fails in the branch where a conditional ApplicationArn is AWS::NoValue', () => {
    expect(find(ac({ ApplicationArn: MAYBE(APP_ARN) }), 'analytics-target-required').map((f) => f.condition)).toEqual(['when HasIt is false']);
  });

  test('does not apply without AnalyticsConfiguration', () => {
    expect(ids(BASE)).not.toContain('analytics-target-required');
  });

  test('skips an unresolved configuration', () => {
    expect(ids(ac({ Ref: 'Analytics' }))).not.toContain('analytics-target-required');
    expect(ids(ac(Token.asAny({ Ref: 'Analytics' })))).not.toContain('analytics-target-required');
  });
});

describe('analytics-formats', () => {
  describe('ApplicationId', () => {
    test.each([APP_ID, 'ABCDEF0123', 'a', '0'])('accepts %s', (v) => {
      expect(ids(ac({ ApplicationId: v, RoleArn: ROLE_ARN, ExternalId: EXT_ID }))).not.toContain('analytics-formats');
    });

    test.each(['xyz', 'abc-123', '', '0x1f', 'abc def', 'abcdeg'])('fails when ApplicationId is %j', (v) => {
      expect(ClientRules.check(ac({ ApplicationId: v, RoleArn: ROLE_ARN, ExternalId: EXT_ID }))).toContainEqual(
        expect.objectContaining({
          ruleId: 'analytics-formats', property: 'AnalyticsConfiguration.ApplicationId', severity: Severity.ERROR,
        }));
    });

    test('the message quotes the value', () => {
      const [f] = find(ac({ ApplicationId: 'not-hex', RoleArn: ROLE_ARN, ExternalId: EXT_ID }), 'analytics-formats');
      expect(f.message).toContain('not-hex');
      expect(f.fix.length).toBeGreaterThan(0);
    });
  });

  describe.each(['ApplicationArn', 'RoleArn'])('%s', (field) => {
    const cfg = (v: any) => (field === 'ApplicationArn'
      ? { ApplicationArn: v }
      : { ApplicationId: APP_ID, RoleArn: v, ExternalId: EXT_ID });

    test.each([
      ['an application ARN', APP_ARN],
      ['a role ARN', ROLE_ARN],
      ['a 20-char ARN', 'arn:aws:iam::1:role/'],
      ['a 2048-char ARN', APP_PREFIX + 'a'.repeat(2048 - APP_PREFIX.length)],
      ['an ARN with a resource qualifier', 'arn:aws:mobiletargeting:us-east-1:123456789012:apps:abc:def'],
    ])('accepts %s', (_d, v) => {
      expect(ids(ac(cfg(v)))).not.toContain('analytics-formats');
    });

    test.each([
      ['not an ARN', 'not-an-arn-but-long-enough'],
      ['a 19-char ARN', 'arn:aws:iam::1:role'],
      ['a 2049-char ARN', APP_PREFIX + 'a'.repeat(2049 - APP_PREFIX.length)],
      ['an account that is not numeric', 'arn:aws:mobiletargeting:us-east-1:abc:apps/x'],
      ['a space', 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/x y'],
      ['an empty string', ''],
    ])('fails when it is %s', (_d, v) => {
      expect(ClientRules.check(ac(cfg(v)))).toContainEqual(expect.objectContaining({
        ruleId: 'analytics-formats', property: `AnalyticsConfiguration.${field}`, severity: Severity.ERROR,
      }));
    });

    test.each([
      ['Ref', { Ref: 'Arn' }],
      ['Fn::GetAtt', { 'Fn::GetAtt': ['Role', 'Arn'] }],
      ['Fn::Sub', { 'Fn::Sub': 'arn:${AWS::Partition}:mobiletargeting:${AWS::Region}:${AWS::AccountId}:apps/x' }],
      ['Token.asString', Token.asString({ Ref: 'Arn' })],
      ['Lazy.string', Lazy.string({ produce: () => 'nope' })],
    ])('skips an unresolved value (%s)', (_d, v) => {
      expect(ids(ac(cfg(v)))).not.toContain('analytics-formats');
    });
  });

  describe('ExternalId', () => {
    test.each([
      ['empty', ''],
      ['131072 chars', 'x'.repeat(131072)],
    ])('accepts an ExternalId that is %s', (_d, v) => {
      expect(ids(ac({ ApplicationId: APP_ID, RoleArn: ROLE_ARN, ExternalId: v }))).not.toContain('analytics-formats');
    });

    test('fails when ExternalId has 131073 chars', () => {
      expect(ClientRules.check(ac({ ApplicationId: APP_ID, RoleArn: ROLE_ARN, ExternalId: 'x'.repeat(131073) })))
        .toContainEqual(expect.objectContaining({
          ruleId: 'analytics-formats', property: 'AnalyticsConfiguration.ExternalId', severity: Severity.ERROR,
        }));
    });
  });

  test('skips an unresolved ApplicationId', () => {
    expect(ids(ac({ ApplicationId: { Ref: 'AppId' }, RoleArn: ROLE_ARN, ExternalId: EXT_ID }))).not.toContain('analytics-formats');
  });
});

describe('analytics-region (per client)', () => {
  test.each([
    ['eu-west-1_AbC123', APP_ARN],
    ['us-east-1_AbC123', 'arn:aws:mobiletargeting:eu-central-1:123456789012:apps/0123456789abcdef'],
  ])('fails (warning) when the pool %s is elsewhere than %s', (pool, arn) => {
    expect(ClientRules.check(ac({ ApplicationArn: arn }, { UserPoolId: pool }))).toContainEqual(expect.objectContaining({
      ruleId: 'analytics-region', severity: Severity.WARNING,
    }));
  });

  test('the message names both regions', () => {
    const [f] = find(ac({ ApplicationArn: APP_ARN }, { UserPoolId: 'eu-west-1_AbC123' }), 'analytics-region');
    expect(f.message).toContain('eu-west-1');
    expect(f.message).toContain('us-east-1');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['the same region', { ApplicationArn: APP_ARN }, 'us-east-1_AbC123'],
    ['ApplicationId (not region-bound here)', { ApplicationId: APP_ID, RoleArn: ROLE_ARN, ExternalId: EXT_ID }, 'eu-west-1_AbC123'],
  ])('accepts %s', (_d, cfg, pool) => {
    expect(ids(ac(cfg, { UserPoolId: pool }))).not.toContain('analytics-region');
  });

  test.each([
    ['an unresolved UserPoolId', { ApplicationArn: APP_ARN }, { Ref: 'Pool' }],
    ['a CDK token UserPoolId', { ApplicationArn: APP_ARN }, Token.asString({ Ref: 'Pool' })],
    ['an Fn::GetAtt UserPoolId', { ApplicationArn: APP_ARN }, { 'Fn::GetAtt': ['Pool', 'UserPoolId'] }],
    ['an ApplicationArn with an unresolved region', { ApplicationArn: { 'Fn::Sub': 'arn:aws:mobiletargeting:${AWS::Region}:123456789012:apps/abc' } }, 'eu-west-1_AbC123'],
    ['an unresolved ApplicationArn', { ApplicationArn: { Ref: 'AppArn' } }, 'eu-west-1_AbC123'],
    ['a CDK token ApplicationArn', { ApplicationArn: Token.asString({ Ref: 'AppArn' }) }, 'eu-west-1_AbC123'],
  ])('skips %s', (_d, cfg, pool) => {
    expect(ids(ac(cfg, { UserPoolId: pool }))).not.toContain('analytics-region');
  });
});

describe('analytics-pinpoint-eol', () => {
  test.each([
    ['a full configuration', { ApplicationArn: APP_ARN }],
    ['an empty object', {}],
    ['the id triple', { ApplicationId: APP_ID, RoleArn: ROLE_ARN, ExternalId: EXT_ID }],
  ])('fails (warning) for %s', (_d, cfg) => {
    expect(ClientRules.check(ac(cfg))).toContainEqual(expect.objectContaining({
      ruleId: 'analytics-pinpoint-eol', severity: Severity.WARNING,
    }));
  });

  test('has a fix', () => {
    const [f] = find(ac({ ApplicationArn: APP_ARN }), 'analytics-pinpoint-eol');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test('does not apply without AnalyticsConfiguration', () => {
    expect(ids(BASE)).not.toContain('analytics-pinpoint-eol');
    expect(ids(ac(NO_VALUE))).not.toContain('analytics-pinpoint-eol');
  });

  test('reports a configuration that may resolve to AWS::NoValue in the branch where it is given', () => {
    expect(find(ac(MAYBE({ ApplicationArn: APP_ARN })), 'analytics-pinpoint-eol').map((f) => f.condition)).toEqual(['when HasIt is true']);
  });
});
