import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';

/** A request id from a proxy or client is kept only when it is short and plain (it ends up in logs). */
const GELDIG_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request id: the incoming X-Request-Id (set by the ingress/nginx, or by a client) when it is
 * plain, else a new UUID. It is echoed as X-Request-Id on the response and is `reqId` on every log
 * line of that request (nestjs-pino binds the request's logger to the async context), so a user's
 * error report, the proxy log and the API log meet on one id.
 */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const binnen = req.headers['x-request-id'];
  const id = typeof binnen === 'string' && GELDIG_REQUEST_ID.test(binnen) ? binnen : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/** The request as its log lines show it (after pino-std-serializers' mapping of the raw request). */
export function verzoekVoorLog(req: { id?: unknown; method?: string; url?: string }): {
  id: unknown;
  method?: string;
  url?: string;
} {
  const url = req.url;
  const vraag = url?.indexOf('?') ?? -1;
  return { id: req.id, method: req.method, url: vraag >= 0 ? url!.slice(0, vraag) : url };
}

/** pino-pretty is a devDependency: absent from the production image, so only used when present. */
function prettyBeschikbaar(): boolean {
  try {
    require.resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/**
 * Logs: one JSON object per line in production and tests (for the log collector), readable
 * single lines through pino-pretty in development. Authorization headers and cookies never appear.
 */
export function loggerOpties(config: AppConfig): Params {
  const pretty = config.nodeEnv === 'development' && prettyBeschikbaar();
  return {
    pinoHttp: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      genReqId: requestId,
      // what a request line says of the request: id, method and path. pino-http binds this to a
      // child logger on EVERY request, whatever the level; the standard serializer copied every
      // header through the redaction and JSON (about a tenth of the CPU of a cached voortgang
      // answer, issue 9 speed). Headers and query strings are not needed to follow a request
      // and may carry personal data (privacy.md: no toewijzing content in logs).
      serializers: { req: verzoekVoorLog },
      // reqId on every line of the request through the child logger pino-http makes anyway
      // (customProps did the same at a second child and a stringify per request: issue 9 speed)
      quietReqLogger: true,
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
      transport: pretty
        ? {
            target: 'pino-pretty',
            options: {
              singleLine: true,
              colorize: Boolean(process.stdout.isTTY),
              translateTime: 'SYS:HH:MM:ss.l',
              ignore: 'pid,hostname',
            },
          }
        : undefined,
    },
  };
}
