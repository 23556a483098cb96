import type { ChannelInput, ChannelName } from '../../electron/contract';

/**
 * One valid input per channel. The type makes a channel without a sample a compile error,
 * so the table-driven hostile-input tests cover every channel as the contract grows.
 */
export const validSamples: { [C in ChannelName]: ChannelInput<C> } = {
  'system.info': {},
  'settings.get': {},
  'settings.update': { unitName: '示例县人民政府目标考评办公室', level: 'county' },
};
