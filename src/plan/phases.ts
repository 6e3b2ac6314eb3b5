// Moved to src/dialects/apply-phases.ts (sessions run the phases); re-exported for the modules of higher layers.
export * from '../dialects/apply-phases';
