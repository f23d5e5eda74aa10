import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { WOONDEAL_PERIODE } from '@thuismonitor/domain';
import { useSearchParams } from 'react-router';
import { magIk, useMe } from '../auth/MeContext';
import { FoutMelding, Laden, veldFouten } from '../components/Fout';
import { InvoerSectie } from '../components/InvoerSectie';
import { GetalVeld, ToelichtingVeld, Verzendknop } from '../components/Invoervelden';
import { GebiedKiezer } from '../components/GebiedKiezer';
import { IndicatorVeld } from '../components/Keuzevelden';
import { Alert, FormField, Heading, Paragraph, Select, StatusBadge, Tabel } from '../components/nl';
import {
  CyclusKalenderDocument,
  GemeentenDocument,
  IndicatorenDocument,
  ProvinciesDocument,
  StelTaakstellingDocument,
  TaakstellingenDocument,
  WoningmarktregioKeuzeDocument,
  type GebiedSoort,
  type GeschilOnderwerp,
} from '../generated/graphql';
import { useConcept } from '../lib/concept';
import { formatDag, formatDatumTijd, formatGetal, organisatieSoortLabel, parseGetal } from '../lib/format';
import { usePaginaTitel } from '../lib/pagina';
import { termijnTekst } from '../lib/termijn';
import { huidigJaar, standaardGebied } from '../lib/gebied';

const STAP_BADGE: Record<string, 'success' | 'warning' | 'danger'> = {
  GEDAAN: 'success',
  OPEN: 'warning',
  TE_LAAT: 'danger',
};

const GESCHIL_ONDERWERP: Record<GeschilOnderwerp, string> = {
  INHOUD: 'de inhoud van de prestatieafspraken',
  NAKOMING: 'de nakoming ervan',
};

