/**
 * File upload with progress (fetch has no upload progress; XMLHttpRequest does). Answers the
 * parsed JSON body with its HTTP status; network failures and aborts reject with a Dutch message.
 */
export interface UploadAntwoord<T> {
  status: number;
  body: T;
}

export function uploadBestand<T>(opties: {
  url: string;
  token: string | null;
  velden: Record<string, string | Blob>;
  /** 0–1 while the file is being sent */
  voortgang?: (fractie: number) => void;
  /** called when the file is sent and the server is processing */
  verzonden?: () => void;
  signal?: AbortSignal;
}): Promise<UploadAntwoord<T>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', opties.url);
    if (opties.token) xhr.setRequestHeader('Authorization', `Bearer ${opties.token}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opties.voortgang?.(e.loaded / e.total);
    };
    xhr.upload.onload = () => {
      opties.voortgang?.(1);
      opties.verzonden?.();
    };
    xhr.onload = () => {
      let body: unknown = xhr.responseText;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON */
      }
      resolve({ status: xhr.status, body: body as T });
    };
    xhr.onerror = () =>
      reject(new Error('De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.'));
    xhr.onabort = () => reject(new Error('Het versturen is afgebroken.'));
    opties.signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    for (const [k, v] of Object.entries(opties.velden)) form.append(k, v);
    xhr.send(form);
  });
}
