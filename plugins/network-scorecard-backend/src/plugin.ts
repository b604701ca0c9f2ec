import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { durationToMilliseconds } from '@backstage/types';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { stringifyEntityRef } from '@backstage/catalog-model';
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
import { cachedFor } from './catalog/cachedFor';
import { catalogViewVersion } from './catalog/catalogViewVersion';
import { clusterOwnerRef } from './catalog/clusterOwner';
import { createScanNotifier } from './notifications';
import { readScorecardConfig } from './config/readScorecardConfig';
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
        notifications: notificationService,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
      },
      async init(deps) {
        const { config, logger, scheduler } = deps;
        const settings = readScorecardConfig(config);
        deps.permissionsRegistry.addPermissions(networkScorecardPermissions);

        const ruleset = customRuleset(defaultRuleset, {
          checks: extraChecks,
          antiPatterns: extraAntiPatterns,
          readiness: extraReadiness,
        });
        const catalogClusters = new CatalogClusters(deps.catalog, deps.auth);
        // A catalog read (every cluster and service entity parsed, digested,
        // kept) holds the event loop for tens of milliseconds at 1,000
        // clusters, so the routes share one per refresh and are answered from
        // the last while the next runs. A scan reads it afresh, so it never
        // scores with an older view, and hands that view to the routes.
        const readDigestedCatalog = async () => {
          const view = await catalogClusters.read();
          // digested as it is read (in the background once warm), not by the request that first uses it
          catalogViewVersion(view);
          return view;
        };
        const readCatalog = cachedFor(
          settings.catalogRefreshMs,
          readDigestedCatalog,
          { staleMs: 9 * settings.catalogRefreshMs },
        );
        const readFreshCatalog = async () => {
          const view = await readDigestedCatalog();
          readCatalog.offer(view);
          return view;
        };
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
        const notifier = settings.notificationsEnabled
          ? createScanNotifier({
              notifications: deps.notifications,
              database: await deps.database.getClient(),
              logger,
              ruleset: () => ruleset,
            })
          : undefined;
        const scans = new ScanService({
          registry,
          readCatalog: readFreshCatalog,
          collector: createFactCollector({
            auth,
            requestTimeoutMs: settings.requestTimeoutMs,
            prometheus: settings.prometheus,
          }),
          store,
          ruleset: () => ruleset,
          logger,
          concurrency: settings.concurrency,
          clusterTimeoutMs: settings.clusterTimeoutMs,
          productionLifecycles: settings.productionLifecycles,
          listeners: notifier ? [notifier] : [],
        });
        const reports = new ReportService({
          registry,
          readCatalog,
          catalog: deps.catalog,
          store,
          staleAfterMs: settings.staleAfterMs,
        });

        await scheduler.scheduleTask({
          id: 'network-scorecard-scan',
          ...settings.schedule,
          // after the configured schedule: one replica scans per tick, whatever it says
          scope: 'global',
          fn: async signal => {
            await scans.scanAll(signal);
          },
        });
        await scheduler.scheduleTask({
          id: 'network-scorecard-retention',
          scope: 'global',
          frequency: { hours: 24 },
          timeout: { minutes: 30 },
          initialDelay: { minutes: 1 },
          fn: async () => {
            const maxAgeMs = durationToMilliseconds(settings.retentionMaxAge);
            const deleted = await store.deleteScansBefore(
              new Date(Date.now() - maxAgeMs),
            );
            logger.info(
              `Network Scorecard retention deleted ${deleted} scans older than ${JSON.stringify(
                settings.retentionMaxAge,
              )}`,
            );
          },
        });

        if (notifier) {
          await scheduler.scheduleTask({
            id: 'network-scorecard-acknowledgement-expiry',
            scope: 'global',
            frequency: { hours: 24 },
            timeout: { minutes: 10 },
            initialDelay: { minutes: 2 },
            fn: async () => {
              const now = new Date();
              const [targets, catalog, acknowledgements] = await Promise.all([
                registry.listClusters(),
                readCatalog(),
                store.allActiveAcknowledgements(now),
              ]);
              const owners = new Map(
                targets.map(target => {
                  const entity = catalog.clusters.get(target.name);
                  return [
                    target.name,
                    {
                      owner: clusterOwnerRef(entity),
                      title: entity?.metadata.title ?? target.name,
                      entityRef: entity ? stringifyEntityRef(entity) : null,
                    },
                  ];
                }),
              );
              await notifier.notifyExpiringAcknowledgements({
                now,
                acknowledgements,
                owners,
              });
            },
          });
        }

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
