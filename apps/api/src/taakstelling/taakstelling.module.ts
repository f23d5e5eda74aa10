import { Module } from '@nestjs/common';
import { StatushoudersBeleidResolver } from './statushouders-beleid.resolver';
import { StatushoudersBeleidService } from './statushouders-beleid.service';
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
    StatushoudersBeleidService,
    StatushoudersBeleidResolver,
  ],
  exports: [TaakstellingService, StatushoudersService],
})
export class TaakstellingModule {}
