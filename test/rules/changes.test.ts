import { ClientRules, Severity } from '../../src';

const CLIENT_TYPE = 'AWS::Cognito::UserPoolClient';
const CHANGE_RULES = ['generate-secret-replacement', 'user-pool-id-replacement', 'update-resets-omitted', 'update-units-removed'];

/** Drops keys set to undefined, so "absent" really is absent. */
const clean = (o: any) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** A template with two pools and one client, Client, on Pool unless props say otherwise. */
const template = (props: any, type = CLIENT_TYPE) => ({
  Resources: {
    Pool: { Type: 'AWS::Cognito::UserPool', Properties: {} },
    Other: { Type: 'AWS::Cognito::UserPool', Properties: {} },
    Client: { Type: type, Properties: clean({ UserPoolId: { Ref: 'Pool' }, ClientName: 'web-client', ...props }) },
  },
});

/** Every finding of checkTemplate(now) with `before` as the previous deployment. */
const diff = (before: any, now: any) => ClientRules.checkTemplate(template(now), { previous: template(before) });
const find = (before: any, now: any, ruleId: string) => diff(before, now).filter(f => f.ruleId === ruleId);
const changeIds = (before: any, now: any) => diff(before, now).map(f => f.ruleId).filter(id => CHANGE_RULES.includes(id));

describe('change rules need a previous deployment of the same client', () => {
  test('without previous, no change findings', () => {
    expect(ClientRules.checkTemplate(template({ GenerateSecret: true })).map(f => f.ruleId)).toEqual([]);
  });

  test('an identical previous deployment gives no findings', () => {
    const props = {
      GenerateSecret: true,
      PreventUserExistenceErrors: 'ENABLED',
      AccessTokenValidity: 12,
      TokenValidityUnits: { AccessToken: 'minutes' },
    };
    expect(diff(props, props)).toEqual([]);
  });

  test('a client new in this deployment gets no change findings', () => {
    const previous = { Resources: { Pool: { Type: 'AWS::Cognito::UserPool', Properties: {} } } };
    expect(ClientRules.checkTemplate(template({ GenerateSecret: true }), { previous })).toEqual([]);
  });

  test('a previous client under another logical id is not compared', () => {
    const previous = { Resources: { OldClient: template({ GenerateSecret: false, PreventUserExistenceErrors: 'ENABLED' }).Resources.Client } };
    expect(ClientRules.checkTemplate(template({ GenerateSecret: true }), { previous })).toEqual([]);
  });

  test('a previous resource of another Type is ignored', () => {
    const previous = template({ GenerateSecret: false, PreventUserExistenceErrors: 'ENABLED' }, 'AWS::Cognito::UserPool');
    expect(ClientRules.checkTemplate(template({ GenerateSecret: true }), { previous })).toEqual([]);
  });

  test.each([
    ['no Resources', {}],
    ['Resources null', { Resources: null }],
    ['Resources a list', { Resources: [] }],
    ['the previous client without Properties', { Resources: { Client: { Type: CLIENT_TYPE } } }],
    ['the previous client with Properties null', { Resources: { Client: { Type: CLIENT_TYPE, Properties: null } } }],
    ['the previous client null', { Resources: { Client: null } }],
  ])('a previous template with %s is ignored', (_d, previous) => {
    expect(ClientRules.checkTemplate(template({ GenerateSecret: true }), { previous })).toEqual([]);
  });

  test('a client without Properties now gets only the property-type finding', () => {
    const now = { Resources: { Client: { Type: CLIENT_TYPE } } };
    expect(ClientRules.checkTemplate(now, { previous: template({ GenerateSecret: true }) }).map(f => f.ruleId)).toEqual(['property-type']);
  });

  test('change findings name the client', () => {
    const findings = diff({ GenerateSecret: false }, { GenerateSecret: true });
    expect(findings).toEqual([expect.objectContaining({ resource: 'Client' })]);
  });
});

