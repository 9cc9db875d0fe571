// Package questions holds the wizard's question graph: the types of the
// questions/*.yaml files, strict loading, and the checks that keep the graph
// sound (ids, conditions, config keys, SDK enum values).
package questions

import (
	"fmt"
	"strings"
)

// Kind is how a question is answered.
type Kind string

// Question kinds.
const (
	// Select picks one option.
	Select Kind = "select"
	// MultiSelect picks any number of options.
	MultiSelect Kind = "multiselect"
	// Confirm is yes or no.
	Confirm Kind = "confirm"
	// Input is one line of text.
	Input Kind = "input"
	// Number is a whole number typed as text.
	Number Kind = "number"
	// Loop asks for one item, then "add another?", and collects a list.
	Loop Kind = "loop"
	// Order puts a list (the options) in order of precedence.
	Order Kind = "order"
)

// Kinds lists every kind, for the lint and the docs.
var Kinds = []Kind{Select, MultiSelect, Confirm, Input, Number, Loop, Order}

// Graph is the whole walk: every question in order.
type Graph struct {
	Questions []*Question
	byID      map[string]int
}

// Question is one node of the walk.
type Question struct {
	// ID names the question in answers files, tests and `cogwiz explain`.
	ID string `yaml:"id"`
	// Topic groups questions; the update menu asks only some topics.
	Topic string `yaml:"topic"`
	// Prompt is the question text (Amplify's wording where Amplify asks it).
	Prompt string `yaml:"prompt"`
	// Help is the learn-more text.
	Help string `yaml:"help"`
	Kind Kind   `yaml:"kind"`
	// Options are the choices of select, multiselect and the update menu.
	Options []Option `yaml:"options"`
	// OptionsFrom takes the choices from the configuration being built,
	// e.g. "user_pool.groups[].name"; fixed Options follow them.
	OptionsFrom string `yaml:"options_from"`
	// Default is the answer Enter accepts.
	Default any `yaml:"default"`
	// Recommended is the ⭐ answer and why.
	Recommended *Recommended `yaml:"recommended"`
	// CreateOnly says why the answer can never change once the pool
	// exists; such questions are locked in `cogwiz update`.
	CreateOnly string `yaml:"create_only"`
	// Warning is the ⚠️ of an answer Cognito cannot change in place but that
	// stays open in `cogwiz update`: a domain prefix is replaced (delete and
	// create), custom attributes can only be added.
	Warning string `yaml:"warning"`
	// Doc is the AWS documentation page.
	Doc string `yaml:"doc"`
	// When is the condition on earlier answers; nil means always.
	When *Cond `yaml:"when"`
	// Sets names the config key paths the answer fills.
	Sets Paths `yaml:"sets"`
	// As says how the answer maps onto Sets; see the As* constants.
	As string `yaml:"as"`
	// Validate names a config rule (config.CheckValue) every answer must pass.
	Validate string `yaml:"validate"`
	// Enum names the Cognito enum the option values (or their set values) belong to.
	Enum string `yaml:"enum"`
	// Another is the loop's "add another" question.
	Another string `yaml:"another"`
	// Update is "never" for questions that only `cogwiz init` asks.
	Update string `yaml:"update"`
	// Reflects is a config path whose non-empty value pre-fills a yes/no
	// gate question (one without Sets) in `cogwiz update`.
	Reflects string `yaml:"reflects"`
	// Required: an empty answer is not accepted and --answers must give one
	// unless there is a default.
	Required bool `yaml:"required"`
	// Derived names a generated name that replaces Default in `cogwiz init`:
	// resource_name, pool_name, identity_pool_name or domain_prefix (see
	// wizard.Names). In `cogwiz update` the file's value comes first.
	Derived string `yaml:"derived"`
	// DefaultFrom "config" takes the default from the configuration built by
	// the answers so far (a capability picked earlier pre-selects its
	// triggers; groups deleted a moment ago are not offered again).
	DefaultFrom string `yaml:"default_from"`
	// Exclusive lists option values of a multiselect that cannot be picked
	// together with any other option.
	Exclusive []string `yaml:"exclusive"`
}

// Values of Question.Derived.
const (
	DerivedResourceName     = "resource_name"
	DerivedPoolName         = "pool_name"
	DerivedIdentityPoolName = "identity_pool_name"
	DerivedDomainPrefix     = "domain_prefix"
)

// DefaultFromConfig is the one value of Question.DefaultFrom.
const DefaultFromConfig = "config"

