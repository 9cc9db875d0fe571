package render

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/cogwiz/cogwiz/internal/plan"
	"github.com/cogwiz/cogwiz/internal/sgr"
)

// PlanOptions says how a plan is drawn.
type PlanOptions struct {
	// Color turns on styling; callers set it only when the stream allows it.
	Color bool
	// Width is the line length reasons are wrapped to; 0 means 80.
	Width int
}

// indented wraps text to width with every line starting at indent spaces.
func indented(b *strings.Builder, text string, indent, width int, style func(string) string) {
	if width <= 0 {
		width = 80
	}
	pad := strings.Repeat(" ", indent)
	for _, l := range wrapLines(text, width-indent) {
		b.WriteString(pad + style(l) + "\n")
	}
}

type planStyles struct {
	add, change, del, blocked, faint, bold func(string) string
}

func newPlanStyles(color bool) planStyles {
	plain := func(s string) string { return s }
	if !color {
		return planStyles{plain, plain, plain, plain, plain, plain}
	}
	return planStyles{
		add:     sgr.Green.Render,
		change:  sgr.Yellow.Render,
		del:     sgr.Red.Render,
		blocked: sgr.Red.With(sgr.Bold).Render,
		faint:   sgr.Faint.Render,
		bold:    sgr.Bold.Render,
	}
}

func (s planStyles) action(a plan.Action) func(string) string {
	switch a {
	case plan.Create:
		return s.add
	case plan.Update:
		return s.change
	case plan.Delete, plan.Replace:
		return s.del
	case plan.Blocked:
		return s.blocked
	}
	return s.faint
}

// PlanText writes the plan for people: one block per resource with
// Terraform's symbols (+ create, ~ update, - delete, ∓ replace) and !
// for changes Cognito cannot make, each with its reason and way out,
// then the summary line.
func PlanText(w io.Writer, p *plan.Plan, o PlanOptions) error {
	s := newPlanStyles(o.Color)
	var b strings.Builder
	if p.PoolID == "" {
		fmt.Fprintf(&b, "User pool %s does not exist yet: apply will create it.\n", p.PoolName)
	} else {
		fmt.Fprintf(&b, "User pool %s (%s)\n", p.PoolName, p.PoolID)
	}
	if p.Found != "" {
		fmt.Fprintf(&b, "%s\n", s.faint("found: "+p.Found))
	}
	for _, n := range p.Notes {
		fmt.Fprintf(&b, "%s\n", s.faint("note: "+n))
	}
	if !p.HasChanges() {
		b.WriteString("\nNo changes. Cognito matches the file.\n")
		writeLeftAlone(&b, p, s)
		_, err := io.WriteString(w, b.String())
		return err
	}
	b.WriteString("\n")
	// One block per resource; two clients may share a name, so a block is
	// a resource path and an id.
	type block struct{ resource, id string }
	var order []block
	groups := map[block][]plan.Change{}
	for _, c := range p.Changes {
		k := block{c.Resource, c.ID}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], c)
	}
	for _, k := range order {
		r, cs := k.resource, groups[k]
		head := headAction(cs)
		sym := string(rune(head))
		line := fmt.Sprintf("  %s %s", sym, r)
		if k.id != "" {
			line += " (" + k.id + ")"
		}
		if whole := wholeResource(cs); whole != nil {
			if whole.Action == plan.Replace {
				line += fmt.Sprintf(": %s → %s", planValue(whole.Before), planValue(whole.After))
			}
			b.WriteString(s.action(head)(line) + "\n")
			if whole.Reason != "" {
				indented(&b, whole.Reason, 6, o.Width, s.faint)
			}
			continue
		}
		b.WriteString(s.action(head)(line) + "\n")
		for _, c := range cs {
			key := strings.TrimPrefix(strings.TrimPrefix(c.Path, r), ".")
			if key == "" {
				key = c.Action.String()
			}
			fl := fmt.Sprintf("      %s %s: %s → %s", string(rune(c.Action)), key, planValue(c.Before), planValue(c.After))
			b.WriteString(s.action(c.Action)(fl) + "\n")
			if c.Reason != "" {
				prefix := ""
				if c.Action == plan.Blocked {
					prefix = "BLOCKED: "
				}
				indented(&b, prefix+c.Reason, 10, o.Width, s.faint)
			}
		}
	}
	writeLeftAlone(&b, p, s)
	add, change, del, blocked := p.Summary()
	fmt.Fprintf(&b, "\n%s\n", s.bold(fmt.Sprintf("Plan: %d to add, %d to change, %d to delete, %d blocked.", add, change, del, blocked)))
	if blocked > 0 {
		indented(&b, "Apply refuses while anything is blocked: change the file back, or follow the way out above.", 0, o.Width, func(s string) string { return s })
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeLeftAlone(b *strings.Builder, p *plan.Plan, s planStyles) {
	if len(p.LeftAlone) == 0 {
		return
	}
	b.WriteString("\nLeft alone (in Cognito, not in the file, not created by cogwiz):\n")
	for _, l := range p.LeftAlone {
		fmt.Fprintf(b, "  %s\n", s.faint(l))
	}
}

// headAction is the symbol a resource's block starts with.
func headAction(cs []plan.Change) plan.Action {
	for _, a := range []plan.Action{plan.Blocked, plan.Replace, plan.Create, plan.Delete} {
		for _, c := range cs {
			if c.Action == a {
				return a
			}
		}
	}
	return plan.Update
}

// wholeResource returns the change that creates, deletes or replaces a
// whole resource (Path is the resource itself), if that is all there is.
func wholeResource(cs []plan.Change) *plan.Change {
	if len(cs) == 1 && (cs[0].Path == cs[0].Resource || cs[0].Action == plan.Replace) {
		return &cs[0]
	}
	return nil
}

// planValue writes a before/after value compactly.
func planValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "(none)"
	case string:
		if x == "" {
			return `""`
		}
		if x == plan.Sensitive || x == plan.KnownAfterApply {
			return x
		}
		return fmt.Sprintf("%q", x)
	case []string:
		return "[" + strings.Join(x, ", ") + "]"
	case map[string]string:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, 0, len(keys))
		for _, k := range keys {
			parts = append(parts, k+"="+x[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case bool, int:
		return fmt.Sprint(x)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// planJSON is the --json shape; format_version lets scripts check it.
type planJSON struct {
	FormatVersion string        `json:"format_version"`
	PoolID        string        `json:"pool_id,omitempty"`
	PoolName      string        `json:"pool_name"`
	Found         string        `json:"found,omitempty"`
	Changes       []plan.Change `json:"changes"`
	Summary       struct {
		Add     int `json:"add"`
		Change  int `json:"change"`
		Delete  int `json:"delete"`
		Blocked int `json:"blocked"`
	} `json:"summary"`
	LeftAlone []string `json:"left_alone,omitempty"`
	Notes     []string `json:"notes,omitempty"`
}

// PlanJSON writes the plan as JSON for scripts. Secrets never appear: the
// plan holds only "(sensitive)" in their place.
func PlanJSON(w io.Writer, p *plan.Plan) error {
	out := planJSON{FormatVersion: "1", PoolID: p.PoolID, PoolName: p.PoolName, Found: p.Found, Changes: p.Changes, LeftAlone: p.LeftAlone, Notes: p.Notes}
	if out.Changes == nil {
		out.Changes = []plan.Change{}
	}
	out.Summary.Add, out.Summary.Change, out.Summary.Delete, out.Summary.Blocked = p.Summary()
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
