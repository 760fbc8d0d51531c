import { CLIENT, POOL, client, domain, find, hosted, on, pool, style, withClient } from './attachment-fixtures';
import { Severity } from '../../src';

const asset = (a: any = {}) => ({ Category: 'PAGE_HEADER_LOGO', ColorMode: 'LIGHT', Extension: 'PNG', Bytes: 'iVBORw0KGgo=', ...a });
const custom = (props: any = {}) => style({ UseCognitoProvidedValues: false, ...props });

describe('branding-provided-values-exclusive', () => {
  test.each([
    ['provided values alone', style()],
    ['an empty Settings and an empty Assets list', style({ Settings: {}, Assets: [] })],
    ['its own Settings and Assets', custom({ Settings: { categories: {} }, Assets: [asset()] })],
    ['"false" with Settings', style({ UseCognitoProvidedValues: 'false', Settings: { categories: {} } })],
  ])('accepts %s', (_d, s) => {
    expect(find(withClient({ Style: s }), 'branding-provided-values-exclusive')).toEqual([]);
  });

  test.each([
    ['Settings', { Settings: { categories: { global: {} } } }, 'Settings'],
    ['Assets', { Assets: [asset()] }, 'Assets'],
    ['both', { Settings: { a: 1 }, Assets: [asset()] }, 'Settings and Assets'],
    ['"true" (a string) and Settings', { UseCognitoProvidedValues: 'true', Settings: { a: 1 } }, 'Settings'],
  ])('fails with provided values and %s, on the style', (_d, props, what) => {
    const f = find(withClient({ Style: style(props) }), 'branding-provided-values-exclusive');
    expect(f).toEqual([expect.objectContaining({ resource: 'Style', property: 'UseCognitoProvidedValues', severity: Severity.ERROR })]);
    expect(f[0].message).toContain(`also has ${what}`);
  });

  test.each([
    ['an unresolved UseCognitoProvidedValues', { UseCognitoProvidedValues: { Ref: 'UseDefault' }, Settings: { a: 1 } }],
    ['unresolved Settings', { Settings: { Ref: 'Settings' } }],
  ])('skips %s', (_d, props) => {
    expect(find(withClient({ Style: style(props) }), 'branding-provided-values-exclusive')).toEqual([]);
  });

  test.each([
    ['Assets whose only item may vanish', { Assets: [{ 'Fn::If': ['WithLogo', asset(), { Ref: 'AWS::NoValue' }] }] }],
    ['Assets in an Fn::If', { Assets: { 'Fn::If': ['WithLogo', [asset()], []] } }],
  ])('reports %s for the branch that has them only', (_d, props) => {
    expect(find(withClient({ Style: style(props) }), 'branding-provided-values-exclusive').map((f) => f.condition)).toEqual(['when WithLogo is true']);
  });
});

