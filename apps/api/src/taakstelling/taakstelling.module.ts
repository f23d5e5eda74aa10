import { Module } from '@nestjs/common';
import { StatushoudersService } from './statushouders.service';
import { StatushoudersToezichtResolver } from './statushouders-toezicht.resolver';
import { StatushoudersToezichtService } from './statushouders-toezicht.service';
import { TaakstellingResolver } from './taakstelling.resolver';
import { TaakstellingService } from './taakstelling.service';

@Module({
  providers: [
    TaakstellingService,
    StatushoudersService,
    TaakstellingResolver,
    StatushoudersToezichtService,
    StatushoudersToezichtResolver,
  ],
  exports: [TaakstellingService, StatushoudersService],
})
export class TaakstellingModule {}
