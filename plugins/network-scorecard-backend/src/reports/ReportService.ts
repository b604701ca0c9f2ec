import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AcknowledgementRequest,
  AcknowledgementResponse,
  ClusterHistoryResponse,
  ClusterReport,
  ClusterSummary,
  EntityReportResponse,
  FleetSummary,
  summarizeFleet,
} from '@network-scorecard/common';
import {
  CatalogClusterView,
  NAMESPACE_ANNOTATION,
  clustersOfEntity,
  isClusterResource,
} from '../catalog/CatalogClusters';
import { ClusterRegistry, ClusterTarget } from '../clusters';
import { ScanStore } from '../database';
import {
  clusterSummary,
  historyPoint,
  withAcknowledgements,
} from './summaries';

/** Read side of the scorecard: what the routes return. */
export class ReportService {
  constructor(
    private readonly options: {
      registry: ClusterRegistry;
      readCatalog: () => Promise<CatalogClusterView>;
      catalog: CatalogService;
      store: ScanStore;
      lastErrors: () => Map<string, { at: string; message: string }>;
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  async listClusters(): Promise<ClusterSummary[]> {
    const [targets, catalog] = await Promise.all([
      this.options.registry.listClusters(),
      this.options.readCatalog(),
    ]);
    const views = await Promise.all(
      targets.map(target => this.clusterView(target, catalog)),
    );
    return views.map(view => view.summary);
  }

  async getReport(name: string): Promise<ClusterReport> {
    await this.requireCluster(name);
    const report = await this.options.store.latestReport(name);
    if (!report)
      throw new NotFoundError(`Cluster "${name}" has not been scanned yet`);
    return this.acknowledged(report);
  }

  async history(name: string, limit: number): Promise<ClusterHistoryResponse> {
    await this.requireCluster(name);
    const reports = await this.options.store.history(name, limit);
    return { cluster: name, items: reports.map(historyPoint) };
  }

  async entityReports(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<EntityReportResponse> {
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) throw new NotFoundError(`No catalog entity "${entityRef}"`);
    const [targets, catalog] = await Promise.all([
      this.options.registry.listClusters(),
      this.options.readCatalog(),
    ]);
    const names = new Set(
      clustersOfEntity(entity, new Set(targets.map(t => t.name))),
    );
    const namespace = isClusterResource(entity)
      ? null
      : entity.metadata.annotations?.[NAMESPACE_ANNOTATION] ??
        entity.metadata.name;
    const clusters = await Promise.all(
      targets
        .filter(target => names.has(target.name))
        .map(async target => {
          const { summary, report } = await this.clusterView(target, catalog);
          return { cluster: summary, report, namespace };
        }),
    );
    return { entityRef, clusters };
  }

  async fleetSummary(): Promise<FleetSummary> {
    const [targets, latest] = await Promise.all([
      this.options.registry.listClusters(),
      this.options.store.latestReports(),
    ]);
    const reports = await Promise.all(
      targets.map(async t => {
        const report = latest.get(t.name);
        return report ? this.acknowledged(report) : null;
      }),
    );
    return summarizeFleet(reports);
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

  /** One cluster's fleet row and latest report, read with one history query. */
  private async clusterView(
    target: ClusterTarget,
    catalog: CatalogClusterView,
  ): Promise<{ summary: ClusterSummary; report: ClusterReport | null }> {
    const [latest, previous] = await this.options.store.history(target.name, 2);
    const report = latest ? await this.acknowledged(latest) : null;
    const summary = clusterSummary(
      target,
      catalog.clusters.get(target.name),
      report ?? undefined,
      this.options.lastErrors().get(target.name),
      previous,
    );
    return { summary, report };
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
