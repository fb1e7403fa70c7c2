// Source patches applied to the pinned FerretDB release before it is built (FerretDB 1.x is end of life; its
// fixes went into 2.x, which needs a PostgreSQL extension we cannot install here). Each patch is an exact text
// replacement: if the expected text is not found the build stops, so a version bump cannot apply them blindly.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

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
    name: 'sqlite-id-pushdown-with-other-conditions',
    file: 'internal/backends/sqlite/collection.go',
    // `{_id: x}` was pushed down to SQLite only when it was the whole filter; a guarded update such as
    // `{_id: x, version: 3}` scanned. Every handler re-applies the full filter to what the backend returns
    // (as with the PostgreSQL backend, which pushes down per key), so narrowing by _id alone is safe.
    // Query and Explain share the condition, hence two occurrences.
    find: `\tif params.Filter.Len() == 1 {\n\t\tv, _ := params.Filter.Get("_id")`,
    replace: `\tif params.Filter.Len() > 0 {\n\t\tv, _ := params.Filter.Get("_id")`,
    occurrences: 2,
  },
];

/** Short fingerprint of the patch set; part of the cache folder name so that changing a patch rebuilds. */
export function patchSetId() {
  const hash = crypto.createHash('sha256');
  for (const p of FERRETDB_PATCHES) hash.update(`${p.file}\0${p.find}\0${p.replace}\0${p.occurrences}\0`);
  return hash.digest('hex').slice(0, 8);
}

/** Applies every patch to a FerretDB source tree; throws with the patch name when one does not apply. */
export function applyFerretdbPatches(srcDir) {
  for (const p of FERRETDB_PATCHES) {
    const file = path.join(srcDir, p.file);
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
