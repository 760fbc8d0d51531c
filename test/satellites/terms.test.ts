import { App, CfnResource, Lazy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { AppClient, TermsDocuments, TermsLanguage, TermsLink } from '../../src';

const TERMS = 'AWS::Cognito::Terms';

function client(terms: TermsDocuments) {
  const app = new App();
  const stack = new Stack(app, 'Stack');
  const userPool = new cognito.UserPool(stack, 'Pool');
  const c = new AppClient(stack, 'Web', { userPool, oAuth: { callbackUrls: ['https://app.example.org/callback'] }, terms });
  return { stack, client: c };
}

const link = (language: TermsLanguage, url: string): TermsLink => ({ language, url });

describe('terms', () => {
  test('both documents, as links per language, for this client and pool', () => {
    // GIVEN / WHEN
    const { stack, client: c } = client({
      termsOfUse: [link(TermsLanguage.ENGLISH, 'https://app.example.org/terms'), link(TermsLanguage.FRENCH, 'https://app.example.org/fr/conditions')],
      privacyPolicy: [link(TermsLanguage.ENGLISH, 'https://app.example.org/privacy')],
    });
    // THEN
    const t = Template.fromStack(stack);
    t.resourceCountIs(TERMS, 2);
    const common = { UserPoolId: { Ref: Match.stringLikeRegexp('^Pool') }, ClientId: { Ref: stack.getLogicalId(c.resource) }, TermsSource: 'LINK', Enforcement: 'NONE' };
    t.hasResourceProperties(TERMS, { ...common, TermsName: 'terms-of-use', Links: { 'cognito:english': 'https://app.example.org/terms', 'cognito:french': 'https://app.example.org/fr/conditions' } });
    t.hasResourceProperties(TERMS, { ...common, TermsName: 'privacy-policy', Links: { 'cognito:english': 'https://app.example.org/privacy' } });
  });

  test('each document is reachable for escape hatches', () => {
    const { stack, client: c } = client({
      termsOfUse: [link(TermsLanguage.DEFAULT, 'https://app.example.org/terms')],
      privacyPolicy: [link(TermsLanguage.DEFAULT, 'https://app.example.org/privacy')],
    });
    expect(c.termsOfUse).toBeInstanceOf(CfnResource);
    expect([c.termsOfUse!.node.path, c.privacyPolicy!.node.path]).toEqual(['Stack/Web/TermsOfUse', 'Stack/Web/PrivacyPolicy']);
    c.privacyPolicy!.addPropertyOverride('Links.cognito:german', 'https://app.example.org/de/datenschutz');
    Template.fromStack(stack).hasResourceProperties(TERMS, { TermsName: 'privacy-policy', Links: { 'cognito:default': 'https://app.example.org/privacy', 'cognito:german': 'https://app.example.org/de/datenschutz' } });
  });

  test('the languages are the catalog\'s 13 ids', () => {
    expect(Object.values(TermsLanguage).map((l: TermsLanguage) => l.languageId)).toEqual([
      'cognito:default', 'cognito:english', 'cognito:dutch', 'cognito:french', 'cognito:spanish', 'cognito:german', 'cognito:bahasa-indonesia',
      'cognito:italian', 'cognito:japanese', 'cognito:korean', 'cognito:portuguese-brazil', 'cognito:chinese-simplified', 'cognito:chinese-traditional',
    ]);
  });

  test('13 links per document and a 1,024-character URL are accepted; a token URL is left to the engine', () => {
    const all = Object.values(TermsLanguage) as TermsLanguage[];
    const url = `https://app.example.org/${'a'.repeat(1024 - 24)}`;
    expect(url).toHaveLength(1024);
    expect(() => client({ termsOfUse: all.map((l) => link(l, url)), privacyPolicy: all.map((l) => link(l, url)) })).not.toThrow();
    const token = Lazy.string({ produce: () => 'https://app.example.org/terms' });
    const { stack } = client({ termsOfUse: [link(TermsLanguage.DEFAULT, token)], privacyPolicy: [link(TermsLanguage.DEFAULT, 'https://app.example.org/privacy')] });
    Template.fromStack(stack).hasResourceProperties(TERMS, { TermsName: 'terms-of-use', Links: { 'cognito:default': 'https://app.example.org/terms' } });
  });

  describe('fails at construction, with every problem at once', () => {
    test('no link; a second link for a language; a URL with a space, an empty one, one too long', () => {
      expect(() => client({
        termsOfUse: [],
        privacyPolicy: [
          link(TermsLanguage.ENGLISH, 'https://app.example.org/privacy policy'),
          link(TermsLanguage.ENGLISH, ''),
          link(TermsLanguage.GERMAN, `https://app.example.org/${'a'.repeat(1001)}`),
        ],
      })).toThrow([
        '[invalid-props] Stack/Web: invalid AppClient props:',
        '  [terms-links] terms.termsOfUse = 0 links: each document has 1 to 13 links, one per language. Fix: give at least one link (TermsLanguage.DEFAULT serves every language).',
        '  [terms-links] terms.privacyPolicy[0].url = "https://app.example.org/privacy policy": a link is 1 to 1024 characters without spaces or control characters. Fix: give the document\'s URL, with spaces encoded as %20.',
        '  [terms-links] terms.privacyPolicy[1].language = cognito:english: a second link for the same language. Fix: keep one link per language.',
        '  [terms-links] terms.privacyPolicy[1].url = "": a link is 1 to 1024 characters without spaces or control characters. Fix: give the document\'s URL, with spaces encoded as %20.',
        `  [terms-links] terms.privacyPolicy[2].url = "https://app.example.org/${'a'.repeat(1001)}": a link is 1 to 1024 characters without spaces or control characters. Fix: give the document's URL, with spaces encoded as %20.`,
      ].join('\n'));
    });

    test('14 links', () => {
      const fourteen = [...(Object.values(TermsLanguage) as TermsLanguage[]), TermsLanguage.DEFAULT].map((l) => link(l, 'https://app.example.org/t'));
      expect(() => client({ termsOfUse: fourteen, privacyPolicy: [link(TermsLanguage.DEFAULT, 'https://app.example.org/p')] }))
        .toThrow(/\[terms-links\] terms.termsOfUse = 14 links: each document has 1 to 13 links, one per language. Fix: give at most 13\./);
    });

    test('no language in common: Cognito would show neither document', () => {
      expect(() => client({
        termsOfUse: [link(TermsLanguage.ENGLISH, 'https://app.example.org/terms')],
        privacyPolicy: [link(TermsLanguage.GERMAN, 'https://app.example.org/de/datenschutz')],
      })).toThrow('[terms-both-kinds] terms: the terms of use (cognito:english) and the privacy policy (cognito:german) have no language in common, and Cognito shows the documents only in a language that has both. Fix: give both documents in at least one language (TermsLanguage.DEFAULT counts as one).');
    });
  });
});
