import { Module } from '@nestjs/common';
import { RapportageService } from './rapportage.service';
import { RapportageResolver } from './rapportage.resolver';
import { RapportageDownloadController } from './rapportage-download.controller';
import { RapportageQueue } from './rapportage-queue.service';
import { RapportageJobs } from './rapportage.jobs';
import { RapportageOpslag } from './rapportage-opslag.service';
import { RapportageInhoudService } from './rapportage-inhoud.service';
import { PdfRenderer } from './pdf-renderer.service';
import { VoortgangModule } from '../voortgang/voortgang.module';
import { TaakstellingModule } from '../taakstelling/taakstelling.module';
import { WoondealModule } from '../woondeal/woondeal.module';

/** Kwartaalrapportages: API (request, read, download) and the worker's job handlers. */
@Module({
  imports: [VoortgangModule, TaakstellingModule, WoondealModule],
  providers: [
    RapportageService,
    RapportageResolver,
    RapportageQueue,
    RapportageJobs,
    RapportageOpslag,
    RapportageInhoudService,
    PdfRenderer,
  ],
  controllers: [RapportageDownloadController],
})
export class RapportageModule {}
