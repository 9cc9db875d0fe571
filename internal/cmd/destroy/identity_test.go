package destroy

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/cogwiz/cogwiz/internal/apply"
	"github.com/cogwiz/cogwiz/internal/aws/fakeaws"
	"github.com/cogwiz/cogwiz/internal/cmd/clitest"
	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/emulator"
	"github.com/cogwiz/cogwiz/internal/iostreams"
)

// destroy removes the identity pool and the roles cogwiz created, and
// leaves a role the file names by ARN untouched.
func TestDestroyIdentityPoolAndItsRoles(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	w := fakeaws.Start(t)
	existing := w.IAM.PutRole("CorpGuests")
	cfg := &config.Config{
		Version: 1, ResourceName: "Shop", Services: config.ServicesUserPoolIdentityPool,
		UserPool:   config.UserPool{Name: "ShopUserPool", Groups: []config.Group{{Name: "Admins"}}},
		AppClients: []config.AppClient{{Name: "web"}},
		IdentityPool: &config.IdentityPool{Name: "shop_identity_pool",
			UnauthenticatedRole: &config.IdentityPoolRole{ARN: existing}},
	}
	ic := &apply.IdentityClients{Identity: w.IdentityAPI, IAM: w.IAMAPI}
	st, ident, p, err := apply.PrepareAll(ctx, w.API, ic, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := apply.Run(ctx, apply.Options{API: w.API, Desired: cfg, State: st, Plan: p, RatePerSecond: -1, Identity: ic, IdentityState: ident}); err != nil {
		t.Fatal(err)
	}
	if roles := w.IAM.RoleNames(); len(roles) != 3 {
		t.Fatalf("roles before destroy: %v", roles)
	}
	file := clitest.WriteConfig(t, t.TempDir(), cfg)

	ios, _, out, errOut := iostreams.Test()
	f := &cmdutil.Factory{IOStreams: ios, ConfigFile: file}
	w.Wire(f)
	cmd := NewCmdDestroy(f, nil)
	cmd.SetArgs([]string{"--auto-approve"})
	cmd.SetOut(out)
	cmd.SetErr(errOut)
	if err := cmd.Execute(); err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	if n := len(w.Identity.PoolIDs()); n != 0 {
		t.Errorf("%d identity pools left", n)
	}
	if n := len(w.Cognito.PoolIDs()); n != 0 {
		t.Errorf("%d user pools left", n)
	}
	if roles := w.IAM.RoleNames(); !slices.Equal(roles, []string{"CorpGuests"}) {
		t.Errorf("roles left: %v, want only the existing CorpGuests", roles)
	}
	for _, want := range []string{"identity pool shop_identity_pool", "IAM role Shop-authRole (cogwiz created it)",
		"IAM role Shop-AdminsGroupRole", "left alone: IAM role " + existing} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	// The identity pool went before the user pool.
	ops := w.Rec.Ops()
	if slices.Index(ops, "DeleteIdentityPool") > slices.Index(ops, "DeleteUserPool") {
		t.Errorf("order: %v", ops)
	}
}

// Against cognito-local, which has no identity pools, destroy deletes the
// user pool of a file with an identity pool, as it would without one.
func TestDestroyIdentityFileAgainstEmulator(t *testing.T) {
	s := emulator.Start(t)
	t.Setenv("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", s.Endpoint)
	t.Setenv("AWS_ACCESS_KEY_ID", "local")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "local")
	t.Setenv("AWS_REGION", emulator.Region)
	ctx := context.Background()
	api := s.Client(t)
	cfg := &config.Config{
		Version: 1, ResourceName: "LocalGone", Services: config.ServicesUserPoolIdentityPool,
		UserPool:     config.UserPool{Name: "LocalGonePool"},
		IdentityPool: &config.IdentityPool{Name: "local_identity"},
	}
	st, p, err := apply.Prepare(ctx, api, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := apply.Run(ctx, apply.Options{API: api, Desired: cfg, State: st, Plan: p, RatePerSecond: -1}); err != nil {
		t.Fatal(err)
	}
	file := clitest.WriteConfig(t, t.TempDir(), cfg)
	ios, _, out, errOut := iostreams.Test()
	f := cmdutil.New("test")
	f.IOStreams, f.ConfigFile = ios, file
	cmd := NewCmdDestroy(f, nil)
	cmd.SetArgs([]string{"--auto-approve"})
	cmd.SetOut(out)
	cmd.SetErr(errOut)
	if err := cmd.Execute(); err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	if !strings.Contains(errOut.String(), "Destroyed user pool LocalGonePool") {
		t.Errorf("stderr:\n%s", errOut)
	}
}
