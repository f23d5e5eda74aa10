import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import {
  gemeenteScope,
  type Principal,
  type PrincipalOrganisatie,
  type RequestMetPrincipal,
} from '@thuismonitor/auth';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { Klok } from '../common/klok';
import { CacheSignalen } from '../database/cache-signalen';
import { Metrieken } from '../metrics/metrieken';
import { heeftGegevens, soortVan, type Soort } from './voortgang-antwoord-soort';

/** Larger query texts are not parsed here (Apollo applies its own limits); they just miss. */
const MAX_QUERY_TEKENS = 20_000;
/** Questions with more variables or a longer operation name than this are not kept (key memory). */
const MAX_VARIABELEN_TEKENS = 4_096;
const MAX_OPERATIENAAM_TEKENS = 256;
/** One answer larger than this is not kept (the national answer with every afspraak is ~2 MB). */
const MAX_ANTWOORD_BYTES = 8 * 1024 * 1024;
/** All kept answers together, uncompressed and gzip. */
const MAX_TOTAAL_BYTES = 128 * 1024 * 1024;

interface Bewaard {
  json: Buffer;
  gzip?: Buffer;
}

/**
 * Whole voortgang answers over HTTP (issue 9, "Speed under load"). A gemeente's dashboard asks the
 * same question again and again; VoortgangCache already spares the computation, but a cached
 * answer still cost ~2.3 ms of API CPU, almost all of it GraphQL execution of a few hundred
 * numbers, JSON serialisation, gzip and an ETag. This keeps the bytes Apollo sent (and their gzip)
 * and sends them again for the same question, after authentication and rate limits have run as
 * for any request.
 *
 * Correctness, as in VoortgangCache (read its comment first):
 * - Freshness: the key holds CacheSignalen's generation, read BEFORE the answer is computed.
 *   Every commit that changes a table voortgang reads is announced to every process (NOTIFY at
 *   that commit, migrations 1765400000003 and 1767200000000) and raises it, so an answer is never
 *   served after the announcement of a change it predates. Until session 4 the key held the
 *   data version read from Postgres per request instead: exact to the commit, but a round trip
 *   and about a quarter of the machine's CPU per cached answer (API and Postgres together). What
 *   is given up: a commit by ANOTHER process is seen when its notification arrives (milliseconds;
 *   cache-replicas.spec measures it); a successful mutation or upload through this process raises
 *   the generation itself before its answer is sent, so a writer never reads from before its own
 *   write. The key also holds today's date (Amsterdam): the peildatum of a running period moves
 *   with it.
 * - Who: the key holds the user (sub), the organisation (id, code, kind, gemeente scope) and the
 *   roles, so only the same principal with the same rights gets the bytes back; the @Vereist
 *   check on the resolver gave that same principal the same outcome when the answer was made.
 * - What: only POST application/json queries whose every root field is `voortgang`; the key holds
 *   the query text, operation name and variables. Only 200 answers without `"errors"` are kept.
 * - Size: VOORTGANG_CACHE answers at most (0 switches this off too) and 128 MB in all.
 */
@Injectable()
export class VoortgangAntwoordMiddleware implements NestMiddleware {
  private readonly antwoorden = new Map<string, Bewaard>();
  private readonly soorten = new Map<string, Soort>();
  /** the organisation part of the key, per organisation object (PrincipalResolver reuses it for 30 s) */
  private readonly organisatieSleutels = new WeakMap<PrincipalOrganisatie, string>();
  private totaalBytes = 0;
  private readonly max: number;

  constructor(
    private readonly metrieken: Metrieken,
    private readonly klok: Klok,
    private readonly signalen: CacheSignalen,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.max = config.voortgangCache;
  }

  async use(req: Request & RequestMetPrincipal, res: Response, next: NextFunction): Promise<void> {
    const body = req.body as { query?: unknown; operationName?: unknown; variables?: unknown } | undefined;
    const soort = this.soort(req, body);
    if (soort === 'schrijft') {
      this.meldSchrijven(req, res);
      return next();
    }
    const principal = req.principal;
    if (soort !== 'bewaarbaar' || this.max <= 0 || !principal || !this.signalen.luistert) return next();
    const { query, operationName, variables } = body as {
      query: string;
      operationName?: unknown;
      variables?: unknown;
    };
    const operatie = typeof operationName === 'string' ? operationName : null;
    // variables a query does not declare are ignored by GraphQL but would land in the key: a large
    // one per request would fill memory that the byte budget below does not count
    const variabelen = variables === undefined ? 'null' : JSON.stringify(variables);
    if ((operatie?.length ?? 0) > MAX_OPERATIENAAM_TEKENS || variabelen.length > MAX_VARIABELEN_TEKENS)
      return next();

    // read BEFORE anything is computed: a change announced after this read makes another key
    // (CacheSignalen.generatie; every committed data change is announced, migration 1767200000000)
    const generatie = this.signalen.generatie;
    // a hash: the key's own size stays fixed whatever the query text
    const sleutel = createHash('sha256')
      .update(
        JSON.stringify([
          this.principalSleutel(principal),
          generatie,
          this.klok.vandaag(),
          query,
          operatie,
          variabelen,
        ]),
      )
      .digest('base64');
    const bewaard = this.antwoorden.get(sleutel);
    if (bewaard) {
      this.metrieken.antwoordCache.inc({ outcome: 'hit' });
      // least recently used: move to the end
      this.antwoorden.delete(sleutel);
      this.antwoorden.set(sleutel, bewaard);
      res.setHeader('X-Cache', 'HIT');
      return this.stuur(req, res, bewaard);
    }
    this.metrieken.antwoordCache.inc({ outcome: 'miss' });
    res.setHeader('X-Cache', 'MISS');
    const send = res.send.bind(res);
    res.send = (inhoud?: unknown) => {
      if (typeof inhoud === 'string' && res.statusCode === 200) this.bewaar(sleutel, inhoud);
      return send(inhoud);
    };
    next();
  }

