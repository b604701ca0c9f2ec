import { Fragment } from 'react';
import { ResponseErrorPanel } from '@backstage/core-components';
import { Box, Typography } from '@material-ui/core';
import { ClusterSummary } from '@network-scorecard/common';
import { plural } from '../../utils/format';
import { ClusterTabLink, ServiceLink } from './entityLinks';
import { MAX_REPORTS } from './loadGroupScorecard';
import {
  problemSentence,
  serviceProblems,
  ServiceProblem,
} from './serviceProblems';
import { GroupScorecard } from './types';

function joinedLinks<T>(
  items: T[],
  key: (item: T) => string,
  render: (item: T) => JSX.Element,
) {
  return items.map((item, index) => (
    <Fragment key={key(item)}>
      {index > 0 && ', '}
      {render(item)}
    </Fragment>
  ));
}

const Problem = ({
  problem,
  clusters,
}: {
  problem: ServiceProblem;
  clusters: Map<string, ClusterSummary>;
}) => (
  <Box component="li" mb={1.5} data-testid="group-service-problem">
    <Typography variant="body1">{problemSentence(problem)}</Typography>
    {problem.blocks.length > 0 && (
      <Typography variant="caption" color="textSecondary" component="div">
        Blocks: {problem.blocks.join('; ')}
      </Typography>
    )}
    <Typography variant="body2" component="div">
      Services:{' '}
      {joinedLinks(
        problem.services,
        s => s.ref,
        s => (
          <ServiceLink entity={s.entity} />
        ),
      )}
    </Typography>
    <Typography variant="body2" component="div">
      {problem.clusters.length === 1 ? 'Cluster' : 'Clusters'}:{' '}
      {joinedLinks(
        problem.clusters,
        name => name,
        name => {
          const cluster = clusters.get(name);
          return cluster ? <ClusterTabLink cluster={cluster} /> : <>{name}</>;
        },
      )}
    </Typography>
  </Box>
);

/** What the card could not see: never scanned, unreadable or past the limit of reports. */
const NotSeen = ({ data }: { data: GroupScorecard }) => {
  const neverScanned = data.reads.filter(r => !r.report && !r.error);
  const failed = data.reads.filter(r => r.error);
  return (
    <>
      {failed.map(({ cluster, error }) => (
        <Box key={cluster.name} mb={1}>
          <ResponseErrorPanel
            error={error!}
            title={`Could not read the report of ${cluster.name}: its problems are not counted above`}
          />
        </Box>
      ))}
      {neverScanned.length > 0 && (
        <Typography variant="body2" color="textSecondary" gutterBottom>
          Not scanned yet, so not judged:{' '}
          {joinedLinks(
            neverScanned.map(r => r.cluster),
            c => c.name,
            c => (
              <ClusterTabLink cluster={c} />
            ),
          )}
        </Typography>
      )}
      {data.unread.length > 0 && (
        <Typography variant="body2" color="textSecondary" gutterBottom>
          Not read: {plural(data.unread.length, 'more cluster')} your services
          run on ({data.unread.map(c => c.name).join(', ')}); this card reads
          the reports of at most {MAX_REPORTS} clusters, those with the most of
          your services first.
        </Typography>
      )}
    </>
  );
};

/** The sentence when no problem was found: what was looked at, never more. */
function noProblemText(data: GroupScorecard, running: number): string {
  const judged = data.reads.filter(r => r.report).length;
  const complete = judged === data.reads.length && data.unread.length === 0;
  const undecided = data.reads.reduce(
    (sum, { report }) =>
      sum +
      (report?.checks.filter(c => c.status === 'unknown').length ?? 0) +
      (report?.readiness.filter(r => r.status === 'unknown').length ?? 0),
    0,
  );
  const scope = `${plural(running, 'service')} on ${plural(
    judged,
    'cluster',
  )} read`;
  const unknown =
    undecided === 0
      ? ''
      : ` ${undecided} ${
          undecided === 1
            ? 'check or readiness item'
            : 'checks or readiness items'
        } on them could not be judged.`;
  return complete
    ? `No failing check and no readiness blocker on the clusters your services run on (${scope}).${unknown}`
    : `No failing check and no readiness blocker on the clusters that could be read (${scope}); the others are listed below.${unknown}`;
}

/** The group's services on clusters with failing checks or readiness blockers, grouped by problem. */
export const ServiceProblems = ({
  data,
  groupTitle,
}: {
  data: GroupScorecard;
  groupTitle: string;
}) => {
  const running = data.services.filter(s => s.clusters.length > 0);
  if (data.services.length === 0) {
    return (
      <Typography
        variant="body2"
        color="textSecondary"
        data-testid="group-owns-no-service"
      >
        {groupTitle} and its sub-groups own no Component.
      </Typography>
    );
  }
  if (running.length === 0) {
    return (
      <Typography
        variant="body2"
        color="textSecondary"
        data-testid="group-services-on-no-cluster"
      >
        None of the {plural(data.services.length, 'Component')} of {groupTitle}{' '}
        runs on a cluster the scorecard knows (spec.dependsOn:
        resource:&lt;cluster&gt; or the backstage.io/kubernetes-cluster
        annotation).
      </Typography>
    );
  }
  const problems = serviceProblems(data.services, data.reads);
  const clusters = new Map(data.reads.map(r => [r.cluster.name, r.cluster]));
  return (
    <>
      {problems.length === 0 ? (
        <Typography variant="body1" gutterBottom data-testid="group-no-problem">
          {noProblemText(data, running.length)}
        </Typography>
      ) : (
        <Box component="ul" pl={2} m={0}>
          {problems.map(problem => (
            <Problem
              key={`${problem.kind}:${problem.text}`}
              problem={problem}
              clusters={clusters}
            />
          ))}
        </Box>
      )}
      <NotSeen data={data} />
    </>
  );
};
