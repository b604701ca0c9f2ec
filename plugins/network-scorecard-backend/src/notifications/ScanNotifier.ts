import { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { Acknowledgement, defaultRuleset } from '@network-scorecard/common';
import { Knex } from 'knex';
import { ScanListener, ScanStoredEvent } from '../scanning/events';
import {
  ScorecardChange,
  expiringAcknowledgements,
  scanChanges,
} from './changes';
import { RuleTitles, payloadFor } from './messages';
import { SentNotifications } from './SentNotifications';

/** @public */
export interface ScanNotifierOptions {
  notifications: NotificationService;
  /** the plugin's database client; its migrations create the sent-notifications table */
  database: Knex;
  logger: LoggerService;
  /** rule titles for the messages (the plugin's ruleset with custom rules); default: the framework's */
  ruleset?: () => RuleTitles;
  /**
   * The app path of a cluster's page. Default: the Network tab of the
   * cluster's catalog Resource, `/catalog/default/resource/<name>/network-scorecard`.
   */
  clusterLink?: (cluster: string, entityRef: string | null) => string;
  /** clock, for tests */
  now?: () => Date;
}

/** Input of the daily acknowledgement check. @public */
export interface ExpiringAcknowledgementsInput {
  now: Date;
  /** `ScanStore.allActiveAcknowledgements(now)` */
  acknowledgements: Map<string, Record<string, Acknowledgement>>;
  /** cluster name -> its catalog owner (entity ref or null) and display title */
  owners: Map<
    string,
    { owner: string | null; title: string; entityRef: string | null }
  >;
}

/** @public */
export interface ScanNotifier extends ScanListener {
  /**
   * Tells owners about active acknowledgements expiring within 7 days, once
   * per (cluster, anti-pattern, expiry); for a daily task. Returns how many
   * notifications were sent by this call.
   */
  notifyExpiringAcknowledgements(
    input: ExpiringAcknowledgementsInput,
  ): Promise<number>;
}

/** The cluster entity's Network tab; the fleet page for a cluster the catalog does not know. */
export function defaultClusterLink(
  _cluster: string,
  entityRef: string | null,
): string {
  if (!entityRef) return '/network-scorecard';
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(name)}/network-scorecard`;
}

/**
 * Notifies a cluster's catalog owner when its scorecard gets worse (see
 * `scanChanges` for what counts) and when an acknowledgement is about to
 * expire. Each event is sent at most once across replicas and restarts: its
 * key is claimed in the plugin's database before sending, and given back if
 * the send fails. Never throws: a failure to notify is a warning, not a
 * failed scan.
 * @public
 */
export function createScanNotifier(options: ScanNotifierOptions): ScanNotifier {
  const { logger, notifications } = options;
  const sent = new SentNotifications(options.database);
  const rules = options.ruleset ?? (() => defaultRuleset);
  const link = options.clusterLink ?? defaultClusterLink;
  const clock = options.now ?? (() => new Date());

  /** sends the changes of one cluster; returns how many were sent */
  async function notify(
    cluster: string,
    title: string,
    entityRef: string | null,
    owner: string | null,
    changes: ScorecardChange[],
  ): Promise<number> {
    if (changes.length === 0) return 0;
    // owners arrive as full entity refs (clusterOwnerRef)
    const recipient = owner;
    if (!recipient) {
      logger.debug(
        `Network Scorecard has nobody to notify about ${changes
          .map(c => c.kind)
          .join(', ')} on cluster "${cluster}": ${'it has no owner'}`,
      );
      return 0;
    }
    let count = 0;
    for (const change of changes) {
      let claimed = false;
      try {
        claimed = await sent.claim(change, clock());
        if (!claimed) continue;
        await notifications.send({
          recipients: { type: 'entity', entityRef: recipient },
          payload: payloadFor(change, {
            title,
            link: link(cluster, entityRef),
            rules: rules(),
          }),
        });
        count += 1;
        logger.info(
          `Network Scorecard notified ${recipient} of ${change.kind}${
            change.item ? ` ${change.item}` : ''
          } on cluster "${cluster}"`,
        );
      } catch (error) {
        logger.warn(
          `Network Scorecard could not notify ${recipient} of ${change.kind}${
            change.item ? ` ${change.item}` : ''
          } on cluster "${cluster}"`,
          { error: String(error) },
        );
        if (claimed) {
          await sent
            .release(change)
            .catch(releaseError =>
              logger.warn(
                `Network Scorecard could not release the notification claim of ${change.kind} on cluster "${cluster}"`,
                { error: String(releaseError) },
              ),
            );
        }
      }
    }
    return count;
  }

  return {
    async scanStored(event: ScanStoredEvent): Promise<void> {
      try {
        await notify(
          event.cluster,
          event.title,
          event.entityRef,
          event.owner,
          scanChanges(event),
        );
      } catch (error) {
        logger.warn(
          `Network Scorecard could not notify about the scan of "${event.cluster}"`,
          { error: String(error) },
        );
      }
    },

    async notifyExpiringAcknowledgements(
      input: ExpiringAcknowledgementsInput,
    ): Promise<number> {
      const byCluster = new Map<string, ScorecardChange[]>();
      for (const change of expiringAcknowledgements(
        input.now,
        input.acknowledgements,
      )) {
        byCluster.set(change.cluster, [
          ...(byCluster.get(change.cluster) ?? []),
          change,
        ]);
      }
      let count = 0;
      for (const [cluster, changes] of byCluster) {
        const known = input.owners.get(cluster);
        try {
          count += await notify(
            cluster,
            known?.title ?? cluster,
            known?.entityRef ?? null,
            known?.owner ?? null,
            changes,
          );
        } catch (error) {
          logger.warn(
            `Network Scorecard could not notify about expiring acknowledgements of "${cluster}"`,
            { error: String(error) },
          );
        }
      }
      return count;
    },
  };
}
