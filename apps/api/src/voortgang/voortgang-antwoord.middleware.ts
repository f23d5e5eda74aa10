import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Kind, parse, type DocumentNode } from 'graphql';
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
import { ScopedDb } from '../database/scoped-db.service';
import { Metrieken } from '../metrics/metrieken';

/** Root fields whose whole answer may be kept: read-only, and computed only from what the key holds. */
const BEWAARBARE_VELDEN = new Set(['voortgang', '__typename']);
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
 * - Freshness: the key holds the data version read BEFORE the answer was computed; any committed
 *   write to a table voortgang reads raises it (migration 1765400000003), so an answer is never
 *   older than the last commit. The key also holds today's date (Amsterdam): the peildatum of a
 *   running period moves with it.
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
  private readonly bewaarbaar = new Map<string, boolean>();
  /** the organisation part of the key, per organisation object (PrincipalResolver reuses it for 30 s) */
  private readonly organisatieSleutels = new WeakMap<PrincipalOrganisatie, string>();
  private totaalBytes = 0;
  private readonly max: number;

  constructor(
    private readonly db: ScopedDb,
    private readonly metrieken: Metrieken,
    private readonly klok: Klok,
    private readonly signalen: CacheSignalen,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.max = config.voortgangCache;
  }

  async use(req: Request & RequestMetPrincipal, res: Response, next: NextFunction): Promise<void> {
    const body = req.body as { query?: unknown; operationName?: unknown; variables?: unknown } | undefined;
    const principal = req.principal;
    if (
      this.max <= 0 ||
      req.method !== 'POST' ||
      !principal ||
      !body ||
      typeof body.query !== 'string' ||
      !req.is('application/json') ||
      !this.signalen.luistert
    )
      return next();
    const operatie = typeof body.operationName === 'string' ? body.operationName : null;
    // variables a query does not declare are ignored by GraphQL but would land in the key: a large
    // one per request would fill memory that the byte budget below does not count
    const variabelen = body.variables === undefined ? 'null' : JSON.stringify(body.variables);
    if (
      (operatie?.length ?? 0) > MAX_OPERATIENAAM_TEKENS ||
      variabelen.length > MAX_VARIABELEN_TEKENS ||
      !this.isBewaarbaar(body.query, operatie)
    )
      return next();

    // reference data of this process must be as new as the version (see CacheSignalen.generatie)
    const generatie = this.signalen.generatie;
    let versie: string;
    try {
      // the version first: a write that commits after this read raises it, whatever is computed next
      versie = await this.db.gegevensVersie();
    } catch {
      return next();
    }
    // a hash: the key's own size stays fixed whatever the query text
    const sleutel = createHash('sha256')
      .update(
        JSON.stringify([
          this.principalSleutel(principal),
          generatie,
          versie,
          this.klok.vandaag(),
          body.query,
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

  /** Whether every root field of the operation is one whose answer may be kept (parsed once per text). */
  private isBewaarbaar(query: string, operationName: string | null): boolean {
    if (query.length > MAX_QUERY_TEKENS) return false;
    const sleutel = `${operationName ?? ''}\n${query}`;
    let ja = this.bewaarbaar.get(sleutel);
    if (ja === undefined) {
      ja = alleenBewaarbareVelden(query, operationName);
      if (this.bewaarbaar.size >= 1000) this.bewaarbaar.clear();
      this.bewaarbaar.set(sleutel, ja);
    }
    return ja;
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

function alleenBewaarbareVelden(query: string, operationName: string | null): boolean {
  let doc: DocumentNode;
  try {
    doc = parse(query, { noLocation: true, maxTokens: 5_000 });
  } catch {
    return false; // Apollo answers the syntax error
  }
  const operaties = doc.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operatie =
    operationName === null
      ? operaties.length === 1
        ? operaties[0]
        : undefined
      : operaties.find((o) => o.name?.value === operationName);
  if (!operatie || operatie.operation !== 'query') return false;
  return operatie.selectionSet.selections.every(
    (s) => s.kind === Kind.FIELD && !s.directives?.length && BEWAARBARE_VELDEN.has(s.name.value),
  );
}
