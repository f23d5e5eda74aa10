import type { Type } from '@nestjs/common';
import { WebConfigModule } from './web-config/web-config.controller';
import { ToewijzingModule } from './toewijzing/toewijzing.module';
import { NieuwbouwModule } from './nieuwbouw/nieuwbouw.module';
import { KwartaalcijferModule } from './kwartaalcijfer/kwartaalcijfer.module';
import { GebiedModule } from './gebied/gebied.module';
import { TaakstellingModule } from './taakstelling/taakstelling.module';
import { VoortgangModule } from './voortgang/voortgang.module';
import { PrestatieafspraakModule } from './prestatieafspraak/prestatieafspraak.module';
import { RapportageModule } from './rapportage/rapportage.module';
import { BeheerModule } from './beheer/beheer.module';
import { VolkshuisvestingModule } from './volkshuisvesting/volkshuisvesting.module';
import { BodModule } from './bod/bod.module';
import { EvaluatieModule } from './evaluatie/evaluatie.module';
import { UrgentieModule } from './urgentie/urgentie.module';
import { WoondealModule } from './woondeal/woondeal.module';

/**
 * Feature modules (one folder per feature) register here, so app.module stays stable while
 * features grow: prestatieafspraken, realisatie, rapportages, …
 */
export const FEATURE_MODULES: Type[] = [WebConfigModule, ToewijzingModule, NieuwbouwModule, KwartaalcijferModule, GebiedModule, TaakstellingModule, VoortgangModule, PrestatieafspraakModule, RapportageModule, VolkshuisvestingModule, BodModule, EvaluatieModule, UrgentieModule, WoondealModule];

/**
 * Modules only the API serves (they resolve principals, which the worker has no AuthModule for):
 * the platform operator's administration.
 */
export const API_FEATURE_MODULES: Type[] = [BeheerModule];
