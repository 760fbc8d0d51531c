import { Lazy, Token } from 'aws-cdk-lib';
import { ClientRules, Severity } from '../../src';

const BASE = { UserPoolId: 'us-east-1_AbCdEf123', ClientName: 'web-client' };
const ids = (p: any) => ClientRules.check(p).map(f => f.ruleId);
const find = (p: any, ruleId: string) => ClientRules.check(p).filter(f => f.ruleId === ruleId);
const flows = (f: any, extra: any = {}) => ({ ...BASE, ...extra, ExplicitAuthFlows: f });

const LEGACY = ['ADMIN_NO_SRP_AUTH', 'CUSTOM_AUTH_FLOW_ONLY', 'USER_PASSWORD_AUTH'];
const ALLOW = [
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_CUSTOM_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_USER_AUTH',
];

describe('clean clients', () => {
  test('SRP plus refresh is clean', () => {
    expect(ClientRules.check(flows(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']))).toEqual([]);
  });

  test('every ALLOW_ value together is clean', () => {
    expect(ClientRules.check(flows(ALLOW))).toEqual([]);
  });
});

describe('auth-flows-enum', () => {
  test.each([...LEGACY, ...ALLOW])('accepts %s', (v) => {
    expect(ids(flows([v, ...(v.startsWith('ALLOW_') ? ['ALLOW_REFRESH_TOKEN_AUTH'] : [])])))
      .not.toContain('auth-flows-enum');
  });

  test.each([
    'ALLOW_USER_SRP',
    'allow_user_srp_auth',
    'USER_SRP_AUTH',
    'ALLOW_USER_PASSWORD_AUTH ',
    '',
    'ALLOW_FOO',
    'REFRESH_TOKEN_AUTH',
    'CUSTOM_AUTH',
  ])('fails when a flow is %j', (v) => {
    expect(ClientRules.check(flows(['ALLOW_REFRESH_TOKEN_AUTH', v]))).toContainEqual(expect.objectContaining({
      ruleId: 'auth-flows-enum', property: 'ExplicitAuthFlows[1]', severity: Severity.ERROR,
    }));
  });

  test('reports each invalid entry at its index', () => {
    const props = find(flows(['BAD_ONE', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'BAD_TWO']), 'auth-flows-enum')
      .map(f => f.property);
    expect(props).toEqual(expect.arrayContaining(['ExplicitAuthFlows[0]', 'ExplicitAuthFlows[3]']));
    expect(props).not.toContain('ExplicitAuthFlows[1]');
  });

  test('the message quotes the value and the fix is non-empty', () => {
    const [f] = find(flows(['ALLOW_USER_SRP']), 'auth-flows-enum');
    expect(f.message).toContain('ALLOW_USER_SRP');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['a Ref entry', ['ALLOW_REFRESH_TOKEN_AUTH', { Ref: 'Flow' }]],
    ['an Fn::If entry with an unresolved branch', ['ALLOW_REFRESH_TOKEN_AUTH', { 'Fn::If': ['C', { Ref: 'Other' }, 'ALLOW_USER_SRP_AUTH'] }]],
    ['a CDK token entry', ['ALLOW_REFRESH_TOKEN_AUTH', Token.asString({ Ref: 'Flow' })]],
    ['a lazy entry', ['ALLOW_REFRESH_TOKEN_AUTH', Lazy.string({ produce: () => 'BOGUS' })]],
    ['a Ref list', { Ref: 'Flows' }],
    ['a CDK list token', Token.asList({ Ref: 'Flows' })],
  ])('skips %s', (_d, f) => {
    expect(ids(flows(f))).not.toContain('auth-flows-enum');
  });
});

describe('auth-flows-legacy-mix', () => {
  test.each([
    [['USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH']],
    [['ADMIN_NO_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']],
    [['ALLOW_CUSTOM_AUTH', 'CUSTOM_AUTH_FLOW_ONLY']],
    [['USER_PASSWORD_AUTH', 'ALLOW_FOO']],
  ])('fails when legacy and ALLOW_ values are mixed: %j', (f) => {
    expect(ClientRules.check(flows(f))).toContainEqual(expect.objectContaining({
      ruleId: 'auth-flows-legacy-mix', severity: Severity.ERROR,
    }));
  });

  test('has a fix', () => {
    const [f] = find(flows(['USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH']), 'auth-flows-legacy-mix');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    [['ADMIN_NO_SRP_AUTH', 'CUSTOM_AUTH_FLOW_ONLY', 'USER_PASSWORD_AUTH']],
    [['USER_PASSWORD_AUTH']],
    [['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']],
    [[]],
  ])('accepts %j', (f) => {
    expect(ids(flows(f))).not.toContain('auth-flows-legacy-mix');
  });

  test('skips when an unresolved entry could be legacy', () => {
    expect(ids(flows(['USER_PASSWORD_AUTH', { Ref: 'Flow' }]))).not.toContain('auth-flows-legacy-mix');
    expect(ids(flows(['ALLOW_USER_SRP_AUTH', Token.asString({ Ref: 'Flow' })]))).not.toContain('auth-flows-legacy-mix');
  });

  test('fails when the literal entries already mix, whatever the unresolved entry is', () => {
    expect(ids(flows(['USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', { Ref: 'Flow' }]))).toContain('auth-flows-legacy-mix');
  });

  test('skips an unresolved list', () => {
    expect(ids(flows({ Ref: 'Flows' }))).not.toContain('auth-flows-legacy-mix');
    expect(ids(flows(Token.asList({ Ref: 'Flows' })))).not.toContain('auth-flows-legacy-mix');
  });
});

describe('auth-flows-refresh-required', () => {
  test.each([
    ['SRP only', ['ALLOW_USER_SRP_AUTH'], {}],
    ['USER_AUTH only', ['ALLOW_USER_AUTH'], {}],
    ['SRP with rotation disabled', ['ALLOW_USER_SRP_AUTH'], { RefreshTokenRotation: { Feature: 'DISABLED' } }],
    ['SRP with rotation AWS::NoValue', ['ALLOW_USER_SRP_AUTH'], { RefreshTokenRotation: { Ref: 'AWS::NoValue' } }],
    ['SRP and custom auth', ['ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH'], {}],
  ])('fails (warning) for %s', (_d, f, extra) => {
    expect(ClientRules.check(flows(f, extra))).toContainEqual(expect.objectContaining({
      ruleId: 'auth-flows-refresh-required', severity: Severity.WARNING,
    }));
  });

  test('has a fix', () => {
    const [f] = find(flows(['ALLOW_USER_SRP_AUTH']), 'auth-flows-refresh-required');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test('the message says what the client loses and cites the 2020 rejections, without claiming that Cognito rejects the list', () => {
    const [f] = find(flows(['ALLOW_USER_SRP_AUTH']), 'auth-flows-refresh-required');
    expect(f.message).toContain('cannot refresh tokens');
    expect(f.message).toContain('in 2020');
    expect(f.message).toContain('aws/aws-cdk#7625');
    expect(f.message).not.toMatch(/Cognito (rejects|has rejected|answers)/);
  });

  test.each([
    ['SRP with refresh', ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'], {}],
    ['refresh only', ['ALLOW_REFRESH_TOKEN_AUTH'], {}],
    ['SRP with rotation enabled', ['ALLOW_USER_SRP_AUTH'], { RefreshTokenRotation: { Feature: 'ENABLED' } }],
    ['legacy values only', ['USER_PASSWORD_AUTH'], {}],
    ['an empty list', [], {}],
  ])('accepts %s', (_d, f, extra) => {
    expect(ids(flows(f, extra))).not.toContain('auth-flows-refresh-required');
  });

  test('does not apply when ExplicitAuthFlows is absent', () => {
    expect(ids(BASE)).not.toContain('auth-flows-refresh-required');
  });

  test.each([
    ['an unresolved entry', ['ALLOW_USER_SRP_AUTH', { Ref: 'Flow' }], {}],
    ['a CDK token entry', ['ALLOW_USER_SRP_AUTH', Token.asString({ Ref: 'Flow' })], {}],
    ['an unresolved Feature', ['ALLOW_USER_SRP_AUTH'], { RefreshTokenRotation: { Feature: { Ref: 'F' } } }],
    ['an unresolved RefreshTokenRotation', ['ALLOW_USER_SRP_AUTH'], { RefreshTokenRotation: { Ref: 'R' } }],
    ['an unresolved list', { Ref: 'Flows' }, {}],
  ])('skips %s', (_d, f, extra) => {
    expect(ids(flows(f, extra))).not.toContain('auth-flows-refresh-required');
  });
});

describe('auth-flows-rotation-no-refresh-auth', () => {
  const enabled = { RefreshTokenRotation: { Feature: 'ENABLED' } };

  test.each([
    [['ALLOW_REFRESH_TOKEN_AUTH']],
    [['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']],
    [['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', { Ref: 'Other' }]],
  ])('fails when rotation is ENABLED and the flows are %j', (f) => {
    expect(ClientRules.check(flows(f, enabled))).toContainEqual(expect.objectContaining({
      ruleId: 'auth-flows-rotation-no-refresh-auth', severity: Severity.ERROR,
    }));
  });

  test('has a fix', () => {
    const [f] = find(flows(['ALLOW_REFRESH_TOKEN_AUTH'], enabled), 'auth-flows-rotation-no-refresh-auth');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['ENABLED without the refresh flow', ['ALLOW_USER_SRP_AUTH'], enabled],
    ['DISABLED with the refresh flow', ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'], { RefreshTokenRotation: { Feature: 'DISABLED' } }],
    ['no rotation with the refresh flow', ['ALLOW_REFRESH_TOKEN_AUTH'], {}],
  ])('accepts %s', (_d, f, extra) => {
    expect(ids(flows(f, extra))).not.toContain('auth-flows-rotation-no-refresh-auth');
  });

  test.each([
    ['an unresolved Feature', ['ALLOW_REFRESH_TOKEN_AUTH'], { RefreshTokenRotation: { Feature: { Ref: 'F' } } }],
    ['a CDK token Feature', ['ALLOW_REFRESH_TOKEN_AUTH'], { RefreshTokenRotation: { Feature: Token.asString({ Ref: 'F' }) } }],
    ['an unresolved entry', ['ALLOW_USER_SRP_AUTH', { Ref: 'Flow' }], enabled],
    ['an unresolved list', { Ref: 'Flows' }, enabled],
    ['a CDK list token', Token.asList({ Ref: 'Flows' }), enabled],
  ])('skips %s', (_d, f, extra) => {
    expect(ids(flows(f, extra))).not.toContain('auth-flows-rotation-no-refresh-auth');
  });
});

describe('auth-flows-rotation-defaults', () => {
  test('fails (warning) when rotation is ENABLED and ExplicitAuthFlows is absent', () => {
    expect(ClientRules.check({ ...BASE, RefreshTokenRotation: { Feature: 'ENABLED' } })).toContainEqual(
      expect.objectContaining({ ruleId: 'auth-flows-rotation-defaults', severity: Severity.WARNING }));
  });

  test('fails when ExplicitAuthFlows is AWS::NoValue', () => {
    expect(ids(flows({ Ref: 'AWS::NoValue' }, { RefreshTokenRotation: { Feature: 'ENABLED' } })))
      .toContain('auth-flows-rotation-defaults');
  });

  test('has a fix', () => {
    const [f] = find({ ...BASE, RefreshTokenRotation: { Feature: 'ENABLED' } }, 'auth-flows-rotation-defaults');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['explicit flows', { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'], RefreshTokenRotation: { Feature: 'ENABLED' } }],
    ['rotation disabled', { RefreshTokenRotation: { Feature: 'DISABLED' } }],
    ['no rotation', {}],
  ])('accepts %s', (_d, extra) => {
    expect(ids({ ...BASE, ...extra })).not.toContain('auth-flows-rotation-defaults');
  });

  test.each([
    ['an unresolved list', { ExplicitAuthFlows: { Ref: 'Flows' }, RefreshTokenRotation: { Feature: 'ENABLED' } }],
    ['a CDK list token', { ExplicitAuthFlows: Token.asList({ Ref: 'Flows' }), RefreshTokenRotation: { Feature: 'ENABLED' } }],
    ['an unresolved Feature', { RefreshTokenRotation: { Feature: { Ref: 'F' } } }],
  ])('skips %s', (_d, extra) => {
    expect(ids({ ...BASE, ...extra })).not.toContain('auth-flows-rotation-defaults');
  });
});

describe('auth-flows-legacy-deprecated', () => {
  test.each(LEGACY)('fails (warning) for %s', (v) => {
    expect(ClientRules.check(flows([v]))).toContainEqual(expect.objectContaining({
      ruleId: 'auth-flows-legacy-deprecated',
      property: expect.stringMatching(/^ExplicitAuthFlows/),
      severity: Severity.WARNING,
    }));
  });

  test('the message names the legacy value', () => {
    const [f] = find(flows(['ADMIN_NO_SRP_AUTH']), 'auth-flows-legacy-deprecated');
    expect(f.message).toContain('ADMIN_NO_SRP_AUTH');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test.each([
    ['ALLOW_ replacements only', ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']],
    ['a lowercase spelling (not a legacy value)', ['user_password_auth']],
    ['an unresolved entry', [{ Ref: 'Flow' }]],
    ['a CDK token entry', [Token.asString({ Ref: 'Flow' })]],
    ['an unresolved list', { Ref: 'Flows' }],
  ])('accepts %s', (_d, f) => {
    expect(ids(flows(f))).not.toContain('auth-flows-legacy-deprecated');
  });
});
