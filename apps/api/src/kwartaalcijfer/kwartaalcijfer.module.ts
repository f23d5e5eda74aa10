import { Module } from '@nestjs/common';
import { KwartaalcijferResolver } from './kwartaalcijfer.resolver';
import { KwartaalcijferService } from './kwartaalcijfer.service';

/** Kwartaalcijfers reported by parties, with corrections kept as history. */
@Module({ providers: [KwartaalcijferService, KwartaalcijferResolver] })
export class KwartaalcijferModule {}
