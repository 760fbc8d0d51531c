import { synthClients } from '../examples/quickstart';

// The README's first command runs examples/quickstart.ts.
test('the quick-start example synthesizes its two clients', () => {
  const clients = Object.values<any>(synthClients(false));
  expect(clients).toHaveLength(2);
  expect(clients[0].Properties).toMatchObject({ AccessTokenValidity: 330, TokenValidityUnits: { AccessToken: 'seconds' } });
  expect(clients[1].Properties).toMatchObject({ AllowedOAuthFlows: ['client_credentials'], GenerateSecret: true });
});

test('the broken quick-start example fails naming all five mistakes', () => {
  expect(() => synthClients(true)).toThrow(
    /token-validity-range[\s\S]*redirect-uri-no-fragment[\s\S]*redirect-uri-https[\s\S]*oauth-client-credentials-secret[\s\S]*oauth-scope-exists/,
  );
});
