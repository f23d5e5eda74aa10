import { Module } from '@nestjs/common';
import { NieuwbouwResolver } from './nieuwbouw.resolver';
import { NieuwbouwService } from './nieuwbouw.service';

/** Nieuwbouwprojecten: planning, phases and oplevering (realisation in the quarter of oplevering). */
@Module({ providers: [NieuwbouwService, NieuwbouwResolver] })
export class NieuwbouwModule {}