describe('generate-secret-replacement', () => {
  test.each([
    ['absent → true', undefined, true],
    ['false → true', false, true],
    ['true → false', true, false],
    ['"false" → true', 'false', true],
    ['true → "false"', true, 'false'],
  ])('fails when GenerateSecret changes %s', (_d, before, now) => {
    const findings = find({ GenerateSecret: before }, { GenerateSecret: now }, 'generate-secret-replacement');
    expect(findings).toEqual([expect.objectContaining({
      ruleId: 'generate-secret-replacement', resource: 'Client', property: 'GenerateSecret', severity: Severity.WARNING,
    })]);
    expect(findings[0].message).toContain(String(now));
  });

  test('fails with a message naming both values, and a fix', () => {
    const [f] = find({ GenerateSecret: false }, { GenerateSecret: true }, 'generate-secret-replacement');
    expect(f.message).toContain('false');
    expect(f.message).toContain('true');
    expect(f.fix.length).toBeGreaterThan(0);
  });

  test('fails when GenerateSecret true is removed (absent means false)', () => {
    expect(find({ GenerateSecret: true }, {}, 'generate-secret-replacement')).toHaveLength(1);
  });

  test('fails when GenerateSecret true becomes AWS::NoValue (absent)', () => {
    expect(find({ GenerateSecret: true }, { GenerateSecret: { Ref: 'AWS::NoValue' } }, 'generate-secret-replacement')).toHaveLength(1);
  });

  test.each([
    ['"true" → true', 'true', true],
    ['true → "true"', true, 'true'],
    ['true → true', true, true],
    ['false → false', false, false],
    ['absent → false', undefined, false],
    ['false → absent', false, undefined],
    ['absent → absent', undefined, undefined],
  ])('accepts %s (not a change)', (_d, before, now) => {
    expect(find({ GenerateSecret: before }, { GenerateSecret: now }, 'generate-secret-replacement')).toEqual([]);
  });

  test.each([
    ['now unresolved', false, { Ref: 'Secret' }],
    ['before unresolved', { Ref: 'Secret' }, true],
    ['now conditional with an unresolved branch', false, { 'Fn::If': ['C', { Ref: 'Other' }, false] }],
  ])('skips when GenerateSecret is %s', (_d, before, now) => {
    expect(find({ GenerateSecret: before }, { GenerateSecret: now }, 'generate-secret-replacement')).toEqual([]);
  });
});

describe('user-pool-id-replacement', () => {
  test.each([
    ['a changed Ref', { Ref: 'Pool' }, { Ref: 'Other' }, 'Other'],
    ['a changed literal', 'us-east-1_AbC123', 'us-east-1_XyZ789', 'us-east-1_XyZ789'],
    ['a Ref replaced by a literal', { Ref: 'Pool' }, 'us-east-1_XyZ789', 'us-east-1_XyZ789'],
    ['a changed Fn::ImportValue', { 'Fn::ImportValue': 'PoolId' }, { 'Fn::ImportValue': 'OtherPoolId' }, 'OtherPoolId'],
  ])('fails when UserPoolId is %s', (_d, before, now, named) => {
    const findings = find({ UserPoolId: before }, { UserPoolId: now }, 'user-pool-id-replacement');
    expect(findings).toEqual([expect.objectContaining({
      ruleId: 'user-pool-id-replacement', resource: 'Client', property: 'UserPoolId', severity: Severity.WARNING,
    })]);
    expect(findings[0].message).toContain(named);
  });

  test.each([
    ['the same Ref', { Ref: 'Pool' }, { Ref: 'Pool' }],
    ['the same literal', 'us-east-1_AbC123', 'us-east-1_AbC123'],
    ['the same Fn::ImportValue', { 'Fn::ImportValue': 'PoolId' }, { 'Fn::ImportValue': 'PoolId' }],
  ])('accepts %s', (_d, before, now) => {
    expect(find({ UserPoolId: before }, { UserPoolId: now }, 'user-pool-id-replacement')).toEqual([]);
  });

  test.each([
    ['Ref → Fn::GetAtt UserPoolId', { Ref: 'Pool' }, { 'Fn::GetAtt': ['Pool', 'UserPoolId'] }],
    ['Fn::GetAtt → Ref', { 'Fn::GetAtt': ['Pool', 'UserPoolId'] }, { Ref: 'Pool' }],
    ['Fn::GetAtt list → dotted string', { 'Fn::GetAtt': ['Pool', 'UserPoolId'] }, { 'Fn::GetAtt': 'Pool.UserPoolId' }],
  ])('accepts the same pool written differently (%s)', (_d, before, now) => {
    expect(find({ UserPoolId: before }, { UserPoolId: now }, 'user-pool-id-replacement')).toEqual([]);
  });
});

