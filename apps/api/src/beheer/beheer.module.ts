import { Module } from '@nestjs/common';
import { BeheerResolver } from './beheer.resolver';
import { BeheerService } from './beheer.service';
import { HerindelingResolver } from './herindeling.resolver';
import { HerindelingService } from './herindeling.service';

/**
 * Platform operator: organisations, werkgebieden, huurdersorganisatie links, registered users and
 * gemeentelijke herindelingen (issue 13).
 */
@Module({ providers: [BeheerService, BeheerResolver, HerindelingService, HerindelingResolver] })
export class BeheerModule {}
