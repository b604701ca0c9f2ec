import { memo } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Content } from '@backstage/core-components';
import { MigrationsView } from '../MigrationsView';
import { FleetView } from './FleetView';

/**
 * The fleet page without its header: the fleet at the root and the
 * migrations view at `migrations`. The legacy page wraps it in a header; the
 * new frontend system draws its own. Memoised for the reason given at
 * NetworkScorecardPage: the views below read the address themselves.
 */
export const NetworkScorecardPageContent = memo(() => (
  <Content>
    <Routes>
      <Route path="/" element={<FleetView />} />
      <Route path="/migrations" element={<MigrationsView />} />
    </Routes>
  </Content>
));
