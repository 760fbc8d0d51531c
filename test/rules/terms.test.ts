import { CLIENT, client, find, on, terms, withClient } from './attachment-fixtures';
import { Severity } from '../../src';

const both = (tou: any = {}, pp: any = {}) => ({ TermsOfUse: terms('terms-of-use', tou.links, tou.props), PrivacyPolicy: terms('privacy-policy', pp.links, pp.props) });

describe('terms-name', () => {
  test.each(['terms-of-use', 'privacy-policy'])('accepts %s', (name) => {
    expect(find(withClient({ T: terms(name) }), 'terms-name')).toEqual([]);
  });

  test.each(['terms-and-conditions', 'Terms-Of-Use', 'privacy_policy', '', 'terms-of-use '])('fails with %j, on the terms document', (name) => {
    expect(find(withClient({ T: terms(name) }), 'terms-name')).toEqual([expect.objectContaining({ resource: 'T', property: 'TermsName', severity: Severity.ERROR })]);
  });

  test('fails when TermsName is absent', () => {
    expect(find(withClient({ T: terms(undefined) }), 'terms-name')).toEqual([expect.objectContaining({ resource: 'T', message: expect.stringContaining('(absent)') })]);
  });

  test.each([['a Ref', { Ref: 'Kind' }], ['an Fn::If', { 'Fn::If': ['C', 'terms-of-use', 'privacy-policy'] }]])('skips %s', (_d, name) => {
    expect(find(withClient({ T: terms(name) }), 'terms-name')).toEqual([]);
  });

  test('a TermsName that is not a string is property-type', () => {
    expect(find(withClient({ T: terms(5) }), 'property-type')).toEqual([expect.objectContaining({ resource: 'T', property: 'TermsName' })]);
  });
});

describe('terms-source-enforcement', () => {
  test('accepts LINK and NONE', () => {
    expect(find(withClient(both()), 'terms-source-enforcement')).toEqual([]);
  });

  test.each([
    ['TermsSource URL', { TermsSource: 'URL' }, 'TermsSource'],
    ['TermsSource link (lower case)', { TermsSource: 'link' }, 'TermsSource'],
    ['Enforcement REQUIRED', { Enforcement: 'REQUIRED' }, 'Enforcement'],
    ['no TermsSource', { TermsSource: undefined }, 'TermsSource'],
    ['no Enforcement', { Enforcement: undefined }, 'Enforcement'],
  ])('fails with %s', (_d, props, property) => {
    expect(find(withClient({ T: terms('terms-of-use', undefined, props) }), 'terms-source-enforcement'))
      .toEqual([expect.objectContaining({ resource: 'T', property, severity: Severity.ERROR })]);
  });

  test('skips unresolved values; an Fn::If is checked branch by branch', () => {
    expect(find(withClient({ T: terms('terms-of-use', undefined, { TermsSource: { Ref: 'S' }, Enforcement: { Ref: 'E' } }) }), 'terms-source-enforcement')).toEqual([]);
    const f = find(withClient({ T: terms('terms-of-use', undefined, { TermsSource: { Ref: 'S' }, Enforcement: { 'Fn::If': ['C', 'NONE', { Ref: 'AWS::NoValue' }] } }) }), 'terms-source-enforcement');
    expect(f.map((x) => [x.property, x.condition])).toEqual([['Enforcement', 'when C is false']]);
  });
});

describe('terms-links', () => {
  const links = (l: any) => withClient({ T: l === 'absent' ? terms('terms-of-use', undefined, { Links: undefined }) : terms('terms-of-use', l) });
  const every = ['default', 'dutch', 'english', 'french', 'spanish', 'german', 'bahasa-indonesia', 'italian', 'japanese', 'korean', 'portuguese-brazil', 'chinese-simplified', 'chinese-traditional'];

  test('accepts every language of the catalog (13 links, the most)', () => {
    expect(find(links(Object.fromEntries(every.map((l) => [`cognito:${l}`, `https://app.example.org/${l}/terms`]))), 'terms-links')).toEqual([]);
  });

  test.each([
    ['a URL of 1,024 characters', `https://a.example.org/${'x'.repeat(1024 - 22)}`],
    ['a URL of 1 character', 'x'],
    ['a URL with non-ASCII letters and symbols', 'https://例え.jp/規約?a=1&b=€'],
    ['a URL with percent-encoded spaces', 'https://app.example.org/terms%20of%20use'],
  ])('accepts %s', (_d, url) => {
    expect(find(links({ 'cognito:default': url }), 'terms-links')).toEqual([]);
  });

  test.each([
    ['absent', 'absent', 'Links'],
    ['empty', {}, 'Links'],
    ['14 links', Object.fromEntries([...every.map((l) => `cognito:${l}`), 'cognito:english '].map((l) => [l, 'https://x'])), 'Links'],
    ['a key without cognito:', { default: 'https://x' }, 'Links.default'],
    ['a key for an unknown language', { 'cognito:klingon': 'https://x' }, 'Links.cognito:klingon'],
    ['a key for chinese', { 'cognito:chinese': 'https://x' }, 'Links.cognito:chinese'],
    ['an empty URL', { 'cognito:default': '' }, 'Links.cognito:default'],
    ['a URL of 1,025 characters', { 'cognito:default': `https://a.example.org/${'x'.repeat(1025 - 22)}` }, 'Links.cognito:default'],
    ['a URL with a space', { 'cognito:default': 'https://app.example.org/terms of use' }, 'Links.cognito:default'],
    ['a URL with a tab', { 'cognito:default': 'https://app.example.org/\tterms' }, 'Links.cognito:default'],
  ])('fails with Links %s', (_d, l, property) => {
    const f = find(links(l), 'terms-links');
    expect(f.filter((x) => x.property === property)).toEqual([expect.objectContaining({ resource: 'T', property, severity: Severity.ERROR })]);
    // a 14th key that is no language is reported too, on its own
    expect(f.length).toBe(_d === '14 links' ? 2 : 1);
  });

  test.each([
    ['unresolved Links', { Ref: 'Links' }],
    ['an unresolved URL', { 'cognito:default': { 'Fn::Sub': 'https://${Domain}/terms' } }],
    ['14 links of which one may vanish', Object.fromEntries([...every.map((l) => [`cognito:${l}`, 'https://x']), ['cognito:english', { 'Fn::If': ['C', 'https://x', { Ref: 'AWS::NoValue' }] }]])],
  ])('skips %s', (_d, l) => {
    expect(find(links(l), 'terms-links')).toEqual([]);
  });

  test('a Links that is not an object, or a URL that is not a string, is property-type', () => {
    expect(find(links(['https://x']), 'property-type')).toEqual([expect.objectContaining({ resource: 'T', property: 'Links' })]);
    expect(find(links({ 'cognito:default': 5 }), 'property-type')).toEqual([expect.objectContaining({ resource: 'T', property: 'Links.cognito:default' })]);
  });
});