describe('update-resets-omitted', () => {
  test.each([
    ['GenerateSecret', { GenerateSecret: true }],
    ['UserPoolId', { UserPoolId: 'us-east-1_AbC123' }],
  ])('leaves %s, whose change replaces the client, to the replacement rules', (_p, before) => {
    const now = { ...before };
    delete (now as any)[_p];
    expect(find({ UserPoolId: { Ref: 'Pool' }, ...before }, { UserPoolId: { Ref: 'Pool' }, ...now }, 'update-resets-omitted')
      .filter(f => f.property === _p)).toEqual([]);
  });

  test.each([
    ['PreventUserExistenceErrors', 'ENABLED'],
    ['CallbackURLs', ['https://app.example.org/cb']],
    ['EnableTokenRevocation', false],
    ['ReadAttributes', ['email']],
    ['AuthSessionValidity', 10],
    ['RefreshTokenRotation', { Feature: 'DISABLED' }],
    ['ClientName', 'web-client'],
  ])('fails when %s is removed', (property, value) => {
    const findings = find({ [property]: value }, { [property]: undefined }, 'update-resets-omitted');
    expect(findings).toEqual([expect.objectContaining({
      ruleId: 'update-resets-omitted', resource: 'Client', property, severity: Severity.WARNING,
    })]);
    expect(findings[0].message).toContain(JSON.stringify(value));
    expect(findings[0].message).toContain('(absent)');
  });

  test('fails once for each removed property', () => {
    const findings = find({ PreventUserExistenceErrors: 'ENABLED', EnableTokenRevocation: true, LogoutURLs: ['https://app.example.org/out'] },
      { EnableTokenRevocation: true }, 'update-resets-omitted');
    expect(findings.map(f => f.property).sort()).toEqual(['LogoutURLs', 'PreventUserExistenceErrors']);
  });

  test('fails when a property becomes AWS::NoValue (absent)', () => {
    expect(find({ PreventUserExistenceErrors: 'ENABLED' }, { PreventUserExistenceErrors: { Ref: 'AWS::NoValue' } }, 'update-resets-omitted'))
      .toEqual([expect.objectContaining({ property: 'PreventUserExistenceErrors' })]);
  });

  test('accepts a property that was AWS::NoValue (absent) before and is absent now', () => {
    expect(find({ PreventUserExistenceErrors: { Ref: 'AWS::NoValue' } }, {}, 'update-resets-omitted')).toEqual([]);
  });

  test.each([
    ['unchanged', { PreventUserExistenceErrors: 'ENABLED' }, { PreventUserExistenceErrors: 'ENABLED' }],
    ['changed', { PreventUserExistenceErrors: 'ENABLED' }, { PreventUserExistenceErrors: 'LEGACY' }],
    ['added', {}, { PreventUserExistenceErrors: 'ENABLED', CallbackURLs: ['https://app.example.org/cb'] }],
    ['unresolved now', { PreventUserExistenceErrors: 'ENABLED' }, { PreventUserExistenceErrors: { Ref: 'Prevent' } }],
    ['absent before and now', {}, {}],
  ])('accepts a property %s', (_d, before, now) => {
    expect(find(before, now, 'update-resets-omitted')).toEqual([]);
  });

  test('ignores properties that are not client properties', () => {
    expect(find({ Bogus: 'x' }, {}, 'update-resets-omitted')).toEqual([]);
  });
});

