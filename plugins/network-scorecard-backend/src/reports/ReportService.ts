import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  Acknowledgement,
  AcknowledgementListResponse,
  AcknowledgementRequest,
  AcknowledgementResponse,
  AcknowledgementWithdrawalResponse,
  ClusterHistoryResponse,
  ClusterReport,
  ClusterSummary,
  EntityReportResponse,
  FleetHistoryResponse,
  FleetSummary,
  clustersOfEntity,
  isClusterResource,
  summarizeFleet,
} from '@network-scorecard/common';
import { contextFromEntity } from '@network-scorecard/node';
import {
  CatalogClusterView,
  NAMESPACE_ANNOTATION,
} from '../catalog/CatalogClusters';
import { catalogViewVersion } from '../catalog/catalogViewVersion';
import { ClusterRegistry, ClusterTarget } from '../clusters';
import { FleetState, HistoryHead, ScanStore, headVersion } from '../database';
import { FleetRows, clusterListJson } from './FleetRows';
import { historyPoint, staleFrom, withAcknowledgements } from './summaries';

/** Shared by the rows that have none (never changed). */
const NONE: Record<string, Acknowledgement> = {};
/** The errors of a cluster the catalog does not declare: one array, so that its row is kept (never changed). */
const NO_ENTITY_ERRORS: string[] = [];

/** At most this many points per history answer. */
export const MAX_HISTORY_POINTS = 500;

/** Read side of the scorecard: what the routes return. */
export class ReportService {
  private readonly entityErrors = new WeakMap<Entity, string[]>();
  private readonly rows = new FleetRows();

