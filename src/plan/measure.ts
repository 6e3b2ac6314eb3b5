// Moved to src/dialects/measure.ts (dialects render the hazards and probes); re-exported for the modules of higher layers.
export * from '../dialects/measure';
