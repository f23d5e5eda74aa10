import { AuditLogEntity } from '../audit/audit-log.entity';
import { OrganisatieEntity } from '../organisatie';
import { GemeenteEntity, ProvincieEntity, WoningmarktregioEntity } from '../referentie';

/** Every TypeORM entity. Features append theirs here. */
export const ENTITIES = [ProvincieEntity, GemeenteEntity, WoningmarktregioEntity, OrganisatieEntity, AuditLogEntity];
