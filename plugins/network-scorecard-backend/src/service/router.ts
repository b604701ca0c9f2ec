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
  networkScorecardAcknowledgementDeletePermission,
  networkScorecardReadPermission,
  networkScorecardScanPermission,
} from '@network-scorecard/common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { ReportService } from '../reports/ReportService';
import { ScanService } from '../scanning/ScanService';
import { BodyCache } from './BodyCache';
import { sendJsonBody } from './jsonBody';

const clusterName = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'not a cluster name');
/** ISO 8601: a date, or a date and time with an offset. */
const isoTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/,
    'not an ISO 8601 date or time with offset (e.g. 2026-11-01 or 2026-11-01T00:00:00Z)',
  )
  .refine(value => !Number.isNaN(Date.parse(value)), 'not a real date')
  .transform(value => new Date(value));
const historyQuery = z
  .object({
    from: isoTime.optional(),
    to: isoTime.optional(),
    limit: z.coerce.number().int().min(1).max(100_000).optional(),
  })
  .strict();
const fleetHistoryQuery = z
  .object({
    from: isoTime.optional(),
    to: isoTime.optional(),
    bucket: z.enum(['day', 'week']).default('week'),
  })
  .strict();
const antiPatternId = z
  .string()
  .regex(/^[a-z0-9][-a-z0-9.]*$/, 'not an anti-pattern id');
const YEAR_MS = 365 * 24 * 3600 * 1000;
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
  // serialised answers, each under a version read from the database before it is made
  const clusterLists = new BodyCache(2);
  const histories = new BodyCache(32);

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
    const listing = await reports.clusterListing();
    sendJsonBody(
      req,
      res,
      await clusterLists.get(listing.version, listing.answer),
    );
  });

  router.get('/clusters/:name', async (req, res) => {
    await authorize(req, networkScorecardReadPermission);
    res.json(
      await reports.getReport(parse(clusterName, req.params.name, 'name')),
    );
  });

  router.get('/clusters/:name/history', async (req, res) => {
    await authorize(req, networkScorecardReadPermission);
    const query = parse(historyQuery, req.query, 'query');
    const name = parse(clusterName, req.params.name, 'name');
    const listing = await reports.historyListing(name, query);
    if (listing === undefined) {
      res.json(await reports.history(name, query));
      return;
    }
    sendJsonBody(
      req,
      res,
      await histories.get(listing.version, async () => ({
        value: await listing.answer(),
        validUntil: Infinity,
      })),
    );
  });

  router.get('/fleet/history', async (req, res) => {
    await authorize(req, networkScorecardReadPermission);
    const query = parse(fleetHistoryQuery, req.query, 'query');
    const to = query.to ?? new Date();
    res.json(
      await reports.fleetHistory({
        from: query.from ?? new Date(to.getTime() - YEAR_MS),
        to,
        bucket: query.bucket,
      }),
    );
  });

  router.get('/clusters/:name/acknowledgements', async (req, res) => {
    await authorize(req, networkScorecardReadPermission);
    res.json(
      await reports.acknowledgements(
        parse(clusterName, req.params.name, 'name'),
      ),
    );
  });

  router.delete(
    '/clusters/:name/acknowledgements/:antiPatternId',
    async (req, res) => {
      // a withdrawal is audited against a person, like the acknowledgement
      const credentials = await check(
        await httpAuth.credentials(req, { allow: ['user'] }),
        networkScorecardAcknowledgementDeletePermission,
      );
      const name = parse(clusterName, req.params.name, 'name');
      const id = parse(
        antiPatternId,
        req.params.antiPatternId,
        'antiPatternId',
      );
      const event = await auditor.createEvent({
        eventId: 'anti-pattern-acknowledgement-withdraw',
        severityLevel: 'medium',
        request: req,
        meta: { cluster: name, antiPatternId: id },
      });
      try {
        const result = await reports.withdraw(
          name,
          id,
          credentials.principal.userEntityRef,
        );
        await event.success({ meta: { withdrawn: result.withdrawn } });
        res.json(result);
      } catch (error) {
        await event.fail({ error: error as Error });
        throw error;
      }
    },
  );

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
