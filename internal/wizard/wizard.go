// Package wizard walks the question graph: it decides which question comes
// next from the answers so far, keeps a back stack, validates each answer
// with the same rules as `cogwiz validate`, and turns the answers into a
// configuration. It never draws anything; a prompt.Prompter does.
package wizard

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/prompt"
	"github.com/cogwiz/cogwiz/internal/questions"
)

// Options configure one walk.
type Options struct {
	Graph    *questions.Graph
	Prompter prompt.Prompter
	// Existing is the configuration being updated; nil for `cogwiz init`.
	Existing *config.Config
	// PoolExists locks create-only questions (update only). The caller
	// decides how it knows: today `cogwiz update` treats a pinned
	// user_pool.id as an existing pool.
	PoolExists bool
	// Names are the generated names a new file starts with (see NewNames);
	// nil uses fixed placeholder names.
	Names *Names
	// Parity is Amplify's side of the question graph; nil loads the
	// embedded table. It supplies the "Amplify's default" line.
	Parity *questions.ParityTable
}

// Result is the outcome of a walk.
type Result struct {
	Config *config.Config
	// Asked lists the question ids asked, in order (locked ones included).
	Asked []string
	// Answers holds the accepted answers by question id.
	Answers map[string]any
	// Pending lists config keys the user chose to fill in later
	// (Lambda ARNs left empty).
	Pending []string
}

// Walker is one walk over the graph.
type Walker struct {
	opts    Options
	g       *questions.Graph
	update  bool
	answers map[string]any // remembered answers, also of questions left by going back
	onPath  map[string]bool
	history []int
	prefill map[string]any
	asked   []string
	auto    map[string]bool // answered without asking
	names   Names
	parity  *questions.ParityTable
}

// New prepares a walk.
func New(opts Options) *Walker {
	w := &Walker{
		opts:    opts,
		g:       opts.Graph,
		update:  opts.Existing != nil,
		answers: map[string]any{},
		onPath:  map[string]bool{},
		prefill: map[string]any{},
		auto:    map[string]bool{},
		names:   defaultNames,
		parity:  opts.Parity,
	}
	if opts.Names != nil {
		w.names = *opts.Names
	}
	if w.parity == nil {
		w.parity, _ = questions.DefaultParity()
	}
	if w.update {
		w.prefill = Prefill(opts.Graph, opts.Existing)
	}
	return w
}

// Run walks the graph with the prompter and returns the configuration.
func Run(ctx context.Context, opts Options) (*Result, error) {
	w := New(opts)
	if err := w.Walk(ctx); err != nil {
		return nil, err
	}
	cfg, err := w.Config()
	if err != nil {
		return nil, err
	}
	return &Result{Config: cfg, Asked: slices.Clone(w.asked), Answers: w.pathAnswers(), Pending: w.pending(cfg)}, nil
}

// Walk asks every question whose condition holds, in graph order.
func (w *Walker) Walk(ctx context.Context) error {
	qs := w.g.Questions
	errs := map[string]error{}
	for i := 0; i < len(qs); {
		if err := ctx.Err(); err != nil {
			return prompt.ErrCancelled
		}
		q := qs[i]
		if !w.eligible(q) {
			i++
			continue
		}
		pq := w.render(q)
		pq.Err = errs[q.ID]
		if q.Kind == questions.Order && len(pq.Options) <= 1 && pq.Locked == "" {
			// Nothing to put in order.
			w.autoAnswer(i, q.ID, pq.Default)
			i++
			continue
		}
		w.asked = append(w.asked, q.ID)
		v, err := w.opts.Prompter.Ask(ctx, pq)
		switch {
		case errors.Is(err, prompt.ErrBack):
			// Back to the previous question the user answered, past any
			// that were answered without asking.
			for len(w.history) > 0 {
				i = w.history[len(w.history)-1]
				w.history = w.history[:len(w.history)-1]
				w.onPath[qs[i].ID] = false
				if !w.auto[qs[i].ID] {
					break
				}
			}
			continue
		case err != nil:
			return err
		}
		if pq.Locked != "" {
			// The file's value stands: later conditions see it, and going
			// back passes over it like an answer given without asking.
			w.autoAnswer(i, q.ID, pq.Default)
			i++
			continue
		}
		ans, err := w.accept(q, pq, v)
		if err != nil {
			errs[q.ID] = err
			continue
		}
		delete(errs, q.ID)
		if q.As == questions.AsReplaceItems {
			repl, err := w.askReplacements(ctx, q, ans.([]string))
			if errors.Is(err, prompt.ErrBack) {
				continue
			}
			if err != nil {
				return err
			}
			ans = repl
		}
		w.answers[q.ID] = ans
		w.onPath[q.ID] = true
		w.history = append(w.history, i)
		i++
	}
	return nil
}

