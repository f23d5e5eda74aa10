import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { GebruikersFout } from './fouten';

/** REST endpoints (uploads, downloads) answer GebruikersFout as JSON with its HTTP status. */
@Catch(GebruikersFout)
export class GebruikersFoutFilter implements ExceptionFilter {
  catch(fout: GebruikersFout, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw fout;
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(fout.httpStatus)
      .json({ message: fout.message, code: fout.code, details: fout.details });
  }
}
