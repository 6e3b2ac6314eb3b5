import type { Model, NotManaged, TargetScope } from '../model';
import type { Diagnostic } from '../model';
import type { Change } from './changes';

export interface SchemaDiff {
  readonly changes: readonly Change[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Extensions the target needs that are not installed are created; in an inventory, those it lacks are dropped. */
export function diffExtensions(from: Model, to: Model, scope: TargetScope): Change[] {
  const installed = new Set(from.extensions);
  const wanted = new Set(to.extensions);
  // An inventory also says where each extension is installed; entities only need it installed somewhere.
  const targetSchemas = scope === 'inventory' ? extensionSchemas(to) : new Map<string, string | undefined>();
  const created = to.extensions
    .filter((name) => !installed.has(name))
    .map((name): Change => {
      const schema = targetSchemas.get(name);
      const reason = `extension ${name} is required by the schema`;
      return schema === undefined
        ? { kind: 'extension.create', name, reason }
        : { kind: 'extension.create', name, schema, reason };
    });
  if (scope !== 'inventory') return created;
  const schemaOf = extensionSchemas(from);
  const dropped = from.extensions
    .filter((name) => !wanted.has(name))
    .map((name): Change => ({
      kind: 'extension.drop',
      name,
      schema: schemaOf.get(name),
      reason: `extension ${name} is not in the target schema`,
    }));
  return [...created, ...dropped];
}

/** Where each installed extension lives, from an introspected model's `notManaged` extension entries. */
function extensionSchemas(model: Model): Map<string, string | undefined> {
  return new Map(
    (model.notManaged ?? []).flatMap((entry) =>
      entry.kind === 'extension' ? entry.names.map((n) => [n, entry.schema] as const) : [],
    ),
  );
}

const plural = (entry: NotManaged): string =>
  `${entry.names.length} ${entry.kind}${entry.names.length === 1 ? '' : 's'}`;

/**
 * Schemas the target needs that the current model does not know to exist are created. In an inventory, schemas it
 * lacks are dropped, unless they hold objects the plan does not drop (functions, sequences, extensions kept...; see
 * `Model.notManaged`), which `DROP SCHEMA` would refuse: those are kept, and an info diagnostic says why. Models
 * without `schemas` (SQLite) have none.
 */
export function diffSchemas(
  from: Model,
  to: Model,
  scope: TargetScope,
  extensionChanges: readonly Change[],
): SchemaDiff {
  if (!from.schemas || !to.schemas) return { changes: [], diagnostics: [] };
  const existing = new Set(from.schemas);
  const created = to.schemas
    .filter((name) => !existing.has(name))
    .map((name): Change => ({ kind: 'schema.create', name, reason: `schema ${name} does not exist` }));
  if (scope !== 'inventory') return { changes: created, diagnostics: [] };
  const wanted = new Set(to.schemas);
  const droppedExtensions = new Set(extensionChanges.flatMap((c) => (c.kind === 'extension.drop' ? [c.name] : [])));
  // Schema comments are compared only in an inventory: entities cannot declare them (and `public` has one by default).
  const comments = to.schemas.flatMap((name): Change[] => {
    const [a, b] = [existing.has(name) ? from.schemaComments?.[name] : undefined, to.schemaComments?.[name]];
    if (a === b) return [];
    return [
      {
        kind: 'comment.set',
        target: { kind: 'schema', name },
        from: a,
        to: b,
        reason: `comment of schema ${name} differs`,
      },
    ];
  });
  const changes: Change[] = [...created, ...comments];
  const diagnostics: Diagnostic[] = [];
  for (const name of from.schemas.filter((schema) => !wanted.has(schema))) {
    const remaining = (from.notManaged ?? [])
      .filter((entry) => entry.schema === name)
      .map((entry) =>
        entry.kind === 'extension' ? { ...entry, names: entry.names.filter((n) => !droppedExtensions.has(n)) } : entry,
      )
      .filter((entry) => entry.names.length > 0);
    if (remaining.length === 0) {
      changes.push({ kind: 'schema.drop', name, reason: `schema ${name} is not in the target schema` });
      continue;
    }
    diagnostics.push({
      severity: 'info',
      code: 'SCHEMA_KEPT',
      message: `schema ${name} is not in the target, but is not dropped: it holds objects the plan does not manage (${remaining.map(plural).join(', ')})`,
      location: `schema ${name}`,
      hint: `Drop or move them first (${remaining
        .flatMap((entry) => entry.names)
        .slice(0, 5)
        .join(', ')}), then plan again.`,
    });
  }
  return { changes, diagnostics };
}
