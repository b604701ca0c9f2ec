import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { ClusterReport, Ruleset } from '@network-scorecard/common';
import { CollectedFacts, scoreCluster } from '@network-scorecard/node';
import pLimit from 'p-limit';
import { isDeepStrictEqual } from 'util';
import { CatalogClusterView } from '../catalog/CatalogClusters';
import { ClusterRegistry, ClusterTarget } from '../clusters';
import { ScanStore } from '../database';
import { FactCollector } from './FactCollector';

/** Outcome of one cluster in a scan cycle. */
export interface ScanOutcome {
  cluster: string;
  report?: ClusterReport;
  error?: string;
}

/** Scans clusters: collect facts, join the catalog, evaluate, store. */
export class ScanService {
  private readonly failures = new Map<
    string,
    { at: string; message: string }
  >();

  constructor(
    private readonly options: {
      registry: ClusterRegistry;
      readCatalog: () => Promise<CatalogClusterView>;
      collector: FactCollector;
      store: ScanStore;
      ruleset: () => Ruleset;
      logger: LoggerService;
      concurrency: number;
      /** lifecycles that count as production; the framework's default when absent */
      productionLifecycles?: string[];
      now?: () => Date;
    },
  ) {}

  /** Scans every cluster with bounded concurrency; one broken cluster never fails the others. */
  async scanAll(): Promise<ScanOutcome[]> {
    const { registry, readCatalog, concurrency, logger } = this.options;
    const [targets, catalog] = await Promise.all([
      registry.listClusters(),
      readCatalog(),
    ]);
    const limit = pLimit(Math.max(1, concurrency));
    const outcomes = await Promise.all(
      targets.map(target =>
        limit(async (): Promise<ScanOutcome> => {
          try {
            return {
              cluster: target.name,
              report: await this.scanTarget(target, catalog),
            };
          } catch (error) {
            // already recorded by scanTarget
            logger.error(
              `Network Scorecard scan of cluster "${target.name}" failed`,
              {
                cluster: target.name,
                error: String(error),
              },
            );
            return { cluster: target.name, error: String(error) };
          }
        }),
      ),
    );
    const scanned = outcomes.filter(o => o.report).length;
    logger.info(
      `Network Scorecard scanned ${scanned} of ${targets.length} clusters`,
    );
    return outcomes;
  }

  /** The newest failed attempt of each cluster whose last scan failed. */
  lastErrors(): Map<string, { at: string; message: string }> {
    return this.failures;
  }

  /** Scans one cluster by name now. */
  async scanCluster(name: string): Promise<ClusterReport> {
    const target = await this.options.registry.getCluster(name);
    if (!target) throw new NotFoundError(`No cluster named "${name}"`);
    return this.scanTarget(target, await this.options.readCatalog());
  }

  private async scanTarget(
    target: ClusterTarget,
    catalog: CatalogClusterView,
  ): Promise<ClusterReport> {
    const { collector, store, ruleset } = this.options;
    const now = (this.options.now?.() ?? new Date()).toISOString();
    let collected: CollectedFacts;
    try {
      collected = await collector.collect(target);
    } catch (error) {
      this.failures.set(target.name, {
        at: now,
        message: error instanceof Error ? error.message : String(error),
      });
      throw error;
    }
    this.failures.delete(target.name);
    const report = scoreCluster({
      cluster: target.name,
      source: target.source,
      collected,
      entity: catalog.clusters.get(target.name),
      catalogServiceCount: catalog.serviceCounts.get(target.name),
      now,
      acknowledgements: await store.activeAcknowledgements(
        target.name,
        new Date(now),
      ),
      productionLifecycles: this.options.productionLifecycles,
      ruleset: ruleset(),
    });
    // A dump scanned again gives the same report: keep one row, not one per cycle.
    const previous = await store.latestReport(target.name);
    if (!previous || !isDeepStrictEqual(previous, report)) {
      await store.insertScan(report);
    }
    return report;
  }
}
