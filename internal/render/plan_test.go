package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/cogwiz/cogwiz/internal/plan"
)

func TestPlanText(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		plan *plan.Plan
		want []string
	}{
		{
			name: "new pool",
			plan: &plan.Plan{PoolName: "App", Changes: []plan.Change{
				{Resource: "user_pool", Path: "user_pool", After: "App", Action: plan.Create},
				{Resource: "app_clients[web]", Path: "app_clients[web]", After: "web", Action: plan.Create},
			}},
			want: []string{"User pool App does not exist yet", "  + user_pool\n", "  + app_clients[web]\n", "Plan: 2 to add, 0 to change, 0 to delete, 0 blocked."},
		},
		{
			name: "update, blocked, replace, delete",
			plan: &plan.Plan{PoolID: "us-east-1_x", PoolName: "App", LeftAlone: []string{"group Manual"}, Changes: []plan.Change{
				{Resource: "user_pool", Path: "user_pool.password_policy.minimum_length", Before: 8, After: 12, Action: plan.Update},
				{Resource: "user_pool", Path: "user_pool.sign_in.username_attributes", Before: []string{}, After: []string{"email"}, Action: plan.Blocked, Reason: "create-only — way out"},
				{Resource: "domain", Path: "domain", Before: "old", After: "new", Action: plan.Replace, Reason: "cannot rename"},
				{Resource: "user_pool.groups[Old]", Path: "user_pool.groups[Old]", Before: "Old", Action: plan.Delete},
			}},
			want: []string{
				"User pool App (us-east-1_x)",
				"  ! user_pool\n      ~ password_policy.minimum_length: 8 → 12\n      ! sign_in.username_attributes: [] → [email]\n          BLOCKED: create-only — way out\n",
				"  ∓ domain: \"old\" → \"new\"\n      cannot rename\n",
				"  - user_pool.groups[Old]\n",
				"Left alone (in Cognito, not in the file, not created by cogwiz):\n  group Manual",
				"Plan: 1 to add, 1 to change, 2 to delete, 1 blocked.",
				"Apply refuses while anything is blocked",
			},
		},
		{
			name: "no changes",
			plan: &plan.Plan{PoolID: "p", PoolName: "App", Notes: []string{"identity providers were not compared"}},
			want: []string{"note: identity providers were not compared", "No changes. Cognito matches the file."},
		},
		{
			name: "secret",
			plan: &plan.Plan{PoolID: "p", PoolName: "App", Changes: []plan.Change{{Resource: "identity_providers[Google]", Path: "identity_providers[Google].client_secret", Before: plan.Sensitive, After: plan.Sensitive, Action: plan.Update}}},
			want: []string{"  ~ identity_providers[Google]\n      ~ client_secret: (sensitive) → (sensitive)\n"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := PlanText(&b, tc.plan, PlanOptions{}); err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(b.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, b.String())
				}
			}
			if strings.Contains(b.String(), "\x1b[") {
				t.Error("colour without Color")
			}
		})
	}
}

func TestPlanTextColour(t *testing.T) {
	t.Parallel()
	p := &plan.Plan{PoolName: "App", Changes: []plan.Change{{Resource: "user_pool", Path: "user_pool", Action: plan.Create}}}
	var b bytes.Buffer
	if err := PlanText(&b, p, PlanOptions{Color: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "\x1b[") {
		t.Errorf("no colour with Color:\n%q", b.String())
	}
}

func TestPlanJSON(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	p := &plan.Plan{PoolName: "App", Changes: []plan.Change{{Resource: "user_pool", Kind: plan.KindPool, Path: "user_pool", Action: plan.Create}}}
	if err := PlanJSON(&b, p); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{`"action": "create"`, `"add": 1`, `"format_version": "1"`} {
		if !strings.Contains(b.String(), w) {
			t.Errorf("json lacks %s:\n%s", w, b.String())
		}
	}
}

func TestPlanTextWrapsReasonsToTheWidth(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("Cognito has no API to change it and a new pool is needed ", 4)
	p := &plan.Plan{PoolID: "us-east-1_x", PoolName: "App", Changes: []plan.Change{
		{Resource: "user_pool", Path: "user_pool.sign_in.case_sensitive", Before: false, After: true, Action: plan.Blocked, Reason: long},
	}}
	var b bytes.Buffer
	if err := PlanText(&b, p, PlanOptions{Width: 60}); err != nil {
		t.Fatal(err)
	}
	reasonLines := 0
	for _, l := range strings.Split(b.String(), "\n") {
		if n := len([]rune(l)); n > 60 {
			t.Errorf("line of %d runes at width 60: %q", n, l)
		}
		if strings.HasPrefix(l, "          ") {
			reasonLines++
		}
	}
	if reasonLines < 3 {
		t.Errorf("reason not wrapped onto indented lines:\n%s", b.String())
	}
	if !strings.Contains(strings.Join(strings.Fields(b.String()), " "), strings.TrimSpace("BLOCKED: "+long)) {
		t.Errorf("reason text lost in wrapping:\n%s", b.String())
	}
}
