import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { GebruikersFout } from '../common/fouten';
import type { KolomBatch, VerwerkInvoer, VerwerkUitkomst } from './import-verwerking';
import type { WerkerBericht } from './import-worker';

/** Imports checked at the same time; one per core, so the API thread always has a core. */
export const GELIJKTIJDIGE_IMPORTS = Math.max(1, Math.min(2, os.availableParallelism() - 1));
/** Uploads that may wait for a free worker; more get 503 (each waiting upload holds its file). */
export const MAX_WACHTENDE_IMPORTS = 8;
/**
 * Uploads of one organisation in this process, running and waiting together: one corporatie
 * sending files in a loop fills at most this many of the places above, never all of them, so the
 * others' imports still get a turn. More get 429 with a Dutch message.
 */
export const MAX_IMPORTS_PER_ORGANISATIE = 2;
/**
 * V8 heap of one import worker. The largest file the limits allow (IMPORT_GRENZEN: 200.000 rows,
 * 20 MB) needs well under this; a file that needs more is refused instead of growing the process.
 */
export const WERKER_HEAP_MB = 384;

export type ImportRapportDeel = Omit<VerwerkUitkomst, 'geldig'>;

/** One file being checked in a worker thread: its report, then its valid rows batch by batch. */
export interface ImportSessie {
  rapport: ImportRapportDeel;
  aantalGeldig: number;
  /** the next batch of valid rows, or undefined when all were handed out */
  volgende(aantal: number): Promise<KolomBatch | undefined>;
  /** ends the worker (always call, also after an error) */
  stop(): Promise<void>;
}

/**
 * Parsing and validating an upload runs in a worker thread (issue 10.2): a million-row CSV or a
 * crafted XLSX costs that thread's time and bounded heap, while the API thread keeps answering.
 * At most GELIJKTIJDIGE_IMPORTS run at once; later uploads wait (at most MAX_WACHTENDE_IMPORTS).
 */
@Injectable()
export class ImportWerkers implements OnModuleDestroy {
  private readonly logger = new Logger(ImportWerkers.name);
  private bezig = 0;
  private readonly wachtrij: (() => void)[] = [];
  private readonly actief = new Set<Worker>();
  private readonly perOrganisatie = new Map<string, number>();

  async start(invoer: VerwerkInvoer): Promise<ImportSessie> {
    const organisatie = invoer.corporatieId;
    const eigen = this.perOrganisatie.get(organisatie) ?? 0;
    if (eigen >= MAX_IMPORTS_PER_ORGANISATIE) {
      throw new GebruikersFout(
        'NIET_BESCHIKBAAR',
        `Uw organisatie heeft al ${MAX_IMPORTS_PER_ORGANISATIE} bestanden in behandeling. Wacht tot die klaar zijn en probeer het dan opnieuw.`,
        undefined,
        429,
      );
    }
    this.perOrganisatie.set(organisatie, eigen + 1);
    const losLaten = () => {
      const n = (this.perOrganisatie.get(organisatie) ?? 1) - 1;
      if (n <= 0) this.perOrganisatie.delete(organisatie);
      else this.perOrganisatie.set(organisatie, n);
    };
    try {
      await this.plek();
    } catch (err) {
      losLaten();
      throw err;
    }
    let worker: Worker;
    try {
      worker = startWorker(invoer);
    } catch (err) {
      this.vrij();
      losLaten();
      throw err;
    }
    this.actief.add(worker);
    const berichten = new BerichtenRij(worker);
    let gestopt = false;
    const stop = async () => {
      if (gestopt) return;
      gestopt = true;
      this.actief.delete(worker);
      await worker.terminate();
      this.vrij();
      losLaten();
    };
    try {
      const eerste = await berichten.volgende();
      if (eerste.soort !== 'rapport') throw this.alsFout(eerste);
      return {
        rapport: eerste.rapport,
        aantalGeldig: eerste.geldig,
        volgende: async (aantal) => {
          worker.postMessage({ soort: 'volgende', aantal });
          const b = await berichten.volgende();
          if (b.soort === 'klaar') return undefined;
          if (b.soort !== 'batch') throw this.alsFout(b);
          return b.kolommen;
        },
        stop,
      };
    } catch (err) {
      await stop();
      throw err;
    }
  }

