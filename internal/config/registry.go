package config

// Setting is one row of the settings registry: everything cogwiz knows about
// a key of cognito.yaml. The file comments, `cogwiz explain`, the JSON
// Schema, the wizard's help, docs/reference.md and the plan's BLOCKED
// reasons all read this table; nothing else repeats it.
type Setting struct {
	// Key is the dotted path; list elements are written with [] as in
	// "app_clients[].oauth.flows".
	Key string `json:"key"`
	// Title is a short label (for tables and the wizard).
	Title string `json:"title"`
	// Meaning says what the setting does, in a sentence or two.
	Meaning string `json:"meaning"`
	// Values lists the allowed values when the set is closed.
	Values []string `json:"values,omitempty"`
	// Default is Cognito's (or cogwiz's) value when the key is absent.
	Default string `json:"default,omitempty"`
	// Recommended is the ⭐ value and RecommendedWhy the one-line reason.
	Recommended    string `json:"recommended,omitempty"`
	RecommendedWhy string `json:"recommended_why,omitempty"`
	// CreateOnly marks ⚠️ settings that can never change once the pool
	// (or client) exists; CreateOnlyWhy says why and what the way out is.
	CreateOnly    bool   `json:"create_only,omitempty"`
	CreateOnlyWhy string `json:"create_only_why,omitempty"`
	// APIField names the Cognito API field it sets, e.g. "CreateUserPool.UsernameAttributes".
	APIField string `json:"api_field,omitempty"`
	// DocURL is the AWS documentation page.
	DocURL string `json:"doc_url,omitempty"`
}

// Settings returns every row of the registry in file order.
func Settings() []Setting { return settings }

// Lookup finds the setting for a key. It accepts list paths with or
// without [] and with concrete indexes: "app_clients.oauth.flows",
// "app_clients[].oauth.flows" and "app_clients[0].oauth.flows" are the same key.
func Lookup(key string) (Setting, bool) {
	k := NormalizeKey(key)
	for _, s := range settings {
		if NormalizeKey(s.Key) == k {
			return s, true
		}
	}
	return Setting{}, false
}

// NormalizeKey drops list indexes and [] so that paths compare by shape.
func NormalizeKey(key string) string {
	out := make([]byte, 0, len(key))
	skip := false
	for i := 0; i < len(key); i++ {
		switch c := key[i]; {
		case c == '[':
			skip = true
		case c == ']':
			skip = false
		case !skip:
			out = append(out, c)
		}
	}
	return string(out)
}
