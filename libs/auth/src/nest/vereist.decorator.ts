import { SetMetadata } from '@nestjs/common';
import type { Permissie } from '../policy';

export const PERMISSIE_METADATA = 'thuismonitor:permissie';
export const PUBLIEK_METADATA = 'thuismonitor:publiek';

/**
 * The one way a resolver or controller method says what it needs. A handler without @Vereist or
 * @Publiek is refused at runtime by the guard (and a test lists every resolver to catch it early).
 */
export const Vereist = (permissie: Permissie) => SetMetadata(PERMISSIE_METADATA, permissie);

/** Only for endpoints that must work without a token: health checks, the dev OpenID provider. */
export const Publiek = () => SetMetadata(PUBLIEK_METADATA, true);
