package questions

import (
	"bytes"
	"fmt"
	"strings"
)

// ParityCounts sums up the table: prompts asked the same way, prompts
// asked differently (each with its reason), and prompts no question asks.
func (t *ParityTable) ParityCounts() (same, differ, missing int) {
	for _, r := range t.Prompts {
		switch {
		case len(r.Ours) == 0:
			missing++
		case r.Differs != "":
			differ++
		default:
			same++
		}
	}
	return same, differ, missing
}

// ParityMarkdown renders docs/amplify-parity.md: each of Amplify's prompts
// beside the questions that ask it here, and why they differ where they do,
// then the questions Amplify does not ask.
func ParityMarkdown(g *Graph, t *ParityTable) []byte {
	var b bytes.Buffer
	same, differ, missing := t.ParityCounts()
	fmt.Fprintf(&b, `<!-- Generated from questions/%s and questions/*.yaml by go generate ./questions; do not edit. -->
# cogwiz and amplify add auth, question by question

cogwiz asks the questions of `+"`amplify add auth`"+` and `+"`amplify update auth`"+`. This page
puts each of Amplify's %d prompts beside the cogwiz questions that ask it:
when each side asks it, what Enter takes, and, wherever they differ, why.
Amplify's side is read from its source (%s); the files are named in each
row. docs/questions.md describes every cogwiz question in full.

- **%d** prompts are asked the same way.
- **%d** differ on purpose; each says why.
- **%d** have no cogwiz question.

Throughout, two differences hold for every question and are not repeated:
Enter takes the ⭐ (where Amplify's preselected answer differs, the question
shows "Amplify's default: …" beside it), and Amplify's "I want to learn
more." choice is the `+"`?`"+` key, which shows the question's help without
leaving it. Secrets are never asked: cogwiz asks the name of an environment
variable and stores `+"`${env:NAME}`"+`.

`, ParityFile, len(t.Prompts), t.Source, same, differ, missing)
	for i, r := range t.Prompts {
		verdict := "same"
		switch {
		case len(r.Ours) == 0:
			verdict = "not asked"
		case r.Differs != "":
			verdict = "differs"
		}
		fmt.Fprintf(&b, "## %d. `%s` (%s)\n\n> %s\n\n", i+1, r.ID, verdict, cell(r.Text))
		var ours []string
		for _, id := range r.Ours {
			ours = append(ours, "[`"+id+"`](questions.md#"+id+")")
		}
		b.WriteString("| | Amplify | cogwiz |\n|---|---|---|\n")
		fmt.Fprintf(&b, "| question | `%s` in `%s` | %s |\n", r.ID, t.Files[r.From], orNone(strings.Join(ours, ", ")))
		var q *Question
		if len(r.Ours) > 0 {
			q, _ = g.Lookup(r.Ours[0])
		}
		ourAsked, ourDefault := "–", "–"
		if q != nil {
			ourAsked = whenText(q)
			ourDefault = strings.Trim(valueText(q.Default), "`")
			switch {
			case q.Derived != "":
				ourDefault = "generated: " + derivedText[q.Derived]
			case ourDefault == "":
				ourDefault = "none"
			}
			if q.Recommended != nil {
				ourDefault += " ⭐"
			}
		}
		fmt.Fprintf(&b, "| asked on add | %s | %s |\n", cell(r.Add), cell(ourAsked))
		fmt.Fprintf(&b, "| asked on update | %s | %s |\n", cell(r.Update), cell(updateText(g, q)))
		fmt.Fprintf(&b, "| Enter takes | %s | %s |\n\n", cell(r.Default), cell(ourDefault))
		if r.Differs != "" {
			fmt.Fprintf(&b, "**Why it differs:** %s\n\n", strings.TrimSpace(r.Differs))
		}
	}
	b.WriteString("## Questions beyond Amplify\n\nThese cogwiz questions stand for no Amplify prompt.\n\n| question | why cogwiz asks it |\n|---|---|\n")
	for _, q := range g.Questions {
		if why, ok := t.Beyond[q.ID]; ok {
			fmt.Fprintf(&b, "| [`%s`](questions.md#%s) | %s |\n", q.ID, q.ID, cell(why))
		}
	}
	return b.Bytes()
}

var derivedText = map[string]string{
	DerivedResourceName:     "<directory>auth<8 random hex>",
	DerivedPoolName:         "<directory>userpool<8 random hex>",
	DerivedIdentityPoolName: "<directory>_identitypool_<8 random hex>",
	DerivedDomainPrefix:     "<directory>-<8 random hex>",
}

// updateText says when cogwiz update asks q: after which menu choices,
// and whether it is locked once the pool exists.
func updateText(g *Graph, q *Question) string {
	switch {
	case q == nil:
		return "–"
	case q.Update == "never" || q.When != nil && q.When.CreateOnly:
		return "never"
	case q.ID == "update_flow":
		return "always, first"
	}
	var choices []string
	if menu, ok := g.Lookup("update_flow"); ok {
		for _, o := range menu.Options {
			for _, tp := range o.Topics {
				if tp == "all" || tp == q.Topic {
					choices = append(choices, o.Value)
					break
				}
			}
		}
	}
	s := "after " + strings.Join(choices, ", ")
	if q.When != nil {
		s += ", when " + q.When.String()
	}
	if q.CreateOnly != "" {
		s += "; locked once the pool exists"
	}
	return s
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
