import { z } from 'zod';
import { channel } from '../channel';
import { noInput } from '../limits';
import { roles } from '../roles';
import { firstRunStep } from '../../vocab';

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
      /** The demonstration data (`--demo`): every screen and document says 演示数据. */
      demo: z.boolean(),
      /** A unit's own PC (set by its parent's package): it fills in only that unit's reports; the rest came down. */
      unitMode: z.object({ unitName: z.string() }).nullable(),
      caller: z.object({ username: z.string(), role: z.enum(roles) }),
    }),
    roles,
    writes: false,
  }),
  /** The guided start: the caller's own steps from the first start to the first letter, each done or not. */
  'system.firstRun': channel({
    title: '查看首次使用引导',
    input: noInput,
    output: z.object({
      items: z.array(z.object({ step: z.enum(firstRunStep.values), label: z.string(), done: z.boolean() })),
      allDone: z.boolean(),
    }),
    roles: ['admin', 'evaluator'],
    writes: false,
  }),
} as const;