  constructor(
    private readonly options: {
      registry: ClusterRegistry;
      /** shared by the routes for a few seconds: one catalog read per page load */
      readCatalog: () => Promise<CatalogClusterView>;
      catalog: CatalogService;
      store: ScanStore;
      /** see `isStale`; undefined when the schedule has no fixed frequency */
      staleAfterMs?: number;
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** The fleet page: one catalog read, one query each for points, attempts and acknowledgements. */
  async listClusters(): Promise<ClusterSummary[]> {
    return (await this.fleet()).rows;
  }

  /**
   * The cluster list's version and a way to make the answer it names. The
   * version changes whenever the list could read differently, whichever
   * replica wrote: the stored scans, attempts and acknowledgements, the
   * catalog's clusters and the configured ones. The answer is made from the
   * clusters, catalog view and attempts read with the version and from
   * points and acknowledgements read after it, so it is never older than
   * its version.
   */
  async clusterListing(): Promise<{
    version: string;
    /** the list as JSON (UTF-8), and until when it holds if nothing is written: the moment the next row turns stale */
    answer: () => Promise<{ json: Buffer; validUntil: number }>;
  }> {
    const { registry, readCatalog, store } = this.options;
    const [targets, catalog, state] = await Promise.all([
      registry.listClusters(),
      readCatalog(),
      store.fleetState(this.now()),
    ]);
    const clusters = targets.map(target => [
      target.name,
      target.source,
      'cluster' in target ? target.cluster.title : undefined,
    ]);
    return {
      version: `${state.version}|${catalogViewVersion(
        catalog,
      )}|${JSON.stringify(clusters)}`,
      answer: async () => {
        const { json, validUntil } = await this.fleet({
          targets,
          catalog,
          state,
        });
        return { json: clusterListJson(json), validUntil };
      },
    };
  }

  /**
   * A cluster's history over a range, to be kept and sent many times: a
   * version that changes whenever `history(name, range)` could answer
   * differently (a scan in the range stored or deleted, by any replica), and
   * the answer, made from what the version read (the range's count, first
   * and last scan are not read twice). Undefined when the answer moves with
   * the clock (no `to`: it ends now).
   */
  async historyListing(
    name: string,
    range: { from?: Date; to?: Date; limit?: number },
  ): Promise<
    | { version: string; answer: () => Promise<ClusterHistoryResponse> }
    | undefined
  > {
    if (!range.to) return undefined;
    await this.requireCluster(name);
    const { from, to } = this.historyBounds(range);
    const key = (version: string) =>
      JSON.stringify([
        name,
        from.toISOString(),
        to.toISOString(),
        range.limit ?? null,
        version,
      ]);
    if (range.limit !== undefined) {
      // the newest `limit` of the range: any scan of the cluster may move them
      return {
        version: key(await this.options.store.historyVersion(name)),
        answer: () => this.history(name, range),
      };
    }
    const head = await this.options.store.historyHead(name, { from, to });
    return {
      version: key(headVersion(head)),
      answer: () => this.history(name, range, head),
    };
  }

  /** Derived from the same rows as the cluster list. */
  async fleetSummary(): Promise<FleetSummary> {
    const { targets, points } = await this.fleet();
    return summarizeFleet(
      targets.map(target => points.get(target.name)?.latest ?? null),
    );
  }

  async getReport(name: string): Promise<ClusterReport> {
    await this.requireCluster(name);
    const report = await this.options.store.latestReport(name);
    if (!report)
      throw new NotFoundError(`Cluster "${name}" has not been scanned yet`);
    return this.acknowledged(report);
  }

  /** The range asked for, with its defaults; 400 when it ends before it starts. */
  private historyBounds(range: { from?: Date; to?: Date }): {
    from: Date;
    to: Date;
  } {
    const from = range.from ?? new Date(0);
    const to = range.to ?? this.now();
    if (from.getTime() > to.getTime()) {
      throw new InputError(
        `query.from (${from.toISOString()}) is after query.to (${to.toISOString()})`,
      );
    }
    return { from, to };
  }

  async history(
    name: string,
    range: { from?: Date; to?: Date; limit?: number },
    /** the range's head, read just before by historyListing */
    head?: HistoryHead,
  ): Promise<ClusterHistoryResponse> {
    await this.requireCluster(name);
    const { from, to } = this.historyBounds(range);
    const { total, points } = await this.options.store.history(
      name,
      { from, to, limit: range.limit },
      MAX_HISTORY_POINTS,
      head,
    );
    return {
      cluster: name,
      from: from.toISOString(),
      to: to.toISOString(),
      total,
      items: points.map(historyPoint),
    };
  }

  async fleetHistory(range: {
    from: Date;
    to: Date;
    bucket: 'day' | 'week';
  }): Promise<FleetHistoryResponse> {
    if (range.from.getTime() > range.to.getTime()) {
      throw new InputError(
        `query.from (${range.from.toISOString()}) is after query.to (${range.to.toISOString()})`,
      );
    }
    return {
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      bucket: range.bucket,
      buckets: await this.options.store.fleetHistory(range),
    };
  }

  async entityReports(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<EntityReportResponse> {
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) throw new NotFoundError(`No catalog entity "${entityRef}"`);
    const { targets, rows } = await this.fleet();
    const names = new Set(
      clustersOfEntity(entity, new Set(targets.map(t => t.name))),
    );
    const namespace = isClusterResource(entity)
      ? null
      : entity.metadata.annotations?.[NAMESPACE_ANNOTATION] ??
        entity.metadata.name;
    const clusters = await Promise.all(
      rows
        .filter(row => names.has(row.name))
        .map(async row => {
          const report = await this.options.store.latestReport(row.name);
          return {
            cluster: row,
            report: report ? await this.acknowledged(report) : null,
            namespace,
          };
        }),
    );
    return { entityRef, clusters };
  }

  async acknowledge(
    name: string,
    request: AcknowledgementRequest,
    by: string,
  ): Promise<AcknowledgementResponse> {
    const report = await this.getReport(name);
    const antiPattern = report.antiPatterns.find(
      ap => ap.id === request.antiPatternId,
    );
    if (!antiPattern) {
      throw new InputError(
        `antiPatternId "${
          request.antiPatternId
        }" is not an anti-pattern of cluster "${name}"; expected one of ${report.antiPatterns
          .map(ap => ap.id)
          .join(', ')}`,
      );
    }
    const now = this.now();
    if (Date.parse(request.expiresAt) <= now.getTime()) {
      throw new InputError(
        `expiresAt ${request.expiresAt} is not in the future`,
      );
    }
    const acknowledgement = {
      by,
      reason: request.reason,
      at: now.toISOString(),
      expiresAt: new Date(request.expiresAt).toISOString(),
    };
    await this.options.store.addAcknowledgement(
      name,
      request.antiPatternId,
      acknowledgement,
    );
    return {
      cluster: name,
      antiPatternId: request.antiPatternId,
      acknowledgement,
    };
  }

  async acknowledgements(name: string): Promise<AcknowledgementListResponse> {
    await this.requireCluster(name);
    return {
      cluster: name,
      items: await this.options.store.acknowledgements(name),
    };
  }

  async withdraw(
    name: string,
    antiPatternId: string,
    by: string,
  ): Promise<AcknowledgementWithdrawalResponse> {
    await this.requireCluster(name);
    const withdrawn = await this.options.store.withdrawAcknowledgement(
      name,
      antiPatternId,
      { by, at: this.now().toISOString() },
    );
    if (withdrawn === 0) {
      throw new NotFoundError(
        `Cluster "${name}" has no standing acknowledgement of "${antiPatternId}"`,
      );
    }
    return { cluster: name, antiPatternId, withdrawn };
  }

  /** The fleet's rows, from what the cluster list's version was read from when given. */
  private async fleet(read?: {
    targets: ClusterTarget[];
    catalog: CatalogClusterView;
    state: FleetState;
  }): Promise<{
    targets: ClusterTarget[];
    points: Awaited<ReturnType<ScanStore['latestPoints']>>;
    rows: ClusterSummary[];
    /** each row's JSON, UTF-8 */
    json: Buffer[];
    /** when the next row turns stale if no attempt is made */
    validUntil: number;
  }> {
    const { store, registry, readCatalog } = this.options;
    const now = this.now();
    const [targets, catalog, points, attempts, acknowledgements] =
      await Promise.all([
        read?.targets ?? registry.listClusters(),
        read?.catalog ?? readCatalog(),
        store.latestPoints(),
        read?.state.attempts() ?? store.latestAttempts(),
        store.allActiveAcknowledgements(now),
      ]);
    let validUntil = Infinity;
    const { rows, json } = this.rows.rows(
      targets.map(target => {
        const entity = catalog.clusters.get(target.name);
        const latest = points.get(target.name);
        const attempt = attempts.get(target.name);
        const turnsStale = staleFrom(
          latest,
          attempt,
          this.options.staleAfterMs,
        );
        if (turnsStale > now.getTime())
          validUntil = Math.min(validUntil, turnsStale);
        return {
          target,
          entity,
          points: latest,
          attempt,
          acknowledgements: acknowledgements.get(target.name) ?? NONE,
          catalogErrors: entity
            ? this.catalogErrors(entity, now)
            : NO_ENTITY_ERRORS,
          stale: now.getTime() >= turnsStale,
        };
      }),
    );
    return { targets, points, rows, json, validUntil };
  }

  /** The problems of a cluster entity's declaration; the catalog view keeps its entity objects while it is shared. */
  private catalogErrors(entity: Entity, now: Date): string[] {
    let errors = this.entityErrors.get(entity);
    if (!errors) {
      errors = contextFromEntity(entity, now.toISOString()).errors;
      this.entityErrors.set(entity, errors);
    }
    return errors;
  }

  private async requireCluster(name: string): Promise<void> {
    if (!(await this.options.registry.getCluster(name))) {
      throw new NotFoundError(`No cluster named "${name}"`);
    }
  }

  private async acknowledged(report: ClusterReport): Promise<ClusterReport> {
    const acks = await this.options.store.activeAcknowledgements(
      report.cluster,
      this.now(),
    );
    return withAcknowledgements(report, acks);
  }
}