describe('branding-assets', () => {
  const assets = (...items: any[]) => withClient({ Style: custom({ Assets: items }) });

  test('accepts every category, color mode and extension of the catalog', () => {
    const categories = ['FAVICON_ICO', 'FAVICON_SVG', 'EMAIL_GRAPHIC', 'SMS_GRAPHIC', 'AUTH_APP_GRAPHIC', 'PASSWORD_GRAPHIC', 'PASSKEY_GRAPHIC',
      'PAGE_HEADER_LOGO', 'PAGE_HEADER_BACKGROUND', 'PAGE_FOOTER_LOGO', 'PAGE_FOOTER_BACKGROUND', 'PAGE_BACKGROUND', 'FORM_BACKGROUND', 'FORM_LOGO', 'IDP_BUTTON_ICON'];
    const items = categories.map((Category, i) => asset({ Category, ColorMode: ['LIGHT', 'DARK', 'DYNAMIC'][i % 3], Extension: ['ICO', 'JPEG', 'PNG', 'SVG', 'WEBP'][i % 5] }));
    expect(find(assets(...items), 'branding-assets')).toEqual([]);
  });

  test.each([
    ['40 assets (the most)', Array.from({ length: 40 }, () => asset())],
    ['Bytes of 1,000,000 characters (the most)', [asset({ Bytes: 'A'.repeat(1_000_000) })]],
    ['a ResourceId of 40 characters of letters, digits, _, - and spaces', [asset({ ResourceId: 'logo_1 - dark'.padEnd(40, 'x') })]],
    ['a ResourceId of 1 character', [asset({ ResourceId: 'a' })]],
    ['no Bytes and no ResourceId', [{ Category: 'FORM_LOGO', ColorMode: 'DARK', Extension: 'SVG' }]],
  ])('accepts %s', (_d, items) => {
    expect(find(assets(...items), 'branding-assets')).toEqual([]);
  });

  test('fails with 41 assets', () => {
    expect(find(assets(...Array.from({ length: 41 }, () => asset())), 'branding-assets')).toEqual([
      expect.objectContaining({ resource: 'Style', property: 'Assets', severity: Severity.ERROR }),
    ]);
  });

  test.each([
    ['an unknown Category', { Category: 'LOGO' }, 'Assets[0].Category'],
    ['ColorMode BROWSER_ADAPTIVE (a known mistake)', { ColorMode: 'BROWSER_ADAPTIVE' }, 'Assets[0].ColorMode'],
    ['a lower-case ColorMode', { ColorMode: 'dark' }, 'Assets[0].ColorMode'],
    ['Extension JPG', { Extension: 'JPG' }, 'Assets[0].Extension'],
    ['Extension GIF', { Extension: 'GIF' }, 'Assets[0].Extension'],
    ['Bytes of 1,000,001 characters', { Bytes: 'A'.repeat(1_000_001) }, 'Assets[0].Bytes'],
    ['a ResourceId of 41 characters', { ResourceId: 'x'.repeat(41) }, 'Assets[0].ResourceId'],
    ['an empty ResourceId', { ResourceId: '' }, 'Assets[0].ResourceId'],
    ['a ResourceId with a slash', { ResourceId: 'logo/dark' }, 'Assets[0].ResourceId'],
    ['a ResourceId with a non-ASCII letter', { ResourceId: 'café' }, 'Assets[0].ResourceId'],
    ['no Category', { Category: undefined }, 'Assets[0].Category'],
    ['no ColorMode', { ColorMode: undefined }, 'Assets[0].ColorMode'],
    ['no Extension', { Extension: undefined }, 'Assets[0].Extension'],
  ])('fails with %s', (_d, a, property) => {
    const item = Object.fromEntries(Object.entries(asset(a)).filter(([, v]) => v !== undefined));
    expect(find(assets(item), 'branding-assets')).toEqual([expect.objectContaining({ resource: 'Style', property })]);
  });

  test('the message names the right color mode for BROWSER_ADAPTIVE', () => {
    expect(find(assets(asset({ ColorMode: 'BROWSER_ADAPTIVE' })), 'branding-assets')[0].message).toContain('browser-adaptive images are DYNAMIC');
  });

  test.each([
    ['an unresolved Category', { Category: { Ref: 'Category' } }],
    ['an Fn::If ColorMode', { ColorMode: { 'Fn::If': ['Dark', 'DARK', 'LIGHT'] } }],
    ['Bytes from a parameter', { Bytes: { Ref: 'LogoBytes' } }],
    ['a ResourceId from Fn::Sub', { ResourceId: { 'Fn::Sub': '${AWS::StackName}-logo/' } }],
  ])('skips %s', (_d, a) => {
    expect(find(assets(asset(a)), 'branding-assets')).toEqual([]);
  });

  test('skips unresolved Assets and an unresolved item; counts the items of each branch', () => {
    expect(find(withClient({ Style: custom({ Assets: { Ref: 'Assets' } }) }), 'branding-assets')).toEqual([]);
    // an Fn::If is checked branch by branch
    expect(find(assets({ 'Fn::If': ['C', asset({ Category: 'X' }), asset()] }), 'branding-assets').map((f) => f.condition)).toEqual(['when C is true']);
    const maybe = { 'Fn::If': ['C', asset(), { Ref: 'AWS::NoValue' }] };
    expect(find(assets(...Array.from({ length: 40 }, () => asset()), maybe), 'branding-assets').map((f) => f.condition)).toEqual(['when C is true']);
  });

  test('an asset that is not an object is property-type, on the style', () => {
    expect(find(assets('logo.png'), 'property-type')).toEqual([expect.objectContaining({ resource: 'Style', property: 'Assets[0]' })]);
    expect(find(withClient({ Style: custom({ Assets: 'logo.png' }) }), 'property-type')).toEqual([expect.objectContaining({ resource: 'Style', property: 'Assets' })]);
  });
});

describe('branding-one-per-client', () => {
  test.each([
    ['one style', { Style: style() }],
    ['two styles for two clients', { Style: style(), Other: client(), OtherStyle: style({ ClientId: { Ref: 'Other' } }) }],
    ['a style by Ref and one by a literal id', { Style: style(), Literal: style({ ClientId: 'abc123' }) }],
    ['two styles with unresolved client ids', { A: style({ ClientId: { Ref: 'Id' } }), B: style() }],
  ])('accepts %s', (_d, resources) => {
    expect(find(withClient(resources), 'branding-one-per-client')).toEqual([]);
  });

  test('a ClientId in an Fn::If: the branch naming the same client is reported, on each', () => {
    const f = find(withClient({ A: style({ ClientId: { 'Fn::If': ['C', CLIENT, 'x'] } }), B: style() }), 'branding-one-per-client');
    expect(f.map((x) => [x.resource, x.condition])).toEqual([['A', 'when C is true'], ['B', 'when C is true']]);
  });

  test.each([
    ['Ref and Ref', CLIENT, CLIENT],
    ['Ref and Fn::GetAtt ClientId', CLIENT, { 'Fn::GetAtt': ['Client', 'ClientId'] }],
    ['Ref and dotted Fn::GetAtt', CLIENT, { 'Fn::GetAtt': 'Client.ClientId' }],
    ['the same literal id', 'abc123', 'abc123'],
    ['the same parameter', { Ref: 'ClientIdParam' }, { Ref: 'ClientIdParam' }],
  ])('fails for two styles naming the same client (%s), on each', (_d, a, b) => {
    const f = find(withClient({ A: style({ ClientId: a }), B: style({ ClientId: b }) }), 'branding-one-per-client');
    expect(f.map((x) => x.resource)).toEqual(['A', 'B']);
    expect(f[0]).toEqual(expect.objectContaining({ property: 'ClientId', severity: Severity.ERROR }));
    expect(f[0].message).toContain('B also styles this client');
  });
});

