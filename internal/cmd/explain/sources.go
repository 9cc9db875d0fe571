package explain

import (
	"slices"
	"strings"

	"github.com/cogwiz/cogwiz/internal/config"
)

// Source answers explain's lookups for one kind of key. Entries use the
// registry's Setting shape so that every source prints the same way.
type Source struct {
	// Title heads the source's part of the listing; the first source has none.
	Title string
	// List returns every entry, for the listing and for did-you-mean.
	List func() []config.Setting
	// Lookup finds one entry by the key the user typed.
	Lookup func(key string) (config.Setting, bool)
}

// Sources are searched in order: cognito.yaml keys first, then the
// wizard's question ids. Another kind of explainable key is one more line.
var Sources = []Source{
	SettingsSource(),
	QuestionsSource(),
}

// SettingsSource explains the keys of cognito.yaml from the settings registry.
func SettingsSource() Source {
	return Source{List: config.Settings, Lookup: config.Lookup}
}

// suggest returns up to three keys close to key: those that end with what
// was typed ("username_attributes"), then those within a small edit distance.
func suggest(sources []Source, key string) []string {
	typed := config.NormalizeKey(key)
	var keys []string
	for _, src := range sources {
		for _, s := range src.List() {
			keys = append(keys, s.Key)
		}
	}
	var out []string
	for _, k := range keys {
		if strings.HasSuffix(config.NormalizeKey(k), "."+typed) {
			out = append(out, k)
		}
	}
	if len(out) > 0 {
		return out[:min(len(out), 3)]
	}
	type scored struct {
		key  string
		dist int
	}
	var near []scored
	limit := max(2, len(typed)/5)
	for _, k := range keys {
		if d := config.EditDistance(typed, config.NormalizeKey(k)); d <= limit {
			near = append(near, scored{k, d})
		}
	}
	slices.SortStableFunc(near, func(a, b scored) int { return a.dist - b.dist })
	for _, n := range near[:min(len(near), 3)] {
		if n.dist == near[0].dist {
			out = append(out, n.key)
		}
	}
	return out
}
