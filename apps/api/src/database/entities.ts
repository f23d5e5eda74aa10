import { AuditLogEntity } from '../audit/audit-log.entity';
import { OrganisatieEntity } from '../organisatie/organisatie.entity';
import { GemeenteEntity, ProvincieEntity, WoningmarktregioEntity } from '../referentie/referentie.entities';

/** Every TypeORM entity. Features append theirs here. */
export const ENTITIES = [ProvincieEntity, GemeenteEntity, WoningmarktregioEntity, OrganisatieEntity, AuditLogEntity];
