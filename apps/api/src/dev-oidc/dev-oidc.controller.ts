import { Body, Controller, Get, Header, HttpCode, Post, Query, Res } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { Response } from 'express';
import { DevIssuer, Publiek, WEB_CLIENT_ID, type DevAccount } from '@thuismonitor/auth';
import { aanmeldbareGebruikers } from '../beheer';
import { ScopedDb } from '../database/scoped-db.service';

interface CodeGrant {
  account: DevAccount;
  codeChallenge: string;
  redirectUri: string;
  nonce?: string;
  verlooptOp: number;
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The embedded development OpenID provider (authorization code + PKCE, Keycloak's URL layout),
 * mounted only with DEV_OIDC=true and never in production (see DevOidcModule).
 * The login page offers the demo accounts instead of a password form, followed by the users the
 * platform operator registered (apps/api/src/beheer), so a new organisation's user can sign in
 * without Keycloak.
 */
@Controller('dev-oidc')
@Publiek()
export class DevOidcController {
  private readonly codes = new Map<string, CodeGrant>();

  constructor(
    private readonly issuer: DevIssuer,
    private readonly db: ScopedDb,
  ) {}

  /** Demo accounts first; a registered user never shadows one (BeheerService refuses the name). */
  private async accounts(): Promise<DevAccount[]> {
    const demo = this.issuer.accounts;
    const namen = new Set(demo.map((a) => a.username));
    return [...demo, ...(await aanmeldbareGebruikers(this.db)).filter((a) => !namen.has(a.username))];
  }

  @Get('.well-known/openid-configuration')
  discovery() {
    return this.issuer.discovery();
  }

  @Get('protocol/openid-connect/certs')
  certs() {
    return this.issuer.jwks();
  }

  @Get('protocol/openid-connect/auth')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async loginPage(@Query() q: Record<string, string>): Promise<string> {
    const fout = this.controleerAuthRequest(q);
    if (fout) return this.pagina('Aanmelden mislukt', `<p role="alert">${esc(fout)}</p>`);
    const hidden = [
      'client_id',
      'redirect_uri',
      'state',
      'code_challenge',
      'code_challenge_method',
      'nonce',
      'scope',
    ]
      .filter((k) => q[k] !== undefined)
      .map((k) => `<input type="hidden" name="${k}" value="${esc(q[k])}">`)
      .join('');
    const knoppen = (await this.accounts())
      .map(
        (a) =>
          `<li><button type="submit" name="username" value="${esc(a.username)}">${esc(a.naam)}</button>
           <span>${esc(a.username)} — ${esc(a.organisatie)} — rollen: ${esc(a.rollen.join(', '))}</span></li>`,
      )
      .join('');
    return this.pagina(
      'Aanmelden bij Thuismonitor (ontwikkelomgeving)',
      `<p>Dit is de ontwikkel-aanmeldpagina. Kies een demo-account; in productie meldt u zich aan via Keycloak of eHerkenning.</p>
       <form method="post">${hidden}<ul>${knoppen}</ul></form>`,
    );
  }

  @Post('protocol/openid-connect/auth')
  async kiesAccount(@Body() body: Record<string, string>, @Res() res: Response): Promise<void> {
    const fout = this.controleerAuthRequest(body);
    const account = (await this.accounts()).find((a) => a.username === body.username);
    if (fout || !account) {
      res
        .status(400)
        .send(this.pagina('Aanmelden mislukt', `<p role="alert">${esc(fout ?? 'Onbekend account.')}</p>`));
      return;
    }
    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, {
      account,
      codeChallenge: body.code_challenge,
      redirectUri: body.redirect_uri,
      nonce: body.nonce,
      verlooptOp: Date.now() + 60_000,
    });
    const url = new URL(body.redirect_uri);
    url.searchParams.set('code', code);
    if (body.state) url.searchParams.set('state', body.state);
    res.redirect(302, url.toString());
  }

  @Post('protocol/openid-connect/token')
  @HttpCode(200)
  async token(@Body() body: Record<string, string>, @Res() res: Response): Promise<void> {
    const grant = body.code ? this.codes.get(body.code) : undefined;
    if (body.code) this.codes.delete(body.code); // single use
    const verifierHash = body.code_verifier
      ? createHash('sha256').update(body.code_verifier).digest('base64url')
      : undefined;
    if (
      body.grant_type !== 'authorization_code' ||
      !grant ||
      grant.verlooptOp < Date.now() ||
      grant.redirectUri !== body.redirect_uri ||
      verifierHash !== grant.codeChallenge
    ) {
      res.status(400).json({ error: 'invalid_grant' });
      return;
    }
    const account = grant.account;
    const accessToken = await this.issuer.mintClaims(this.issuer.claimsFor(account), {
      expiresInSeconds: 3600,
    });
    const idToken = await this.issuer.mintClaims(
      { ...this.issuer.claimsFor(account, WEB_CLIENT_ID), typ: 'ID', nonce: grant.nonce },
      { expiresInSeconds: 3600 },
    );
    res.json({
      access_token: accessToken,
      id_token: idToken,
      token_type: 'Bearer',
      expires_in: 3600,
      scope: 'openid profile email',
    });
  }

  @Get('protocol/openid-connect/logout')
  logout(@Query('post_logout_redirect_uri') terug: string | undefined, @Res() res: Response): void {
    if (terug && this.redirectToegestaan(terug)) res.redirect(302, terug);
    else res.type('html').send(this.pagina('Afgemeld', '<p>U bent afgemeld.</p>'));
  }

  private controleerAuthRequest(q: Record<string, string>): string | undefined {
    if (q.client_id !== WEB_CLIENT_ID) return 'Onbekende client.';
    if (q.response_type !== undefined && q.response_type !== 'code')
      return 'Alleen de authorization code flow wordt ondersteund.';
    if (!q.redirect_uri || !this.redirectToegestaan(q.redirect_uri)) return 'Ongeldige redirect_uri.';
    if (!q.code_challenge || q.code_challenge_method !== 'S256') return 'PKCE (S256) is verplicht.';
    return undefined;
  }

  private redirectToegestaan(uri: string): boolean {
    try {
      const u = new URL(uri);
      return ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
    } catch {
      return false;
    }
  }

  private pagina(titel: string, inhoud: string): string {
    return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${esc(titel)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
ul{list-style:none;padding:0}li{margin:.5rem 0}button{font-size:1rem;padding:.5rem 1rem;margin-right:.75rem;min-width:14rem;text-align:left;cursor:pointer}
button:focus{outline:3px solid #1a4480;outline-offset:2px}span{color:#444}</style></head>
<body><main><h1>${esc(titel)}</h1>${inhoud}</main></body></html>`;
  }
}