// askReplacements asks "Update <old>" for each picked item and returns the
// old→new pairs as a flat list.
func (w *Walker) askReplacements(ctx context.Context, q *questions.Question, picks []string) ([]string, error) {
	var pairs []string
	for _, old := range picks {
		iq := prompt.Question{
			ID: q.ID + "_value", Kind: prompt.Input, Title: "Update " + old,
			Default: old, Required: true, Validate: w.validator(q), Help: q.Help, DocURL: q.Doc,
			CanGoBack: true, // back to the list of items to update
		}
		for {
			w.asked = append(w.asked, iq.ID)
			v, err := w.opts.Prompter.Ask(ctx, iq)
			if err != nil {
				return nil, err
			}
			s, _ := v.(string)
			s = strings.TrimSpace(s)
			if err := prompt.Check(iq, s); err != nil {
				iq.Err = err
				continue
			}
			pairs = append(pairs, old, s)
			break
		}
	}
	return pairs, nil
}

// eligible reports whether q is asked now.
func (w *Walker) eligible(q *questions.Question) bool {
	if w.update {
		if q.Update == "never" {
			return false
		}
		if q.ID != "update_flow" && !w.topicChosen(q.Topic) {
			return false
		}
		// The menu choice answers some questions itself ("Create or update
		// groups" means yes to groups).
		if _, ok := w.implied()[q.ID]; ok {
			return false
		}
	}
	return w.holds(q.When)
}

func (w *Walker) topicChosen(topic string) bool {
	if !w.update || !w.onPath["update_flow"] {
		return false
	}
	flow := w.answers["update_flow"]
	uq, _ := w.g.Lookup("update_flow")
	if uq == nil {
		return false
	}
	o, ok := uq.Option(fmt.Sprint(flow))
	if !ok {
		return false
	}
	return slices.Contains(o.Topics, "all") || slices.Contains(o.Topics, topic)
}

// value is the answer to id as conditions see it: answered on the current
// path, implied by an option picked on the path, or (update) pre-filled
// from the existing file.
func (w *Walker) value(id string) (any, bool) {
	if w.onPath[id] {
		return w.answers[id], true
	}
	if v, ok := w.implied()[id]; ok {
		return v, true
	}
	// The file's own value counts only for questions this walk does not
	// ask (the narrow update flows); a question it asks, or skips because an
	// earlier answer ruled it out, is decided by this walk's answers.
	if q, ok := w.g.Lookup(id); ok && !w.topicChosen(q.Topic) {
		if v, ok := w.prefill[id]; ok {
			return v, true
		}
	}
	return nil, false
}

// implied collects the answers implied by options picked on the path.
func (w *Walker) implied() map[string]any {
	out := map[string]any{}
	for _, i := range w.history {
		q := w.g.Questions[i]
		if q.Kind != questions.Select || !w.onPath[q.ID] {
			continue
		}
		if o, ok := q.Option(fmt.Sprint(w.answers[q.ID])); ok {
			for k, v := range o.Implies {
				out[k] = v
			}
		}
	}
	return out
}

