package importcmd

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	ci "github.com/aws/aws-sdk-go-v2/service/cognitoidentity"
	citypes "github.com/aws/aws-sdk-go-v2/service/cognitoidentity/types"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"

	"github.com/cogwiz/cogwiz/internal/apply"
	"github.com/cogwiz/cogwiz/internal/aws/cognitoidentity"
	"github.com/cogwiz/cogwiz/internal/aws/fakeaws"
	"github.com/cogwiz/cogwiz/internal/aws/iam"
	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/emulator"
)

func worldFactory(w *fakeaws.World) *cmdutil.Factory {
	f, _ := factory()
	w.Wire(f)
	return f
}

// importThenPlan imports poolID and returns the file and its plan.
func importThenPlan(t *testing.T, w *fakeaws.World, poolID string) (*config.Config, []string, string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "cognito.yaml")
	r := run(t, worldFactory(w), "pool", poolID, "-o", out)
	if r.err != nil {
		t.Fatalf("import pool: %v\n%s", r.err, r.stderr)
	}
	doc, err := config.Load(out)
	if err != nil {
		t.Fatalf("the written file does not load: %v", err)
	}
	_, _, p, err := apply.PrepareAll(context.Background(), w.API, &apply.IdentityClients{Identity: w.IdentityAPI, IAM: w.IAMAPI}, doc.Config, noEnv)
	if err != nil {
		t.Fatal(err)
	}
	var changes []string
	for _, c := range p.Changes {
		changes = append(changes, string(c.Action)+" "+c.Path)
	}
	return doc.Config, changes, r.stderr
}

// An identity pool cogwiz made comes back as the file that made it: its
// roles are cogwiz's again, and plan right after shows no changes.
func TestImportPoolWithItsIdentityPool(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	w := fakeaws.Start(t)
	cfg := &config.Config{
		Version: 1, ResourceName: "Shop", Services: config.ServicesUserPoolIdentityPool,
		UserPool:   config.UserPool{Name: "ShopUserPool", Groups: []config.Group{{Name: "Admins"}}},
		AppClients: []config.AppClient{{Name: "web"}, {Name: "native"}},
		IdentityPool: &config.IdentityPool{Name: "shop_identity_pool", AllowUnauthenticated: true,
			Providers:         []config.IdentityPoolProvider{{Type: "google", AppID: "web.apps.googleusercontent.com"}},
			AuthenticatedRole: &config.IdentityPoolRole{ManagedPolicyARNs: []string{"arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"}}},
	}
	ic := &apply.IdentityClients{Identity: w.IdentityAPI, IAM: w.IAMAPI}
	st, ident, p, err := apply.PrepareAll(ctx, w.API, ic, cfg, noEnv)
	if err != nil {
		t.Fatal(err)
	}
	res, err := apply.Run(ctx, apply.Options{API: w.API, Desired: cfg, State: st, Plan: p, RatePerSecond: -1, Identity: ic, IdentityState: ident})
	if err != nil {
		t.Fatal(err)
	}
	got, changes, stderr := importThenPlan(t, w, res.PoolID)
	if len(changes) > 0 {
		t.Errorf("plan right after import: %v", changes)
	}
	ip := got.IdentityPool
	if got.Services != config.ServicesUserPoolIdentityPool || ip == nil || ip.ID != "" || !ip.AllowUnauthenticated ||
		len(ip.Providers) != 1 || ip.AuthenticatedRole == nil || len(ip.AuthenticatedRole.ManagedPolicyARNs) != 1 || got.UserPool.Groups[0].RoleARN != "" {
		t.Errorf("imported identity pool = %+v, groups %+v", ip, got.UserPool.Groups)
	}
	if !strings.Contains(stderr, "imported identity pool shop_identity_pool") {
		t.Errorf("stderr = %s", stderr)
	}
}

