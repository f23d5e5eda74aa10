import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext } from '@thuismonitor/auth';
import { nietGevonden } from '../common/fouten';
import { GebiedService } from '../gebied';
import { Voortgang } from '../voortgang';
import { ProgrammaDekking } from './programma.types';
import { ProgrammaService } from './programma.service';

/**
 * Adds the volkshuisvestingsprogramma count to voortgang as a field of its own, resolved only when
 * asked for, so the voortgang computation and its answer cache stay as they are.
 */
@Resolver(() => Voortgang)
export class VoortgangProgrammaResolver {
  constructor(
    private readonly programmas: ProgrammaService,
    private readonly gebieden: GebiedService,
  ) {}

  @ResolveField(() => ProgrammaDekking, {
    description:
      'Hoeveel gemeenten in het gebied op de peildatum een vastgesteld volkshuisvestingsprogramma hebben ("n van m gemeenten")',
  })
  async volkshuisvestingsprogrammas(
    @Parent() v: Voortgang,
    @Ctx() ctx: RequestContext,
  ): Promise<ProgrammaDekking> {
    const gebied = await this.gebieden.opzoeken(v.gebied.soort, v.gebied.code);
    if (!gebied) throw nietGevonden('Het gebied');
    return this.programmas.dekking(ctx, gebied, v.peildatum);
  }
}
