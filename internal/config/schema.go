package config

//go:generate go run ./docgen -schema ../../docs/cognito.schema.json -reference ../../docs/reference.md

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
)

// ModelField is one key of the model met by WalkModel.
type ModelField struct {
	// Path is the registry key, e.g. "app_clients[].oauth.flows".
	Path string
	// Type is the field's type with pointers removed.
	Type reflect.Type
	// Optional is true for omitempty fields.
	Optional bool
}

var schemaDurationType = reflect.TypeFor[Duration]()

// WalkModel calls fn for every key of cognito.yaml in file order: objects
// before their fields, lists of objects before the fields of their items
// (written "list[].field").
func WalkModel(fn func(ModelField)) { walkModelStruct(reflect.TypeFor[Config](), "", fn) }

func walkModelStruct(t reflect.Type, prefix string, fn func(ModelField)) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "" || name == "-" {
			continue
		}
		path := name
		if prefix != "" {
			path = prefix + "." + name
		}
		ft := f.Type
		if ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		fn(ModelField{Path: path, Type: ft, Optional: strings.Contains(opts, "omitempty")})
		switch {
		case ft.Kind() == reflect.Struct && ft != schemaDurationType:
			walkModelStruct(ft, path, fn)
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
			walkModelStruct(ft.Elem(), path+"[]", fn)
		}
	}
}

// schemaRequired lists the keys a file must write. It follows what Cognito
// cannot do without (a name, a type), not every non-omitempty field, so
// that a short hand-written file stays valid.
var schemaRequired = map[string]bool{
	"version": true, "resource_name": true, "user_pool": true,
	"user_pool.name":                          true,
	"user_pool.attributes.custom[].name":      true,
	"user_pool.attributes.custom[].type":      true,
	"user_pool.mfa.mode":                      true,
	"user_pool.sms.sns_caller_arn":            true,
	"user_pool.email_sending.account":         true,
	"user_pool.capabilities[].type":           true,
	"user_pool.groups[].name":                 true,
	"app_clients[].name":                      true,
	"identity_providers[].type":               true,
	"resource_servers[].identifier":           true,
	"resource_servers[].name":                 true,
	"resource_servers[].scopes[].name":        true,
	"resource_servers[].scopes[].description": true,
	"identity_pool.name":                      true,
	"identity_pool.providers[].type":          true,
	"identity_pool.providers[].app_id":        true,
}

// schemaSecretPattern accepts only a ${env:NAME} reference, so an editor flags a
// pasted secret before it is committed.
const schemaSecretPattern = `^\$\{env:[A-Za-z_][A-Za-z0-9_]*\}$`

// schemaExtra holds constraints beyond type and enum for a few keys.
var schemaExtra = map[string]map[string]any{
	"version":                                                    {"const": CurrentVersion},
	"user_pool.name":                                             {"minLength": 1, "maxLength": 128, "pattern": `^[\w\s+=,.@-]+$`},
	"user_pool.attributes.custom[].name":                         {"minLength": 1, "maxLength": 20},
	"user_pool.attributes.custom[].max_length":                   {"minimum": 0, "maximum": 2048},
	"user_pool.attributes.custom[].min_length":                   {"minimum": 0, "maximum": 2048},
	"user_pool.password_policy.minimum_length":                   {"minimum": 6, "maximum": 99},
	"user_pool.password_policy.temporary_password_validity_days": {"minimum": 0, "maximum": 365},
	"user_pool.password_policy.password_history_size":            {"minimum": 0, "maximum": 24},
	"user_pool.account_recovery":                                 {"minItems": 1, "maxItems": 2},
	"user_pool.groups[].precedence":                              {"minimum": 0},
	"user_pool.capabilities[].secret":                            {"pattern": schemaSecretPattern},
	"app_clients[].name":                                         {"minLength": 1, "maxLength": 128, "pattern": `^[\w\s+=,.@-]+$`},
	"domain.prefix":                                              {"minLength": 1, "maxLength": 63, "pattern": `^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$`},
	"identity_providers[].name":                                  {"minLength": 1, "maxLength": 32},
	"identity_providers[].client_secret":                         {"pattern": schemaSecretPattern},
	"identity_providers[].private_key":                           {"pattern": schemaSecretPattern},
	"identity_pool.name":                                         {"minLength": 1, "maxLength": 128},
}

// schemaDurationPattern is the file's spelling of a token lifetime.
const schemaDurationPattern = "^[0-9]+[smhd]$"

