import { RESOURCES, builtIn } from '../reader/resources';
import { Detector, guarded, known } from './support/facts';

/** Fact services: counted with one limit=1 request, never by listing them all. */
export const detectServices: Detector = async reader => ({
  services: await guarded(async () => {
    const count = await reader.count(builtIn(RESOURCES.Service));
    return known(count, [`Services: ${count} in all namespaces`]);
  }),
});