// holds evaluates a condition.
func (w *Walker) holds(c *questions.Cond) bool {
	if c == nil {
		return true
	}
	if c.UpdateOnly && !w.update {
		return false
	}
	if c.CreateOnly && w.update {
		return false
	}
	if c.Existing != "" && c.Q == "" && (c.Eq != nil || c.Ne != nil) {
		v := getPath(w.opts.Existing, c.Existing)
		cur := ""
		if v.IsValid() {
			cur = fmt.Sprint(v.Interface())
		}
		if c.Eq != nil && cur != fmt.Sprint(c.Eq) || c.Ne != nil && cur == fmt.Sprint(c.Ne) {
			return false
		}
	} else if c.Existing != "" {
		want := c.Set == nil || *c.Set
		if isSet(getPath(w.opts.Existing, c.Existing)) != want {
			return false
		}
	}
	if c.Q != "" {
		v, ok := w.value(c.Q)
		if !ok {
			return false
		}
		switch {
		case c.Eq != nil:
			if !same(v, c.Eq) {
				return false
			}
		case c.Ne != nil:
			if same(v, c.Ne) {
				return false
			}
		case c.In != nil:
			if !slices.ContainsFunc(c.In, func(x any) bool { return same(v, x) }) {
				return false
			}
		case c.Includes != nil:
			list, _ := v.([]string)
			if !slices.Contains(list, fmt.Sprint(c.Includes)) {
				return false
			}
		}
	}
	for i := range c.All {
		if !w.holds(&c.All[i]) {
			return false
		}
	}
	if len(c.Any) > 0 && !slices.ContainsFunc(c.Any, func(x questions.Cond) bool { return w.holds(&x) }) {
		return false
	}
	if c.Not != nil && w.holds(c.Not) {
		return false
	}
	return true
}

func same(a, b any) bool { return fmt.Sprint(a) == fmt.Sprint(b) }

// Present is what the prompter would be shown for q at this point of the
// walk; screen tests render every question through it.
func (w *Walker) Present(q *questions.Question) prompt.Question { return w.render(q) }

// render builds what the prompter shows for q.
func (w *Walker) render(q *questions.Question) prompt.Question {
	pq := prompt.Question{
		ID:         q.ID,
		Kind:       prompt.Kind(q.Kind),
		Title:      q.Prompt,
		Help:       q.Help,
		DocURL:     q.Doc,
		CreateOnly: q.CreateOnly,
		Another:    q.Another,
		Required:   q.Required,
		CanGoBack:  len(w.history) > 0,
	}
	if q.Recommended != nil {
		pq.RecommendedWhy = q.Recommended.Why
		switch q.Kind {
		case questions.Confirm:
			if b, ok := q.Recommended.Value.(bool); ok {
				pq.RecommendedAnswer = b
			}
		case questions.MultiSelect:
			pq.RecommendedAnswer = asList(q.Recommended.Value)
		}
	}
	pq.Options = w.options(q)
	pq.Default = w.defaultFor(q, pq.Options)
	pq.Validate = w.validator(q)
	if w.parity != nil {
		pq.AmplifyDefault = w.parity.AmplifyDefault(q)
	}
	if w.update && w.opts.PoolExists && q.CreateOnly != "" {
		pq.Locked = q.CreateOnly
	}
	if pq.CreateOnly == "" {
		pq.CreateOnly = q.Warning
	}
	return pq
}

func (w *Walker) options(q *questions.Question) []prompt.Option {
	var out []prompt.Option
	rec := map[string]bool{}
	if q.Recommended != nil {
		for _, v := range asList(q.Recommended.Value) {
			rec[v] = true
		}
	}
	if q.OptionsFrom != "" {
		// The choices come from the configuration as built so far: groups
		// named earlier in this walk, or the file's redirect URLs.
		if c, err := w.Config(); err == nil {
			for _, s := range getStrings(c, q.OptionsFrom) {
				out = append(out, prompt.Option{Label: s, Value: s})
			}
		}
	}
	for _, o := range q.Options {
		if o.When != nil && !w.holds(o.When) {
			continue
		}
		note := o.Note
		if o.NotePoolExists != "" && w.update && w.opts.PoolExists {
			note = o.NotePoolExists
		}
		out = append(out, prompt.Option{Label: o.Label, Value: o.Value, Note: note, Recommended: rec[o.Value]})
	}
	return out
}