// Option is one choice.
type Option struct {
	Label string `yaml:"label"`
	// Value is the answer as written in answers files and conditions.
	Value string `yaml:"value"`
	// Set is what goes into the config when it differs from Value
	// (for example a list: [email, phone_number]).
	Set any `yaml:"set"`
	// Note is shown after the label (e.g. which providers lack the attribute).
	Note string `yaml:"note"`
	// NotePoolExists replaces Note in `cogwiz update` once the pool exists:
	// the ⚠️ of a change Cognito makes but restricts on a live pool.
	NotePoolExists string `yaml:"note_pool_exists"`
	// When hides the option unless it holds.
	When *Cond `yaml:"when"`
	// Implies records further answers when the option is picked (the update
	// menu's "walk through all" implies mode: manual).
	Implies map[string]any `yaml:"implies"`
	// Topics limits the rest of the walk to these topics (update menu);
	// "all" asks everything.
	Topics []string `yaml:"topics"`
	// Resets puts these config paths back to the recommended values.
	Resets []string `yaml:"resets"`
	// Clears removes these config paths when the option is picked.
	Clears []string `yaml:"clears"`
}

// Recommended is the ⭐ answer and the one-line reason.
type Recommended struct {
	Value any    `yaml:"value"`
	Why   string `yaml:"why"`
}

// Cond is a structured condition. Exactly one of its forms is used:
// a comparison on an earlier answer (Q with Eq, Ne, In or Includes),
// a combination (All, Any, Not), a walk flag (UpdateOnly, CreateOnly), or
// a test of the existing configuration (Existing with Set, or Existing
// with Eq or Ne comparing its value).
type Cond struct {
	Q        string `yaml:"q"`
	Eq       any    `yaml:"eq"`
	Ne       any    `yaml:"ne"`
	In       []any  `yaml:"in"`
	Includes any    `yaml:"includes"`

	All []Cond `yaml:"all"`
	Any []Cond `yaml:"any"`
	Not *Cond  `yaml:"not"`

	// UpdateOnly holds only in `cogwiz update`; CreateOnly only in `cogwiz init`.
	UpdateOnly bool `yaml:"update_only"`
	CreateOnly bool `yaml:"create_only"`

	// Existing is a config path of the file being updated; Set says
	// whether it must hold a non-empty value. In `cogwiz init` nothing exists.
	Existing string `yaml:"existing"`
	Set      *bool  `yaml:"set"`
}

// Ways an answer maps onto its Sets paths.
const (
	// AsValue (the default) stores the answer (or the option's Set).
	AsValue = ""
	// AsPresence: true creates the blocks at Sets (recommended content), false removes them.
	AsPresence = "presence"
	// AsSecretRef stores an environment variable name as ${env:NAME}.
	AsSecretRef = "secret_ref"
	// AsDays stores a number of days as a duration ("30d").
	AsDays = "days"
	// AsDuration stores "1h"-style text as a duration.
	AsDuration = "duration"
	// AsFlags sets the boolean field named by each option value under Sets to
	// true when chosen and false otherwise.
	AsFlags = "flags"
	// AsListByType keeps one list element per chosen value, keyed by its
	// "type" field; AsListByName does the same keyed by "name".
	AsListByType = "list_by_type"
	AsListByName = "list_by_name"
	// AsPrecedence orders the list at Sets by name and numbers precedence from 1.
	AsPrecedence = "precedence"
	// AsAppend adds the answers to the list at Sets.
	AsAppend = "append"
	// AsReplaceItems edits list items in place: the answer maps old value → new.
	AsReplaceItems = "replace_items"
	// AsOptional stores a non-empty answer and leaves the key unset when empty
	// ("fill in later").
	AsOptional = "optional"
	// AsCSV splits a comma-separated answer into a list.
	AsCSV = "csv"
	// AsRemoveByName removes the list elements whose name was chosen.
	AsRemoveByName = "remove_by_name"
	// AsTriggerKeys keeps the triggers (under user_pool.triggers) whose keys
	// were chosen and drops the function ARN of every other one.
	AsTriggerKeys = "trigger_keys"
	// AsTriggerModules is Amplify's "What functionality do you want to use
	// for <trigger>": capabilities and/or OwnModule (your own function).
	// Without custom the trigger's ARN is dropped: a capability's trigger is
	// served by the function cogwiz generates for it.
	AsTriggerModules = "trigger_modules"
	// AsTriggerARN stores a trigger's function ARN; an empty answer records
	// the trigger under user_pool.triggers.pending instead.
	AsTriggerARN = "trigger_arn"
	// AsCustomAttributes adds custom attributes written "name" or "name:Type".
	AsCustomAttributes = "custom_attributes"
	// AsScopes stores scope names as resource server scopes.
	AsScopes = "scopes"
)

