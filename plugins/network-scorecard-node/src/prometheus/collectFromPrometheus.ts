import {
  ClusterFacts,
  Fact,
  FactValues,
  ReportError,
  TRAFFIC_FACT_IDS,
  TrafficFactId,
} from '@network-scorecard/common';
import { failureReason, known, unknownFact } from '../detectors/support/facts';
import { ReaderStats } from '../reader/types';
import {
  dnsFact,
  dropsFact,
  featuresFact,
  flowsFact,
  l7Fact,
  lostEventsFact,
  policyVerdictsFact,
} from './buildFacts';
import { PrometheusReader, VectorSample } from './PrometheusReader';
import { labelMatcher } from './promql';
import { QUERY_NAMES, QueryName, promql } from './queries';
import { PrometheusConnection, PrometheusReadOptions } from './types';

/** @public */
export interface TrafficFacts {
  facts: ClusterFacts;
  /** one entry per traffic fact Prometheus could not give */
  errors: ReportError[];
  stats: ReaderStats;
}

const PROMQL_DURATION = /^([0-9]+(ms|s|m|h|d|w|y))+$/;

type Answers = Partial<Record<QueryName, VectorSample[]>>;

/** How each fact is built: the queries it needs and the value they give. */
const BUILDERS: {
  [K in TrafficFactId]: {
    queries: QueryName[];
    build(a: Required<Answers>, window: string): FactValues[K];
  };
} = {
  'traffic.flows': {
    queries: ['families', 'flows'],
    build: (a, w) => flowsFact(a.families, a.flows, w),
  },
  'traffic.drops': {
    queries: ['drops', 'policyDropsByNamespace'],
    build: (a, w) => dropsFact(a.drops, a.policyDropsByNamespace, w),
  },
  'traffic.policyVerdicts': {
    queries: ['policyVerdicts', 'auditByNamespace'],
    build: (a, w) =>
      policyVerdictsFact(a.policyVerdicts, a.auditByNamespace, w),
  },
  'traffic.dns': { queries: ['dns'], build: (a, w) => dnsFact(a.dns, w) },
  'traffic.l7': { queries: ['l7'], build: (a, w) => l7Fact(a.l7, w) },
  'traffic.lostEvents': {
    queries: ['lostEvents'],
    build: (a, w) => lostEventsFact(a.lostEvents, w),
  },
  'traffic.features': {
    queries: ['featureCounts', 'featureAgents'],
    build: (a, w) => featuresFact(a.featureCounts, a.featureAgents, w),
  },
};

/** The answer in evidence: series sorted by their labels (Prometheus does not order them). */
function summary(samples: VectorSample[]): string {
  if (samples.length === 0) return 'no series';
  const shown = samples
    .map(s => {
      const labels = Object.entries(s.labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(',');
      return `${labels ? `{${labels}} ` : ''}${
        Math.round(s.value * 1000) / 1000
      }`;
    })
    .sort()
    .slice(0, 12);
  return `${samples.length} series: ${shown.join('; ')}${
    samples.length > 12 ? '; …' : ''
  }`;
}

/**
 * The traffic facts of one cluster from its Prometheus: a constant number of
 * instant queries at one evaluation time, whatever the cluster's size. Never
 * throws for Prometheus faults: a fact whose query failed is unknown with the
 * failure as its reason (HTTP status, timeout, too large, PromQL error, bad
 * result shape), listed in `errors`.
 * @public
 */
export async function collectFromPrometheus(
  cluster: string,
  connection: PrometheusConnection,
  options: PrometheusReadOptions = {},
): Promise<TrafficFacts> {
  const window = options.window ?? '1h';
  let at: string;
  let reader: PrometheusReader;
  let matcher: string | undefined;
  try {
    const time = new Date(options.at ?? Date.now());
    if (Number.isNaN(time.getTime()))
      throw new Error(`evaluation time "${options.at}" is not a date`);
    at = time.toISOString();
    if (!PROMQL_DURATION.test(window))
      throw new Error(`window "${window}" is not a PromQL duration`);
    matcher = connection.clusterLabel
      ? labelMatcher(
          connection.clusterLabel.name,
          connection.clusterLabel.value,
        )
      : undefined;
    reader = new PrometheusReader(connection, {
      timeoutMs: options.timeoutMs ?? 10_000,
      maxBytes: options.maxBytes ?? 1024 * 1024,
    });
  } catch (error) {
    return everyFactUnknown(
      `error: invalid Prometheus settings for ${cluster}: ${
        (error as Error).message
      }`,
    );
  }
  const answers: Answers = {};
  const failures: Partial<Record<QueryName, string>> = {};
  const evidence: Partial<Record<QueryName, string>> = {};
  try {
    await Promise.all(
      QUERY_NAMES.map(async name => {
        const query = promql(name, window, matcher);
        try {
          const samples = await reader.query(query, at);
          answers[name] = samples;
          evidence[name] = `Prometheus ${
            reader.url
          }: ${query} at ${at} (window ${window}): ${summary(samples)}`;
        } catch (error) {
          failures[name] = failureReason(error);
        }
      }),
    );
  } finally {
    reader.close();
  }
  const facts: ClusterFacts = {};
  const errors: ReportError[] = [];
  for (const id of TRAFFIC_FACT_IDS) {
    const { queries, build } = BUILDERS[id];
    const failed = queries.find(q => failures[q] !== undefined);
    let fact: Fact<unknown>;
    if (failed) {
      fact = unknownFact(failures[failed] as string);
      errors.push({ fact: id, reason: failures[failed] as string });
    } else {
      fact = known(
        (build as (a: Required<Answers>, w: string) => unknown)(
          answers as Required<Answers>,
          window,
        ),
        queries.map(q => evidence[q] as string),
      );
    }
    (facts as Record<string, Fact<unknown>>)[id] = fact;
  }
  return { facts, errors, stats: reader.stats() };
}

function everyFactUnknown(reason: string): TrafficFacts {
  const facts: ClusterFacts = {};
  for (const id of TRAFFIC_FACT_IDS)
    (facts as Record<string, Fact<unknown>>)[id] = unknownFact(reason);
  return {
    facts,
    errors: TRAFFIC_FACT_IDS.map(fact => ({ fact, reason })),
    stats: { requests: 0, bytes: 0 },
  };
}