describe('terms-one-per-kind', () => {
  test.each([
    ['one of each kind', both()],
    ['the same kind for two clients', { A: terms('terms-of-use'), Other: client(), B: terms('terms-of-use', undefined, { ClientId: { Ref: 'Other' } }) }],
    ['an unresolved kind', { A: terms('terms-of-use'), B: terms({ Ref: 'Kind' }) }],
  ])('accepts %s', (_d, resources) => {
    expect(find(withClient(resources), 'terms-one-per-kind')).toEqual([]);
  });

  test('fails for two documents of one kind for one client, on each', () => {
    const f = find(withClient({ A: terms('privacy-policy'), B: terms('privacy-policy', { 'cognito:spanish': 'https://x/es' }, { ClientId: { 'Fn::GetAtt': ['Client', 'ClientId'] } }) }), 'terms-one-per-kind');
    expect(f.map((x) => x.resource)).toEqual(['A', 'B']);
    expect(f[0]).toEqual(expect.objectContaining({ property: 'TermsName', severity: Severity.ERROR }));
  });
});

describe('terms-both-kinds', () => {
  test.each([
    ['both kinds in the default language', both()],
    ['both kinds with one language in common', both({ links: { 'cognito:english': 'https://x/t', 'cognito:default': 'https://x/t' } }, { links: { 'cognito:english': 'https://x/p' } })],
    ['no terms at all', {}],
  ])('accepts %s', (_d, resources) => {
    expect(find(withClient(resources), 'terms-both-kinds')).toEqual([]);
  });

  test('warns on the one document when the other kind is missing', () => {
    const f = find(withClient({ T: terms('terms-of-use') }), 'terms-both-kinds');
    expect(f).toEqual([expect.objectContaining({ resource: 'T', severity: Severity.WARNING })]);
    expect(f[0].message).toContain('no privacy-policy document');
  });

  test('warns on both when they share no language (cognito:default counts as a language)', () => {
    const resources = both({ links: { 'cognito:default': 'https://x/t' } }, { links: { 'cognito:english': 'https://x/p' } });
    expect(on(withClient(resources), 'terms-both-kinds')).toEqual(['TermsOfUse', 'PrivacyPolicy']);
  });

  test('counts per client', () => {
    const resources = { ...both(), Other: client(), OtherTerms: terms('privacy-policy', undefined, { ClientId: { Ref: 'Other' } }) };
    expect(on(withClient(resources), 'terms-both-kinds')).toEqual(['OtherTerms']);
  });

  test.each([
    ['another document with an unresolved ClientId', { P: terms('privacy-policy', undefined, { ClientId: { 'Fn::ImportValue': 'X' } }) }],
    ['another document with an unresolved kind', { P: terms({ Ref: 'Kind' }) }],
    ['the other kind with unresolved Links', { P: terms('privacy-policy', { Ref: 'Links' }), T2: terms('terms-of-use', { 'cognito:english': 'https://x' }) }],
    ['a nested stack whose template is not given', { N: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'https://x/t.json' } } }],
  ])('skips with %s', (_d, resources) => {
    expect(find(withClient({ T: terms('terms-of-use'), ...resources }), 'terms-both-kinds')).toEqual([]);
  });

  test.each([
    ['a literal client id', 'abc123'],
    ['a parameter', { Ref: 'ClientIdParam' }],
  ])('skips a client outside the template (%s): its other documents may be in another template', (_d, id) => {
    expect(find(withClient({ T: terms('terms-of-use', undefined, { ClientId: id }) }), 'terms-both-kinds')).toEqual([]);
  });

  test('a document of the other kind in a given nested template, for the client through a parameter, counts', () => {
    const nested = { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'https://x/t.json', Parameters: { ClientId: CLIENT } } };
    const inner = { Resources: { P: terms('privacy-policy', undefined, { ClientId: { Ref: 'ClientId' } }) } };
    expect(find(withClient({ T: terms('terms-of-use'), N: nested }), 'terms-both-kinds', { nestedTemplates: { N: inner } })).toEqual([]);
  });
});
