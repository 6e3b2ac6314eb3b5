/** PostgreSQL `COMMENT ON ...` for the objects besides tables and columns (see `CommentTarget`). */
import type { CommentTarget } from '../../diff/changes';
import type { QualifiedName } from '../../model';
import type { Statement } from '../../model';
import { DEFAULT_SCHEMA } from './normalize';
import { quoteIdentifier, quoteLiteral, quoteQualified } from './quote';
import { statement } from './render-column';

const qualified = (name: QualifiedName): string =>
  quoteQualified({ schema: name.schema ?? DEFAULT_SCHEMA, name: name.name });

/** The object part of `COMMENT ON <object> IS ...`. */
function commentObject(target: CommentTarget): string {
  switch (target.kind) {
    case 'index':
      // An index lives in its table's schema.
      return `INDEX ${qualified({ schema: target.table.schema, name: target.name })}`;
    case 'constraint':
      return `CONSTRAINT ${quoteIdentifier(target.name)} ON ${qualified(target.table)}`;
    case 'schema':
      return `SCHEMA ${quoteIdentifier(target.name)}`;
    case 'type':
      return `TYPE ${qualified(target.object)}`;
    case 'view':
      return `VIEW ${qualified(target.object)}`;
    case 'materialized view':
      return `MATERIALIZED VIEW ${qualified(target.object)}`;
    case 'sequence':
      return `SEQUENCE ${qualified(target.object)}`;
  }
}

/** `COMMENT ON ... IS '...'`, or `IS NULL` to remove it. */
export function renderComment(target: CommentTarget, comment: string | undefined): Statement {
  return statement(`COMMENT ON ${commentObject(target)} IS ${comment ? quoteLiteral(comment) : 'NULL'}`);
}

/** The comment statement of an object just created, when it has one. */
export function commentOf(target: CommentTarget, comment: string | undefined): Statement[] {
  return comment ? [renderComment(target, comment)] : [];
}
