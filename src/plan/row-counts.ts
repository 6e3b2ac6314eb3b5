// Moved to src/dialects/row-counts.ts (dialects render the hazards and probes); re-exported for the modules of higher layers.
export * from '../dialects/row-counts';
