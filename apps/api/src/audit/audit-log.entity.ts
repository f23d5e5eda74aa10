import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('audit_log')
export class AuditLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) tijdstip: Date;
  @Column({ name: 'organisatie_id', type: 'uuid', nullable: true }) organisatieId: string | null;
  @Column({ name: 'gebruiker_sub', type: 'text', nullable: true }) gebruikerSub: string | null;
  @Column({ type: 'text', nullable: true }) gebruikersnaam: string | null;
  @Column() actie: string;
  @Column() entiteit: string;
  @Column({ name: 'entiteit_id', type: 'text', nullable: true }) entiteitId: string | null;
  @Column({ name: 'gemeente_code', type: 'text', nullable: true }) gemeenteCode: string | null;
  @Column({ type: 'jsonb', nullable: true }) voor: unknown;
  @Column({ type: 'jsonb', nullable: true }) na: unknown;
}
