import type { GebiedInfo } from '../gebied';

export interface RapportageGebied extends Omit<GebiedInfo, 'provincies'> {
  /** provincie code for a gemeente (its report is a child of that provincie's in the flow) */
  provincieCode?: string;
}
