import { CLIENT, POOL, client, find, hosted, on, pool, session, style, terms, tracking, withClient } from './attachment-fixtures';
import { ClientRules, Severity } from '../../src';

describe('attachment-client-id', () => {
  test.each([
    ['a style by Ref', style()],
    ['a style by a literal id', style({ ClientId: '1example23456789' })],
    ['terms by Fn::GetAtt', terms('terms-of-use', undefined, { ClientId: { 'Fn::GetAtt': ['Client', 'ClientId'] } })],
  ])('accepts %s', (_d, r) => {
    expect(find(withClient({ A: r }), 'attachment-client-id')).toEqual([]);
  });

  test('a ClientId in an Fn::If is checked branch by branch: the branch without it is reported', () => {
    const f = find(withClient({ A: style({ ClientId: { 'Fn::If': ['C', CLIENT, { Ref: 'AWS::NoValue' }] } }) }), 'attachment-client-id');
    expect(f.map((x) => [x.resource, x.condition])).toEqual([['A', 'when C is false']]);
  });

  test.each([
    ['a style', style({ ClientId: undefined })],
    ['terms', terms('terms-of-use', undefined, { ClientId: undefined })],
    ['a style with ClientId AWS::NoValue', style({ ClientId: { Ref: 'AWS::NoValue' } })],
  ])('fails for %s without ClientId, on it', (_d, r) => {
    expect(find(withClient({ A: r }), 'attachment-client-id')).toEqual([expect.objectContaining({ resource: 'A', property: 'ClientId', severity: Severity.ERROR })]);
  });

  test('a client session attachment without ClientId is not this rule (CloudFormation requires it there)', () => {
    expect(find(withClient({ Tracking: tracking(), S: session(480, { ClientId: undefined }) }), 'attachment-client-id')).toEqual([]);
  });
});

describe('attachment-pool-mismatch', () => {
  const two = (r: any) => ({ Resources: { Pool: pool(), Other: pool(), Client: client(), A: r } });

  test.each([
    ['Ref and Ref', style()],
    ['Fn::GetAtt against Ref', style({ UserPoolId: { 'Fn::GetAtt': ['Pool', 'UserPoolId'] } })],
    ['a literal pool id (not decided against a pool of the template)', style({ UserPoolId: 'us-east-1_AbC123' })],
    ['an unresolved pool id', style({ UserPoolId: { 'Fn::ImportValue': 'PoolId' } })],
    ['a client outside the template', style({ ClientId: 'abc', UserPoolId: { Ref: 'Other' } })],
  ])('accepts %s', (_d, r) => {
    expect(find(two(r), 'attachment-pool-mismatch')).toEqual([]);
  });

  test.each([
    ['a style', style({ UserPoolId: { Ref: 'Other' } })],
    ['terms', terms('terms-of-use', undefined, { UserPoolId: { 'Fn::GetAtt': ['Other', 'UserPoolId'] } })],
    ['a client session attachment', session(60, { UserPoolId: { Ref: 'Other' } }, {})],
  ])('fails for %s on another pool than its client\'s, on it', (_d, r) => {
    const f = find(two(r), 'attachment-pool-mismatch');
    expect(f).toEqual([expect.objectContaining({ resource: 'A', property: 'UserPoolId', severity: Severity.ERROR })]);
    expect(f[0].message).toContain('its client Client is on user pool Pool');
  });

  test('fails for two different literal pool ids', () => {
    const t = { Resources: { Client: client({ UserPoolId: 'us-east-1_One' }), A: style({ UserPoolId: 'us-east-1_Two' }) } };
    expect(on(t, 'attachment-pool-mismatch')).toEqual(['A']);
  });
});

describe('attached resources in the engine', () => {
  test('findings are reported on the attached resource, after the clients\' own', () => {
    const findings = ClientRules.checkTemplate(withClient({ Style: style({ UseCognitoProvidedValues: true, Settings: { a: 1 } }) }, client({ ClientName: 'Café' })));
    expect(findings.map((f) => [f.resource, f.ruleId])).toEqual([['Client', 'client-name-pattern'], ['Style', 'branding-provided-values-exclusive']]);
  });

  test('ClientRules.rules() lists every attachment rule with a page', () => {
    const ids = ClientRules.rules().map((r) => r.id);
    for (const id of ['branding-missing', 'terms-links', 'sso-session-tracking']) expect(ids).toContain(id);
  });

  test('a template without attached resources is not looked at further', () => {
    expect(ClientRules.checkTemplate(withClient({}, hosted()))).toEqual([]);
  });

  test.each([
    ['a string', 'x', 'Properties'],
    ['a list', [], 'Properties'],
  ])('Properties that are %s are property-type on the attached resource', (_d, p, property) => {
    const t = withClient({ A: { Type: 'AWS::Cognito::Terms', Properties: p } });
    expect(find(t, 'property-type')).toEqual([expect.objectContaining({ resource: 'A', property })]);
  });

  test('absent Properties: every required property is reported by the rule that constrains it', () => {
    const ids = ClientRules.checkTemplate(withClient({ A: { Type: 'AWS::Cognito::Terms' } })).filter((f) => f.resource === 'A').map((f) => f.ruleId);
    expect(ids).toEqual(['attachment-client-id', 'terms-name', 'terms-source-enforcement', 'terms-source-enforcement', 'terms-links']);
  });

  test('Properties written as a whole Fn::If are checked branch by branch; written by a macro, they are skipped', () => {
    const branches = { 'Fn::If': ['C', { UserPoolId: POOL, ClientId: CLIENT, TermsName: 'bad', TermsSource: 'LINK', Enforcement: 'NONE', Links: { 'cognito:default': 'https://a.example.org/t' } }, { Ref: 'AWS::NoValue' }] };
    const found = ClientRules.checkTemplate(withClient({ A: { Type: 'AWS::Cognito::Terms', Properties: branches } })).filter((f) => f.resource === 'A');
    expect(found.filter((f) => f.condition !== 'when C is false').map((f) => [f.ruleId, f.condition])).toEqual([['terms-name', 'when C is true']]);
    // the other branch has no properties at all: each required one is reported
    expect(found.filter((f) => f.condition === 'when C is false').map((f) => f.property)).toEqual(expect.arrayContaining(['ClientId', 'TermsName', 'Links']));
    const macro = { 'Fn::Transform': { Name: 'X' }, 'TermsName': 'bad' };
    expect(ClientRules.checkTemplate(withClient({ A: { Type: 'AWS::Cognito::Terms', Properties: macro } })).filter((f) => f.resource === 'A')).toEqual([]);
  });

  test('a throwing getter in an attached resource is a property-type finding on it, never a crash', () => {
    // (a throwing Properties itself is an InvalidTemplateError, as for every resource: the template cannot be read)
    const hostile = { Type: 'AWS::Cognito::Terms', Properties: { UserPoolId: POOL, get TermsName(): any { throw new Error('boom'); } } };
    const findings = ClientRules.checkTemplate({ Resources: { Pool: pool(), Client: client(), A: hostile } });
    expect(findings).toEqual([expect.objectContaining({ resource: 'A', ruleId: 'property-type', property: 'Properties' })]);
    expect(findings[0].message).toContain('boom');
  });

  test('messages are bounded, however large the values', () => {
    const f = find(withClient({ A: terms('terms-of-use', { ['cognito:' + 'x'.repeat(5000)]: 'https://x' }) }), 'terms-links');
    expect(f[0].message.length).toBeLessThan(1500);
  });
});
