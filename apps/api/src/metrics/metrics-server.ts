import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { Metrieken } from './metrieken';

/**
 * GET /metrics on a port of its own (METRICS_PORT, METRICS_HOST), in the API and in the worker.
 * Not on the public port: the Ingress and the web container never route to it, so no login or
 * token is needed; in Kubernetes only Prometheus reaches it (pod annotations / a PodMonitor on
 * the `metrics` container port, NetworkPolicy from the monitoring namespace). docs/deployment.md.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private server?: http.Server;

  constructor(
    private readonly metrieken: Metrieken,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The bound address (tests: METRICS_PORT=0 picks a free port). */
  get url(): string {
    const a = this.server?.address() as AddressInfo | null;
    if (!a) throw new Error('metrics server not listening');
    return `http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}/metrics`;
  }

  async onApplicationBootstrap(): Promise<void> {
    const server = http.createServer((req, res) => {
      if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
        return;
      }
      this.metrieken.registry
        .metrics()
        .then((tekst) =>
          res.writeHead(200, { 'content-type': this.metrieken.registry.contentType }).end(tekst),
        )
        .catch((err: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${err.message}\n`));
    });
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(this.config.metricsPort, this.config.metricsHost, () => resolve());
      });
    } catch (err) {
      // Metrics must not take the service down (e.g. a second process on one machine with the
      // same METRICS_PORT): serve without them and say so loudly.
      this.logger.error(
        `metrics NOT served: cannot listen on ${this.config.metricsHost}:${this.config.metricsPort} (${(err as Error).message}); set METRICS_PORT`,
      );
      return;
    }
    this.server = server;
    this.logger.log(`metrics on ${this.url}`);
  }

  async onApplicationShutdown(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (s) await new Promise<void>((r) => s.close(() => r()));
  }
}
