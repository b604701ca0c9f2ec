export { MigrationsView } from './MigrationsView';