// defaultFor: the answer given before (back), else the existing file's
// value (update), else the question's default.
func (w *Walker) defaultFor(q *questions.Question, opts []prompt.Option) any {
	var v any
	if a, ok := w.answers[q.ID]; ok {
		v = a
	} else if d, ok := w.fromConfig(q); ok {
		v = d
	} else if p, ok := w.prefill[q.ID]; ok {
		v = p
	} else if d := w.derived(q); d != "" {
		v = d
	} else {
		v = q.Default
	}
	switch q.Kind {
	case questions.Confirm:
		b, _ := v.(bool)
		return b
	case questions.MultiSelect, questions.Loop:
		if q.As == questions.AsReplaceItems {
			return []string{}
		}
		l := asList(v)
		if q.Kind == questions.MultiSelect {
			// A default the options no longer offer (a required attribute
			// among the writeable ones) is not preselected.
			l = slices.DeleteFunc(l, func(s string) bool {
				return !slices.ContainsFunc(opts, func(o prompt.Option) bool { return o.Value == s })
			})
		}
		return l
	case questions.Order:
		names := make([]string, 0, len(opts))
		for _, o := range opts {
			names = append(names, o.Value)
		}
		if prev := asList(v); len(prev) == len(names) && sameSet(prev, names) {
			return prev
		}
		return names
	case questions.Select:
		// A default the options do not offer here (hidden by its
		// condition) gives way to the first choice shown.
		s := ""
		if v != nil {
			s = fmt.Sprint(v)
		}
		if len(opts) > 0 && !slices.ContainsFunc(opts, func(o prompt.Option) bool { return o.Value == s }) {
			return opts[0].Value
		}
		return s
	default:
		if v == nil {
			return ""
		}
		return fmt.Sprint(v)
	}
}

// fromConfig is the default of a default_from: config question: what the
// configuration built by the answers so far says.
func (w *Walker) fromConfig(q *questions.Question) (any, bool) {
	if q.DefaultFrom != questions.DefaultFromConfig || len(q.Sets) == 0 {
		return nil, false
	}
	c, err := w.Config()
	if err != nil {
		return nil, false
	}
	return inverse(c, q, q.Sets[0])
}

// derived is the generated name a question starts from in `cogwiz init`.
func (w *Walker) derived(q *questions.Question) string {
	switch q.Derived {
	case questions.DerivedResourceName:
		return w.names.ResourceName
	case questions.DerivedPoolName:
		return w.names.PoolName
	case questions.DerivedIdentityPoolName:
		return w.names.IdentityPoolName
	case questions.DerivedDomainPrefix:
		return w.names.DomainPrefix
	}
	return ""
}

// validator returns the per-value check of q: its config rule, plus the
// parse of numbers and durations.
func (w *Walker) validator(q *questions.Question) func(string) error {
	return func(s string) error {
		s = strings.TrimSpace(s)
		if q.Kind == questions.Number {
			if _, err := strconv.Atoi(s); err != nil {
				return fmt.Errorf("%q is not a whole number", s)
			}
		}
		if q.As == questions.AsDuration {
			if _, err := config.ParseDuration(s); err != nil {
				return err
			}
		}
		if q.Validate != "" && q.Kind != questions.MultiSelect {
			if check, ok := answerRules[q.Validate]; ok {
				return check(s)
			}
			if err := config.CheckValue(q.Validate, s); err != nil {
				return ruleError(q.Validate, err)
			}
		}
		return nil
	}
}

// ruleError adds the rule's fix to its message when it is not already there.
func ruleError(rule string, err error) error {
	if h := config.RuleHint(rule); h != "" && !strings.Contains(err.Error(), h) {
		return fmt.Errorf("%w — %s", err, h)
	}
	return err
}

