import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import pinoHttp, { type Options as PinoHttpOpties } from 'pino-http';
import type { AppConfig } from '../config/app-config';
import { loggerOpties } from './logger-opties';

/**
 * The request logging as configured for the API, run through pino-http on a real HTTP server:
 * what a request's log line holds (and what it must not).
 */
describe('request log lines', () => {
  let server: Server;
  const regels: Record<string, unknown>[] = [];

  beforeAll(async () => {
    const opties = loggerOpties({ nodeEnv: 'production', logLevel: 'info' } as AppConfig)
      .pinoHttp as PinoHttpOpties;
    const uit = new Writable({
      write(stuk: Buffer, _enc, klaar) {
        for (const r of stuk.toString('utf8').split('\n').filter(Boolean)) regels.push(JSON.parse(r));
        klaar();
      },
    });
    const log = pinoHttp({
      ...opties,
      logger: pino({ level: 'info', redact: opties.redact as string[] }, uit),
    });
    server = createServer((req, res) => {
      log(req, res);
      req.log.info('binnen');
      res.end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const vraag = (pad: string, headers: Record<string, string>) =>
    new Promise<void>((resolve, reject) => {
      const { port } = server.address() as AddressInfo;
      request({ host: '127.0.0.1', port, path: pad, headers }, (res) => {
        res.resume();
        res.on('end', resolve);
      })
        .on('error', reject)
        .end();
    });

  it('says id, method and path; no headers, no query string, no token', async () => {
    await vraag('/api/rapportages/abc/download?gemeente=GM0344&naam=Jansen', {
      authorization: 'Bearer geheim-token',
      cookie: 'sessie=geheim',
      'x-request-id': 'ingress-7',
    });
    await new Promise((r) => setTimeout(r, 50));
    const voltooid = regels.find((r) => r.msg === 'request completed') as {
      req: unknown;
      reqId: string;
      res: unknown;
    };
    expect(voltooid.req).toEqual({ id: 'ingress-7', method: 'GET', url: '/api/rapportages/abc/download' });
    // a line logged by the handler carries the request id (the quiet child), not the request
    const binnen = regels.find((r) => r.msg === 'binnen')!;
    expect(binnen.reqId).toBe('ingress-7');
    expect(binnen.req).toBeUndefined();
    const alles = JSON.stringify(regels);
    for (const geheim of ['geheim', 'Jansen', 'GM0344', 'authorization', 'cookie'])
      expect(alles).not.toContain(geheim);
  });
});