// OwnModule is the trigger module "Create your own module": a function of
// yours, by ARN, instead of one cogwiz generates.
const OwnModule = "custom"

// AsModes lists every mapping, for the lint.
var AsModes = []string{AsValue, AsPresence, AsSecretRef, AsDays, AsDuration, AsFlags, AsListByType, AsListByName,
	AsPrecedence, AsAppend, AsReplaceItems, AsOptional, AsCSV, AsRemoveByName, AsTriggerKeys, AsTriggerModules,
	AsTriggerARN, AsCustomAttributes, AsScopes}

// Paths is one path or a list of paths.
type Paths []string

// UnmarshalYAML accepts a single path or a list. It takes the decode
// function rather than a parser's node type, so the questions package
// depends on no YAML library (config.DecodeStrict does the decoding).
func (p *Paths) UnmarshalYAML(decode func(any) error) error {
	var one string
	if decode(&one) == nil {
		*p = Paths{one}
		return nil
	}
	var l []string
	if err := decode(&l); err != nil {
		return err
	}
	*p = l
	return nil
}

// Lookup returns the question with id.
func (g *Graph) Lookup(id string) (*Question, bool) {
	i, ok := g.byID[id]
	if !ok {
		return nil, false
	}
	return g.Questions[i], true
}

// Index is the position of id in the walk, -1 when unknown.
func (g *Graph) Index(id string) int {
	if i, ok := g.byID[id]; ok {
		return i
	}
	return -1
}

// Option returns the option with value v.
func (q *Question) Option(v string) (Option, bool) {
	for _, o := range q.Options {
		if o.Value == v {
			return o, true
		}
	}
	return Option{}, false
}

// IDs returns every id the condition refers to.
func (c *Cond) IDs() []string {
	if c == nil {
		return nil
	}
	var out []string
	if c.Q != "" {
		out = append(out, c.Q)
	}
	for i := range c.All {
		out = append(out, c.All[i].IDs()...)
	}
	for i := range c.Any {
		out = append(out, c.Any[i].IDs()...)
	}
	out = append(out, c.Not.IDs()...)
	return out
}

// String renders the condition for the docs, e.g. "mode = manual and mfa_mode ≠ OFF".
func (c *Cond) String() string {
	if c == nil {
		return "always"
	}
	var parts []string
	if c.Q != "" {
		switch {
		case c.Eq != nil:
			parts = append(parts, fmt.Sprintf("%s = %v", c.Q, c.Eq))
		case c.Ne != nil:
			parts = append(parts, fmt.Sprintf("%s ≠ %v", c.Q, c.Ne))
		case c.In != nil:
			parts = append(parts, fmt.Sprintf("%s in %v", c.Q, c.In))
		case c.Includes != nil:
			parts = append(parts, fmt.Sprintf("%s includes %v", c.Q, c.Includes))
		}
	}
	if c.UpdateOnly {
		parts = append(parts, "on update")
	}
	if c.CreateOnly {
		parts = append(parts, "on init")
	}
	if c.Existing != "" && c.Q == "" && (c.Eq != nil || c.Ne != nil) {
		if c.Eq != nil {
			parts = append(parts, fmt.Sprintf("the file's %s = %v", c.Existing, c.Eq))
		} else {
			parts = append(parts, fmt.Sprintf("the file's %s ≠ %v", c.Existing, c.Ne))
		}
	} else if c.Existing != "" {
		if c.Set != nil && *c.Set {
			parts = append(parts, "the file has "+c.Existing)
		} else {
			parts = append(parts, "the file has no "+c.Existing)
		}
	}
	for i := range c.All {
		parts = append(parts, c.All[i].String())
	}
	if q, vals, ok := sameIncludes(c.Any); ok {
		parts = append(parts, fmt.Sprintf("%s includes any of %s", q, strings.Join(vals, ", ")))
	} else if len(c.Any) > 0 {
		var alts []string
		for i := range c.Any {
			alts = append(alts, c.Any[i].String())
		}
		parts = append(parts, "("+strings.Join(alts, " or ")+")")
	}
	if c.Not != nil {
		parts = append(parts, "not ("+c.Not.String()+")")
	}
	return strings.Join(parts, " and ")
}

// sameIncludes reports whether every alternative is "q includes v" for one q.
func sameIncludes(alts []Cond) (string, []string, bool) {
	if len(alts) < 2 {
		return "", nil, false
	}
	var vals []string
	for _, a := range alts {
		if a.Q != alts[0].Q || a.Includes == nil || len(a.All)+len(a.Any) > 0 || a.Not != nil {
			return "", nil, false
		}
		vals = append(vals, fmt.Sprint(a.Includes))
	}
	return alts[0].Q, vals, true
}
