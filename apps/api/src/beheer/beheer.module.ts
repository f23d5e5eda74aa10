import { Module } from '@nestjs/common';
import { BeheerResolver } from './beheer.resolver';
import { BeheerService } from './beheer.service';

/** Platform operator: organisations, werkgebieden, huurdersorganisatie links and registered users (issue 13). */
@Module({ providers: [BeheerService, BeheerResolver] })
export class BeheerModule {}
