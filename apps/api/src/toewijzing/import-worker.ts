import * as os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { BestandWeigering } from './bestand-weigering';
import {
  alsBatch,
  verwerkBestand,
  type KolomBatch,
  type VerwerkInvoer,
  type VerwerkUitkomst,
} from './import-verwerking';

/**
 * Entry point of the import worker thread (started by ImportWerkers). Checks the whole file,
 * sends the report, then hands out the valid rows in batches when the API thread asks for them
 * ("volgende"), so the API thread holds one batch at a time, never the whole file.
 */
export type WerkerBericht =
  | {
      soort: 'rapport';
      rapport: Omit<VerwerkUitkomst, 'geldig'>;
      geldig: number;
    }
  | { soort: 'batch'; kolommen: KolomBatch }
  | { soort: 'klaar' }
  | { soort: 'weigering'; melding: string; details?: { veld: string; melding: string }[]; status: 400 | 422 }
  | { soort: 'fout'; bericht: string };

async function main(): Promise<void> {
  // Lowest CPU priority for this thread: on Linux the nice value is per thread (setpriority on
  // the calling thread), so when cores are scarce the API thread, which answers every other
  // request, wins over a file being checked. Elsewhere this may apply to the process or fail.
  if (process.platform === 'linux') {
    try {
      os.setPriority(19);
    } catch {
      // not permitted: run at normal priority
    }
  }
  const poort = parentPort!;
  const stuur = (b: WerkerBericht) => poort.postMessage(b);
  try {
    const { geldig, ...rapport } = await verwerkBestand(workerData as VerwerkInvoer);
    stuur({ soort: 'rapport', rapport, geldig: geldig.kenmerkHash.length });
    let van = 0;
    poort.on('message', (m: { soort: 'volgende'; aantal: number }) => {
      if (m.soort !== 'volgende') return;
      if (van >= geldig.kenmerkHash.length) return stuur({ soort: 'klaar' });
      const tot = Math.min(van + m.aantal, geldig.kenmerkHash.length);
      stuur({ soort: 'batch', kolommen: alsBatch(geldig, van, tot) });
      van = tot;
    });
  } catch (err) {
    if (err instanceof BestandWeigering)
      stuur({ soort: 'weigering', melding: err.melding, details: err.details, status: err.status });
    else stuur({ soort: 'fout', bericht: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
}

void main();
