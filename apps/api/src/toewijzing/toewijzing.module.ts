import { Module } from '@nestjs/common';
import { ToewijzingImportController } from './toewijzing-import.controller';
import { ToewijzingImportService } from './toewijzing-import.service';
import { BewaartermijnHandler } from './bewaartermijn.handler';
import { ImportWerkers } from './import-werkers';
import { ImportKoppelingResolver } from './import-koppeling.resolver';
import { ImportKoppelingService } from './import-koppeling.service';
import { ToewijzingConnectionResolver, ToewijzingResolver } from './toewijzing.resolver';
import { ToewijzingService } from './toewijzing.service';

/** Toewijzingen: form entry, corrections, row listing and the bulk import (REST upload). */
@Module({
  controllers: [ToewijzingImportController],
  providers: [
    ToewijzingService,
    ToewijzingImportService,
    ImportWerkers,
    ImportKoppelingService,
    ImportKoppelingResolver,
    BewaartermijnHandler,
    ToewijzingResolver,
    ToewijzingConnectionResolver,
  ],
})
export class ToewijzingModule {}
