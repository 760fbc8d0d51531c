import { CLIENT, POOL, client, find, on, pool, session, tracking, withClient } from './attachment-fixtures';
import { Severity } from '../../src';

const withTracking = (resources: any) => withClient({ Tracking: tracking(), ...resources });

describe('sso-session-range', () => {
  test.each([0, 1, 60, 129600, '480'])('accepts %j minutes', (m) => {
    expect(find(withTracking({ S: session(m) }), 'sso-session-range')).toEqual([]);
  });

  test.each([-1, 129601, 1_000_000])('fails with %j minutes, on the attachment', (m) => {
    expect(find(withTracking({ S: session(m) }), 'sso-session-range'))
      .toEqual([expect.objectContaining({ resource: 'S', property: 'SSOSession.MaxValidityMinutes', severity: Severity.ERROR })]);
  });

  test('fails when SSOSession or MaxValidityMinutes is absent (both required)', () => {
    expect(find(withTracking({ S: session(480, { SSOSession: undefined }) }), 'sso-session-range')).toEqual([expect.objectContaining({ resource: 'S', property: 'SSOSession' })]);
    expect(find(withTracking({ S: session(480, { SSOSession: {} }) }), 'sso-session-range'))
      .toEqual([expect.objectContaining({ resource: 'S', property: 'SSOSession.MaxValidityMinutes' })]);
  });

  test('a non-integer is property-type, not a range finding', () => {
    const t = withTracking({ S: session(1.5) });
    expect(find(t, 'property-type')).toEqual([expect.objectContaining({ resource: 'S', property: 'SSOSession.MaxValidityMinutes' })]);
    expect(find(t, 'sso-session-range')).toEqual([]);
    expect(find(withTracking({ S: session('8h') }), 'property-type')).toHaveLength(1);
  });

  test.each([
    ['a Ref', { Ref: 'Minutes' }],
  ])('skips %s', (_d, m) => {
    expect(find(withTracking({ S: session(m) }), 'sso-session-range')).toEqual([]);
  });

  test('checks an Fn::If branch by branch, naming the branch out of range', () => {
    expect(find(withTracking({ S: session({ 'Fn::If': ['Prod', 60, 200000] }) }), 'sso-session-range').map((f) => f.condition)).toEqual(['when Prod is false']);
  });

  test('skips an unresolved SSOSession', () => {
    expect(find(withTracking({ S: session(480, { SSOSession: { Ref: 'Session' } }) }), 'sso-session-range')).toEqual([]);
  });
});

describe('sso-session-tier', () => {
  test.each([['ESSENTIALS'], ['PLUS'], [undefined]])('accepts a pool on %s', (tier) => {
    const t = { Resources: { Pool: pool(tier ? { UserPoolTier: tier } : {}), Client: client(), Tracking: tracking(), S: session() } };
    expect(find(t, 'sso-session-tier')).toEqual([]);
  });

  test.each([
    ['Ref', POOL],
    ['Fn::GetAtt', { 'Fn::GetAtt': ['Pool', 'UserPoolId'] }],
  ])('fails on a LITE pool (by %s), on the attachment', (_d, poolId) => {
    const t = { Resources: { Pool: pool({ UserPoolTier: 'LITE' }), Client: client(), Tracking: tracking(), S: session(480, { UserPoolId: poolId }) } };
    expect(find(t, 'sso-session-tier')).toEqual([expect.objectContaining({ resource: 'S', property: 'UserPoolId', severity: Severity.ERROR })]);
  });

  test.each([
    ['an unresolved tier', { UserPoolTier: { Ref: 'Tier' } }, POOL],
    ['a pool outside the template', { UserPoolTier: 'LITE' }, 'us-east-1_AbC123'],
  ])('skips %s', (_d, props, poolId) => {
    const t = { Resources: { Pool: pool(props), Client: client(), S: session(480, { UserPoolId: poolId }, {}) } };
    expect(find(t, 'sso-session-tier')).toEqual([]);
  });
});

