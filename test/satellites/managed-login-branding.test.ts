import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, CfnResource, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { AppClient, AppClientProps, AssetCategory, AssetExtension, BrandingAsset, ColorMode, ManagedLoginStyle } from '../../src';

const BRANDING = 'AWS::Cognito::ManagedLoginBranding';
const DIR = mkdtempSync(join(tmpdir(), 'branding-'));
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"/>';
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

function file(name: string, content: string | Buffer = SVG): string {
  const path = join(DIR, name);
  writeFileSync(path, content);
  return path;
}

function setup() {
  const app = new App();
  const stack = new Stack(app, 'Stack');
  const userPool = new cognito.UserPool(stack, 'Pool');
  return { app, stack, userPool };
}

function client(props: Partial<AppClientProps>) {
  const { stack, userPool } = setup();
  const c = new AppClient(stack, 'Web', { userPool, oAuth: { callbackUrls: ['https://app.example.org/callback'] }, ...props });
  return { stack, client: c };
}

describe('managedLogin', () => {
  test('Cognito\'s provided values: UseCognitoProvidedValues only, for this client and pool', () => {
    // GIVEN / WHEN
    const { stack, client: c } = client({ managedLogin: ManagedLoginStyle.cognitoProvidedValues() });
    // THEN
    const t = Template.fromStack(stack);
    t.resourceCountIs(BRANDING, 1);
    t.hasResourceProperties(BRANDING, {
      UserPoolId: { Ref: Match.stringLikeRegexp('^Pool') },
      ClientId: { Ref: stack.getLogicalId(c.resource) },
      UseCognitoProvidedValues: true,
      Settings: Match.absent(),
      Assets: Match.absent(),
      ReturnMergedResources: Match.absent(),
    });
  });

  test('settings and images from files: Base64 bytes, category, color mode and the extension from the file name', () => {
    const settings = { categories: { global: { colorSchemeMode: 'DARK' } } };
    const { stack } = client({
      managedLogin: ManagedLoginStyle.fromSettings(settings, [
        BrandingAsset.fromFile(file('logo.svg'), { category: AssetCategory.PAGE_HEADER_LOGO, colorMode: ColorMode.LIGHT }),
        BrandingAsset.fromFile(file('back.JPEG', 'jpeg'), { category: AssetCategory.PAGE_BACKGROUND, colorMode: ColorMode.DARK, resourceId: 'page background' }),
        BrandingAsset.fromFile(file('icon.bin', 'png'), { category: AssetCategory.IDP_BUTTON_ICON, colorMode: ColorMode.DYNAMIC, extension: AssetExtension.PNG }),
      ]),
    });
    Template.fromStack(stack).hasResourceProperties(BRANDING, {
      UseCognitoProvidedValues: Match.absent(),
      Settings: settings,
      Assets: [
        { Bytes: Buffer.from(SVG).toString('base64'), Category: 'PAGE_HEADER_LOGO', ColorMode: 'LIGHT', Extension: 'SVG' },
        { Bytes: Buffer.from('jpeg').toString('base64'), Category: 'PAGE_BACKGROUND', ColorMode: 'DARK', Extension: 'JPEG', ResourceId: 'page background' },
        { Bytes: Buffer.from('png').toString('base64'), Category: 'IDP_BUTTON_ICON', ColorMode: 'DYNAMIC', Extension: 'PNG' },
      ],
    });
  });

  test.each([
    ['.ico', 'ICO'], ['.jpg', 'JPEG'], ['.jpeg', 'JPEG'], ['.png', 'PNG'], ['.svg', 'SVG'], ['.webp', 'WEBP'],
  ])('the extension of a %s file is %s', (ending, extension) => {
    const { stack } = client({
      managedLogin: ManagedLoginStyle.fromSettings({}, [BrandingAsset.fromFile(file(`a${ending}`), { category: AssetCategory.FAVICON_ICO, colorMode: ColorMode.LIGHT })]),
    });
    expect(Object.values<any>(Template.fromStack(stack).findResources(BRANDING))[0].Properties.Assets[0].Extension).toBe(extension);
  });

  test('every category, color mode and extension is the catalog\'s', () => {
    const values = (c: object) => Object.values(c).map((v: { value: string }) => v.value);
    expect(values(AssetCategory)).toEqual(['FAVICON_ICO', 'FAVICON_SVG', 'EMAIL_GRAPHIC', 'SMS_GRAPHIC', 'AUTH_APP_GRAPHIC', 'PASSWORD_GRAPHIC',
      'PASSKEY_GRAPHIC', 'PAGE_HEADER_LOGO', 'PAGE_HEADER_BACKGROUND', 'PAGE_FOOTER_LOGO', 'PAGE_FOOTER_BACKGROUND', 'PAGE_BACKGROUND',
      'FORM_BACKGROUND', 'FORM_LOGO', 'IDP_BUTTON_ICON']);
    expect(values(ColorMode)).toEqual(['LIGHT', 'DARK', 'DYNAMIC']);
    expect(values(AssetExtension)).toEqual(['ICO', 'JPEG', 'PNG', 'SVG', 'WEBP']);
  });

  test('one asset used by two clients is read once', () => {
    const { stack, userPool } = setup();
    const path = file('shared.svg');
    const asset = BrandingAsset.fromFile(path, { category: AssetCategory.FORM_LOGO, colorMode: ColorMode.LIGHT });
    new AppClient(stack, 'A', { userPool, managedLogin: ManagedLoginStyle.fromSettings({}, [asset]) });
    writeFileSync(path, 'changed');
    new AppClient(stack, 'B', { userPool, managedLogin: ManagedLoginStyle.fromSettings({}, [asset]) });
    const bytes = Object.values(Template.fromStack(stack).findResources(BRANDING)).map((r: any) => r.Properties.Assets[0].Bytes);
    expect(bytes).toEqual([Buffer.from(SVG).toString('base64'), Buffer.from(SVG).toString('base64')]);
  });

  test('the style is reachable for escape hatches, and overrides reach the template', () => {
    const { stack, client: c } = client({ managedLogin: ManagedLoginStyle.cognitoProvidedValues() });
    expect(c.managedLoginBranding).toBeInstanceOf(CfnResource);
    expect(c.managedLoginBranding!.cfnResourceType).toBe(BRANDING);
    expect(c.managedLoginBranding!.node.path).toBe('Stack/Web/ManagedLoginBranding');
    c.managedLoginBranding!.addPropertyOverride('ReturnMergedResources', true);
    Template.fromStack(stack).hasResourceProperties(BRANDING, { ReturnMergedResources: true });
    expect([c.termsOfUse, c.privacyPolicy, c.ssoSessionAttachment]).toEqual([undefined, undefined, undefined]);
  });

  test('images over 200 kB of Base64 draw a warning about the template\'s size; smaller ones do not', () => {
    const big = client({
      managedLogin: ManagedLoginStyle.fromSettings({}, [BrandingAsset.fromFile(file('big.png', Buffer.alloc(150_001)), { category: AssetCategory.PAGE_BACKGROUND, colorMode: ColorMode.LIGHT })]),
    });
    Annotations.fromStack(big.stack).hasWarning('/Stack/Web', Match.stringLikeRegexp('managedLogin: the style\'s images are 200004 characters of Base64 .* \\[ack: cdk-cognito-app-client:branding-size\\]'));
    const small = client({
      managedLogin: ManagedLoginStyle.fromSettings({}, [BrandingAsset.fromFile(file('small.png', Buffer.alloc(150_000)), { category: AssetCategory.PAGE_BACKGROUND, colorMode: ColorMode.LIGHT })]),
    });
    Annotations.fromStack(small.stack).hasNoWarning('*', Match.anyValue());
  });

  describe('fails at construction, with every problem at once', () => {
    const asset = (path: string, extra: object = {}) =>
      BrandingAsset.fromFile(path, { category: AssetCategory.FORM_LOGO, colorMode: ColorMode.LIGHT, ...extra });

    test('an unknown file type, a missing file, a bad resource id, settings that are not an object', () => {
      expect(() => client({
        managedLogin: ManagedLoginStyle.fromSettings('dark', [
          asset(file('logo.gif')),
          asset(join(DIR, 'missing.png')),
          asset(file('ok.png'), { resourceId: 'no/slash' }),
        ]),
      })).toThrow([
        '[invalid-props] Stack/Web: invalid AppClient props:',
        '  [branding-settings] managedLogin.settings = "dark": the settings are a JSON object, as the branding designer exports them. Fix: pass the parsed object (e.g. JSON.parse of the exported file), or use ManagedLoginStyle.cognitoProvidedValues().',
        `  [branding-asset-extension] managedLogin.assets[0] = ${JSON.stringify(join(DIR, 'logo.gif'))}: the file type cannot be told from the file name; Cognito takes ICO, JPEG, PNG, SVG and WebP images. Fix: give options.extension (e.g. AssetExtension.PNG), or use a file ending in .ico, .jpg, .jpeg, .png, .svg or .webp.`,
        `  [branding-asset-file] managedLogin.assets[1] = ${JSON.stringify(join(DIR, 'missing.png'))}: the file cannot be read (ENOENT). Fix: give the path of an image file, relative to the directory the app runs in, or absolute.`,
        '  [branding-asset-id] managedLogin.assets[2].resourceId = "no/slash": it must be 1 to 40 letters, digits, spaces, _ and -. Fix: shorten it, or leave resourceId out.',
      ].join('\n'));
    });

    test('more than 40 images; an image over 1,000,000 characters of Base64', () => {
      const forty = Array.from({ length: 40 }, () => asset(file('one.svg')));
      expect(() => client({ managedLogin: ManagedLoginStyle.fromSettings({}, forty) })).not.toThrow();
      expect(() => client({ managedLogin: ManagedLoginStyle.fromSettings({}, [...forty, asset(file('one.svg'))]) }))
        .toThrow(/\[branding-assets-count\] managedLogin.assets = 41 images: a style has at most 40\./);
      expect(() => client({ managedLogin: ManagedLoginStyle.fromSettings({}, [asset(file('edge.png', Buffer.alloc(750_000)))]) })).not.toThrow();
      expect(() => client({ managedLogin: ManagedLoginStyle.fromSettings({}, [asset(file('huge.png', Buffer.alloc(750_001)))]) }))
        .toThrow(/\[branding-asset-size\] managedLogin.assets\[0\] = ".*huge.png": its Base64 text is 1000004 characters, over CloudFormation's 1000000/);
    });
  });
});
