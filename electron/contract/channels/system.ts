import { z } from 'zod';
import { channel } from '../channel';
import { noInput } from '../limits';
import { roles } from '../roles';

export const systemChannels = {
  'system.info': channel({
    title: '查看系统信息',
    input: noInput,
    output: z.object({
      appVersion: z.string(),
      schemaVersion: z.number().int(),
      nodeId: z.string(),
      unitName: z.string(),
      dataDir: z.string(),
      transport: z.enum(['electron', 'web', 'cli']),
      caller: z.object({ username: z.string(), role: z.enum(roles) }),
    }),
    roles,
    writes: false,
  }),
} as const;
