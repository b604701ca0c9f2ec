import { AnyApiFactory } from '@backstage/core-plugin-api';

// The scorecard plugin brings its own API factory; the app adds none.
export const apis: AnyApiFactory[] = [];