// JSONSchema returns the JSON Schema (draft 2020-12) of cognito.yaml,
// generated from the model's types and the registry's words. The output
// is stable: the same build always prints the same bytes.
func JSONSchema() ([]byte, error) {
	root := schemaFor(reflect.TypeFor[Config](), "")
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["$id"] = SchemaURL
	root["title"] = "cognito.yaml"
	root["description"] = "The cogwiz configuration of an AWS Cognito user pool. Run `cogwiz explain KEY` for any key."
	b, err := json.MarshalIndent(root, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// schemaFor builds the schema of type t at registry path path ("" for the root).
func schemaFor(t reflect.Type, path string) map[string]any {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	s := map[string]any{}
	var set Setting
	if !strings.HasSuffix(path, "[]") {
		// An item of a list of objects shares the list's row; only the list is described.
		set, _ = Lookup(path)
	}
	switch {
	case t == schemaDurationType:
		s["type"] = "string"
		s["pattern"] = schemaDurationPattern
	case t.Kind() == reflect.Struct:
		s["type"] = "object"
		s["additionalProperties"] = false
		props := map[string]any{}
		var required []string
		for i := 0; i < t.NumField(); i++ {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
			if name == "" || name == "-" {
				continue
			}
			child := schemaJoin(path, name)
			props[name] = schemaFor(t.Field(i).Type, child)
			if schemaRequired[child] {
				required = append(required, name)
			}
		}
		s["properties"] = props
		if len(required) > 0 {
			s["required"] = required
		}
	case t.Kind() == reflect.Slice:
		s["type"] = "array"
		itemPath := path
		if t.Elem().Kind() == reflect.Struct {
			itemPath = path + "[]"
		}
		items := schemaFor(t.Elem(), itemPath)
		if t.Elem().Kind() != reflect.Struct {
			// Scalar items carry no description of their own: the list has it.
			delete(items, "description")
			if len(set.Values) > 0 {
				items["enum"] = schemaEnum(t.Elem(), set.Values)
				s["uniqueItems"] = true
			}
		}
		s["items"] = items
	case t.Kind() == reflect.Map:
		s["type"] = "object"
		s["additionalProperties"] = map[string]any{"type": "string"}
	case t.Kind() == reflect.String:
		s["type"] = "string"
	case t.Kind() == reflect.Bool:
		s["type"] = "boolean"
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Int64:
		s["type"] = "integer"
	}
	if path == "" {
		return s
	}
	if d := schemaDescription(set); d != "" {
		s["description"] = d
	}
	kind := t.Kind()
	if t == schemaDurationType {
		kind = reflect.String
	}
	if kind != reflect.Slice && kind != reflect.Struct && kind != reflect.Map {
		if len(set.Values) > 0 {
			s["enum"] = schemaEnum(t, set.Values)
		}
		if d, ok := schemaScalar(t, set.Default); ok {
			s["default"] = d
		}
	}
	for k, v := range schemaExtra[path] {
		s[k] = v
	}
	return s
}

func schemaJoin(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

// schemaDescription is what an editor shows on hover: the meaning, then
// the ⚠️ and ⭐ notes and the doc link.
func schemaDescription(s Setting) string {
	if s.Meaning == "" {
		return ""
	}
	parts := []string{s.Meaning}
	if s.CreateOnly {
		parts = append(parts, "⚠️ Create-only: "+s.CreateOnlyWhy)
	}
	if s.Recommended != "" {
		parts = append(parts, "⭐ Recommended: "+s.Recommended+" — "+s.RecommendedWhy)
	}
	if s.Default != "" {
		parts = append(parts, "Default: "+s.Default+".")
	}
	if s.DocURL != "" {
		parts = append(parts, "📝 "+s.DocURL)
	}
	return strings.Join(parts, "\n\n")
}

// schemaEnum converts the registry's spelling of values to the JSON type of t.
func schemaEnum(t reflect.Type, values []string) []any {
	out := make([]any, 0, len(values))
	for _, v := range values {
		if x, ok := schemaScalar(t, v); ok {
			out = append(out, x)
		}
	}
	return out
}

// schemaScalar reads v as a value of t when the whole string is one; a
// default written as prose ("8 or more", "[] (none)") gives false.
func schemaScalar(t reflect.Type, v string) (any, bool) {
	if v == "" {
		return nil, false
	}
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == schemaDurationType:
		if _, err := ParseDuration(v); err == nil && !strings.ContainsAny(v, " ") {
			return v, true
		}
	case t.Kind() == reflect.String:
		if !strings.ContainsAny(v, " ([{") {
			return v, true
		}
	case t.Kind() == reflect.Bool:
		if b, err := strconv.ParseBool(v); err == nil && (v == "true" || v == "false") {
			return b, true
		}
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Int64:
		if n, err := strconv.Atoi(v); err == nil {
			return n, true
		}
	}
	return nil, false
}
