import type { Type } from '@nestjs/common';

/**
 * Feature modules (one folder per feature) register here, so app.module stays stable while
 * features grow: prestatieafspraken, realisatie, rapportages, …
 */
export const FEATURE_MODULES: Type[] = [];
