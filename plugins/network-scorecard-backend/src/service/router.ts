import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  BasicPermission,
  AuthorizeResult,
} from '@backstage/plugin-permission-common';
import {
  networkScorecardAcknowledgePermission,
  networkScorecardReadPermission,
  networkScorecardScanPermission,
} from '@network-scorecard/common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { ReportService } from '../reports/ReportService';
import { ScanService } from '../scanning/ScanService';

const clusterName = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'not a cluster name');
const historyQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
const entityQuery = z.object({ entityRef: z.string().min(1) });
const acknowledgementBody = z.object({
  antiPatternId: z.string().min(1),
  reason: z
    .string()
    .trim()
    .min(3, 'reason must say why (at least 3 characters)')
    .max(2000),
  expiresAt: z.string().datetime({ offset: true }),
});

function parse<T>(
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  value: unknown,
  where: string,
): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues
      .map(issue => `${[where, ...issue.path].join('.')}: ${issue.message}`)
      .join('; ');
    throw new InputError(`Invalid request: ${problems}`);
  }
  return result.data;
}

export interface RouterOptions {
  auditor: AuditorService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  reports: ReportService;
  scans: ScanService;
}

/** The REST API of DESIGN.md §8. Handlers parse, authorize, delegate. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { auditor, httpAuth, permissions, reports, scans } = options;
  const router = Router();
  router.use(express.json());

  async function authorize(req: Request, permission: BasicPermission) {
    const credentials = await httpAuth.credentials(req);
    return check(credentials, permission);
  }

  async function check<T extends BackstageCredentials>(
    credentials: T,
    permission: BasicPermission,
  ) {
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Not allowed: ${permission.name}`);
    }
    return credentials;
  }

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/clusters', async (req, res) => {
    await authorize(req, networkScorecardReadPermission);
    res.json({ items: await reports.listClusters() });
  });

  router.get('/clusters/:name', async (req, res) => {
    await authorize(req, networkScorecardReadPermission);
    res.json(
      await reports.getReport(parse(clusterName, req.params.name, 'name')),
    );
  });

  router.get('/clusters/:name/history', async (req, res) => {
    await authorize(req, networkScorecardReadPermission);
    const { limit } = parse(historyQuery, req.query, 'query');
    res.json(
      await reports.history(parse(clusterName, req.params.name, 'name'), limit),
    );
  });

  router.get('/entity', async (req, res) => {
    const credentials = await authorize(req, networkScorecardReadPermission);
    const { entityRef } = parse(entityQuery, req.query, 'query');
    res.json(await reports.entityReports(entityRef, credentials));
  });

  router.get('/fleet/summary', async (req, res) => {
    await authorize(req, networkScorecardReadPermission);
    res.json(await reports.fleetSummary());
  });

  router.post('/clusters/:name/scan', async (req, res) => {
    await authorize(req, networkScorecardScanPermission);
    const name = parse(clusterName, req.params.name, 'name');
    const event = await auditor.createEvent({
      eventId: 'cluster-scan',
      request: req,
      meta: { cluster: name },
    });
    try {
      const report = await scans.scanCluster(name);
      await event.success({ meta: { grade: report.grade } });
      res.json(report);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  router.post('/clusters/:name/acknowledgements', async (req, res) => {
    // an acknowledgement is audited against a person, so only users may make one
    const credentials = await check(
      await httpAuth.credentials(req, { allow: ['user'] }),
      networkScorecardAcknowledgePermission,
    );
    const name = parse(clusterName, req.params.name, 'name');
    const body = parse(acknowledgementBody, req.body, 'body');
    const event = await auditor.createEvent({
      eventId: 'anti-pattern-acknowledge',
      severityLevel: 'medium',
      request: req,
      meta: {
        cluster: name,
        antiPatternId: body.antiPatternId,
        reason: body.reason,
        expiresAt: body.expiresAt,
      },
    });
    try {
      const ack = await reports.acknowledge(
        name,
        body,
        credentials.principal.userEntityRef,
      );
      await event.success();
      res.status(201).json(ack);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  return router;
}
