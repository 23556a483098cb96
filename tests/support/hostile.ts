import { z } from 'zod';
import { type ChannelName, channels } from '../../electron/contract';
import { validSamples } from './samples';

export const MEGABYTE_STRING = '考'.repeat(1024 * 1024);

/** The labels of the cases that spoil a channel's whole input rather than one field of it. */
export const WHOLE_INPUT: ReadonlySet<string> = new Set([
  'null',
  'a number',
  'a string',
  'an array',
  'true',
  'an extra field',
  'a megabyte extra field',
]);

/** Malformed inputs for a channel, each with a label: wrong shapes, wrong types, missing, extra, huge. */
export function hostileInputs(name: ChannelName): [string, unknown][] {
  const schema = channels[name].input;
  const sample = validSamples[name] as Record<string, unknown>;
  const cases: [string, unknown][] = [
    ['null', null],
    ['a number', 42],
    ['a string', 'system.info'],
    ['an array', [sample]],
    ['true', true],
    ['an extra field', { ...sample, __proto_hack: 1 }],
    ['a megabyte extra field', { ...sample, blob: MEGABYTE_STRING }],
  ];
  // the cases above replace or widen the whole input; those below spoil one field at a time
  if (schema instanceof z.ZodObject) {
    for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      cases.push([`${key} as a megabyte string`, { ...sample, [key]: MEGABYTE_STRING }]);
      cases.push([`${key} as a nested object`, { ...sample, [key]: { $gt: '' } }]);
      cases.push([`${key} as a number`, { ...sample, [key]: 12345 }]);
      if (!field.safeParse(undefined).success) {
        const { [key]: _dropped, ...rest } = sample;
        cases.push([`${key} missing`, rest]);
      }
    }
  }
  // a hostile case that happens to be valid would be no test at all
  return cases.filter(([, input]) => !schema.safeParse(input).success);
}
