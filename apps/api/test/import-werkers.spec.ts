import {
  ImportWerkers,
  MAX_IMPORTS_PER_ORGANISATIE,
  type ImportSessie,
} from '../src/toewijzing/import-werkers';
import type { VerwerkInvoer } from '../src/toewijzing/import-verwerking';

/**
 * The import workers' fairness (issue 9 review): one organisation holds at most
 * MAX_IMPORTS_PER_ORGANISATIE uploads (running and waiting) in a process, so a corporatie sending
 * files in a loop cannot take every place while another corporatie's import waits. Real worker
 * threads on a small real CSV; a session holds its place until stop().
 */
const CSV = 'extern_kenmerk,gemeente_code,datum,huishoudgrootte\nA-1,GM0344,2026-01-05,2\n';

function invoer(corporatieId: string): VerwerkInvoer {
  return {
    buffer: new Uint8Array(Buffer.from(CSV)),
    bestandsnaam: 'toewijzingen.csv',
    eigenMapping: {},
    koppeling: { kolommen: [], waarden: [] },
    urgentieCategorieen: {},
    gemeenten: [{ code: 'GM0344', naam: 'Utrecht' }],
    werkgebied: ['GM0344'],
    vandaag: '2026-11-29',
    bewaarGrens: '2021-01-01',
    sleutel: 'k'.repeat(32),
    corporatieId,
  };
}

describe('ImportWerkers: places per organisation', () => {
  const werkers = new ImportWerkers();
  const open: ImportSessie[] = [];
  afterAll(async () => {
    await Promise.all(open.map((s) => s.stop()));
    await werkers.onModuleDestroy();
  });

  it('refuses a third upload of the same organisation with a Dutch 429, and still serves another', async () => {
    expect(MAX_IMPORTS_PER_ORGANISATIE).toBe(2);
    // two of corporatie A: the first runs, the second runs or waits (places depend on the cores)
    const a1 = await werkers.start(invoer('corp-a'));
    open.push(a1);
    expect(a1.rapport.rijen).toBe(1);
    const a2 = werkers.start(invoer('corp-a'));
    await expect(werkers.start(invoer('corp-a'))).rejects.toMatchObject({
      httpStatus: 429,
      message: expect.stringMatching(/^Uw organisatie heeft al 2 bestanden in behandeling/),
    });
    // corporatie B is not refused by A's loop: it queues and gets the place after A's imports
    const b = werkers.start(invoer('corp-b'));
    await a1.stop();
    const s2 = await a2;
    open.push(s2);
    await s2.stop();
    const sb = await b;
    open.push(sb);
    expect(sb.rapport.rijen).toBe(1);
    await sb.stop();
    // A's places come back when its imports end
    const a3 = await werkers.start(invoer('corp-a'));
    open.push(a3);
    expect(a3.rapport.rijen).toBe(1);
  });
});