describe('branding-missing', () => {
  test.each([
    ['a style names the client', { Domain: domain(), Style: style() }, hosted()],
    ['the domain is on managed login version 1', { Domain: domain(1) }, hosted()],
    ['the domain has no ManagedLoginVersion', { Domain: domain(2, { ManagedLoginVersion: undefined }) }, hosted()],
    ['the client has no OAuth flag', { Domain: domain() }, client({ AllowedOAuthFlows: ['code'] })],
    ['the client is machine-to-machine', { Domain: domain() }, hosted({ AllowedOAuthFlows: ['client_credentials'], GenerateSecret: true, AllowedOAuthScopes: ['api/read'] })],
    ['the domain is on another pool', { Other: pool(), Domain: domain(2, { UserPoolId: { Ref: 'Other' } }) }, hosted()],
    ['no domain', {}, hosted()],
  ])('accepts when %s', (_d, resources, c) => {
    expect(find(withClient(resources, c), 'branding-missing')).toEqual([]);
  });

  test.each([
    ['ManagedLoginVersion 2', 2, hosted()],
    ['ManagedLoginVersion "2"', '2', hosted()],
    ['the implicit grant', 2, hosted({ AllowedOAuthFlows: ['implicit'] })],
    ['the domain by Fn::GetAtt UserPoolId', 2, hosted({ UserPoolId: { 'Fn::GetAtt': ['Pool', 'UserPoolId'] } })],
  ])('warns on the client with %s and no style', (_d, version, c) => {
    const f = find(withClient({ Domain: domain(version) }, c), 'branding-missing');
    expect(f).toEqual([expect.objectContaining({ resource: 'Client', severity: Severity.WARNING, property: 'AllowedOAuthFlows' })]);
    expect(f[0].message).toContain('no style in this template');
  });

  test('warns when the only style names another client', () => {
    const resources = { Domain: domain(), Other: hosted(), Style: style({ ClientId: { Ref: 'Other' } }) };
    expect(on(withClient(resources, hosted()), 'branding-missing')).toEqual(['Client']);
  });

  test.each([
    ['a style with an unresolved ClientId', { Style: style({ ClientId: { 'Fn::ImportValue': 'ClientId' } }) }],
    ['a style with a literal ClientId', { Style: style({ ClientId: 'abc123' }) }],
    ['an unresolved ManagedLoginVersion', { Domain: domain({ Ref: 'Version' }) }],
    ['a nested stack whose template is not given', { Nested: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'https://x/t.json' } } }],
  ])('skips with %s', (_d, resources) => {
    expect(find(withClient({ Domain: domain(), ...resources }, hosted()), 'branding-missing')).toEqual([]);
  });

  test('skips an unresolved flag or flows', () => {
    expect(find(withClient({ Domain: domain() }, hosted({ AllowedOAuthFlowsUserPoolClient: { Ref: 'Hosted' } })), 'branding-missing')).toEqual([]);
    expect(find(withClient({ Domain: domain() }, hosted({ AllowedOAuthFlows: { Ref: 'Flows' } })), 'branding-missing')).toEqual([]);
  });

  test('a style in a nested stack whose template is given, naming the client through a parameter, counts', () => {
    const nestedStack = { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'https://x/t.json', Parameters: { ClientId: CLIENT, PoolId: POOL } } };
    const inner = { Resources: { Style: style({ ClientId: { Ref: 'ClientId' }, UserPoolId: { Ref: 'PoolId' } }) } };
    const template = withClient({ Domain: domain(), Branding: nestedStack }, hosted());
    expect(find(template, 'branding-missing', { nestedTemplates: { Branding: inner } })).toEqual([]);
    // a nested style for another client does not
    const withOther = withClient({ Domain: domain(), Other: hosted(), Branding: { ...nestedStack, Properties: { ...nestedStack.Properties, Parameters: { ClientId: { Ref: 'Other' } } } } }, hosted());
    expect(on(withOther, 'branding-missing', { nestedTemplates: { Branding: { Resources: { Style: style({ ClientId: { Ref: 'ClientId' } }) } } } })).toEqual(['Client']);
  });
});
