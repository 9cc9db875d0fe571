package questions

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
)

// Markdown renders the graph as docs/questions.md: every question in walk
// order with its id, condition, choices, default, recommendation,
// create-only warning, config keys and documentation link, and, from the
// parity table p (optional), the Amplify prompt it stands for, Amplify's
// default where it differs, or why Amplify has no such question.
func Markdown(g *Graph, p *ParityTable) []byte {
	var b bytes.Buffer
	b.WriteString(`<!-- Generated from questions/*.yaml by go generate ./questions; do not edit. -->
# The wizard's questions

` + "`cogwiz init`" + ` asks these questions in this order, each only when its condition
holds; ` + "`cogwiz update`" + ` starts with the update menu and asks the part you pick,
pre-filled from cognito.yaml. The wording follows ` + "`amplify add auth`" + `.

- ⭐ marks the recommended answer, with the reason.
- ⚠️ marks an answer Cognito can never change once the user pool exists;
  ` + "`cogwiz update`" + ` shows such questions locked.
- 📝 links the AWS documentation.
- "Amplify" names the ` + "`amplify add auth`" + ` prompt a question stands for, and
  Amplify's default where it differs from the ⭐ (docs/amplify-parity.md
  has every prompt side by side).

Keys: ↑/↓ and Enter choose, space toggles a multi-select, ? shows more about
the question (Tab in free text, where ? is typed; the key line names the key
that works), ctrl+b goes back one question (its answer is kept as the
default), and Esc or ctrl+c quits without writing anything (exit code 130).
With ` + "`--accessible`" + ` (or ` + "`ACCESSIBLE=1`" + `, or ` + "`TERM=dumb`" + `) the questions are plain
numbered lines: type the number, ? for help, < to go back.

Scripts answer by id: ` + "`cogwiz init --answers answers.yaml`" + ` with a YAML map such as

` + "```yaml" + `
mode: manual
sign_in: email
mfa_mode: OPTIONAL
mfa_factors: [totp]
callback_urls: ["https://app.example.com/callback"]
` + "```" + `

A question left out takes its default; a required one without a default is an
error naming its id. Select answers are the choice values below; yes/no
questions take ` + "`yes`" + ` or ` + "`no`" + `; multi-selects and loops take lists.

`)
	topic := ""
	for _, q := range g.Questions {
		if q.Topic != topic {
			topic = q.Topic
			fmt.Fprintf(&b, "## %s\n\n", topicTitle(topic))
		}
		fmt.Fprintf(&b, "### `%s`\n\n**%s**\n\n", q.ID, strings.TrimSpace(q.Prompt))
		var facts []string
		facts = append(facts, "kind: "+string(q.Kind))
		facts = append(facts, "asked: "+whenText(q))
		if len(q.Sets) > 0 {
			keys := make([]string, len(q.Sets))
			for i, s := range q.Sets {
				keys[i] = "`" + s + "`"
			}
			facts = append(facts, "sets: "+strings.Join(keys, ", "))
		}
		if q.Derived != "" {
			facts = append(facts, "default: generated, `"+derivedText[q.Derived]+"` (on update, the file's value)")
		} else if d := valueText(q.Default); d != "" {
			facts = append(facts, "default: "+d)
		}
		if q.Required {
			facts = append(facts, "required")
		}
		if q.Validate != "" {
			facts = append(facts, "checked by rule `"+q.Validate+"`")
		}
		for _, f := range facts {
			fmt.Fprintf(&b, "- %s\n", f)
		}
		if q.Recommended != nil {
			fmt.Fprintf(&b, "- ⭐ %s — %s\n", valueText(q.Recommended.Value), q.Recommended.Why)
		}
		if q.CreateOnly != "" {
			fmt.Fprintf(&b, "- ⚠️ can never be changed: %s\n", q.CreateOnly)
		}
		if q.Warning != "" {
			fmt.Fprintf(&b, "- ⚠️ %s\n", q.Warning)
		}
		if p != nil {
			b.WriteString(amplifyFacts(p, q))
		}
		if q.Doc != "" {
			fmt.Fprintf(&b, "- 📝 <%s>\n", q.Doc)
		}
		b.WriteString("\n")
		if q.Help != "" {
			b.WriteString(strings.TrimSpace(q.Help) + "\n\n")
		}
		if q.OptionsFrom != "" {
			fmt.Fprintf(&b, "Choices: the values of `%s`", q.OptionsFrom)
			if len(q.Options) > 0 {
				b.WriteString(", then:")
			}
			b.WriteString("\n\n")
		}
		if len(q.Options) > 0 {
			b.WriteString("| value | choice | note |\n|---|---|---|\n")
			for _, o := range q.Options {
				note := o.Note
				if o.When != nil {
					note = strings.TrimSpace(note + " (shown when " + o.When.String() + ")")
				}
				fmt.Fprintf(&b, "| `%s` | %s | %s |\n", o.Value, cell(o.Label), cell(note))
			}
			b.WriteString("\n")
		}
	}
	return b.Bytes()
}

func topicTitle(t string) string {
	titles := map[string]string{
		"core": "Start", "identity_pool": "Identity pool", "sign_in": "Sign-in", "groups": "Groups",
		"admin_queries": "Admin queries API", "mfa": "Multi-factor authentication",
		"verification": "Verification and recovery", "password": "Password policy",
		"attributes": "Attributes", "pool": "User pool", "app_client": "App client",
		"capabilities": "Capabilities", "oauth": "OAuth and hosted UI", "callbacks": "Redirect URIs",
		"social": "Social providers", "triggers": "Lambda triggers", "beyond": "Beyond Amplify",
	}
	if s, ok := titles[t]; ok {
		return s
	}
	return t
}

func whenText(q *Question) string {
	s := q.When.String()
	if q.Update == "never" {
		s += " (never on update)"
	}
	return s
}

func valueText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		if x == "" {
			return ""
		}
		return "`" + x + "`"
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = fmt.Sprint(e)
		}
		return "`[" + strings.Join(parts, ", ") + "]`"
	}
	return fmt.Sprintf("`%v`", v)
}

func cell(s string) string { return strings.ReplaceAll(s, "|", "\\|") }

// amplifyFacts is the Amplify line of q in docs/questions.md.
func amplifyFacts(p *ParityTable, q *Question) string {
	var ids []string
	for _, r := range p.Rows(q.ID) {
		if !slices.Contains(ids, "`"+r.ID+"`") {
			ids = append(ids, "`"+r.ID+"`")
		}
	}
	var b strings.Builder
	switch {
	case len(ids) > 0:
		fmt.Fprintf(&b, "- Amplify: %s", strings.Join(ids, ", "))
		if d := p.AmplifyDefault(q); d != "" {
			fmt.Fprintf(&b, "; Amplify's default: %s", d)
		}
		b.WriteString("\n")
	case p.Beyond[q.ID] != "":
		fmt.Fprintf(&b, "- beyond Amplify: %s\n", p.Beyond[q.ID])
	}
	return b.String()
}
