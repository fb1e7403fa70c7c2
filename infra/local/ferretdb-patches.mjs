// Source patches applied to the pinned FerretDB release before it is built. FerretDB 1.x is end of life (its
// fixes went into 2.x, which needs a PostgreSQL extension we cannot install here). An edit is an exact text
// replacement that must match the expected number of times, else the build stops, so a version bump cannot
// apply them blindly; an addition is a file copied from ferretdb-patches/.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export const FERRETDB_PATCHES = [
  {
    name: 'sqlite-id-index-expression',
    file: 'internal/backends/sqlite/metadata/metadata.go',
    // The `_id_` index is created on `_ferretdb_sjson->"_id"` but queries filter on `_ferretdb_sjson->'$._id'`;
    // SQLite only uses an expression index for the identical expression, so every by-_id find, update and
    // delete scanned the whole table (an update by _id: 1.4 ms at 50 documents, 32 ms at 10,000). `->'_id'`
    // is the same JSON lookup written the way the index was built, so existing databases benefit too.
    find: `IDColumn = DefaultColumn + "->'$._id'"`,
    replace: `IDColumn = DefaultColumn + "->'_id'"`,
    occurrences: 1,
  },
  {
    name: 'sqlite-pushdown-query',
    file: 'internal/backends/sqlite/collection.go',
    // Upstream pushed a filter down to SQLite only when it was exactly `{_id: x}`; everything else (a guarded
    // `{_id, version}` update, `_id: {$in}` batch reads, `{sessionId: x}`) read and decoded every document in
    // Go (~33 µs each). sangathan_pushdown.go narrows by `_id` through its index and by top-level string
    // equality/`$in` in SQLite; handlers still re-apply the whole filter, so the narrowing only has to be a
    // superset of the matches.
    find: `\t// that logic should exist in one place
\t// TODO https://github.com/FerretDB/FerretDB/issues/3235
\tif params.Filter.Len() == 1 {
\t\tv, _ := params.Filter.Get("_id")
\t\tswitch v.(type) {
\t\tcase string, types.ObjectID:
\t\t\twhereClause = fmt.Sprintf(\` WHERE %s = ?\`, metadata.IDColumn)
\t\t\targs = []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}
\t\t}
\t}
`,
    replace: `\twhereClause, args = sangathanWhere(params.Filter)
`,
    occurrences: 1,
  },
  {
    name: 'sqlite-pushdown-explain',
    file: 'internal/backends/sqlite/collection.go',
    // explain reports the same narrowing as the query runs
    find: `\t// that logic should exist in one place
\t// TODO https://github.com/FerretDB/FerretDB/issues/3235
\tif params.Filter.Len() == 1 {
\t\tv, _ := params.Filter.Get("_id")
\t\tswitch v.(type) {
\t\tcase string, types.ObjectID:
\t\t\tfilterPushdown = true
\t\t\twhereClause = fmt.Sprintf(\` WHERE %s = ?\`, metadata.IDColumn)
\t\t\targs = []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}
\t\t}
\t}
`,
    replace: `\twhereClause, args = sangathanWhere(params.Filter)
\tfilterPushdown = whereClause != ""
`,
    occurrences: 1,
  },
  {
    name: 'update-close-each-statement',
    file: 'internal/handler/msg_update.go',
    // Each statement of an `update` command (a bulkWrite of updateOne/updateMany) opened a query whose iterator
    // was closed by a `defer` inside the loop, i.e. only when the whole command returned; with a limit of 1 the
    // rows are never drained, so every statement kept one SQLite connection. A bulk of ~100 statements used up
    // FerretDB's pool and the command waited for a connection forever, and with it every later operation on
    // that database (seen as "a 100-statement bulk stalls" and as the analytics full-scale stall). Close each
    // statement's iterator when the statement is done.
    find: `\t\tcloser := iterator.NewMultiCloser()
\t\tdefer closer.Close()

\t\tcloser.Add(res.Iter)`,
    replace: `\t\tcloser := iterator.NewMultiCloser()

\t\tcloser.Add(res.Iter)`,
    occurrences: 1,
  },
  {
    name: 'update-close-each-statement-after-use',
    file: 'internal/handler/msg_update.go',
    find: `\t\tresult, err := common.UpdateDocument(ctx, c, "update", iter, &u)
\t\tif err != nil {`,
    replace: `\t\tresult, err := common.UpdateDocument(ctx, c, "update", iter, &u)
\t\tcloser.Close()
\t\tif err != nil {`,
    occurrences: 1,
  },
  {
    name: 'sqlite-pushdown-helpers',
    file: 'internal/backends/sqlite/sangathan_pushdown.go',
    addFrom: 'ferretdb-patches/sangathan_pushdown.go',
  },
];

/** Short fingerprint of the patch set; part of the cache folder name so that changing a patch rebuilds. */
export function patchSetId() {
  const hash = crypto.createHash('sha256');
  for (const p of FERRETDB_PATCHES) {
    const added = p.addFrom ? fs.readFileSync(path.join(HERE, p.addFrom), 'utf8') : '';
    hash.update(`${p.file}\0${p.find ?? ''}\0${p.replace ?? ''}\0${p.occurrences ?? ''}\0${added}\0`);
  }
  return hash.digest('hex').slice(0, 8);
}

/** Applies every patch to a FerretDB source tree; throws with the patch name when one does not apply. */
export function applyFerretdbPatches(srcDir) {
  for (const p of FERRETDB_PATCHES) {
    const file = path.join(srcDir, p.file);
    if (p.addFrom) {
      if (fs.existsSync(file)) throw new Error(`FerretDB patch ${p.name}: ${p.file} already exists upstream`);
      fs.copyFileSync(path.join(HERE, p.addFrom), file);
      continue;
    }
    const text = fs.readFileSync(file, 'utf8');
    const found = text.split(p.find).length - 1;
    if (found !== p.occurrences) {
      throw new Error(
        `FerretDB patch ${p.name} does not apply to ${p.file} (expected text found ${found} times, not ${p.occurrences})`,
      );
    }
    fs.writeFileSync(file, text.split(p.find).join(p.replace));
  }
  return FERRETDB_PATCHES.map((p) => p.name);
}
