/**
 * Network Scorecard common library: fact and report types, the networking
 * decision rules, scoring and permissions. Isomorphic: no Node or React.
 *
 * @packageDocumentation
 */
export * from './facts';
export * from './context';
export * from './report';
export * from './rules';
export * from './scoring';
export * from './fleet';
export * from './permissions';
export * from './api';
export * from './catalog';