  private alsFout(b: WerkerBericht | { soort: 'afgebroken'; oorzaak: Error }): Error {
    if (b.soort === 'weigering') {
      return new GebruikersFout('ONGELDIGE_INVOER', b.melding, b.details, b.status);
    }
    if (b.soort === 'afgebroken' && (b.oorzaak as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
      this.logger.warn('import worker ran out of its heap limit; file refused');
      return new GebruikersFout(
        'ONGELDIGE_INVOER',
        'Het bestand is te groot of te ingewikkeld om te verwerken. Splits het in kleinere bestanden (bijvoorbeeld per kwartaal) of lever een CSV-bestand aan.',
        undefined,
        422,
      );
    }
    const bericht =
      b.soort === 'fout'
        ? b.bericht
        : b.soort === 'afgebroken'
          ? b.oorzaak.stack
          : `unexpected message ${b.soort}`;
    this.logger.error(`import worker failed: ${bericht}`);
    return new Error('import worker failed');
  }

  private async plek(): Promise<void> {
    if (this.bezig < GELIJKTIJDIGE_IMPORTS) {
      this.bezig++;
      return;
    }
    if (this.wachtrij.length >= MAX_WACHTENDE_IMPORTS) {
      throw new GebruikersFout(
        'NIET_BESCHIKBAAR',
        'Er worden nu veel bestanden tegelijk gecontroleerd. Probeer het over een minuut opnieuw.',
        undefined,
        503,
      );
    }
    // the slot is handed over by vrij(): bezig stays counted
    await new Promise<void>((resolve) => this.wachtrij.push(resolve));
  }

  private vrij(): void {
    const volgende = this.wachtrij.shift();
    if (volgende) volgende();
    else this.bezig--;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.actief].map((w) => w.terminate()));
  }
}

/** Messages of one worker in order; an exit or error before the expected message ends the wait. */
class BerichtenRij {
  private readonly rij: (WerkerBericht | { soort: 'afgebroken'; oorzaak: Error })[] = [];
  private wachter?: (b: WerkerBericht | { soort: 'afgebroken'; oorzaak: Error }) => void;

  constructor(worker: Worker) {
    const lever = (b: WerkerBericht | { soort: 'afgebroken'; oorzaak: Error }) => {
      if (this.wachter) {
        const w = this.wachter;
        this.wachter = undefined;
        w(b);
      } else this.rij.push(b);
    };
    worker.on('message', lever);
    worker.on('error', (oorzaak) => lever({ soort: 'afgebroken', oorzaak }));
    worker.on('exit', (code) =>
      lever({ soort: 'afgebroken', oorzaak: new Error(`import worker exited with code ${code}`) }),
    );
  }

  volgende(): Promise<WerkerBericht | { soort: 'afgebroken'; oorzaak: Error }> {
    const klaar = this.rij.shift();
    if (klaar) return Promise.resolve(klaar);
    return new Promise((resolve) => (this.wachter = resolve));
  }
}

/**
 * Starts import-worker in a thread. From the build (dist/…/import-worker.js) it is loaded
 * directly. When the API runs from TypeScript sources (jest with SWC), the thread first installs
 * a require hook that compiles .ts with @swc/core (a devDependency, present wherever the sources
 * run) and maps @thuismonitor/domain to its sources, as jest's moduleNameMapper does.
 */
function startWorker(invoer: VerwerkInvoer): Worker {
  const opties = {
    // a copy of the file's bytes, moved (not copied again) into the thread
    workerData: { ...invoer, buffer: new Uint8Array(invoer.buffer) },
    resourceLimits: { maxOldGenerationSizeMb: WERKER_HEAP_MB, maxYoungGenerationSizeMb: 32 },
  };
  const transfer = [opties.workerData.buffer.buffer as ArrayBuffer];
  if (__filename.endsWith('.js')) {
    return new Worker(path.join(__dirname, 'import-worker.js'), { ...opties, transferList: transfer });
  }
  const bron = path.join(__dirname, 'import-worker.ts');
  const domein = path.resolve(__dirname, '../../../../libs/domain/src/index.ts');
  return new Worker(
    `
    const Module = require('node:module');
    const fs = require('node:fs');
    const swc = require(require.resolve('@swc/core', { paths: [${JSON.stringify(__dirname)}] }));
    const alias = { '@thuismonitor/domain': ${JSON.stringify(domein)} };
    const resolve = Module._resolveFilename;
    Module._resolveFilename = function (request, ...rest) {
      return resolve.call(this, alias[request] || request, ...rest);
    };
    Module._extensions['.ts'] = (module, filename) => {
      const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
        filename,
        jsc: { parser: { syntax: 'typescript', decorators: true }, target: 'es2022', transform: { legacyDecorator: true } },
        module: { type: 'commonjs' },
      });
      module._compile(code, filename);
    };
    require(${JSON.stringify(bron)});
    `,
    { ...opties, eval: true, transferList: transfer },
  );
}
