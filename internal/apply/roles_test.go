package apply_test

import (
	"context"
	"testing"

	"github.com/cogwiz/cogwiz/internal/apply"
	"github.com/cogwiz/cogwiz/internal/aws/fakeaws"
	"github.com/cogwiz/cogwiz/internal/aws/iam"
	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/functions"
	"github.com/cogwiz/cogwiz/internal/plan"
)

// A role cogwiz needs that is not under the file's IAM path is still
// cogwiz's when it carries the file's and the purpose's tags (someone
// moved it); without them it is someone else's. The identity pool's roles
// and the functions' execution roles follow the same rule.
func TestRolesMovedOffThePath(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	mk := func(t *testing.T, w *fakeaws.World, name string, tags map[string]string) string {
		t.Helper()
		arn, err := iam.CreateRole(ctx, w.IAMAPI, iam.Role{Name: name, Path: "/elsewhere/", TrustPolicy: functions.TrustPolicy().JSON(), Tags: tags})
		if err != nil {
			t.Fatal(err)
		}
		return arn
	}

	t.Run("identity pool roles", func(t *testing.T) {
		t.Parallel()
		w := fakeaws.Start(t)
		cfg := identityFile()
		roles := cfg.IdentityRoles()
		moved, taken := roles[0], roles[1]
		mk(t, w, moved.Name, map[string]string{plan.TagResourceName: cfg.ResourceName, plan.TagRole: moved.Key})
		// The right file but another role's key is not this role.
		arn := mk(t, w, taken.Name, map[string]string{plan.TagResourceName: cfg.ResourceName, plan.TagRole: moved.Key})
		s, err := apply.ReadIdentity(ctx, identityClients(w), cfg)
		if err != nil {
			t.Fatal(err)
		}
		if r, ok := s.Created[moved.Name]; !ok || r.Path != "/elsewhere/" || len(s.Created) != 1 {
			t.Errorf("created = %+v, want %s only", s.Created, moved.Name)
		}
		if len(s.Foreign) != 1 || s.Foreign[taken.Name] != arn {
			t.Errorf("foreign = %v, want %s → %s", s.Foreign, taken.Name, arn)
		}
	})

	t.Run("function roles", func(t *testing.T) {
		t.Parallel()
		cfg := functionsFile()
		f := functions.Functions(cfg)[0]
		read := func(t *testing.T, tags map[string]string) *plan.FunctionState {
			w := fakeaws.Start(t)
			mk(t, w, f.Name, tags)
			fc := &apply.FunctionClients{Lambda: w.LambdaAPI, IAM: w.IAMAPI, Pause: noPause}
			s, err := apply.ReadFunctions(ctx, fc, cfg, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
		s := read(t, map[string]string{cognito.TagResourceName: cfg.ResourceName, functions.TagFunction: f.Trigger})
		if r, ok := s.Roles[f.Name]; !ok || r.Path != "/elsewhere/" || len(s.Foreign) != 0 {
			t.Errorf("moved role: roles %+v, foreign %v", s.Roles, s.Foreign)
		}
		s = read(t, map[string]string{cognito.TagResourceName: "Other", functions.TagFunction: f.Trigger})
		if len(s.Roles) != 0 || s.Foreign[f.Name] != "an IAM role" {
			t.Errorf("another file's role: roles %+v, foreign %v", s.Roles, s.Foreign)
		}
	})
}