// accept normalises and checks an answer.
func (w *Walker) accept(q *questions.Question, pq prompt.Question, v any) (any, error) {
	ans, err := prompt.Normalize(pq.Kind, v)
	if err != nil {
		return nil, err
	}
	inOptions := func(s string) bool {
		return slices.ContainsFunc(pq.Options, func(o prompt.Option) bool { return o.Value == s })
	}
	switch q.Kind {
	case questions.Select:
		s := ans.(string)
		if !inOptions(s) {
			return nil, fmt.Errorf("%q is not a choice here; choose one of: %s", s, optionValues(pq.Options))
		}
	case questions.MultiSelect:
		list := ans.([]string)
		for _, s := range list {
			if !inOptions(s) {
				return nil, fmt.Errorf("%q is not a choice here; choose from: %s", s, optionValues(pq.Options))
			}
		}
		if q.Validate == "required" && len(list) == 0 && q.As != questions.AsReplaceItems {
			return nil, errors.New("select at least one")
		}
		if check, ok := listRules[q.Validate]; ok {
			if err := check(list); err != nil {
				return nil, err
			}
		}
		for _, x := range q.Exclusive {
			if len(list) > 1 && slices.Contains(list, x) {
				o, _ := q.Option(x)
				return nil, fmt.Errorf("%q cannot be combined with another choice: %s", o.Label, exclusiveWhy(q))
			}
		}
		if q.Validate == "capabilities" {
			if err := w.checkCapabilities(list); err != nil {
				return nil, err
			}
		}
	case questions.Order:
		list := ans.([]string)
		names := make([]string, 0, len(pq.Options))
		for _, o := range pq.Options {
			names = append(names, o.Value)
		}
		if len(list) != len(names) || !sameSet(list, names) {
			return nil, fmt.Errorf("give every one of %s exactly once", strings.Join(names, ", "))
		}
	case questions.Loop:
		list := ans.([]string)
		out := make([]string, 0, len(list))
		for _, s := range list {
			s = strings.TrimSpace(s)
			if err := prompt.Check(pq, s); err != nil {
				return nil, fmt.Errorf("%q: %w", s, err)
			}
			if s != "" && !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
		if q.Required && len(out) == 0 {
			return nil, errors.New("a response is required for this question")
		}
		return out, nil
	case questions.Input, questions.Number:
		s := strings.TrimSpace(ans.(string))
		if err := prompt.Check(pq, s); err != nil {
			return nil, err
		}
		return s, nil
	}
	return ans, nil
}

func optionValues(opts []prompt.Option) string {
	vs := make([]string, 0, len(opts))
	for _, o := range opts {
		vs = append(vs, o.Value)
	}
	return strings.Join(vs, ", ")
}

func sameSet(a, b []string) bool {
	x, y := slices.Clone(a), slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}

func asList(v any) []string {
	switch x := v.(type) {
	case []string:
		return slices.Clone(x)
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			out = append(out, fmt.Sprint(e))
		}
		return out
	case nil:
		return []string{}
	case string:
		if x == "" {
			return []string{}
		}
		return []string{x}
	}
	return []string{fmt.Sprint(v)}
}

// pathAnswers returns the answers on the final path.
func (w *Walker) pathAnswers() map[string]any {
	out := map[string]any{}
	for id, ok := range w.onPath {
		if ok {
			out[id] = w.answers[id]
		}
	}
	return out
}

// clone deep-copies a configuration.
func clone(c *config.Config) (*config.Config, error) {
	data, err := json.Marshal(c)
	if err != nil {
		return nil, err
	}
	var out config.Config
	if err := json.Unmarshal(data, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// autoAnswer records v as the answer to question i (id) given without
// asking: later conditions see it, and going back passes over it.
func (w *Walker) autoAnswer(i int, id string, v any) {
	w.auto[id] = true
	w.answers[id] = v
	w.onPath[id] = true
	w.history = append(w.history, i)
}
