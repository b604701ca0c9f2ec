import { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import { ClusterReport, Ruleset } from '@network-scorecard/common';
import { CollectedFacts, scoreCluster } from '@network-scorecard/node';
import { randomUUID } from 'crypto';
import pLimit from 'p-limit';
import { CatalogClusterView } from '../catalog/CatalogClusters';
import { clusterOwnerRef } from '../catalog/clusterOwner';
import { ClusterRegistry, ClusterTarget } from '../clusters';
import { ScanStore } from '../database';
import { scanPoint } from '../database/scanPoint';
import { ScanListener } from './events';
import { Collected, FactCollector } from './FactCollector';
import { withDeadline } from './withDeadline';

/** Outcome of one cluster's attempt. */
export interface ScanOutcome {
  cluster: string;
  /** the cluster's newest report after the attempt (an older one when the attempt failed) */
  report?: ClusterReport;
  /** why the attempt failed; the reports already stored are kept */
  error?: Error;
}

/**
 * Scans clusters: collect facts, join the catalog, evaluate, store.
 *
 * The one rule for failures: an attempt that reads nothing (an unreachable
 * cluster, an unreadable dump, a collection with every fact unknown) stores no
 * report. It is recorded as a failed attempt, and the cluster keeps its last
 * good report, marked stale until an attempt succeeds.
 */
export class ScanService {
  /** attempts running in this process, so a second request joins the first */
  private readonly running = new Map<string, Promise<ScanOutcome>>();
  /** this replica, in the scan claims other replicas see */
  private readonly replica = randomUUID();

  constructor(
    private readonly options: {
      registry: ClusterRegistry;
      readCatalog: () => Promise<CatalogClusterView>;
      collector: FactCollector;
      store: ScanStore;
      ruleset: () => Ruleset;
      logger: LoggerService;
      concurrency: number;
      /** the deadline of one cluster's attempt */
      clusterTimeoutMs: number;
      /** lifecycles that count as production; the framework's default when absent */
      productionLifecycles?: string[];
      listeners?: ScanListener[];
      now?: () => Date;
    },
  ) {}

  /**
   * Scans every cluster with bounded concurrency; one broken cluster never
   * fails the others. Once `signal` aborts, no further cluster is started.
   */
  async scanAll(signal?: AbortSignal): Promise<ScanOutcome[]> {
    const { registry, readCatalog, concurrency, logger } = this.options;
    const [targets, catalog] = await Promise.all([
      registry.listClusters(),
      readCatalog(),
    ]);
    const limit = pLimit(Math.max(1, concurrency));
    const outcomes = await Promise.all(
      targets.map(target =>
        limit(
          async (): Promise<ScanOutcome | undefined> =>
            signal?.aborted ? undefined : this.attempt(target, catalog),
        ),
      ),
    );
    const done = outcomes.filter((o): o is ScanOutcome => o !== undefined);
    const scanned = done.filter(o => !o.error).length;
    logger.info(
      `Network Scorecard scanned ${scanned} of ${targets.length} clusters${
        done.length < targets.length
          ? ` (${
              targets.length - done.length
            } not started: the scan task was aborted)`
          : ''
      }`,
    );
    return done;
  }

  /**
   * Scans one cluster now and returns its newest report; joins the attempt
   * already running for it in this process. A failed attempt throws its error.
   */
  async scanCluster(name: string): Promise<ClusterReport> {
    const target = await this.options.registry.getCluster(name);
    if (!target) throw new NotFoundError(`No cluster named "${name}"`);
    const outcome = await this.attempt(
      target,
      await this.options.readCatalog(),
    );
    if (outcome.error) throw outcome.error;
    if (!outcome.report) {
      throw new ServiceUnavailableError(`Cluster "${name}" has no report`);
    }
    return outcome.report;
  }

  private attempt(
    target: ClusterTarget,
    catalog: CatalogClusterView,
  ): Promise<ScanOutcome> {
    const running = this.running.get(target.name);
    if (running) return running;
    const attempt = this.claimOrJoin(target, catalog).finally(() =>
      this.running.delete(target.name),
    );
    this.running.set(target.name, attempt);
    return attempt;
  }

  /** Scans the cluster, or waits for the replica that is scanning it already. */
  private async claimOrJoin(
    target: ClusterTarget,
    catalog: CatalogClusterView,
  ): Promise<ScanOutcome> {
    const { store, clusterTimeoutMs } = this.options;
    const since = new Date();
    // the claim outlives the attempt's deadline, so a killed replica's claim ends on its own
    const until = new Date(since.getTime() + clusterTimeoutMs + 5_000);
    if (!(await store.claimScan(target.name, this.replica, until))) {
      return this.joinElsewhere(target.name, since, until);
    }
    try {
      return await this.runAttempt(target, catalog);
    } finally {
      await store.releaseScan(target.name, this.replica);
    }
  }

  /** The outcome of the attempt another replica is making now. */
  private async joinElsewhere(
    cluster: string,
    since: Date,
    until: Date,
  ): Promise<ScanOutcome> {
    const { store } = this.options;
    for (;;) {
      const attempt = (await store.latestAttempts()).get(cluster);
      if (attempt && Date.parse(attempt.at) >= since.getTime()) {
        const report = await store.latestReport(cluster);
        return {
          cluster,
          ...(report ? { report } : {}),
          ...(attempt.ok
            ? {}
            : {
                error: new ServiceUnavailableError(
                  attempt.message ?? 'the scan failed',
                ),
              }),
        };
      }
      if (Date.now() > until.getTime()) {
        return {
          cluster,
          error: new ServiceUnavailableError(
            `another replica's scan of cluster "${cluster}" did not finish in time`,
          ),
        };
      }
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  }

  private async runAttempt(
    target: ClusterTarget,
    catalog: CatalogClusterView,
  ): Promise<ScanOutcome> {
    const { store, logger, clusterTimeoutMs } = this.options;
    let error: Error | undefined;
    try {
      const collected = await withDeadline(
        this.options.collector.collect(target),
        clusterTimeoutMs,
        `the scan of cluster "${target.name}" took longer than networkScorecard.scan.clusterTimeout (${clusterTimeoutMs} ms)`,
      );
      const problems = await this.store(target, catalog, collected);
      if (problems) error = new ServiceUnavailableError(problems);
    } catch (e) {
      error = e instanceof Error ? e : new Error(String(e));
    }
    await store.recordAttempt({
      cluster: target.name,
      at: this.now().toISOString(),
      ok: error === undefined,
      message: error?.message ?? null,
    });
    if (error) {
      logger.warn(`Network Scorecard scan of cluster "${target.name}" failed`, {
        cluster: target.name,
        error: error.message,
      });
    }
    const report = await store.latestReport(target.name);
    return {
      cluster: target.name,
      ...(report ? { report } : {}),
      ...(error ? { error } : {}),
    };
  }

  /** Stores every moment read; returns what went wrong, if anything did. */
  private async store(
    target: ClusterTarget,
    catalog: CatalogClusterView,
    collected: Collected,
  ): Promise<string | undefined> {
    const { store, ruleset } = this.options;
    const problems = [...collected.problems];
    const entity = catalog.clusters.get(target.name);
    for (const moment of collected.moments) {
      if (readNothing(moment)) {
        problems.push(
          `nothing could be read${
            moment.capturedAt ? ` from the dump of ${moment.capturedAt}` : ''
          }: ${moment.errors.map(e => e.reason).join('; ')}`,
        );
        continue;
      }
      const now = this.now().toISOString();
      const report = scoreCluster({
        cluster: target.name,
        source: target.source,
        collected: moment,
        entity,
        catalogServiceCount: catalog.serviceCounts.get(target.name),
        now,
        acknowledgements: await store.activeAcknowledgements(
          target.name,
          new Date(now),
        ),
        productionLifecycles: this.options.productionLifecycles,
        ruleset: ruleset(),
      });
      const outcome = await store.insertScan(report);
      if (outcome.stored && outcome.becameLatest) {
        await this.tell({
          cluster: target.name,
          title: entity?.metadata.title ?? target.name,
          entityRef: entity ? stringifyEntityRef(entity) : null,
          owner: clusterOwnerRef(entity),
          previous: outcome.previous,
          current: scanPoint(report),
        });
      }
    }
    if (collected.moments.length === 0 && problems.length === 0) {
      problems.push('no dump to read');
    }
    return problems.length > 0 ? problems.join('\n') : undefined;
  }

  private async tell(
    event: Parameters<ScanListener['scanStored']>[0],
  ): Promise<void> {
    for (const listener of this.options.listeners ?? []) {
      try {
        await listener.scanStored(event);
      } catch (error) {
        this.options.logger.warn(
          `Network Scorecard could not tell about the scan of "${event.cluster}"`,
          { error: String(error) },
        );
      }
    }
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

/** The collector learnt nothing of the cluster itself (what the catalog adds does not count). */
function readNothing(moment: CollectedFacts): boolean {
  return (
    moment.errors.length > 0 &&
    Object.values(moment.facts).every(fact => !fact || fact.value === null)
  );
}
