export * from './summarizeFleet';