/** The yearly cycle of a gemeente: bod by 1 July, signing by 1 or 15 December, geschil window. */
export function CyclusPagina() {
  usePaginaTitel('Cyclus');
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const eigen =
    me.organisatie.soort === 'GEMEENTE' ? me.organisatie.gemeente?.code : me.organisatie.werkgebied[0]?.code;
  const gemeenteCode = params.get('gemeente') ?? eigen ?? '';
  const jaar = Number(params.get('jaar')) || huidigJaar();
  const kanKiezen = me.organisatie.soort !== 'GEMEENTE';
  const provincieCode = me.organisatie.soort === 'PROVINCIE' ? me.organisatie.provincie?.code : undefined;
  const gemeenten = useQuery(GemeentenDocument, {
    variables: {
      filter: provincieCode
        ? { provincieCode }
        : me.organisatie.soort === 'RIJK'
          ? {}
          : { codes: me.organisatie.werkgebied.map((g) => g.code) },
    },
    skip: !kanKiezen,
  });
  const { data, error, loading } = useQuery(CyclusKalenderDocument, {
    variables: { gemeenteCode, jaar },
    skip: !gemeenteCode,
  });
  const k = data?.cyclusKalender;
  const zet = (key: string, w: string) => {
    const p = new URLSearchParams(params);
    p.set(key, w);
    setParams(p);
  };
  return (
    <>
      <Heading level={1}>Cyclus prestatieafspraken{k ? `: ${k.gemeente.naam} ${k.jaar}` : ''}</Heading>
      <Paragraph>
        Elk jaar: de corporatie brengt vóór 1 juli haar bod uit, en vóór 1 of 15 december ondertekenen de
        partijen de afspraken voor het volgende jaar. Een geschil (artikel 44 Woningwet) kan van 1 juli tot en
        met 29 januari.
      </Paragraph>
      <form className="tm-filter" aria-label="Gemeente en jaar kiezen" onSubmit={(e) => e.preventDefault()}>
        {kanKiezen ? (
          <FormField label="Gemeente">
            {(ids) => (
              <Select ids={ids} value={gemeenteCode} onChange={(e) => zet('gemeente', e.target.value)}>
                {(gemeenten.data?.gemeenten ?? []).map((g) => (
                  <option key={g.code} value={g.code}>
                    {g.naam}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
        ) : null}
        <FormField label="Jaar">
          {(ids) => (
            <Select ids={ids} value={String(jaar)} onChange={(e) => zet('jaar', e.target.value)}>
              {[-1, 0, 1, 2].map((d) => (
                <option key={d} value={huidigJaar() - d}>
                  {huidigJaar() - d}
                </option>
              ))}
            </Select>
          )}
        </FormField>
      </form>
      <FoutMelding error={error} />
      {loading && !data ? <Laden /> : null}
      {k ? (
        <>
          <Tabel
            caption={`Stappen in ${k.jaar} voor de afspraken van ${k.afsprakenJaar} (stand op ${formatDag(k.peildatum)})`}
            rijen={k.stappen}
            sleutel={(s) => s.code}
            kolommen={[
              { kop: 'Stap', cel: (s) => s.label, rijkop: true },
              { kop: 'Uiterlijk', cel: (s) => formatDag(s.deadline) },
              {
                kop: 'Gedaan op',
                cel: (s) =>
                  s.gedaanOp ? `${formatDag(s.gedaanOp)}${s.opTijd === false ? ' (te laat)' : ''}` : '–',
              },
              {
                kop: 'Status',
                cel: (s) => (
                  <StatusBadge soort={STAP_BADGE[s.status] ?? 'neutral'}>{s.statusLabel}</StatusBadge>
                ),
              },
              // in words ("nog 12 dagen", "3 dagen te laat"), not a signed count such as "−151"
              { kop: 'Termijn', cel: (s) => termijnTekst(s) },
            ]}
          />
          <Paragraph>
            De regels van deze cyclus: {k.regime.naam} (het regime dat op 1 juli {k.jaar} geldt).
          </Paragraph>
          <Alert type="info">
            {k.geschilMogelijk
              ? `Op dit moment kan een geschil worden voorgelegd aan de huurcommissie over ${k.geschilOnderwerpen
                  .map((o) => GESCHIL_ONDERWERP[o])
                  .join(' en ')}.`
              : `Op dit moment kan geen geschil worden voorgelegd (in deze cyclus kan dat van ${formatDag(
                  k.geschilTermijn.van,
                )} tot en met ${formatDag(k.geschilTermijn.tot)}).`}
          </Alert>
        </>
      ) : null}
    </>
  );
}

interface TaakConcept {
  gebied: string;
  indicatorCode: string;
  jaar: string;
  halfjaar: string;
  waarde: string;
  toelichting: string;
}

/** Targets of the own area; the level that owns them sets new ones. */
export function TaakstellingenPagina() {
  usePaginaTitel('Taakstellingen');
  const me = useMe();
  const standaard = standaardGebied(me);
  const soortOrg = me.organisatie.soort;
  const provincieCode = soortOrg === 'PROVINCIE' ? me.organisatie.provincie?.code : undefined;
  const gemeenten = useQuery(GemeentenDocument, {
    variables: { filter: provincieCode ? { provincieCode } : {} },
    skip: !provincieCode && soortOrg !== 'RIJK',
  });
  const provincies = useQuery(ProvinciesDocument, { skip: soortOrg !== 'RIJK' });
  // woningmarktregio's this level owns (woondeals, issue 12 item 5): a provincie those wholly inside
  // it, the Rijk those across a provincial border (policy magTaakstellingStellen)
  const regios = useQuery(WoningmarktregioKeuzeDocument, {
    skip: soortOrg !== 'RIJK' && soortOrg !== 'PROVINCIE',
  });
  const eigenRegios = (regios.data?.woningmarktregios ?? []).filter((r) => {
    const pvs = new Set(r.gemeenten.map((g) => g.provincie.code));
    if (r.gemeenten.length === 0) return false;
    return soortOrg === 'RIJK' ? pvs.size > 1 : pvs.size === 1 && pvs.has(provincieCode ?? '');
  });
  const gebiedOpties: { waarde: string; label: string }[] = standaard
    ? [
        {
          waarde: `${standaard.soort}:${standaard.code}`,
          label:
            standaard.soort === 'LAND'
              ? 'Nederland'
              : standaard.soort === 'PROVINCIE'
                ? `Provincie ${me.organisatie.provincie?.naam ?? ''}`
                : (me.organisatie.gemeente?.naam ?? standaard.code),
        },
        ...(provincies.data?.provincies ?? []).map((p) => ({
          waarde: `PROVINCIE:${p.code}`,
          label: `Provincie ${p.naam}`,
        })),
        ...eigenRegios.map((r) => ({ waarde: `WONINGMARKTREGIO:${r.code}`, label: `Regio ${r.naam}` })),
        ...(gemeenten.data?.gemeenten ?? []).map((g) => ({ waarde: `GEMEENTE:${g.code}`, label: g.naam })),
      ]
    : [];
  const [c, setC, wis] = useConcept<TaakConcept>('taakstelling', {
    gebied: standaard ? `${standaard.soort}:${standaard.code}` : '',
    indicatorCode: '',
    jaar: String(huidigJaar()),
    halfjaar: `${huidigJaar()}-H1`,
    waarde: '',
    toelichting: '',
  });
  const [soort, code] = (c.gebied || ':').split(':');
  const lijst = useQuery(TaakstellingenDocument, {
    variables: { gebied: { soort: soort as GebiedSoort, code }, metGeschiedenis: false },
    skip: !code,
  });
  const indicatoren = useQuery(IndicatorenDocument, { variables: {} });
  // Who sets what (the API checks it again): the statushouders taakstelling is the Rijk's, per
  // gemeente; provincie and gemeente set the other indicators for their own gemeenten.
  const meetbaar = (indicatoren.data?.indicatoren ?? []).filter((i) => {
    if (i.bron === 'MIJLPAAL') return false;
    const sh = i.code === 'STATUSHOUDERS_GEHUISVEST';
    // the stock share of sociale huur: provincial policy, only a provincie sets it (issue 12 item 5)
    if (i.code === 'AANDEEL_SOCIALE_HUUR' && soortOrg !== 'PROVINCIE') return false;
    if (soortOrg === 'RIJK') return soort === 'GEMEENTE' ? sh : true;
    return !sh;
  });
  const statushouders = c.indicatorCode === 'STATUSHOUDERS_GEHUISVEST';
  const [stel, { error, loading }] = useMutation(StelTaakstellingDocument);
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [melding, setMelding] = useState<string | null>(null);
  const server = veldFouten(error);
  const magStellen = magIk(me, 'taakstelling:stellen');

  const verstuur = async (e: FormEvent) => {
    e.preventDefault();
    setMelding(null);
    const f: Record<string, string> = {};
    if (!c.indicatorCode) f.indicatorCode = 'Kies de indicator.';
    const waarde = parseGetal(c.waarde);
    if (!c.waarde.trim()) f.waarde = 'Vul de taakstelling in.';
    else if (waarde === undefined || waarde < 0) f.waarde = 'Vul een getal van 0 of meer in.';
    setFouten(f);
    if (Object.keys(f).length) return;
    try {
      const r = await stel({
        variables: {
          invoer: {
            gebied: { soort: soort as GebiedSoort, code },
            indicatorCode: c.indicatorCode,
            waarde: waarde!,
            toelichting: c.toelichting.trim() || null,
            ...(statushouders
              ? { halfjaar: c.halfjaar }
              : c.jaar === 'WOONDEAL'
                ? { periode: { van: WOONDEAL_PERIODE.van, tot: WOONDEAL_PERIODE.tot } }
                : { jaar: Number(c.jaar) }),
          },
        },
        refetchQueries: [TaakstellingenDocument],
      });
      const t = r.data?.stelTaakstelling;
      setMelding(
        t
          ? `Taakstelling ${t.indicatorNaam} voor ${t.gebied.naam}: ${formatGetal(t.waarde)} is vastgelegd.`
          : 'Vastgelegd.',
      );
      const gekozen = c.gebied;
      wis();
      setC((oud) => ({ ...oud, gebied: gekozen }));
    } catch {
      /* shown */
    }
  };

  const rijen = lijst.data?.taakstellingen ?? [];
  return (
    <>
      <Heading level={1}>Taakstellingen</Heading>
      <Paragraph>
        Doelen die van bovenaf zijn gesteld: door het Rijk, de provincie of de gemeente zelf. De voortgang
        wordt hiertegen afgezet.
      </Paragraph>
      <form className="tm-filter" aria-label="Gebied kiezen" onSubmit={(e) => e.preventDefault()}>
        <GebiedKiezer
          opties={gebiedOpties}
          waarde={c.gebied}
          onKies={(w) => setC({ ...c, gebied: w })}
          zoeken={soortOrg === 'RIJK' || soortOrg === 'PROVINCIE'}
        />
      </form>
      <FoutMelding error={lijst.error} />
      {lijst.loading && !lijst.data ? <Laden /> : null}
      {lijst.data ? (
        <Tabel
          caption={`${formatGetal(rijen.length)} actuele taakstellingen`}
          exporteer="Taakstellingen"
          rijen={rijen}
          sleutel={(t) => t.id}
          kolommen={[
            { kop: 'Indicator', cel: (t) => t.indicatorNaam, rijkop: true },
            {
              kop: 'Periode',
              cel: (t) =>
                t.halfjaar
                  ? t.halfjaar.replace('-H', ', halfjaar ')
                  : `${formatDag(t.periode.van)} – ${formatDag(t.periode.tot)}`,
            },
            { kop: 'Taakstelling', cel: (t) => formatGetal(t.waarde), numeriek: true },
            {
              kop: 'Gesteld door',
              cel: (t) =>
                `${t.gesteldDoor.naam} (${organisatieSoortLabel(t.gesteldDoor.soort).toLowerCase()})`,
            },
            { kop: 'Op', cel: (t) => formatDatumTijd(t.aangemaaktOp) },
            { kop: 'Toelichting', cel: (t) => t.toelichting ?? '–' },
          ]}
          leeg="Voor dit gebied zijn nog geen taakstellingen gesteld."
        />
      ) : null}
      {magStellen ? (
        <InvoerSectie
          kopId="kop-stellen"
          kop="Taakstelling stellen"
          melding={melding}
          error={error}
          onSubmit={verstuur}
        >
          <IndicatorVeld
            label="Indicator"
            leeg="Kies een indicator"
            indicatoren={meetbaar}
            verplicht
            error={fouten.indicatorCode ?? server.indicatorCode}
            value={c.indicatorCode}
            onChange={(indicatorCode) => setC({ ...c, indicatorCode })}
          />
          {statushouders ? (
            <FormField label="Halfjaar" error={server.halfjaar}>
              {(ids) => (
                <Select
                  ids={ids}
                  value={c.halfjaar}
                  onChange={(e) => setC({ ...c, halfjaar: e.target.value })}
                >
                  {[huidigJaar() - 1, huidigJaar(), huidigJaar() + 1].flatMap((j) =>
                    [1, 2].map((h) => (
                      <option key={`${j}-H${h}`} value={`${j}-H${h}`}>
                        {h === 1 ? `1e halfjaar ${j}` : `2e halfjaar ${j}`}
                      </option>
                    )),
                  )}
                </Select>
              )}
            </FormField>
          ) : (
            <FormField label="Periode" error={server.jaar ?? server.periode}>
              {(ids) => (
                <Select ids={ids} value={c.jaar} onChange={(e) => setC({ ...c, jaar: e.target.value })}>
                  <option value="WOONDEAL">Woondeal 2022–2030</option>
                  {[0, 1, 2, 3].map((d) => (
                    <option key={d} value={huidigJaar() + d}>
                      {huidigJaar() + d}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
          )}
          <GetalVeld
            label="Taakstelling"
            verplicht
            description={statushouders ? 'In personen' : undefined}
            error={fouten.waarde ?? server.waarde}
            value={c.waarde}
            onChange={(waarde) => setC({ ...c, waarde })}
          />
          <ToelichtingVeld
            rows={2}
            error={server.toelichting}
            value={c.toelichting}
            onChange={(toelichting) => setC({ ...c, toelichting })}
          />
          <Verzendknop bezig={loading}>Taakstelling vastleggen</Verzendknop>
        </InvoerSectie>
      ) : null}
    </>
  );
}
