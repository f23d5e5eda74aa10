// Rows per second of the row step with and without the import koppeling (issue 12, item 7):
// 200,000 rows through pasKolomMappingToe → maakWaardeVertaler → valideerToewijzingRij, three
// rounds. Needs the built domain library (npx tsc -b apps/api/tsconfig.app.json).
const d = require('../libs/domain/dist/index.js');
const N = 200000;
const headers = ['Ref verhuring','Plaats','Ingangsdatum','Doelgrp','Pers','Sgm','Urg'];
const koppeling = { kolommen: [
  { bron: 'Ref verhuring', kolom: 'extern_kenmerk' },{ bron: 'Plaats', kolom: 'gemeente' },{ bron: 'Doelgrp', kolom: 'aandachtsgroep' },
  { bron: 'Pers', kolom: 'huishoudgrootte' },{ bron: 'Sgm', kolom: 'segment' },{ bron: 'Urg', kolom: 'via_urgentie' }],
  waarden: [{ veld: 'aandachtsgroep', bron: 'STH', waarde: 'STATUSHOUDERS' },{ veld: 'aandachtsgroep', bron: 'X0', waarde: 'REGULIER' },
  { veld: 'segment', bron: 'S1', waarde: 'SOCIALE_HUUR' },{ veld: 'via_urgentie', bron: 'J', waarde: 'JA' },{ veld: 'via_urgentie', bron: 'N', waarde: 'NEE' }] };
const gem = [{ code: 'GM0344', naam: 'Utrecht' }, { code: 'GM0356', naam: 'Nieuwegein' }];
const opties = { werkgebied: ['GM0344','GM0356'], gemeenteOpNaam: d.maakGemeenteZoeker(gem), herkenGemeente: d.maakGemeenteHerkenner(gem), vandaag: '2026-11-29' };
function run(metKoppeling) {
  const mapping = d.bouwKolomMapping(headers, metKoppeling ? d.kolomWoorden(koppeling) : Object.fromEntries(koppeling.kolommen.map(k=>[k.bron,k.kolom])));
  const v = d.maakWaardeVertaler(metKoppeling ? koppeling : d.LEGE_KOPPELING);
  const cellen = metKoppeling ? ['X','Utrecht','03-02-2026','STH','3','S1','J'] : ['X','Utrecht','03-02-2026','statushouder','3','sociale huur','ja'];
  const t0 = process.hrtime.bigint(); let ok = 0;
  for (let i = 0; i < N; i++) {
    const rec = {}; for (let j = 0; j < headers.length; j++) rec[headers[j]] = j === 0 ? 'K' + i : cellen[j];
    const c = d.pasKolomMappingToe(mapping, rec); v.vertaal(c);
    if (d.valideerToewijzingRij(c, opties).ok) ok++;
  }
  return [Number(process.hrtime.bigint() - t0) / 1e6, ok];
}
for (let r = 0; r < 3; r++) { const a = run(false), b = run(true); console.log(`zonder koppeling ${a[0].toFixed(0)} ms (${a[1]} ok) | met koppeling ${b[0].toFixed(0)} ms (${b[1]} ok)`); }
