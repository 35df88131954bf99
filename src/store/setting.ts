// A shared setting's key and value, as every store accepts them.
import { z } from 'zod';

export const settingKey = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/);
export const settingValue = z.string().max(1000);
