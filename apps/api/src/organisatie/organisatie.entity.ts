import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { OrganisatieSoort } from '@thuismonitor/domain';

@Entity('organisatie')
export class OrganisatieEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() code: string;
  @Column({ type: 'text' }) soort: OrganisatieSoort;
  @Column() naam: string;
  @Column({ name: 'gemeente_code', type: 'text', nullable: true }) gemeenteCode: string | null;
  @Column({ name: 'provincie_code', type: 'text', nullable: true }) provincieCode: string | null;
  @Column({ default: true }) actief: boolean;
  @CreateDateColumn({ name: 'aangemaakt_op', type: 'timestamptz' }) aangemaaktOp: Date;
}
