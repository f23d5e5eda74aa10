import { useMutation, useQuery } from '@apollo/client/react';
import {
  geaccepteerdeWaarden,
  TOEWIJZING_KOLOMMEN,
  toewijzingKolomLabel,
  type KoppelbaarVeld,
  type ToewijzingKolom,
  type ToewijzingOnbekendeWaarde,
  type ToewijzingToegepasteKoppeling,
} from '@thuismonitor/domain';
import { useId, useRef, useState, type FormEvent } from 'react';
import { foutDetails, foutMeldingen } from '../../components/Fout';
import {
  Alert,
  Button,
  ButtonGroup,
  ButtonLink,
  FormField,
  Heading,
  Paragraph,
  Select,
  Tabel,
  Textbox,
} from '../../components/nl';
import {
  BewaarImportKoppelingDocument,
  ImportKoppelingDocument,
  type ImportKoppelingVeldenFragment,
} from '../../generated/graphql';
import { formatDatumTijd, formatGetal } from '../../lib/format';
import { usePaginaTitel } from '../../lib/pagina';
import { useEigenGemeenten } from './gedeeld';

/**
 * The organisation's own words for its export (issue 12, item 7): after a dry run that found
 * columns or values the product does not know, the import page offers to map them here
 * (KoppelVoorstel); /toewijzingen/koppeling shows and edits the whole saved koppeling.
 */

// the import answer's parts: the REST contract shared with the API (libs/domain rest-contract.ts)
export type OnbekendeWaarde = ToewijzingOnbekendeWaarde;
export type ToegepasteKoppeling = ToewijzingToegepasteKoppeling;

type KolomRegel = { bron: string; kolom: string };
type WaardeRegel = { veld: string; bron: string; waarde: string };
type Regels = { kolommen: KolomRegel[]; waarden: WaardeRegel[]; versie: number };

const KOPPELBAAR: readonly KoppelbaarVeld[] = ['gemeente', 'aandachtsgroep', 'segment', 'via_urgentie'];
const sleutel = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9+]/g, '');

/** "Statushouders (vergunninghouders)", "Utrecht (GM0344)": a product value as people read it. */
export function useWaardeLabel(): (veld: string, waarde: string) => string {
  const gemeenten = useEigenGemeenten();
  return (veld, waarde) => {
    if (veld === 'gemeente') {
      const g = gemeenten.find((x) => x.code === waarde);
      return g ? `${g.naam} (${g.code})` : waarde;
    }
    if (veld === 'aandachtsgroep' || veld === 'segment' || veld === 'via_urgentie')
      return geaccepteerdeWaarden(veld).find((w) => w.waarde === waarde)?.label ?? waarde;
    return waarde;
  };
}

function WaardeOpties({ veld }: { veld: string }) {
  const gemeenten = useEigenGemeenten();
  if (veld === 'gemeente')
    return (
      <>
        {gemeenten.map((g) => (
          <option key={g.code} value={g.code}>
            {g.naam} ({g.code})
          </option>
        ))}
      </>
    );
  if (veld === 'aandachtsgroep' || veld === 'segment' || veld === 'via_urgentie')
    return (
      <>
        {geaccepteerdeWaarden(veld).map((w) => (
          <option key={w.waarde} value={w.waarde}>
            {w.label}
          </option>
        ))}
      </>
    );
  return null;
}

function KolomOpties() {
  return (
    <>
      {TOEWIJZING_KOLOMMEN.map((k) => (
        <option key={k} value={k}>
          {toewijzingKolomLabel(k)}
        </option>
      ))}
    </>
  );
}

const kolomLabel = (k: string) =>
  (TOEWIJZING_KOLOMMEN as readonly string[]).includes(k) ? toewijzingKolomLabel(k as ToewijzingKolom) : k;

