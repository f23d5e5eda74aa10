import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('provincie')
export class ProvincieEntity {
  @PrimaryColumn() code: string;
  @Column() naam: string;
}

@Entity('woningmarktregio')
export class WoningmarktregioEntity {
  @PrimaryColumn() code: string;
  @Column() naam: string;
}

@Entity('gemeente')
export class GemeenteEntity {
  @PrimaryColumn() code: string;
  @Column() naam: string;
  @Column({ name: 'provincie_code' }) provincieCode: string;
  @Column({ type: 'integer', nullable: true }) inwoners: number | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) buurgemeenten: string[];
  @Column({ name: 'woningmarktregio_code', type: 'text', nullable: true }) woningmarktregioCode: string | null;
}
