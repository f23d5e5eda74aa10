import type { RequestContext } from '@thuismonitor/auth';
import { WallDb } from './support/wall-db';

/**
 * Review findings of session 4 closed in migration 1766600000000, through ScopedDb with plain SQL
 * (no service): the regime setting needs the operator role in Postgres, and the SECURITY DEFINER
 * functions of the operator's work search pg_temp last.
 */
let w: WallDb;
let rijk: RequestContext;
let operator: RequestContext;

beforeAll(async () => {
  w = await WallDb.start();
  rijk = await w.als('BZK');
  operator = await w.als('BZK', ['lezen', 'platformbeheer']);
});
afterAll(() => w.close());

const ZET = `UPDATE volkshuisvesting_regime SET geldig_van = geldig_van`;

it('a Rijk principal without platformbeheer cannot change the regime dates; the operator can', async () => {
  expect(await w.wijzig(rijk, ZET)).toBe(0);
  expect(await w.wijzig(operator, ZET)).toBeGreaterThan(0);
});

it('the statushouders policy (1767400000002) is written only by the operator, also in Postgres', async () => {
  const ZET_BELEID = `UPDATE statushouders_beleid SET bron = bron`;
  expect(await w.wijzig(rijk, ZET_BELEID)).toBe(0);
  expect(await w.wijzig(operator, ZET_BELEID)).toBeGreaterThan(0);
  const NIEUW = `INSERT INTO statushouders_beleid (geldig_van, taakstelling, voorrang, toelichting, bron)
                 VALUES ('2099-01-01', false, 'VERBODEN', 'x', 'y')`;
  expect(await w.fout(rijk, NIEUW)).toMatch(/row-level security/);
});

it('tm_herindeling and tm_aanmeldbare_gebruikers search pg_temp last', async () => {
  const { rows } = await w.admin.query(
    `SELECT proname, proconfig FROM pg_proc WHERE proname IN ('tm_herindeling', 'tm_aanmeldbare_gebruikers') ORDER BY 1`,
  );
  expect(rows).toEqual([
    { proname: 'tm_aanmeldbare_gebruikers', proconfig: ['search_path=public, pg_temp'] },
    { proname: 'tm_herindeling', proconfig: ['search_path=public, pg_temp'] },
  ]);
});
