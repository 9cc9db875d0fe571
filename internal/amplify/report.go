package amplify

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/cogwiz/cogwiz/internal/config"
)

// Result is an imported configuration and what the import could not carry.
type Result struct {
	Config *config.Config
	// Resource is the Amplify resource that was read.
	Resource Resource
	// Env is the environment whose values were used ("" when none).
	Env string
	// Dropped lists every Amplify setting that is not in Config, with why
	// and what to do; nothing is dropped without a line here.
	Dropped []Dropped
	// Notes explain choices the import made (for example the two app clients).
	Notes []string
	// Secrets lists the environment variables the secret references need.
	Secrets []SecretVar
	// Values lists the environment variables of references to values
	// Amplify keeps outside the project (provider client ids, the SMS
	// role), which apply resolves like secrets.
	Values []SecretVar
}

// Dropped is one Amplify setting that was not carried over.
type Dropped struct {
	// Field is the Amplify key (or file and key) that was not carried over.
	Field string
	Why   string
	Do    string
}

// String renders "not carried over: field — why, what to do".
func (d Dropped) String() string {
	s := "not carried over: " + d.Field + " — " + d.Why
	if d.Do != "" {
		s += "; " + d.Do
	}
	return s
}

// SecretVar is an environment variable a ${env:NAME} reference reads.
type SecretVar struct {
	Name string
	// What says which secret it holds, e.g. "Google client secret".
	What string
}

func (r *Result) drop(field, why, do string) {
	r.Dropped = append(r.Dropped, Dropped{Field: field, Why: why, Do: do})
}

func (r *Result) note(format string, args ...any) {
	r.Notes = append(r.Notes, fmt.Sprintf(format, args...))
}

// secret records that NAME must be set and returns its reference.
func (r *Result) secret(name, what string) string { return addVar(&r.Secrets, name, what) }

// value records that NAME must be set for a value Amplify keeps outside
// the project and returns its reference.
func (r *Result) value(name, what string) string { return addVar(&r.Values, name, what) }

func addVar(list *[]SecretVar, name, what string) string {
	if !slices.ContainsFunc(*list, func(v SecretVar) bool { return v.Name == name }) {
		*list = append(*list, SecretVar{Name: name, What: what})
	}
	return config.SecretRef(name)
}

// DroppedFields lists the Field of every dropped setting, sorted.
func (r *Result) DroppedFields() []string {
	out := make([]string, 0, len(r.Dropped))
	for _, d := range r.Dropped {
		out = append(out, d.Field)
	}
	sort.Strings(out)
	return out
}

// Summary is the report for stderr: notes, dropped settings, secrets.
func (r *Result) Summary() string {
	var b strings.Builder
	for _, n := range r.Notes {
		b.WriteString("note: " + n + "\n")
	}
	for _, d := range r.Dropped {
		b.WriteString(d.String() + "\n")
	}
	if len(r.Secrets) > 0 {
		b.WriteString("secrets are not copied; set these environment variables before cogwiz apply:\n")
		for _, s := range r.Secrets {
			fmt.Fprintf(&b, "  %s  (%s)\n", s.Name, s.What)
		}
	}
	if len(r.Values) > 0 {
		b.WriteString("values Amplify keeps outside the project are ${env:NAME} references too; set these before cogwiz plan and apply, or write the values into the file:\n")
		for _, s := range r.Values {
			fmt.Fprintf(&b, "  %s  (%s)\n", s.Name, s.What)
		}
	}
	return b.String()
}
