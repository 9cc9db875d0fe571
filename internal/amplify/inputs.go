package amplify

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// inputs is the cognitoConfig object of cli-inputs.json (or an older
// parameters.json), read loosely: Amplify stores numbers as numbers or
// strings, lists as arrays or comma-joined strings, and some objects as
// JSON text inside a string. Every key read is marked, so that the
// importer can report the keys it neither carried over nor explained.
type inputs struct {
	raw  map[string]json.RawMessage
	seen map[string]bool
}

func parseInputs(data []byte) (*inputs, error) {
	const want = "want the JSON object of an auth resource's settings"
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field == "" {
			return nil, fmt.Errorf("the file holds a JSON %s: %s", te.Value, want)
		}
		return nil, fmt.Errorf("not valid JSON: %w", err)
	}
	if top == nil {
		return nil, fmt.Errorf("the file holds JSON null: %s", want)
	}
	raw := top
	if cc, ok := top["cognitoConfig"]; ok {
		raw = nil
		if err := json.Unmarshal(cc, &raw); err != nil || raw == nil {
			return nil, fmt.Errorf("cognitoConfig is not a JSON object")
		}
	}
	// Amplify writes all of these for every auth resource; a file with
	// none of them is not one, and importing it would silently give the
	// defaults.
	for _, k := range authMarkers {
		if _, ok := raw[k]; ok {
			return &inputs{raw: raw, seen: map[string]bool{}}, nil
		}
	}
	return nil, fmt.Errorf("no auth resource settings: the file has none of %s (is it an Amplify auth resource's cli-inputs.json?)", strings.Join(authMarkers, ", "))
}

// authMarkers are keys of every auth resource's settings.
var authMarkers = []string{"resourceName", "serviceName", "authSelections", "userPoolName"}

// has reports whether key is present and not null.
func (in *inputs) has(key string) bool {
	v, ok := in.raw[key]
	return ok && string(v) != "null"
}

// mark records that key was dealt with.
func (in *inputs) mark(key string) { in.seen[key] = true }

// unseen lists the present keys that nothing dealt with, sorted.
func (in *inputs) unseen() []string {
	var out []string
	for k := range in.raw {
		if !in.seen[k] {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

func (in *inputs) str(key string) string {
	in.mark(key)
	v, ok := in.raw[key]
	if !ok {
		return ""
	}
	var s string
	if json.Unmarshal(v, &s) == nil {
		return s
	}
	// A number or bool where a string was expected: keep its text.
	t := strings.TrimSpace(string(v))
	if t == "null" {
		return ""
	}
	return t
}

// peek reads a string without marking it as dealt with: for template
// parameters that only help name something else.
func (in *inputs) peek(key string) (string, bool) {
	var s string
	if v, ok := in.raw[key]; ok && json.Unmarshal(v, &s) == nil {
		return s, true
	}
	return "", false
}

func (in *inputs) peekString(key string) string {
	s, _ := in.peek(key)
	return s
}

// rawList reads a list of strings as stored, without splitting elements
// on commas (Amplify's own tests compare whole elements).
func (in *inputs) rawList(key string) []string {
	in.mark(key)
	var items []string
	if v, ok := in.raw[key]; ok && json.Unmarshal(v, &items) == nil {
		return items
	}
	return nil
}

// boolean reads true/false, also when written as a string.
func (in *inputs) boolean(key string) (value, ok bool) {
	in.mark(key)
	v, present := in.raw[key]
	if !present {
		return false, false
	}
	var b bool
	if json.Unmarshal(v, &b) == nil {
		return b, true
	}
	var s string
	if json.Unmarshal(v, &s) == nil {
		if b, err := strconv.ParseBool(strings.TrimSpace(s)); err == nil {
			return b, true
		}
	}
	return false, false
}

// number reads an integer written as a JSON number or a string ("30").
func (in *inputs) number(key string) (int, bool, error) {
	in.mark(key)
	v, present := in.raw[key]
	if !present || string(v) == "null" {
		return 0, false, nil
	}
	var f float64
	if json.Unmarshal(v, &f) == nil {
		return int(f), true, nil
	}
	var s string
	if json.Unmarshal(v, &s) == nil {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return 0, false, fmt.Errorf("%s: %q is not a whole number", key, s)
		}
		return n, true, nil
	}
	return 0, false, fmt.Errorf("%s: expected a number", key)
}

// list reads an array of strings; a single string counts as a
// comma-separated list. Elements are split on commas too, because Amplify
// stores "Email or Phone Number" as the one element "email, phone_number".
func (in *inputs) list(key string) []string {
	in.mark(key)
	v, present := in.raw[key]
	if !present {
		return nil
	}
	var items []string
	if json.Unmarshal(v, &items) != nil {
		var s string
		if json.Unmarshal(v, &s) != nil {
			return nil
		}
		items = []string{s}
	}
	var out []string
	for _, it := range items {
		for _, p := range strings.Split(it, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// embedded decodes a value that Amplify stores either as JSON text inside
// a string (oAuthMetadata, hostedUIProviderMeta) or as plain JSON.
func (in *inputs) embedded(key string, into any) error {
	in.mark(key)
	v, present := in.raw[key]
	if !present || string(v) == "null" {
		return nil
	}
	return decodeEmbedded(v, into)
}

func decodeEmbedded(v json.RawMessage, into any) error {
	var s string
	if json.Unmarshal(v, &s) == nil {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		v = json.RawMessage(s)
	}
	if err := json.Unmarshal(v, into); err != nil {
		return fmt.Errorf("not the JSON Amplify writes here: %w", err)
	}
	return nil
}
