import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { HumanDuration, durationToMilliseconds } from '@backstage/types';

/** A duration under `prefix` (the key's full path up to `key`), every error naming it. */
export function duration(
  config: Config,
  key: string,
  fallback: HumanDuration,
  prefix = 'networkScorecard.',
): HumanDuration {
  if (!config.has(key)) return fallback;
  let value: HumanDuration;
  try {
    value =
      typeof config.getOptional(key) === 'string'
        ? readDurationFromConfig(config, { key })
        : readDurationFromConfig(config.getConfig(key));
  } catch (error) {
    throw new InputError(
      `${prefix}${key} is not a duration (${
        (error as Error).message
      }); write e.g. "30s", "2m" or { minutes: 2 }`,
    );
  }
  if (durationToMilliseconds(value) <= 0) {
    throw new InputError(`${prefix}${key} must be longer than zero`);
  }
  return value;
}
