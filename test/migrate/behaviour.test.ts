import { readFileSync } from 'fs';
import { join } from 'path';
import { MIGRATION_ROWS, keepsFor } from '../../src/migrate/behaviour';

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

/** The first cells of the README's migration table, as test/migration.test.ts reads them. */
function readmeRows(): string[] {
  const section = /<!-- migration:start -->\n([\s\S]*?)\n<!-- migration:end -->/.exec(README);
  if (!section) throw new Error('README: no migration table between <!-- migration:start --> and <!-- migration:end -->');
  return section[1].split('\n').slice(2).map((line) => /^\| ([^|]+) \|/.exec(line)![1].trim());
}

describe("the codemod's table of the README's migration rows", () => {
  test('every row of the README has a decision in the codemod, and every decision a row', () => {
    expect(Object.keys(MIGRATION_ROWS)).toEqual(readmeRows());
  });

  test('the rows the codemod writes props for are the rows with a "To keep" prop in the README', () => {
    const section = /<!-- migration:start -->\n([\s\S]*?)\n<!-- migration:end -->/.exec(README)![1];
    const withProps = section.split('\n').slice(2)
      .map((line) => line.split(' | '))
      .filter((cells) => /`(flows|authFlows|preventUserExistenceErrors|OAuthScope\.[A-Z_]+)/.test(cells[cells.length - 1]))
      .map((cells) => cells[0].replace(/^\| /, '').trim());
    const keeps = Object.entries(MIGRATION_ROWS).filter(([, h]) => h.kind === 'keep').map(([row]) => row);
    // callbackUrls ("give the real URLs") is kept as the L2's placeholder, so nothing is redeployed
    expect(keeps).toEqual([...withProps.slice(0, 1), '`oAuth.callbackUrls`', ...withProps.slice(1)]);
  });

  const none = { given: () => false, disableOAuth: false, flows: undefined, scopes: undefined };
  test.each([
    ['nothing given: the L2\'s OAuth, auth flows and user existence errors', none,
      ['oAuth.flows', 'oAuth.callbackUrls', 'oAuth.scopes', 'authFlows', 'preventUserExistenceErrors']],
    ['disableOAuth: no OAuth prop', { ...none, disableOAuth: true }, ['authFlows', 'preventUserExistenceErrors']],
    ['client_credentials only: no callback URL', { ...none, given: (p: string) => p === 'oAuth.flows', flows: ['clientCredentials'] },
      ['oAuth.scopes', 'authFlows', 'preventUserExistenceErrors']],
    ['email without openid: openid added', { ...none, given: (p: string) => p === 'oAuth.scopes' || p === 'oAuth.flows' || p === 'oAuth.callbackUrls', flows: ['authorizationCodeGrant'], scopes: ['EMAIL'] },
      ['oAuth.scopes[]', 'authFlows', 'preventUserExistenceErrors']],
  ])('%s', (_, props, paths) => {
    expect(keepsFor(props as any)!.map((k) => k.path)).toEqual(paths);
  });

  test('props that cannot be read: no decision', () => {
    expect(keepsFor({ ...none, given: () => undefined })).toBeUndefined();
    expect(keepsFor({ ...none, disableOAuth: undefined })).toBeUndefined();
    expect(keepsFor({ ...none, given: (p) => p === 'oAuth.scopes', scopes: undefined })).toBeUndefined();
  });
});
