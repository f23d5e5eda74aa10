import type { WebConfig } from '@thuismonitor/domain';

/** Runtime configuration served by the API at /config.json (no rebuild per environment). */
export type { WebConfig };

export async function laadConfig(): Promise<WebConfig> {
  const res = await fetch('/config.json', { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`De configuratie kon niet worden geladen (HTTP ${res.status}).`);
  let c: Partial<WebConfig>;
  try {
    c = (await res.json()) as Partial<WebConfig>;
  } catch {
    throw new Error('De configuratie (/config.json) is geen geldige JSON: draait de API achter dit adres?');
  }
  if (!c.issuer || !c.clientId)
    throw new Error('De configuratie is onvolledig (issuer of clientId ontbreekt).');
  return {
    issuer: c.issuer.replace(/\/$/, ''),
    clientId: c.clientId,
    apiUrl: (c.apiUrl ?? '').replace(/\/$/, ''),
  };
}
