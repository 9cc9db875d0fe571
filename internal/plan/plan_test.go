package plan_test

import (
	"strings"
	"testing"

	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/plan"
)

// live is what ReadState would return for a pool that matches base().
func base() *config.Config {
	return &config.Config{
		Version: 1, ResourceName: "App",
		UserPool: config.UserPool{
			Name:   "AppPool",
			SignIn: config.SignIn{UsernameAttributes: []string{"email"}, CaseSensitive: config.Bool(false)},
			Attributes: config.Attributes{Required: []string{"email"},
				Custom: []config.CustomAttribute{{Name: "tier", Type: "String"}}},
			FeaturePlan: "ESSENTIALS",
		},
		AppClients: []config.AppClient{{Name: "web", ID: "c1", TokenValidity: &config.TokenValidity{Access: config.Duration{Value: 60, Unit: "m"}}}},
	}
}

func state(live *config.Config, managed ...string) *cognito.State {
	keys := map[string]bool{}
	for _, m := range managed {
		keys[m] = true
	}
	return &cognito.State{PoolID: "p1", Config: live, Managed: keys}
}

func TestCompute(t *testing.T) {
	t.Parallel()
	webKey := cognito.ManagedClientKey("c1")
	for _, tc := range []struct {
		name   string
		desire func(*config.Config)
		live   func(*config.Config)
		want   []string // "action path"
	}{
		{"same", nil, nil, nil},
		{"token validity compared in seconds", func(c *config.Config) {
			c.AppClients[0].TokenValidity.Access = config.Duration{Value: 1, Unit: "h"}
		}, nil, nil},
		{"token validity changed", func(c *config.Config) {
			c.AppClients[0].TokenValidity.Access = config.Duration{Value: 2, Unit: "h"}
		}, nil, []string{"update app_clients[web].token_validity.access"}},
		{"custom attribute added", func(c *config.Config) {
			c.UserPool.Attributes.Custom = append(c.UserPool.Attributes.Custom, config.CustomAttribute{Name: "plan", Type: "String"})
		}, nil, []string{"update user_pool.attributes.custom[plan]"}},
		{"custom attribute removed", func(c *config.Config) { c.UserPool.Attributes.Custom = nil }, nil,
			[]string{"blocked user_pool.attributes.custom[tier]"}},
		{"default string constraints are no change", func(c *config.Config) {
			c.UserPool.Attributes.Custom[0].MaxLength = config.Int(2048)
		}, nil, nil},
		{"absent key is not managed", func(c *config.Config) { c.UserPool.PasswordPolicy = nil }, func(c *config.Config) {
			c.UserPool.PasswordPolicy = &config.PasswordPolicy{MinimumLength: config.Int(20)}
		}, nil},
		{"feature plan not reported", nil, func(c *config.Config) { c.UserPool.FeaturePlan = "" }, nil},
		{"unset case sensitivity is not compared", func(c *config.Config) { c.UserPool.SignIn.CaseSensitive = nil }, func(c *config.Config) {
			c.UserPool.SignIn.CaseSensitive = config.Bool(true)
		}, nil},
		{"client removed, created by cogwiz", func(c *config.Config) { c.AppClients = nil }, nil,
			[]string{"delete app_clients[web]", "update user_pool.tags[cogwiz:managed]"}},
		{"group added", func(c *config.Config) { c.UserPool.Groups = []config.Group{{Name: "Admins"}} }, nil,
			[]string{"create user_pool.groups[Admins]", "update user_pool.tags[cogwiz:managed]"}},
		{"domain renamed", func(c *config.Config) { c.Domain = &config.Domain{Prefix: "new"} }, func(c *config.Config) {
			c.Domain = &config.Domain{Prefix: "old"}
		}, []string{"replace domain", "update user_pool.tags[cogwiz:managed]"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, l := base(), base()
			if tc.desire != nil {
				tc.desire(d)
			}
			if tc.live != nil {
				tc.live(l)
			}
			p := plan.Compute(plan.Input{Desired: d, State: state(l, webKey)})
			var got []string
			for _, c := range p.Changes {
				got = append(got, c.Action.String()+" "+c.Path)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("changes = %q, want %q", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("change %d = %q, want %q", i, got[i], tc.want[i])
				}
			}
		})
	}
}