describe('sso-session-tracking', () => {
  test.each([
    ['DependsOn the tracking attachment', session()],
    ['DependsOn it in a list', session(480, {}, { DependsOn: ['Client', 'Tracking'] })],
    ['created after it through another resource', session(480, {}, { DependsOn: 'Middle' })],
  ])('accepts an attachment %s', (_d, s) => {
    const middle = { Type: 'AWS::SSM::Parameter', DependsOn: 'Tracking', Properties: { Type: 'String', Value: 'x' } };
    expect(find(withClient({ Tracking: tracking(), Middle: middle, S: s }), 'sso-session-tracking')).toEqual([]);
  });

  test('warns when no attachment of the template turns tracking on', () => {
    const f = find(withClient({ S: session(480, {}, {}) }), 'sso-session-tracking');
    expect(f).toEqual([expect.objectContaining({ resource: 'S', severity: Severity.WARNING, property: 'UserPoolId' })]);
    expect(f[0].message).toContain('UserSessionTracking: ENABLED');
  });

  test.each([
    ['DISABLED', tracking({ UserSessionTracking: 'DISABLED' })],
    ['ENABLED on another pool', tracking({ UserPoolId: { Ref: 'Other' } })],
  ])('warns when tracking is %s', (_d, t) => {
    expect(on(withClient({ Other: pool(), Tracking: t, S: session() }), 'sso-session-tracking')).toEqual(['S']);
  });

  test('warns when the attachment is not created after the one that turns tracking on', () => {
    const f = find(withClient({ Tracking: tracking(), S: session(480, {}, {}) }), 'sso-session-tracking');
    expect(f).toEqual([expect.objectContaining({ resource: 'S', fix: 'Add DependsOn: Tracking to S.' })]);
  });

  test.each([
    ['a pool outside the template', { S: session(480, { UserPoolId: 'us-east-1_AbC123' }, {}) }],
    ['an unresolved UserSessionTracking', { Tracking: tracking({ UserSessionTracking: { Ref: 'Tracking' } }), S: session(480, {}, {}) }],
    ['a tracking attachment on an unresolved pool', { Tracking: tracking({ UserPoolId: { 'Fn::ImportValue': 'PoolId' } }), S: session(480, {}, {}) }],
    ['a nested stack whose template is not given', { N: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'https://x' } }, S: session(480, {}, {}) }],
  ])('skips %s', (_d, resources) => {
    expect(find(withClient(resources), 'sso-session-tracking')).toEqual([]);
  });

  test('a tracking attachment in a given nested template counts, ordered through the nested stack', () => {
    const nested = (extra: any) => ({ Type: 'AWS::CloudFormation::Stack', ...extra, Properties: { TemplateURL: 'https://x', Parameters: { PoolId: POOL } } });
    const inner = { Resources: { Tracking: tracking({ UserPoolId: { Ref: 'PoolId' } }) } };
    const opts = { nestedTemplates: { Sessions: inner } };
    expect(find(withClient({ Sessions: nested({}), S: session(480, {}, { DependsOn: 'Sessions' }) }), 'sso-session-tracking', opts)).toEqual([]);
    expect(find(withClient({ Sessions: nested({}), S: session(480, {}, {}) }), 'sso-session-tracking', opts))
      .toEqual([expect.objectContaining({ resource: 'S', fix: 'Add DependsOn: Sessions to S.' })]);
  });
});

describe('sso-session-one-per-client', () => {
  test('accepts one attachment per client', () => {
    const resources = { Tracking: tracking(), A: session(), Other: client(), B: session(60, { ClientId: { Ref: 'Other' } }) };
    expect(find(withClient(resources), 'sso-session-one-per-client')).toEqual([]);
  });

  test('warns on each of two attachments for one client', () => {
    const f = find(withTracking({ A: session(), B: session(0, { ClientId: { 'Fn::GetAtt': ['Client', 'ClientId'] } }) }), 'sso-session-one-per-client');
    expect(f.map((x) => x.resource)).toEqual(['A', 'B']);
    expect(f[0]).toEqual(expect.objectContaining({ severity: Severity.WARNING, property: 'ClientId' }));
  });

  test('skips attachments whose client is unresolved; an Fn::If is checked branch by branch', () => {
    expect(find(withTracking({ A: session(), B: session(0, { ClientId: { Ref: 'Id' } }) }), 'sso-session-one-per-client')).toEqual([]);
    const f = find(withTracking({ A: session(), B: session(0, { ClientId: { 'Fn::If': ['C', CLIENT, 'x'] } }) }), 'sso-session-one-per-client');
    expect(f.map((x) => [x.resource, x.condition])).toEqual([['A', 'when C is true'], ['B', 'when C is true']]);
  });
});
