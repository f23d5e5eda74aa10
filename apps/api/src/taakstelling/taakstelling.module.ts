import { Module } from '@nestjs/common';
import { StatushoudersService } from './statushouders.service';
import { TaakstellingResolver } from './taakstelling.resolver';
import { TaakstellingService } from './taakstelling.service';

@Module({
  providers: [TaakstellingService, StatushoudersService, TaakstellingResolver],
  exports: [TaakstellingService, StatushoudersService],
})
export class TaakstellingModule {}
