import { z } from 'zod';
import { PLATFORM_MODELS } from '../../../common/roles.js';

export const platformSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  model: z.enum(PLATFORM_MODELS),
});
export const platformList = z.object({ items: z.array(platformSummary) });