// An identity pool made elsewhere, trusting the pool's client, with a
// role made elsewhere: pinned, its role named by ARN, plan clean.
func TestImportPoolWithForeignIdentityPool(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	w := fakeaws.Start(t)
	up, err := w.API.CreateUserPool(ctx, &cip.CreateUserPoolInput{PoolName: aws.String("console-made")})
	if err != nil {
		t.Fatal(err)
	}
	poolID := aws.ToString(up.UserPool.Id)
	cl, err := w.API.CreateUserPoolClient(ctx, &cip.CreateUserPoolClientInput{UserPoolId: aws.String(poolID), ClientName: aws.String("app")})
	if err != nil {
		t.Fatal(err)
	}
	role := w.IAM.PutRole("ConsoleAuthRole")
	ip, err := w.IdentityAPI.CreateIdentityPool(ctx, &ci.CreateIdentityPoolInput{IdentityPoolName: aws.String("console_identity"),
		CognitoIdentityProviders: []citypes.CognitoIdentityProvider{{ProviderName: aws.String(cognitoidentity.ProviderName(poolID)), ClientId: cl.UserPoolClient.ClientId, ServerSideTokenCheck: aws.Bool(false)}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.IdentityAPI.SetIdentityPoolRoles(ctx, &ci.SetIdentityPoolRolesInput{IdentityPoolId: ip.IdentityPoolId,
		Roles: map[string]string{"authenticated": role, "unauthenticated": role}}); err != nil {
		t.Fatal(err)
	}
	got, changes, stderr := importThenPlan(t, w, poolID)
	if len(changes) > 0 {
		t.Errorf("plan right after import: %v", changes)
	}
	if got.IdentityPool == nil || got.IdentityPool.ID != aws.ToString(ip.IdentityPoolId) ||
		got.IdentityPool.AuthenticatedRole == nil || got.IdentityPool.AuthenticatedRole.ARN != role {
		t.Errorf("imported = %+v", got.IdentityPool)
	}
	if !strings.Contains(stderr, "pins it with identity_pool.id") {
		t.Errorf("stderr = %s", stderr)
	}
	// An adopted pool changes in place and is never tagged as made by cogwiz.
	got.IdentityPool.AllowUnauthenticated = true
	ic := &apply.IdentityClients{Identity: w.IdentityAPI, IAM: w.IAMAPI}
	st, ident, p, err := apply.PrepareAll(ctx, w.API, ic, got, noEnv)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := apply.Run(ctx, apply.Options{API: w.API, Desired: got, State: st, Plan: p, RatePerSecond: -1, Identity: ic, IdentityState: ident}); err != nil {
		t.Fatal(err)
	}
	live, err := cognitoidentity.ReadPool(ctx, w.IdentityAPI, got.IdentityPool.ID)
	if err != nil || !live.AllowUnauthenticated || len(live.Tags) != 0 || live.Clients[0].ClientID != aws.ToString(cl.UserPoolClient.ClientId) {
		t.Errorf("adopted pool after apply = %+v, %v", live, err)
	}
}

// cognito-local has no identity pools: import pool says so and imports
// the user pool alone.
func TestImportPoolFromEmulatorWithoutIdentityPools(t *testing.T) {
	t.Parallel()
	s := emulator.Start(t)
	api := s.Client(t)
	up, err := api.CreateUserPool(context.Background(), &cip.CreateUserPoolInput{PoolName: aws.String("local")})
	if err != nil {
		t.Fatal(err)
	}
	f, _ := factory()
	f.AWS = s.Options()
	f.Cognito = func(context.Context) (cognito.API, error) { return api, nil }
	f.IdentityPools = func(ctx context.Context) (cognitoidentity.API, error) {
		cfg, err := cognito.LoadConfig(ctx, s.Options())
		return cognitoidentity.New(cfg, s.Endpoint), err
	}
	f.IAM = func(ctx context.Context) (iam.API, error) {
		cfg, err := cognito.LoadConfig(ctx, s.Options())
		return iam.New(cfg, s.Endpoint), err
	}
	out := filepath.Join(t.TempDir(), "cognito.yaml")
	r := run(t, f, "pool", aws.ToString(up.UserPool.Id), "-o", out)
	if r.err != nil || !strings.Contains(r.stderr, "this endpoint has no identity pools") {
		t.Errorf("err %v, stderr %s", r.err, r.stderr)
	}
}
