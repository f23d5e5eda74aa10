import type { OrganisatieService } from '../organisatie';
import type { Organisatie } from '../organisatie';

/**
 * Resolves `organisatie`/`corporatie`/`eigenaar` fields of a list without one query per row:
 * ids asked for in the same tick are loaded with one query, and kept for the rest of the request.
 * The organisation list is public to every signed-in user (DESIGN §6), so no scope is involved.
 */
class OrganisatieLader {
  private readonly cache = new Map<string, Promise<Organisatie | null>>();
  private wachtend = new Map<string, { resolve: (o: Organisatie | null) => void; reject: (e: unknown) => void }>();

  constructor(private readonly service: OrganisatieService) {}

  laad(id: string): Promise<Organisatie | null> {
    let p = this.cache.get(id);
    if (!p) {
      p = new Promise((resolve, reject) => {
        if (this.wachtend.size === 0) process.nextTick(() => void this.verstuur());
        this.wachtend.set(id, { resolve, reject });
      });
      this.cache.set(id, p);
    }
    return p;
  }

  private async verstuur(): Promise<void> {
    const batch = this.wachtend;
    this.wachtend = new Map();
    try {
      const gevonden = new Map((await this.service.opIds([...batch.keys()])).map((o) => [o.id, o]));
      for (const [id, w] of batch) w.resolve(gevonden.get(id) ?? null);
    } catch (err) {
      for (const w of batch.values()) w.reject(err);
    }
  }
}

const LADERS = new WeakMap<object, OrganisatieLader>();

/** `context` is the GraphQL context of the request (one loader per request). */
export function laadOrganisatie(context: object, service: OrganisatieService, id: string): Promise<Organisatie | null> {
  let lader = LADERS.get(context);
  if (!lader) {
    lader = new OrganisatieLader(service);
    LADERS.set(context, lader);
  }
  return lader.laad(id);
}
