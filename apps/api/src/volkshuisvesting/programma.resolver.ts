import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext, Vereist } from '@thuismonitor/auth';
import { GebiedInput } from '../gebied';
import { ProgrammaInput, Volkshuisvestingsprogramma } from './programma.types';
import { ProgrammaService } from './programma.service';

@Resolver(() => Volkshuisvestingsprogramma)
export class ProgrammaResolver {
  constructor(private readonly service: ProgrammaService) {}

  @Query(() => Volkshuisvestingsprogramma, {
    nullable: true,
    description:
      'Het volkshuisvestingsprogramma van een gemeente, provincie of het land (leeg als er nog geen is vastgelegd). ' +
      'Een gebied buiten uw bereik geeft "niet gevonden".',
  })
  @Vereist('voortgang:lezen')
  volkshuisvestingsprogramma(
    @Ctx() ctx: RequestContext,
    @Args('gebied') gebied: GebiedInput,
  ): Promise<Volkshuisvestingsprogramma | null> {
    return this.service.programma(ctx, gebied.soort, gebied.code);
  }

  @Mutation(() => Volkshuisvestingsprogramma, {
    description:
      'Legt het eigen volkshuisvestingsprogramma vast of wijzigt het (gemeente, provincie of Rijk, rol beheren). ' +
      'Geef bij een wijziging de versie mee die u het laatst zag.',
  })
  @Vereist('programma:bijhouden')
  bewaarVolkshuisvestingsprogramma(
    @Ctx() ctx: RequestContext,
    @Args('invoer') invoer: ProgrammaInput,
    @Args('versie', { type: () => Int, nullable: true }) versie?: number | null,
  ): Promise<Volkshuisvestingsprogramma> {
    return this.service.bewaar(ctx, invoer, versie);
  }
}