/** Saved words plus new ones; a new word for the same text replaces the saved one. */
function voegSamen(
  huidig: ImportKoppelingVeldenFragment | undefined,
  kolommen: KolomRegel[],
  waarden: WaardeRegel[],
): { kolommen: KolomRegel[]; waarden: WaardeRegel[] } {
  const k = new Map<string, KolomRegel>();
  for (const x of huidig?.kolommen ?? []) k.set(sleutel(x.bron), { bron: x.bron, kolom: x.kolom });
  for (const x of kolommen) k.set(sleutel(x.bron), x);
  const w = new Map<string, WaardeRegel>();
  for (const x of huidig?.waarden ?? [])
    w.set(`${x.veld}:${sleutel(x.bron)}`, { veld: x.veld, bron: x.bron, waarde: x.waarde });
  for (const x of waarden) w.set(`${x.veld}:${sleutel(x.bron)}`, x);
  return { kolommen: [...k.values()], waarden: [...w.values()] };
}

/**
 * After a dry run: "Koppel deze kolommen en waarden". One choice per column the product did not
 * recognise and per unknown value (with the values the product accepts); saving adds them to the
 * organisation's koppeling, and the same file is checked again.
 */
export function KoppelVoorstel({
  genegeerdeKolommen,
  ontbrekendeKolommen,
  onbekendeWaarden,
  opgeslagen,
}: {
  genegeerdeKolommen: string[];
  ontbrekendeKolommen: string[];
  onbekendeWaarden: OnbekendeWaarde[];
  /** called after saving: the page checks the file again */
  opgeslagen: () => void;
}) {
  const { data } = useQuery(ImportKoppelingDocument, { fetchPolicy: 'network-only' });
  const [bewaar, { loading, error }] = useMutation(BewaarImportKoppelingDocument);
  const [kolomKeus, setKolomKeus] = useState<Record<string, string>>({});
  const [waardeKeus, setWaardeKeus] = useState<Record<string, string>>({});
  const [melding, setMelding] = useState<string | null>(null);
  const foutRef = useRef<HTMLDivElement>(null);
  const waardeSleutel = (w: OnbekendeWaarde) => `${w.veld}:${sleutel(w.waarde)}`;

  if (!genegeerdeKolommen.length && !onbekendeWaarden.length) return null;

  const verstuur = async (e: FormEvent) => {
    e.preventDefault();
    const kolommen = genegeerdeKolommen
      .filter((h) => kolomKeus[h])
      .map((bron) => ({ bron, kolom: kolomKeus[bron] }));
    const waarden = onbekendeWaarden
      .filter((w) => waardeKeus[waardeSleutel(w)])
      .map((w) => ({ veld: w.veld, bron: w.waarde, waarde: waardeKeus[waardeSleutel(w)] }));
    if (!kolommen.length && !waarden.length) {
      setMelding('Kies bij minstens één kolom of waarde waaraan u die wilt koppelen.');
      requestAnimationFrame(() => foutRef.current?.focus());
      return;
    }
    setMelding(null);
    try {
      await bewaar({
        variables: {
          invoer: {
            ...voegSamen(data?.importKoppeling, kolommen, waarden),
            versie: data?.importKoppeling.versie ?? 0,
          },
        },
      });
      opgeslagen();
    } catch {
      requestAnimationFrame(() => foutRef.current?.focus());
    }
  };

  return (
    <section aria-labelledby="kop-koppel" className="tm-koppel">
      <Heading level={3} id="kop-koppel">
        Koppel deze kolommen en waarden
      </Heading>
      <Paragraph>
        Thuismonitor herkent niet alles in uw bestand. Geef eenmalig aan wat uw kolommen en waarden betekenen:
        de koppeling wordt voor uw organisatie bewaard en bij elk volgend bestand gebruikt. U kunt haar later
        wijzigen op{' '}
        <ButtonLink appearance="subtle" to="/toewijzingen/koppeling">
          de pagina Importkoppeling
        </ButtonLink>
        .
      </Paragraph>
      <div ref={foutRef} tabIndex={-1}>
        {melding ? <Alert type="error">{melding}</Alert> : null}
        {error ? (
          <Alert type="error">
            {foutMeldingen(error).join(' ')}
            {foutDetails(error).length > 1 ? (
              <ul>
                {foutDetails(error).map((d) => (
                  <li key={d.melding}>{d.melding}</li>
                ))}
              </ul>
            ) : null}
          </Alert>
        ) : null}
      </div>
      <form className="tm-form" noValidate onSubmit={verstuur}>
        {genegeerdeKolommen.length ? (
          <>
            <Heading level={4}>Kolommen</Heading>
            {ontbrekendeKolommen.length ? (
              <Paragraph small>
                Nog niet gevonden: {ontbrekendeKolommen.map(kolomLabel).join(', ')}.
              </Paragraph>
            ) : null}
            {genegeerdeKolommen.map((h) => (
              <FormField key={h} label={`Kolom '${h}' in uw bestand`}>
                {(ids) => (
                  <Select
                    ids={ids}
                    value={kolomKeus[h] ?? ''}
                    onChange={(e) => setKolomKeus((k) => ({ ...k, [h]: e.target.value }))}
                  >
                    <option value="">Niet gebruiken</option>
                    <KolomOpties />
                  </Select>
                )}
              </FormField>
            ))}
          </>
        ) : null}
        {onbekendeWaarden.length ? (
          <>
            <Heading level={4}>Waarden</Heading>
            {onbekendeWaarden.map((w) => (
              <FormField
                key={waardeSleutel(w)}
                label={`Waarde '${w.waarde}' in kolom '${w.kolom}'`}
                description={`${formatGetal(w.rijen)} ${w.rijen === 1 ? 'rij' : 'rijen'}, voor het eerst in rij ${formatGetal(w.eersteRij)}. Betekenis in Thuismonitor (${kolomLabel(w.veld)}):`}
              >
                {(ids) => (
                  <Select
                    ids={ids}
                    value={waardeKeus[waardeSleutel(w)] ?? ''}
                    onChange={(e) => setWaardeKeus((k) => ({ ...k, [waardeSleutel(w)]: e.target.value }))}
                  >
                    <option value="">Niet koppelen</option>
                    <WaardeOpties veld={w.veld} />
                  </Select>
                )}
              </FormField>
            ))}
          </>
        ) : null}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action" busy={loading} disabled={loading}>
            Koppeling opslaan en opnieuw controleren
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

/** What the dry run read with: the organisation's saved words this file used. */
export function ToegepasteKoppelingUitleg({ koppeling }: { koppeling?: ToegepasteKoppeling }) {
  const label = useWaardeLabel();
  if (!koppeling) return null;
  const eigenKolommen = koppeling.kolommen.filter((k) => k.herkomst !== 'STANDAARD');
  if (!eigenKolommen.length && !koppeling.waarden.length) return null;
  return (
    <Alert type="info">
      <p className="utrecht-paragraph">
        Gelezen met uw importkoppeling{koppeling.versie ? ` (versie ${koppeling.versie})` : ''}:
      </p>
      <ul>
        {eigenKolommen.map((k) => (
          <li key={`k-${k.bron}`}>
            kolom ‘{k.bron}’ als {kolomLabel(k.kolom)}
            {k.herkomst === 'UPLOAD' ? ' (meegestuurd met dit bestand)' : ''}
          </li>
        ))}
        {koppeling.waarden.map((w) => (
          <li key={`w-${w.veld}-${w.bron}`}>
            {kolomLabel(w.veld)} ‘{w.bron}’ als {label(w.veld, w.waarde)} ({formatGetal(w.rijen)}{' '}
            {w.rijen === 1 ? 'rij' : 'rijen'})
          </li>
        ))}
      </ul>
    </Alert>
  );
}

/** /toewijzingen/koppeling: the saved koppeling, to view and edit as a whole. */
export function ImportKoppelingPagina() {
  usePaginaTitel('Importkoppeling');
  const {
    data,
    loading: laden,
    error: leesFout,
  } = useQuery(ImportKoppelingDocument, { fetchPolicy: 'network-only' });
  const [bewaar, { loading, error }] = useMutation(BewaarImportKoppelingDocument);
  const [regels, setRegels] = useState<{
    kolommen: KolomRegel[];
    waarden: WaardeRegel[];
    versie: number;
  } | null>(null);
  const [opgeslagen, setOpgeslagen] = useState(false);
  const foutRef = useRef<HTMLDivElement>(null);
  const basis = useId();
  const label = useWaardeLabel();

  const k = data?.importKoppeling;
  const huidig: Regels | null =
    regels ??
    (k
      ? {
          kolommen: k.kolommen.map((x) => ({ bron: x.bron, kolom: x.kolom })),
          waarden: k.waarden.map((x) => ({ veld: x.veld, bron: x.bron, waarde: x.waarde })),
          versie: k.versie,
        }
      : null);

  if (laden) return <Paragraph>Laden…</Paragraph>;
  if (leesFout || !huidig) return <Alert type="error">{foutMeldingen(leesFout).join(' ')}</Alert>;

  const zet = (f: (r: Regels) => Regels) => {
    setOpgeslagen(false);
    setRegels(f(huidig));
  };
  const details = foutDetails(error);
  const fout = (pad: string) => details.find((d) => d.veld === pad)?.melding;

  const verstuur = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const r = await bewaar({
        variables: { invoer: { kolommen: huidig.kolommen, waarden: huidig.waarden, versie: huidig.versie } },
      });
      const n = r.data!.bewaarImportKoppeling;
      setRegels({
        kolommen: n.kolommen.map((x) => ({ bron: x.bron, kolom: x.kolom })),
        waarden: n.waarden.map((x) => ({ veld: x.veld, bron: x.bron, waarde: x.waarde })),
        versie: n.versie,
      });
      setOpgeslagen(true);
    } catch {
      /* shown below */
    }
    requestAnimationFrame(() => foutRef.current?.focus());
  };

  return (
    <>
      <Heading level={1}>Importkoppeling</Heading>
      <Paragraph>
        Hoe de kolommen en waarden in de export van uw verhuursysteem heten. Thuismonitor gebruikt deze
        koppeling bij elke controle en import van een toewijzingenbestand, vóór de rijen worden gecontroleerd.
        Kolommen die op persoonsgegevens lijken (namen, klantnummers, geboortedata, adressen) kunnen niet
        worden gekoppeld.
      </Paragraph>
      <Paragraph small>
        {k?.versie
          ? `Versie ${k.versie}, laatst gewijzigd ${formatDatumTijd(String(k.gewijzigdOp))} door ${k.gewijzigdDoor}.`
          : 'Uw organisatie heeft nog geen koppeling opgeslagen.'}
      </Paragraph>
      <div ref={foutRef} tabIndex={-1}>
        {opgeslagen ? <Alert type="ok">De koppeling is opgeslagen.</Alert> : null}
        {error ? <Alert type="error">{foutMeldingen(error).join(' ')}</Alert> : null}
      </div>
      <form className="tm-form" noValidate onSubmit={verstuur}>
        <Tabel
          caption="Kolommen: naam in uw bestand en kolom in Thuismonitor"
          leeg="Geen eigen kolomnamen."
          rijen={huidig.kolommen.map((r, i) => ({ ...r, i }))}
          sleutel={(r) => String(r.i)}
          kolommen={[
            {
              kop: 'Naam in uw bestand',
              cel: (r) => (
                <>
                  <Textbox
                    ids={{ id: `${basis}-kb-${r.i}`, invalid: Boolean(fout(`kolommen.${r.i}`)) }}
                    aria-label={`Kolomnaam in uw bestand, regel ${r.i + 1}`}
                    value={r.bron}
                    onChange={(e) =>
                      zet((h) => ({
                        ...h,
                        kolommen: h.kolommen.map((x, j) => (j === r.i ? { ...x, bron: e.target.value } : x)),
                      }))
                    }
                  />
                  {fout(`kolommen.${r.i}`) ? (
                    <div className="utrecht-form-field-error-message">{fout(`kolommen.${r.i}`)}</div>
                  ) : null}
                </>
              ),
            },
            {
              kop: 'Kolom in Thuismonitor',
              cel: (r) => (
                <Select
                  ids={{ id: `${basis}-kk-${r.i}`, invalid: false }}
                  aria-label={`Kolom in Thuismonitor voor '${r.bron}'`}
                  value={r.kolom}
                  onChange={(e) =>
                    zet((h) => ({
                      ...h,
                      kolommen: h.kolommen.map((x, j) => (j === r.i ? { ...x, kolom: e.target.value } : x)),
                    }))
                  }
                >
                  <KolomOpties />
                </Select>
              ),
            },
            {
              kop: 'Actie',
              cel: (r) => (
                <Button
                  appearance="subtle"
                  onClick={() => zet((h) => ({ ...h, kolommen: h.kolommen.filter((_, j) => j !== r.i) }))}
                >
                  {`Verwijder kolom '${r.bron}'`}
                </Button>
              ),
            },
          ]}
        />
        <ButtonGroup>
          <Button
            onClick={() =>
              zet((h) => ({ ...h, kolommen: [...h.kolommen, { bron: '', kolom: 'extern_kenmerk' }] }))
            }
          >
            Kolom toevoegen
          </Button>
        </ButtonGroup>
        <Tabel
          caption="Waarden: waarde in uw bestand en betekenis in Thuismonitor"
          leeg="Geen eigen waarden."
          rijen={huidig.waarden.map((r, i) => ({ ...r, i }))}
          sleutel={(r) => String(r.i)}
          kolommen={[
            {
              kop: 'Kolom',
              cel: (r) => (
                <Select
                  ids={{ id: `${basis}-wv-${r.i}`, invalid: false }}
                  aria-label={`Kolom van waarde '${r.bron}'`}
                  value={r.veld}
                  onChange={(e) =>
                    zet((h) => ({
                      ...h,
                      waarden: h.waarden.map((x, j) =>
                        j === r.i ? { ...x, veld: e.target.value, waarde: eersteWaarde(e.target.value) } : x,
                      ),
                    }))
                  }
                >
                  {KOPPELBAAR.map((v) => (
                    <option key={v} value={v}>
                      {kolomLabel(v)}
                    </option>
                  ))}
                </Select>
              ),
            },
            {
              kop: 'Waarde in uw bestand',
              cel: (r) => (
                <>
                  <Textbox
                    ids={{ id: `${basis}-wb-${r.i}`, invalid: Boolean(fout(`waarden.${r.i}`)) }}
                    aria-label={`Waarde in uw bestand, regel ${r.i + 1}`}
                    value={r.bron}
                    onChange={(e) =>
                      zet((h) => ({
                        ...h,
                        waarden: h.waarden.map((x, j) => (j === r.i ? { ...x, bron: e.target.value } : x)),
                      }))
                    }
                  />
                  {fout(`waarden.${r.i}`) ? (
                    <div className="utrecht-form-field-error-message">{fout(`waarden.${r.i}`)}</div>
                  ) : null}
                </>
              ),
            },
            {
              kop: 'Betekenis in Thuismonitor',
              cel: (r) => (
                <Select
                  ids={{ id: `${basis}-ww-${r.i}`, invalid: false }}
                  aria-label={`Betekenis van '${r.bron}' in Thuismonitor`}
                  value={r.waarde}
                  title={label(r.veld, r.waarde)}
                  onChange={(e) =>
                    zet((h) => ({
                      ...h,
                      waarden: h.waarden.map((x, j) => (j === r.i ? { ...x, waarde: e.target.value } : x)),
                    }))
                  }
                >
                  <WaardeOpties veld={r.veld} />
                </Select>
              ),
            },
            {
              kop: 'Actie',
              cel: (r) => (
                <Button
                  appearance="subtle"
                  onClick={() => zet((h) => ({ ...h, waarden: h.waarden.filter((_, j) => j !== r.i) }))}
                >
                  {`Verwijder waarde '${r.bron}'`}
                </Button>
              ),
            },
          ]}
        />
        <ButtonGroup>
          <Button
            onClick={() =>
              zet((h) => ({
                ...h,
                waarden: [
                  ...h.waarden,
                  { veld: 'aandachtsgroep', bron: '', waarde: eersteWaarde('aandachtsgroep') },
                ],
              }))
            }
          >
            Waarde toevoegen
          </Button>
        </ButtonGroup>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action" busy={loading} disabled={loading}>
            Koppeling opslaan
          </Button>
          <ButtonLink to="/toewijzingen/importeren">Naar importeren</ButtonLink>
        </ButtonGroup>
      </form>
    </>
  );
}

function eersteWaarde(veld: string): string {
  if (veld === 'aandachtsgroep' || veld === 'segment' || veld === 'via_urgentie')
    return geaccepteerdeWaarden(veld)[0].waarde;
  return '';
}