describe('update-units-removed', () => {
  const MINUTES = { AccessTokenValidity: 12, TokenValidityUnits: { AccessToken: 'minutes' } };

  test.each([
    ['TokenValidityUnits is removed entirely', { AccessTokenValidity: 12 }],
    ['only the AccessToken entry is removed', { AccessTokenValidity: 12, TokenValidityUnits: { IdToken: 'hours' } }],
    ['TokenValidityUnits becomes empty', { AccessTokenValidity: 12, TokenValidityUnits: {} }],
  ])('fails when %s while AccessTokenValidity stays', (_d, now) => {
    const findings = find({ ...MINUTES, TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'hours' } }, now, 'update-units-removed');
    expect(findings).toEqual([expect.objectContaining({
      ruleId: 'update-units-removed', resource: 'Client', property: 'TokenValidityUnits.AccessToken', severity: Severity.WARNING,
    })]);
    expect(findings[0].message).toContain('minutes');
    expect(findings[0].message).toContain('12');
  });

  test('accepts removing a unit that was the default anyway (nothing is read differently)', () => {
    expect(find({ AccessTokenValidity: 2, TokenValidityUnits: { AccessToken: 'hours' } }, { AccessTokenValidity: 2 }, 'update-units-removed')).toEqual([]);
  });

  test('fails when the IdToken and RefreshToken entries are removed, one finding each', () => {
    const before = { IdTokenValidity: 30, RefreshTokenValidity: 120, TokenValidityUnits: { IdToken: 'minutes', RefreshToken: 'minutes' } };
    const findings = find(before, { IdTokenValidity: 30, RefreshTokenValidity: 120 }, 'update-units-removed');
    expect(findings.map(f => f.property)).toEqual(['TokenValidityUnits.IdToken', 'TokenValidityUnits.RefreshToken']);
  });

  test('fails when the value changes but stays set', () => {
    expect(find(MINUTES, { AccessTokenValidity: 60 }, 'update-units-removed')).toHaveLength(1);
  });

  test('fails when TokenValidityUnits is removed entirely, also as update-resets-omitted', () => {
    expect(changeIds(MINUTES, { AccessTokenValidity: 12 }).sort()).toEqual(['update-resets-omitted', 'update-units-removed']);
  });

  test.each([
    ['the value is removed too', {}],
    ['the entry is kept', MINUTES],
    ['the entry changes unit', { AccessTokenValidity: 12, TokenValidityUnits: { AccessToken: 'hours' } }],
    ['the entry becomes unresolved', { AccessTokenValidity: 12, TokenValidityUnits: { AccessToken: { Ref: 'Unit' } } }],
    ['TokenValidityUnits becomes unresolved (Ref)', { AccessTokenValidity: 12, TokenValidityUnits: { Ref: 'Units' } }],
    ['TokenValidityUnits becomes conditional (Fn::If)',
      { AccessTokenValidity: 12, TokenValidityUnits: { 'Fn::If': ['Short', { AccessToken: 'minutes' }, { Ref: 'Units' }] } }],
  ])('accepts when %s', (_d, now) => {
    expect(find(MINUTES, now, 'update-units-removed')).toEqual([]);
  });

  test('accepts a unit that was never set', () => {
    expect(find({ AccessTokenValidity: 12 }, { AccessTokenValidity: 12 }, 'update-units-removed')).toEqual([]);
  });

  test('skips when the previous TokenValidityUnits was unresolved', () => {
    expect(find({ AccessTokenValidity: 12, TokenValidityUnits: { Ref: 'Units' } }, { AccessTokenValidity: 12 }, 'update-units-removed')).toEqual([]);
  });
});
