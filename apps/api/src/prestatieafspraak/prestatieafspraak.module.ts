import { Module } from '@nestjs/common';
import { ConceptService } from './concept.service';
import { CyclusKalenderResolver } from './cyclus-kalender.resolver';
import { CyclusKalenderService } from './cyclus-kalender.service';
import { IndicatorResolver } from './indicator.resolver';
import { LevenscyclusResolver } from './levenscyclus.resolver';
import { LevenscyclusService } from './levenscyclus.service';
import { OverlegResolver } from './overleg.resolver';
import { OverlegService } from './overleg.service';
import { PrestatieafspraakAudit } from './prestatieafspraak-audit';
import { PrestatieafspraakLezer } from './prestatieafspraak.lezer';
import { PrestatieafspraakResolver } from './prestatieafspraak.resolver';
import { PrestatieafspraakService } from './prestatieafspraak.service';

/**
 * Prestatieafspraken (issue 3): indicator catalogue, prestatieafspraken with their lifecycle,
 * reacties and mijlpalen, the cycle calendar. PrestatieafspraakService (reads) is exported for
 * voortgang (vastgesteldeAfsprakenVoorGemeenten) and bod (create).
 */
@Module({
  providers: [
    PrestatieafspraakAudit,
    PrestatieafspraakLezer,
    PrestatieafspraakService,
    ConceptService,
    LevenscyclusService,
    OverlegService,
    CyclusKalenderService,
    IndicatorResolver,
    PrestatieafspraakResolver,
    LevenscyclusResolver,
    OverlegResolver,
    CyclusKalenderResolver,
  ],
  exports: [PrestatieafspraakService, ConceptService, PrestatieafspraakAudit],
})
export class PrestatieafspraakModule {}
