// Issue 28: a single-tenant bot accepts a token of its own tenant and refuses another tenant's. botbuilder fetches
// the signing keys from the OpenID metadata settings, pointed here at a key server on loopback (openid-configuration
// and JWKS, node:http) whose RSA key the test generates and signs tokens with (node:crypto).
import { createSign, generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stripBidi } from '../src/core/i18n/bidi.js';
import { startE2e, type E2e } from './helpers/e2e.js';
import { teamsActivity } from './helpers/fake-connector.js';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const TENANT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const OTHER = '99999999-8888-7777-6666-555555555555';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const KID = 'test-key';

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
/** An Entra ID v2 token of `tenant` for the bot, as the Emulator or Azure issues it. */
function token(tenant: string): string {
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64({ alg: 'RS256', typ: 'JWT', kid: KID })}.${b64({ iss: `https://login.microsoftonline.com/${tenant}/v2.0`, aud: APP_ID, azp: APP_ID, ver: '2.0', tid: tenant, nbf: now - 60, exp: now + 3600 })}`;
  return `${body}.${createSign('RSA-SHA256').update(body).sign(privateKey).toString('base64url')}`;
}

let keys: Server;
let e2e: E2e;
beforeAll(async () => {
  keys = createServer((req, res) => {
    const base = `http://127.0.0.1:${(keys.address() as AddressInfo).port}`;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/.well-known/openid-configuration') return void res.end(JSON.stringify({ issuer: base, jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
    if (req.url === '/keys') return void res.end(JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: KID, use: 'sig', alg: 'RS256' }] }));
    res.statusCode = 404;
    res.end('{}');
  });
  await new Promise<void>((resolve) => keys.listen(0, '127.0.0.1', resolve));
  const metadata = `http://127.0.0.1:${(keys.address() as AddressInfo).port}/.well-known/openid-configuration`;
  e2e = await startE2e({
    platforms: ['teams'],
    env: { MicrosoftAppId: APP_ID, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT, MicrosoftAppPassword: 's3cret', ToBotFromChannelOpenIdMetadataUrl: metadata, ToBotFromEmulatorOpenIdMetadataUrl: metadata },
  });
});
afterAll(async () => {
  await e2e?.close();
  await new Promise((resolve) => keys?.close(resolve));
});

// A card button in personal chat: the answer is the HTTP response itself, so no reply token is needed.
const post = (authorization: string) =>
  fetch(`${e2e.server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify(teamsActivity(e2e.connector.url, { type: 'invoke', name: 'adaptiveCard/action', conversation: { id: 'a:personal-1', conversationType: 'personal', tenantId: TENANT }, value: { action: { type: 'Action.Execute', verb: 'ckex', data: { ckex: 'agenda 2021-05-05', lang: 'en' } } } })),
  });

describe('a SingleTenant bot', () => {
  it('answers an activity carrying a token of its own tenant', async () => {
    const res = await post(`Bearer ${token(TENANT)}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { type: string; value: unknown };
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(stripBidi(JSON.stringify(body.value))).toContain('Wednesday, 5 May 2021');
  });

  it('refuses 401 the same activity with another tenant’s token, signed by the same keys', async () => {
    const res = await post(`Bearer ${token(OTHER)}`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'unauthorized' });
  });
});
