// Moved to src/dialects/table-probes.ts (dialects render the hazards and probes); re-exported for the modules of higher layers.
export * from '../dialects/table-probes';