// changes lists "action path id" of a plan.
func changes(p *plan.Plan) []string {
	var out []string
	for _, c := range p.Changes {
		out = append(out, strings.TrimSpace(c.Action.String()+" "+c.Path+" "+c.ID))
	}
	return out
}

// A client made in the console with the name of one cogwiz manages is
// never updated or deleted; plan names the ids it acts on.
func TestConsoleClientWithAManagedNameIsLeftAlone(t *testing.T) {
	t.Parallel()
	live := base()
	live.AppClients = append(live.AppClients, config.AppClient{Name: "web", ID: "c2", TokenValidity: &config.TokenValidity{Access: config.Duration{Value: 5, Unit: "m"}}})
	st := state(live, cognito.ManagedClientKey("c1"))
	for _, order := range []bool{false, true} {
		if order { // the other list order must not change the outcome
			live.AppClients[0], live.AppClients[1] = live.AppClients[1], live.AppClients[0]
		}
		d := base()
		d.AppClients[0].ID = ""
		d.AppClients[0].TokenValidity.Access = config.Duration{Value: 2, Unit: "h"}
		p := plan.Compute(plan.Input{Desired: d, State: st})
		if got := strings.Join(changes(p), ","); got != "update app_clients[web].token_validity.access c1" {
			t.Errorf("update: changes = %s", got)
		}
		d.AppClients = nil
		p = plan.Compute(plan.Input{Desired: d, State: st})
		if got := strings.Join(changes(p), ","); got != "delete app_clients[web] c1,update user_pool.tags[cogwiz:managed]" {
			t.Errorf("removal: changes = %s", got)
		}
		if len(p.LeftAlone) != 1 || p.LeftAlone[0] != "app client web (c2)" {
			t.Errorf("left alone = %v", p.LeftAlone)
		}
	}
}

// Pools applied before clients were recorded by id carry name entries:
// the one client of that name is still cogwiz's (and is moved to an id
// entry with the next change), two are a question only a pin answers.
func TestClientsRecordedByName(t *testing.T) {
	t.Parallel()
	nameKey := cognito.ManagedKey(cognito.KindClient, "web")
	d, l := base(), base()
	d.AppClients[0].ID = ""
	d.AppClients[0].TokenValidity.Access = config.Duration{Value: 2, Unit: "h"}
	p := plan.Compute(plan.Input{Desired: d, State: state(l, nameKey)})
	if got := strings.Join(changes(p), ","); got != "update app_clients[web].token_validity.access c1,update user_pool.tags[cogwiz:managed]" {
		t.Errorf("changes = %s", got)
	}
	if !p.ManagedKeys[cognito.ManagedClientKey("c1")] || p.ManagedKeys[nameKey] {
		t.Errorf("the record should move to the id: %v", p.ManagedKeys)
	}
	l.AppClients = append(l.AppClients, config.AppClient{Name: "web", ID: "c2"})
	p = plan.Compute(plan.Input{Desired: d, State: state(l, nameKey)})
	b := p.Blocked()
	if len(b) != 1 || !strings.Contains(b[0].Reason, "c1, c2") || !strings.Contains(b[0].Reason, "app_clients[web].id") {
		t.Fatalf("blocked = %+v", b)
	}
	d.AppClients = nil
	p = plan.Compute(plan.Input{Desired: d, State: state(l, nameKey)})
	if p.HasChanges() || len(p.LeftAlone) != 2 {
		t.Errorf("neither may be deleted: changes %v, left alone %v", changes(p), p.LeftAlone)
	}
}

func TestUnmanagedClientIsLeftAlone(t *testing.T) {
	t.Parallel()
	d, l := base(), base()
	d.AppClients = nil
	p := plan.Compute(plan.Input{Desired: d, State: state(l)})
	if p.HasChanges() || len(p.LeftAlone) != 1 {
		t.Fatalf("changes %+v, left alone %v", p.Changes, p.LeftAlone)
	}
}

func TestNewPool(t *testing.T) {
	t.Parallel()
	d := base()
	d.UserPool.Groups = []config.Group{{Name: "Admins"}}
	p := plan.Compute(plan.Input{Desired: d})
	add, change, del, blocked := p.Summary()
	if add != 3 || change+del+blocked != 0 || p.PoolID != "" {
		t.Fatalf("summary %d %d %d %d: %+v", add, change, del, blocked, p.Changes)
	}
}
