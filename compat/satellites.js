// The client's satellites (a managed login style, terms documents and an 8-hour SSO session),
// synthesized by the line installed beside an aws-cdk-lib release: compat/app.js prints them in its
// JSON line and compat/run.js compares them with compat/expected-satellites.json on every release;
// test/satellites/compat.test.ts compares the same file with what the source synthesizes.
'use strict';
const fs = require('fs');
const path = require('path');

const TYPES = ['AWS::Cognito::ManagedLoginBranding', 'AWS::Cognito::Terms', 'AWS::Cognito::UserPoolClientSessionConfigurationAttachment'];
const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><circle cx="4" cy="4" r="4" fill="#232f3e"/></svg>\n';

/**
 * The satellite resources of a v2 sign-in client, by logical id.
 * @param {{ cdk: any, cognito: any, lib: any, dir: string }} deps aws-cdk-lib, its aws-cognito, the line, and a directory for the app
 */
function satelliteResources({ cdk, cognito, lib, dir }) {
  const app = new cdk.App({ outdir: path.join(dir, 'cdk.out') });
  const stack = new cdk.Stack(app, 'Auth');
  const userPool = new cognito.UserPool(stack, 'Pool');
  const domain = userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: 'example-shop' } });
  // managed login (version 2): the override works on every release, also those without managedLoginVersion
  domain.node.defaultChild.addPropertyOverride('ManagedLoginVersion', 2);
  // the pool's session tracking: one per pool, written by the app (the client never creates it)
  new cdk.CfnResource(stack, 'SessionTracking', {
    type: 'AWS::Cognito::UserPoolSessionConfigurationAttachment',
    properties: { UserPoolId: userPool.userPoolId, UserSessionTracking: 'ENABLED', TokenSession: { MaxPerUser: 20 } },
  });
  const logo = path.join(dir, 'logo.svg');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(logo, LOGO);
  const client = new lib.AppClient(stack, 'Web', {
    userPool,
    oAuth: { callbackUrls: ['https://app.example.org/callback'] },
    managedLogin: lib.ManagedLoginStyle.fromSettings({ categories: { global: { colorSchemeMode: 'LIGHT' } } }, [
      lib.BrandingAsset.fromFile(logo, { category: lib.AssetCategory.FORM_LOGO, colorMode: lib.ColorMode.LIGHT }),
    ]),
    terms: {
      termsOfUse: [{ language: lib.TermsLanguage.DEFAULT, url: 'https://app.example.org/terms' }],
      privacyPolicy: [{ language: lib.TermsLanguage.DEFAULT, url: 'https://app.example.org/privacy' }, { language: lib.TermsLanguage.GERMAN, url: 'https://app.example.org/de/datenschutz' }],
    },
    ssoSessionValidity: cdk.Duration.hours(8),
  });
  for (const handle of ['managedLoginBranding', 'termsOfUse', 'privacyPolicy', 'ssoSessionAttachment']) {
    if (!cdk.CfnResource.isCfnResource(client[handle])) throw new Error(`client.${handle} is not a CfnResource`);
  }
  const template = app.synth().getStackByName('Auth').template;
  return Object.fromEntries(Object.entries(template.Resources).filter(([, r]) => TYPES.includes(r.Type)));
}

module.exports = { satelliteResources };
