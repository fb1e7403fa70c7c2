// Added by Sangathan (infra/local/ferretdb-patches.mjs); not part of upstream FerretDB.

package sqlite

import (
	"regexp"
	"strings"

	"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
	"github.com/FerretDB/FerretDB/internal/handler/sjson"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/must"
)

// maxPushdownValues keeps a pushed-down $in list well under SQLite's bound-parameter limit.
const maxPushdownValues = 5000

// plainField matches top-level field names whose JSON path needs no escaping; dotted paths are never pushed
// down because their MongoDB semantics over arrays of subdocuments differ from a JSON path lookup.
var plainField = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// sangathanWhere narrows the rows FerretDB reads and decodes for a filter. The SQL it builds may match more
// documents than the filter (every handler re-applies the whole filter to what the backend returns) but never
// fewer, so it is only built for shapes whose MongoDB semantics it covers:
//   - `_id: <string|ObjectID>` and `_id: {$in: [...]}` through the `_id` index;
//   - `field: <string>`, `field: {$eq: <string>}`, `field: {$in: [<string>...]}`, matching the field's value or
//     any element of an array stored there (json_each yields the value itself for a scalar), evaluated by
//     SQLite in C instead of decoding every document in Go.
// Anything else is left to the handler, as before.
func sangathanWhere(filter *types.Document) (string, []any) {
	if filter.Len() == 0 {
		return "", nil
	}

	var conds []string
	var args []any

	keys, values := filter.Keys(), filter.Values()
	for i, key := range keys {
		if !plainField.MatchString(key) {
			continue
		}

		if key == "_id" {
			ids := idValues(values[i])
			if len(ids) == 0 {
				continue
			}

			conds = append(conds, metadata.IDColumn+" IN ("+placeholders(len(ids))+")")
			args = append(args, ids...)

			continue
		}

		strs := stringValues(values[i])
		if len(strs) == 0 {
			continue
		}

		conds = append(conds,
			"EXISTS (SELECT 1 FROM json_each("+metadata.DefaultColumn+", ?) WHERE json_each.value IN ("+placeholders(len(strs))+"))",
		)
		args = append(args, `$."`+key+`"`)
		args = append(args, strs...)
	}

	if len(conds) == 0 {
		return "", nil
	}

	return " WHERE " + strings.Join(conds, " AND "), args
}

// idValues returns the sjson encodings of `_id` equality values, or nil when the condition is not pushable.
func idValues(v any) []any {
	encode := func(e any) (any, bool) {
		switch e.(type) {
		case string, types.ObjectID:
			return string(must.NotFail(sjson.MarshalSingleValue(e))), true
		}

		return nil, false
	}

	return pushableValues(v, encode)
}

// stringValues returns the strings a field must equal (or contain), or nil when the condition is not pushable.
func stringValues(v any) []any {
	return pushableValues(v, func(e any) (any, bool) {
		s, ok := e.(string)
		return s, ok
	})
}

// pushableValues returns the SQL arguments for `value`, `{$eq: value}` or `{$in: [values]}` when `encode` accepts
// every value, or nil when the condition is not pushable.
func pushableValues(v any, encode func(any) (any, bool)) []any {
	d, ok := v.(*types.Document)
	if !ok {
		if e, ok := encode(v); ok {
			return []any{e}
		}

		return nil
	}

	if eq, ok := onlyOperand(d, "$eq"); ok {
		if e, ok := encode(eq); ok {
			return []any{e}
		}

		return nil
	}

	in, ok := onlyOperand(d, "$in")
	if !ok {
		return nil
	}

	arr, ok := in.(*types.Array)
	if !ok || arr.Len() == 0 || arr.Len() > maxPushdownValues {
		return nil
	}

	out := make([]any, 0, arr.Len())
	for j := 0; j < arr.Len(); j++ {
		e, ok := encode(must.NotFail(arr.Get(j)))
		if !ok {
			return nil
		}

		out = append(out, e)
	}

	return out
}

// onlyOperand returns the operand of op when the document is exactly {op: operand}.
func onlyOperand(d *types.Document, op string) (any, bool) {
	if d.Len() != 1 || d.Keys()[0] != op {
		return nil, false
	}

	return must.NotFail(d.Get(op)), true
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}
