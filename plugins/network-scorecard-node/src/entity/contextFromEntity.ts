import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  DASHBOARD_IDS,
  DashboardId,
  EvaluationContext,
  Fact,
  ReportLink,
  parseRequirements,
  parseTargetCni,
} from '@network-scorecard/common';

/** Annotations a cluster's catalog entity may carry (DESIGN §4). @public */
export const SCORECARD_ANNOTATIONS = {
  requirements: 'network-scorecard.io/requirements',
  platformRefresh: 'network-scorecard.io/platform-refresh',
  targetCni: 'network-scorecard.io/target-cni',
  hubbleUiUrl: 'network-scorecard.io/hubble-ui-url',
  grafanaUrl: 'network-scorecard.io/grafana-url',
  dashboards: {
    serviceMap: 'network-scorecard.io/grafana-dashboard-service-map',
    errorRates: 'network-scorecard.io/grafana-dashboard-error-rates',
    latency: 'network-scorecard.io/grafana-dashboard-latency',
    policyDenials: 'network-scorecard.io/grafana-dashboard-policy-denials',
  } as Record<DashboardId, string>,
} as const;

const DASHBOARD_TITLES: Record<DashboardId, string> = {
  serviceMap: 'Grafana: service map',
  errorRates: 'Grafana: error rates',
  latency: 'Grafana: latency',
  policyDenials: 'Grafana: policy denials',
};

/** What the catalog says about one cluster. @public */
export interface EntityContext {
  /** catalogServiceCount is null here: the caller counts the entity's Components */
  context: EvaluationContext;
  links: ReportLink[];
  /** the `dashboards` fact: which of the four dashboards have a link */
  dashboards: Fact<DashboardId[]>;
  /** problems with the declaration (unknown requirement, bad date or URL), each naming the entity and annotation */
  errors: string[];
}

function httpUrl(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:'
      ? value
      : undefined;
  } catch {
    return undefined;
  }
}

/** An absolute URL, a path under grafana-url, or a dashboard uid (grafana-url/d/<uid>). */
function dashboardUrl(
  value: string,
  grafana: string | undefined,
): string | undefined {
  const absolute = httpUrl(value);
  if (absolute) return absolute;
  if (!grafana) return undefined;
  const base = grafana.replace(/\/+$/, '');
  return httpUrl(
    value.startsWith('/')
      ? `${base}${value}`
      : `${base}/d/${encodeURIComponent(value)}`,
  );
}

function isIsoDate(value: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}(T.*)?$/.test(value) && !Number.isNaN(Date.parse(value))
  );
}

/**
 * Requirements, lifecycle, platform refresh, target CNI, Hubble and Grafana links and the
 * `dashboards` fact of a cluster's catalog entity. Never throws: problems are
 * returned in `errors` and the faulty value is left out.
 * @public
 */
export function contextFromEntity(entity: Entity, now: string): EntityContext {
  const annotations = entity.metadata.annotations ?? {};
  const entityRef = stringifyEntityRef(entity);
  const where = (annotation: string) => `${entityRef} annotation ${annotation}`;
  const errors: string[] = [];

  const parsed = parseRequirements(
    annotations[SCORECARD_ANNOTATIONS.requirements],
    where(SCORECARD_ANNOTATIONS.requirements),
  );
  errors.push(...parsed.errors);

  let platformRefresh: string | null =
    annotations[SCORECARD_ANNOTATIONS.platformRefresh]?.trim() || null;
  if (platformRefresh && !isIsoDate(platformRefresh)) {
    errors.push(
      `${where(
        SCORECARD_ANNOTATIONS.platformRefresh,
      )}: "${platformRefresh}" is not an ISO 8601 date (e.g. 2027-03-01)`,
    );
    platformRefresh = null;
  }

  const target = parseTargetCni(
    annotations[SCORECARD_ANNOTATIONS.targetCni],
    where(SCORECARD_ANNOTATIONS.targetCni),
  );
  if (target.error) errors.push(target.error);

  const links: ReportLink[] = [];
  const hubbleRaw = annotations[SCORECARD_ANNOTATIONS.hubbleUiUrl]?.trim();
  if (hubbleRaw) {
    const url = httpUrl(hubbleRaw);
    if (url) links.push({ kind: 'hubble-ui', title: 'Hubble UI', url });
    else
      errors.push(
        `${where(
          SCORECARD_ANNOTATIONS.hubbleUiUrl,
        )}: "${hubbleRaw}" is not an http(s) URL`,
      );
  }
  const grafanaRaw = annotations[SCORECARD_ANNOTATIONS.grafanaUrl]?.trim();
  let grafana: string | undefined;
  if (grafanaRaw) {
    grafana = httpUrl(grafanaRaw);
    if (grafana)
      links.push({ kind: 'grafana', title: 'Grafana', url: grafana });
    else
      errors.push(
        `${where(
          SCORECARD_ANNOTATIONS.grafanaUrl,
        )}: "${grafanaRaw}" is not an http(s) URL`,
      );
  }

  const linked: DashboardId[] = [];
  const evidence: string[] = [];
  const kindRef = `${entity.kind} ${entity.metadata.namespace ?? 'default'}/${
    entity.metadata.name
  }`;
  for (const id of DASHBOARD_IDS) {
    const annotation = SCORECARD_ANNOTATIONS.dashboards[id];
    const raw = annotations[annotation]?.trim();
    if (!raw) {
      evidence.push(`${kindRef}: no annotation ${annotation}`);
      continue;
    }
    const url = dashboardUrl(raw, grafana);
    if (!url) {
      errors.push(
        `${where(
          annotation,
        )}: "${raw}" is neither an http(s) URL nor a dashboard path or uid under ${
          SCORECARD_ANNOTATIONS.grafanaUrl
        }`,
      );
      continue;
    }
    linked.push(id);
    links.push({
      kind: 'grafana',
      dashboard: id,
      title: DASHBOARD_TITLES[id],
      url,
    });
    evidence.push(`${kindRef}: annotation ${annotation}=${raw}`);
  }

  const lifecycle = entity.spec?.lifecycle;
  return {
    context: {
      requirements: parsed.requirements,
      lifecycle: typeof lifecycle === 'string' && lifecycle ? lifecycle : null,
      platformRefresh,
      targetCni: target.targetCni,
      catalogServiceCount: null,
      now,
    },
    links,
    dashboards: { value: linked, evidence },
    errors,
  };
}
