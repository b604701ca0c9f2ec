import {
  coreServices,
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  AntiPatternRule,
  CheckRule,
  ReadinessRule,
  defaultRuleset,
} from '@network-scorecard/common';
import type { AuthenticationStrategy } from '@backstage/plugin-kubernetes-node';
import {
  networkScorecardAuthStrategyExtensionPoint,
  networkScorecardRulesExtensionPoint,
} from '@network-scorecard/node';
import { networkScorecardPermissions } from '@network-scorecard/common';
import { CatalogClusters } from './catalog/CatalogClusters';
import {
  CatalogClusterSource,
  ClusterAuth,
  ClusterRegistry,
  KubernetesConfigClusterSource,
  SnapshotClusterSource,
  defaultAuthStrategies,
} from './clusters';
import { DatabaseScanStore } from './database';
import { ReportService } from './reports/ReportService';
import { createFactCollector } from './scanning/FactCollector';
import { ScanService } from './scanning/ScanService';
import { createRouter } from './service/router';
import { customRuleset } from './scanning/customRuleset';

/**
 * Network Scorecard backend plugin: scans clusters on a schedule, keeps every
 * report and serves them at /api/network-scorecard.
 * @public
 */
export const networkScorecardPlugin = createBackendPlugin({
  pluginId: 'network-scorecard',
  register(env) {
    const extraChecks: CheckRule[] = [];
    const extraAntiPatterns: AntiPatternRule[] = [];
    const extraReadiness: ReadinessRule[] = [];
    env.registerExtensionPoint(networkScorecardRulesExtensionPoint, {
      addChecks: (...rules) => extraChecks.push(...rules),
      addAntiPatterns: (...rules) => extraAntiPatterns.push(...rules),
      addReadiness: (...rules) => extraReadiness.push(...rules),
    });
    const extraStrategies = new Map<string, AuthenticationStrategy>();
    env.registerExtensionPoint(networkScorecardAuthStrategyExtensionPoint, {
      addAuthStrategy: (key, strategy) => {
        extraStrategies.set(key, strategy);
      },
    });

    env.registerInit({
      deps: {
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
      },
      async init(deps) {
        const { config, logger, scheduler } = deps;
        deps.permissionsRegistry.addPermissions(networkScorecardPermissions);

        const ruleset = customRuleset(defaultRuleset, {
          checks: extraChecks,
          antiPatterns: extraAntiPatterns,
          readiness: extraReadiness,
        });
        const catalogClusters = new CatalogClusters(deps.catalog, deps.auth);
        const readCatalog = () => catalogClusters.read();
        const auth = new ClusterAuth(
          new Map([
            ...defaultAuthStrategies(config, logger),
            ...extraStrategies,
          ]),
        );
        const kubernetesClusters = KubernetesConfigClusterSource.fromConfig(
          config,
          auth,
          logger,
        );
        const registry = new ClusterRegistry(
          [
            kubernetesClusters,
            CatalogClusterSource.fromConfig(
              config,
              readCatalog,
              auth,
              kubernetesClusters.catalogLocator,
            ),
            SnapshotClusterSource.fromConfig(config),
          ],
          logger,
        );
        const store = await DatabaseScanStore.create({
          database: deps.database,
        });
        const scans = new ScanService({
          registry,
          readCatalog,
          collector: createFactCollector({
            auth,
            requestTimeoutMs:
              config.getOptionalNumber(
                'networkScorecard.scan.requestTimeoutMs',
              ) ?? 10_000,
          }),
          store,
          ruleset: () => ruleset,
          logger,
          concurrency:
            config.getOptionalNumber('networkScorecard.scan.concurrency') ?? 4,
          productionLifecycles: config.getOptionalStringArray(
            'networkScorecard.productionLifecycles',
          ),
        });
        const reports = new ReportService({
          registry,
          readCatalog,
          catalog: deps.catalog,
          store,
          lastErrors: () => scans.lastErrors(),
        });

        const maxAgeDays =
          config.getOptionalNumber('networkScorecard.retention.maxAgeDays') ??
          400;
        const scheduleConfig = config.getOptionalConfig(
          'networkScorecard.schedule',
        );
        await scheduler.scheduleTask({
          id: 'network-scorecard-scan',
          scope: 'global',
          ...(scheduleConfig
            ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                scheduleConfig,
              )
            : {
                frequency: { minutes: 30 },
                timeout: { minutes: 10 },
                initialDelay: { seconds: 5 },
              }),
          fn: async () => {
            await scans.scanAll();
            const deleted = await store.deleteScansBefore(
              new Date(Date.now() - maxAgeDays * 24 * 3600 * 1000),
            );
            if (deleted > 0)
              logger.info(
                `Network Scorecard deleted ${deleted} scans older than ${maxAgeDays} days`,
              );
          },
        });

        deps.httpRouter.use(
          await createRouter({
            auditor: deps.auditor,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            reports,
            scans,
          }),
        );
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
