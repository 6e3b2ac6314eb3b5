// Moved to src/dialects/measured-hazards.ts (dialects render the hazards and probes); re-exported for the modules of higher layers.
export * from '../dialects/measured-hazards';
