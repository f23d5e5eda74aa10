/** Downloads a file that needs the bearer token: fetch → blob → temporary link with the server's file name. */
export async function downloadMetToken(
  url: string,
  token: string | null,
  reserveNaam: string,
): Promise<void> {
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (res.status === 401) throw new Error('Uw sessie is verlopen. Meld u opnieuw aan.');
  if (!res.ok) {
    let melding = `Het bestand kon niet worden opgehaald (HTTP ${res.status}).`;
    try {
      const body = (await res.json()) as { message?: string };
      if (body.message) melding = body.message;
    } catch {
      /* not JSON */
    }
    throw new Error(melding);
  }
  const naam = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? reserveNaam;
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = naam;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
