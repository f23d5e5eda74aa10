import {
  BadRequestException,
  Catch,
  Controller,
  PayloadTooLargeException,
  Post,
  Query,
  Req,
  Res,
  UploadedFile,
  UseFilters,
  UseInterceptors,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { Ctx, RequestContext, Vereist } from '@thuismonitor/auth';
import { kiesNieuwOfOud, SUNSET_OUDE_NAMEN } from '../common/api-naamgeving';
import { ongeldig } from '../common/fouten';
import { ToewijzingImportService } from './toewijzing-import.service';

export const MAX_BESTAND_MB = 20;

/**
 * Multer's own errors (file too large, wrong field) are English; users get Dutch. Only for this
 * controller: 413 for the size limit, 400 for everything else multer refuses.
 */
@Catch(PayloadTooLargeException, BadRequestException)
class UploadFoutFilter implements ExceptionFilter {
  catch(fout: PayloadTooLargeException | BadRequestException, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (fout instanceof PayloadTooLargeException) {
      res.status(413).json({
        code: 'TE_GROOT',
        message: `Het bestand is groter dan ${MAX_BESTAND_MB} MB. Splits het in kleinere bestanden (bijvoorbeeld per kwartaal) en lever die apart aan.`,
      });
      return;
    }
    res.status(400).json({
      code: 'ONGELDIGE_INVOER',
      message:
        "Het bestand is niet goed ontvangen. Stuur één bestand als multipart/form-data in het veld 'bestand'.",
    });
  }
}

/**
 * POST /api/toewijzingen/import?proefrun=true|false, multipart field `bestand` (CSV or XLSX) and
 * optional field `kolommen` (JSON: { "their header": "canonical column" }). Authentication comes
 * from the middleware on api/*; the guard checks toewijzing:invoeren (corporaties only) before
 * multer reads the body. Without proefrun=false nothing is stored: a check is the safe default.
 * `dryRun` is the deprecated name of `proefrun` (issue 15): still read until the Sunset date it
 * announces in the answer; both together are refused.
 *
 * 200 = dry run report, 201 = stored, 422 = rows with errors (nothing stored) or a refused file.
 */
@Controller('api/toewijzingen')
@UseFilters(UploadFoutFilter)
export class ToewijzingImportController {
  constructor(private readonly service: ToewijzingImportService) {}

  @Post('import')
  @Vereist('toewijzing:invoeren')
  @UseInterceptors(
    FileInterceptor('bestand', {
      limits: { fileSize: MAX_BESTAND_MB * 1024 * 1024, files: 1, fields: 10, fieldSize: 64 * 1024 },
    }),
  )
  async importeer(
    @Ctx() ctx: RequestContext,
    @UploadedFile() bestand: { buffer: Buffer; originalname: string } | undefined,
    @Req() req: Request,
    @Query('proefrun') proefrunParam: string | undefined,
    @Query('dryRun') dryRunParam: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const dryRun = leesProefrun(proefrunParam, dryRunParam);
    if (dryRunParam !== undefined) res.setHeader('Sunset', SUNSET_OUDE_NAMEN);
    if (!bestand)
      throw ongeldig("Er is geen bestand ontvangen. Stuur het bestand in het veld 'bestand'.", [
        { veld: 'bestand', melding: 'Ontbreekt' },
      ]);
    const rapport = await this.service.importeer(
      ctx,
      { buffer: bestand.buffer, bestandsnaam: bestandsnaam(bestand.originalname) },
      leesKolommen((req.body as Record<string, unknown> | undefined)?.kolommen),
      dryRun,
    );
    // the status is the outcome: Nest would otherwise answer every POST with 201
    res.status(rapport.aantalFouten > 0 && !dryRun ? 422 : rapport.opgeslagen ? 201 : 200).json(rapport);
  }
}

function leesProefrun(proefrun: string | undefined, dryRun: string | undefined): boolean {
  const naam = dryRun !== undefined && proefrun === undefined ? 'dryRun' : 'proefrun';
  const waarde = kiesNieuwOfOud(proefrun, dryRun, { nieuw: 'proefrun', oud: 'dryRun' });
  if (waarde === undefined || waarde === '' || waarde === 'true') return true;
  if (waarde === 'false') return false;
  throw ongeldig(`${naam} moet 'true' of 'false' zijn.`, [
    { veld: naam, melding: `Onbekende waarde '${waarde}'` },
  ]);
}

function leesKolommen(waarde: unknown): Record<string, string> {
  if (waarde === undefined || waarde === null || waarde === '') return {};
  let mapping: unknown;
  try {
    mapping = JSON.parse(String(waarde));
  } catch {
    mapping = undefined;
  }
  if (
    !mapping ||
    typeof mapping !== 'object' ||
    Array.isArray(mapping) ||
    !Object.values(mapping).every((v) => typeof v === 'string')
  ) {
    throw ongeldig('Het veld kolommen moet JSON zijn van de vorm {"Eigen kolomnaam": "extern_kenmerk", …}.', [
      { veld: 'kolommen', melding: 'Geen geldige kolomkoppeling' },
    ]);
  }
  return mapping as Record<string, string>;
}

/** Multer decodes the file name as latin1; browsers send UTF-8. */
function bestandsnaam(origineel: string): string {
  const utf8 = Buffer.from(origineel, 'latin1').toString('utf8');
  return (utf8.includes('\uFFFD') ? origineel : utf8) || 'bestand';
}