  /**
   * What this POST is: a question whose whole answer may be kept, another question (nothing to
   * do), or something that may write: a mutation, or a body this middleware does not read
   * (multipart uploads, invalid JSON). A writer's answer raises the generation before it is sent.
   */
  private soort(req: Request, body: { query?: unknown; operationName?: unknown } | undefined): Soort {
    if (req.method !== 'POST') return 'vraag';
    if (!body || typeof body.query !== 'string' || !req.is('application/json')) return 'schrijft';
    const operatie = typeof body.operationName === 'string' ? body.operationName : null;
    // not parsed (Apollo applies its own limits); a mutation among these is still announced by
    // Postgres to every process, this one included, only without the head start below
    if (body.query.length > MAX_QUERY_TEKENS || (operatie?.length ?? 0) > MAX_OPERATIENAAM_TEKENS)
      return 'vraag';
    const sleutel = `${operatie ?? ''}\n${body.query}`;
    let soort = this.soorten.get(sleutel);
    if (soort === undefined) {
      soort = soortVan(body.query, operatie);
      if (this.soorten.size >= 1000) this.soorten.clear();
      this.soorten.set(sleutel, soort);
    }
    return soort;
  }

  /**
   * Raise the generation when a writer's answer goes out (its commit has happened by then), so
   * its next question does not depend on the notification's arrival. Not for an answer without
   * data (refused, invalid): otherwise any signed-in user could empty everybody's answers here
   * with mutations that write nothing (GraphQL answers a refusal with status 200 and no data;
   * a REST write with an error status).
   */
  private meldSchrijven(req: Request, res: Response): void {
    const send = res.send.bind(res);
    const graphql = req.originalUrl.startsWith('/graphql');
    res.send = (inhoud?: unknown) => {
      // REST: 201/204 when something was stored; the import's dry run answers 200 and stores
      // nothing (a write answering 200 still reaches every process through its NOTIFY)
      if (
        graphql
          ? res.statusCode < 400 && heeftGegevens(inhoud)
          : res.statusCode === 201 || res.statusCode === 204
      )
        this.signalen.lokaleWijziging();
      return send(inhoud);
    };
  }

  /** number of answers held (tests) */
  get grootte(): number {
    return this.antwoorden.size;
  }

  private stuur(req: Request, res: Response, bewaard: Bewaard): void {
    res.statusCode = 200;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Vary', 'Accept-Encoding');
    if (req.acceptsEncodings('gzip') === 'gzip') {
      if (!bewaard.gzip) {
        bewaard.gzip = gzipSync(bewaard.json);
        this.totaalBytes += bewaard.gzip.length;
        this.snoei();
      }
      // compression() leaves a response alone that already has a Content-Encoding
      res.setHeader('Content-Encoding', 'gzip');
      res.setHeader('Content-Length', String(bewaard.gzip.length));
      res.end(bewaard.gzip);
      return;
    }
    res.setHeader('Content-Length', String(bewaard.json.length));
    res.end(bewaard.json);
  }

  private bewaar(sleutel: string, inhoud: string): void {
    // an answer with errors (or a partial one) is never kept; "errors" inside a value only costs a miss
    if (!inhoud.startsWith('{"data":') || inhoud.includes('"errors"')) return;
    const json = Buffer.from(inhoud, 'utf8');
    if (json.length > MAX_ANTWOORD_BYTES) return;
    const oud = this.antwoorden.get(sleutel);
    if (oud) this.vergeet(sleutel, oud);
    this.antwoorden.set(sleutel, { json });
    this.totaalBytes += json.length;
    this.snoei();
  }

  private snoei(): void {
    while (this.antwoorden.size > this.max || this.totaalBytes > MAX_TOTAAL_BYTES) {
      const [sleutel, oudste] = this.antwoorden.entries().next().value!;
      this.vergeet(sleutel, oudste);
    }
  }

  private vergeet(sleutel: string, b: Bewaard): void {
    this.antwoorden.delete(sleutel);
    this.totaalBytes -= b.json.length + (b.gzip?.length ?? 0);
  }

  private principalSleutel(p: Principal): string {
    const org = p.organisatie;
    let o = this.organisatieSleutels.get(org);
    if (o === undefined) {
      o = JSON.stringify([org.id, org.code, org.soort, org.provincieCode ?? null, gemeenteScope(p)]);
      this.organisatieSleutels.set(org, o);
    }
    return JSON.stringify([p.sub, [...p.rollen].sort(), o]);
  }
}
