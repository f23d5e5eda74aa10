import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Ctx, RequestContext, Vereist } from '@thuismonitor/auth';
import { nietGevonden } from '../common/fouten';
import { RapportageService } from './rapportage.service';
import type { Formaat } from './rapportage-opslag.service';

/** Authenticated downloads: the same read rule as the GraphQL queries. */
@Controller('api/rapportages')
export class RapportageDownloadController {
  constructor(private readonly rapportages: RapportageService) {}

  @Get(':id/:formaat')
  @Vereist('rapportage:lezen')
  async download(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Param('formaat') formaat: string,
    @Query('variant') variant: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const f = formaat.toUpperCase();
    if (!['CSV', 'XLSX', 'PDF'].includes(f)) throw nietGevonden('Het bestand');
    const b = await this.rapportages.bestand(ctx, id, f as Formaat, variant === 'intern');
    res
      .status(200)
      .set({
        'Content-Type': b.mime,
        'Content-Disposition': `attachment; filename="${b.naam}"`,
        'Cache-Control': 'private, no-store',
      })
      .send(b.inhoud);
  }
}
