import { App, Aspects, Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { AppClient, AppClientChecks, ManagedLoginStyle, TermsLanguage } from '../../src';

// The rules about the resources an AppClient makes beside its client (style, terms, SSO session) are
// reported by the AppClient itself when no pack reports it, naming the resource, and honour
// AppClient.acknowledge; with a pack, the pack reports them on those resources (see
// test/policy/app-client-checks-attachments*.test.ts).

function web(withPack = false) {
  const app = new App();
  if (withPack) Aspects.of(app).add(new AppClientChecks(app, { reports: false }));
  const stack = new Stack(app, 'Stack');
  const userPool = new cognito.UserPool(stack, 'Pool');
  userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: 'example-shop' }, managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN });
  const client = new AppClient(stack, 'Web', {
    userPool,
    oAuth: { callbackUrls: ['https://app.example.org/callback'] },
    managedLogin: ManagedLoginStyle.cognitoProvidedValues(),
    terms: {
      termsOfUse: [{ language: TermsLanguage.DEFAULT, url: 'https://app.example.org/terms' }],
      privacyPolicy: [{ language: TermsLanguage.DEFAULT, url: 'https://app.example.org/privacy' }],
    },
    ssoSessionValidity: Duration.hours(8),
  });
  return { app, stack, userPool, client };
}

function synthError(app: App): string {
  try {
    app.synth();
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}

const warnings = (stack: Stack) => Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map((m) => `${m.id}: ${String(m.entry.data)}`);

describe('AppClient: the rules about its style, terms and SSO session', () => {
  test('an escape hatch that breaks one fails the synth, naming the resource, the property, the rule and the fix', () => {
    const { app, client } = web();
    client.termsOfUse!.addPropertyOverride('TermsName', 'terms');
    client.ssoSessionAttachment!.addPropertyOverride('SSOSession.MaxValidityMinutes', 200000);
    const message = synthError(app);
    expect(message).toContain('[Stack/Web] (Stack/Web/TermsOfUse) [terms-name] TermsName = "terms": it is neither terms-of-use nor privacy-policy');
    expect(message).toContain('[Stack/Web] (Stack/Web/SsoSession) [sso-session-range] SSOSession.MaxValidityMinutes = 200000: it is outside 0..129600 minutes');
    expect(message).toMatch(/\[terms-name\].* Fix: Set TermsName to terms-of-use or privacy-policy/);
  });

  test('a warning about one is on the AppClient, once, and AppClient.acknowledge with a reason silences it', () => {
    const { stack, client } = web();
    const tracking = (s: Stack) => warnings(s).filter((w) => w.includes('sso-session-tracking'));
    expect(tracking(stack)).toEqual([expect.stringMatching(/^\/Stack\/Web: \(Stack\/Web\/SsoSession\) \[sso-session-tracking\] /)]);
    const other = web();
    AppClient.acknowledge(other.client, 'sso-session-tracking', 'the pool\'s session tracking is set in the console');
    expect(tracking(other.stack)).toEqual([]);
    void client;
  });

  test('made by the construct, they pass every rule (no warning but the pool\'s missing session tracking)', () => {
    const { stack } = web();
    expect(warnings(stack).filter((w) => !w.includes('sso-session-tracking'))).toEqual([]);
  });

  test('with a cdk-nag 2 pack, AppClient.acknowledge on the AppClient holds for its resources too', () => {
    const { app, stack, client } = web(true);
    client.termsOfUse!.addPropertyOverride('TermsName', 'terms');
    AppClient.acknowledge(client, 'terms-name', 'a name the service accepts in our test account');
    AppClient.acknowledge(client, 'terms-both-kinds', 'the privacy policy is shown by the app itself');
    AppClient.acknowledge(client, 'sso-session-tracking', 'the pool\'s session tracking is set in the console');
    expect(synthError(app)).toBe('');
    expect(warnings(stack).filter((w) => /AppClientChecks-(terms|sso)/.test(w))).toEqual([]);
  });
});
