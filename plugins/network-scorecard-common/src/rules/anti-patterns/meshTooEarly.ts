import { factEvidence, factValue } from '../../facts';
import { AntiPatternRule } from '../types';
import { antiPatternUnknown, catalog, meshRequirements } from '../helpers';
import { MESH_LABEL } from '../mesh/capabilities';

/** Below this many services a mesh costs more than it saves, per the framework. */
export const MESH_MIN_SERVICES = 20;

/**
 * Counts services the catalog's way when it can: Components and Systems on
 * the cluster are the services a team runs. Falls back to the cluster's
 * Kubernetes Service count, which over-counts (system and headless Services),
 * so the fallback can miss a too-early mesh but does not invent one.
 * @public
 */
export const apMeshTooEarly: AntiPatternRule = {
  id: 'ap.mesh-too-early',
  title: 'A mesh with fewer than 20 services and no requirement',
  lesson:
    'A mesh deployed on a dozen services mostly produces sidecar-injection debugging; retries and timeouts at that size belong in application code or a small library, and Cilium policies cover the security side. Wait for the service count or a written requirement.',
  evaluate(facts, context) {
    const mesh = factValue(facts, 'mesh');
    if (mesh === null) return antiPatternUnknown(facts, ['mesh']);
    const evidence = factEvidence(facts, 'mesh');
    if (mesh === 'none') return { status: 'clear', evidence };
    const required = meshRequirements(context);
    if (required.length > 0) {
      return {
        status: 'clear',
        evidence: [...evidence, catalog.requirements(required)],
      };
    }
    let count: number;
    let countEvidence: string[];
    if (context.catalogServiceCount !== null) {
      count = context.catalogServiceCount;
      countEvidence = [
        `catalog: ${count} Components/Systems run on this cluster`,
      ];
    } else {
      const services = factValue(facts, 'services');
      if (services === null) return antiPatternUnknown(facts, ['services']);
      count = services;
      countEvidence = [
        ...factEvidence(facts, 'services'),
        `no catalog service count: ${count} Kubernetes Services counted instead (includes system Services)`,
      ];
    }
    return {
      status: count < MESH_MIN_SERVICES ? 'detected' : 'clear',
      evidence: [
        ...evidence,
        ...countEvidence,
        catalog.requirements(required),
        ...(count < MESH_MIN_SERVICES
          ? [
              `${MESH_LABEL[mesh]} for ${count} services (< ${MESH_MIN_SERVICES})`,
            ]
          : []),
      ],
    };
  },
};
