import { Global, Module } from '@nestjs/common';
import { GebiedService } from './gebied.service';

/** Areas (gemeente, woningmarktregio, provincie, land) for taakstellingen, voortgang and reports. */
@Global()
@Module({ providers: [GebiedService], exports: [GebiedService] })
export class GebiedModule {}
