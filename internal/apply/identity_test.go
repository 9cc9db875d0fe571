package apply_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	ci "github.com/aws/aws-sdk-go-v2/service/cognitoidentity"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	sdkiam "github.com/aws/aws-sdk-go-v2/service/iam"

	"github.com/cogwiz/cogwiz/internal/apply"
	"github.com/cogwiz/cogwiz/internal/aws/cognitoidentity"
	"github.com/cogwiz/cogwiz/internal/aws/fakeaws"
	"github.com/cogwiz/cogwiz/internal/aws/iam"
	"github.com/cogwiz/cogwiz/internal/awsfake"
	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/emulator"
	"github.com/cogwiz/cogwiz/internal/outputs"
	"github.com/cogwiz/cogwiz/internal/plan"
)

// identityFile is what the wizard writes for "User Sign-Up, Sign-In,
// connected with AWS IAM controls", with two clients and two groups.
func identityFile() *config.Config {
	return &config.Config{
		Version: 1, ResourceName: "Shop", Services: config.ServicesUserPoolIdentityPool,
		UserPool: config.UserPool{Name: "ShopUserPool", SignIn: config.SignIn{CaseSensitive: config.Bool(false)},
			Groups: []config.Group{{Name: "Admins", Precedence: config.Int(1)}, {Name: "Editors", Precedence: config.Int(2)}}},
		AppClients: []config.AppClient{{Name: "web"}, {Name: "native"}},
		IdentityPool: &config.IdentityPool{Name: "shop_identity_pool",
			Providers:         []config.IdentityPoolProvider{{Type: "facebook", AppID: "1234567890123456"}},
			AuthenticatedRole: &config.IdentityPoolRole{ManagedPolicyARNs: []string{"arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"}}},
	}
}

func identityClients(w *fakeaws.World) *apply.IdentityClients {
	return &apply.IdentityClients{Identity: w.IdentityAPI, IAM: w.IAMAPI}
}

// applyAll plans and applies cfg with the identity pool, one call at a time.
func applyAll(t *testing.T, w *fakeaws.World, cfg *config.Config) (*plan.Plan, *apply.Result, error) {
	t.Helper()
	ctx := context.Background()
	ic := identityClients(w)
	st, ident, p, err := apply.PrepareAll(ctx, w.API, ic, cfg, env(nil))
	if err != nil {
		return nil, nil, err
	}
	if b := p.Blocked(); len(b) > 0 {
		return p, nil, fmt.Errorf("blocked: %s", b[0].Path)
	}
	res, err := apply.Run(ctx, apply.Options{API: w.API, Desired: cfg, State: st, Plan: p, RatePerSecond: -1, LookupEnv: env(nil),
		Parallel: 1, Identity: ic, IdentityState: ident})
	return p, res, err
}

func changeSet(p *plan.Plan) []string {
	var out []string
	for _, c := range p.Changes {
		out = append(out, fmt.Sprintf("%c %s", c.Action, c.Path))
	}
	return out
}

// The file plans the identity pool, both roles, one role per group and
// the attachment; apply creates them in dependency order; a second apply
// writes nothing.
func TestIdentityPoolPlanApplyReapply(t *testing.T) {
	t.Parallel()
	w := fakeaws.Start(t)
	cfg := identityFile()
	p, res, err := applyAll(t, w, cfg)
	if err != nil {
		t.Fatal(err)
	}
	got := changeSet(p)
	for _, want := range []string{"+ identity_pool", "+ identity_pool.authenticated_role", "+ identity_pool.unauthenticated_role",
		"+ identity_pool.group_roles[Admins]", "+ identity_pool.group_roles[Editors]", "+ identity_pool.role_attachment"} {
		if !slices.Contains(got, want) {
			t.Errorf("plan lacks %q: %v", want, got)
		}
	}
	// Order: user pool and clients → identity pool → roles → attachment → groups.
	ops := w.Rec.Ops()
	at := func(op string) int { return slices.Index(ops, op) }
	last := func(op string) int {
		i := -1
		for j, o := range ops {
			if o == op {
				i = j
			}
		}
		return i
	}
	if !(last("CreateUserPoolClient") < at("CreateIdentityPool") && at("CreateIdentityPool") < at("CreateRole") &&
		last("CreateRole") < at("SetIdentityPoolRoles") && at("SetIdentityPoolRoles") < at("CreateGroup")) {
		t.Errorf("order of calls: %v", ops)
	}
	if n := w.Rec.Count("CreateRole"); n != 4 {
		t.Errorf("%d roles created, want 4", n)
	}
	golden(t, "identity_create", w.Rec.Writes())

	// Each role is trusted by this identity pool only, for its kind of identity.
	poolID := res.Identity.Pool.ID
	for name, amr := range map[string]string{"Shop-authRole": "authenticated", "Shop-unauthRole": "unauthenticated", "Shop-AdminsGroupRole": "authenticated"} {
		r, err := iam.ReadRole(context.Background(), w.IAMAPI, name)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(r.TrustPolicy, `"cognito-identity.amazonaws.com:aud":"`+poolID+`"`) ||
			!strings.Contains(r.TrustPolicy, `"cognito-identity.amazonaws.com:amr":"`+amr+`"`) || r.Path != "/cogwiz/Shop/" {
			t.Errorf("role %s: %+v", name, r)
		}
	}
	// Groups point at their roles; the attachment maps both clients by token.
	for _, g := range res.State.Config.UserPool.Groups {
		if !strings.HasSuffix(g.RoleARN, ":role/cogwiz/Shop/Shop-"+g.Name+"GroupRole") {
			t.Errorf("group %s role_arn = %q", g.Name, g.RoleARN)
		}
	}
	if m := res.Identity.Roles.Mappings; len(m) != 2 {
		t.Errorf("role mappings = %+v", m)
	}
	out := outputs.NewSummary(res.State, res.Identity, cfg)
	if out.IdentityPoolID != poolID || !strings.HasSuffix(out.AuthenticatedRoleARN, "/Shop-authRole") ||
		!strings.HasSuffix(out.UnauthenticatedRoleARN, "/Shop-unauthRole") || len(out.GroupRoleARNs) != 2 {
		t.Errorf("outputs = %+v", out)
	}

	w.Rec.Reset()
	p2, _, err := applyAll(t, w, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if p2.HasChanges() || len(w.Rec.Writes()) != 0 {
		t.Errorf("re-apply: changes %v, writes %v", changeSet(p2), w.Rec.Ops())
	}
}

// Guest access changes in place: one UpdateIdentityPool that sends back
// the providers, clients and tags it does not change.
func TestIdentityGuestAccessInPlace(t *testing.T) {
	t.Parallel()
	w := fakeaws.Start(t)
	cfg := identityFile()
	if _, _, err := applyAll(t, w, cfg); err != nil {
		t.Fatal(err)
	}
	before := w.Identity.PoolIDs()
	cfg.IdentityPool.AllowUnauthenticated = true
	w.Rec.Reset()
	p, res, err := applyAll(t, w, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if got := changeSet(p); !slices.Equal(got, []string{"~ identity_pool.allow_unauthenticated"}) {
		t.Errorf("plan = %v", got)
	}
	writes := w.Rec.Writes()
	if len(writes) != 1 || writes[0].Op != "UpdateIdentityPool" {
		t.Fatalf("writes = %v", w.Rec.Ops())
	}
	var in ci.UpdateIdentityPoolInput
	if err := writes[0].Decode(&in); err != nil {
		t.Fatal(err)
	}
	if !in.AllowUnauthenticatedIdentities || len(in.CognitoIdentityProviders) != 2 || in.SupportedLoginProviders["graph.facebook.com"] == "" || in.IdentityPoolTags["cogwiz:resource-name"] != "Shop" {
		t.Errorf("UpdateIdentityPool = %+v", in)
	}
	if !slices.Equal(w.Identity.PoolIDs(), before) || !res.Identity.Pool.AllowUnauthenticated {
		t.Errorf("pools %v (were %v)", w.Identity.PoolIDs(), before)
	}
}

// Create-only changes are blocked with the way out, and nothing is sent.
func TestIdentityCreateOnlyBlocked(t *testing.T) {
	t.Parallel()
	w := fakeaws.Start(t)
	cfg := identityFile()
	cfg.IdentityPool.DeveloperProviderName = "login.shop"
	if _, _, err := applyAll(t, w, cfg); err != nil {
		t.Fatal(err)
	}
	cfg.IdentityPool.DeveloperProviderName = "login.other"
	cfg.IdentityPool.UnauthenticatedRole = &config.IdentityPoolRole{Name: "ShopGuests"}
	ctx := context.Background()
	_, _, p, err := apply.PrepareAll(ctx, w.API, identityClients(w), cfg, env(nil))
	if err != nil {
		t.Fatal(err)
	}
	b := p.Blocked()
	if len(b) != 2 || b[0].Path != "identity_pool.developer_provider_name" || b[1].Path != "identity_pool.unauthenticated_role.name" {
		t.Fatalf("blocked = %+v", b)
	}
	if !strings.Contains(b[0].Reason, "Put the old name back") || !strings.Contains(b[1].Reason, "IAM cannot rename a role") {
		t.Errorf("reasons = %q / %q", b[0].Reason, b[1].Reason)
	}
	w.Rec.Reset()
	if _, err := apply.Run(ctx, apply.Options{API: w.API, Desired: cfg, Plan: p, Identity: identityClients(w)}); err == nil || len(w.Rec.Writes()) != 0 {
		t.Errorf("a blocked plan ran: %v, writes %v", err, w.Rec.Ops())
	}
}

// A role the file names by ARN is used as it is: not created, not changed.
func TestIdentityExistingRoleUntouched(t *testing.T) {
	t.Parallel()
	w := fakeaws.Start(t)
	arn := w.IAM.PutRole("CorpSignedIn")
	cfg := identityFile()
	cfg.IdentityPool.AuthenticatedRole = &config.IdentityPoolRole{ARN: arn}
	_, res, err := applyAll(t, w, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if res.Identity.Roles.Authenticated != arn {
		t.Errorf("authenticated role = %q", res.Identity.Roles.Authenticated)
	}
	for _, c := range w.Rec.Writes() {
		var in struct{ RoleName string }
		_ = c.Decode(&in)
		if in.RoleName == "CorpSignedIn" {
			t.Errorf("%s touched the existing role", c.Op)
		}
	}
}

// A dropped connection or a 5xx at any create, then a re-run, leaves
// exactly one of each; the run after that writes nothing.
func TestIdentityFaultsThenRerun(t *testing.T) {
	t.Parallel()
	type at struct {
		op  string
		nth int
	}
	points := []at{{"CreateIdentityPool", 0}, {"SetIdentityPoolRoles", 0}, {"AttachRolePolicy", 0}}
	for i := range 4 {
		points = append(points, at{"CreateRole", i})
	}
	// The user pool's own creates, with a dropped connection.
	userPool := []at{{"CreateUserPool", 0}, {"CreateUserPoolClient", 1}, {"CreateGroup", 0}}
	points = append(points, userPool...)
	for _, pt := range points {
		faults := []awsfake.Fault{awsfake.LoseReply, awsfake.Fail500Applied, awsfake.Fail503}
		if slices.Contains(userPool, pt) {
			faults = faults[:1]
		}
		for _, fault := range faults {
			t.Run(fmt.Sprintf("%s#%d/%s", pt.op, pt.nth, fault), func(t *testing.T) {
				t.Parallel()
				w := fakeaws.Start(t)
				cfg := identityFile()
				w.Rec.Fault = awsfake.Once(pt.op, pt.nth, fault)
				_, _, _ = applyAll(t, w, cfg) // may stop; the re-run finishes
				w.Rec.Fault = nil
				if _, _, err := applyAll(t, w, cfg); err != nil {
					t.Fatalf("re-run: %v", err)
				}
				if n := len(w.Identity.PoolIDs()); n != 1 {
					t.Errorf("%d identity pools", n)
				}
				if roles := w.IAM.RoleNames(); len(roles) != 4 {
					t.Errorf("roles = %v", roles)
				}
				if n := len(w.Cognito.PoolIDs()); n != 1 {
					t.Errorf("%d user pools", n)
				}
				w.Rec.Reset()
				p, _, err := applyAll(t, w, cfg)
				if err != nil || p.HasChanges() || len(w.Rec.Writes()) != 0 {
					t.Errorf("third run: %v, changes %v, writes %v", err, changeSet(p), w.Rec.Ops())
				}
			})
		}
	}
}

// A group removed from the file takes its cogwiz role with it; the
// attachment stays as it was.
func TestIdentityGroupRoleDeleted(t *testing.T) {
	t.Parallel()
	w := fakeaws.Start(t)
	cfg := identityFile()
	if _, _, err := applyAll(t, w, cfg); err != nil {
		t.Fatal(err)
	}
	// The groups were created by cogwiz, so they go too.
	cfg.UserPool.Groups = cfg.UserPool.Groups[:1]
	p, _, err := applyAll(t, w, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if got := changeSet(p); !slices.Contains(got, "- identity_pool.roles[Shop-EditorsGroupRole]") {
		t.Errorf("plan = %v", got)
	}
	if roles := w.IAM.RoleNames(); slices.Contains(roles, "Shop-EditorsGroupRole") || len(roles) != 3 {
		t.Errorf("roles = %v", roles)
	}
	if _, err := w.IAMAPI.GetRole(context.Background(), &sdkiam.GetRoleInput{RoleName: aws.String("Shop-AdminsGroupRole")}); err != nil {
		t.Error(err)
	}
	g, err := w.API.GetGroup(context.Background(), &cip.GetGroupInput{UserPoolId: aws.String(w.Cognito.PoolIDs()[0]), GroupName: aws.String("Admins")})
	if err != nil || !strings.HasSuffix(aws.ToString(g.Group.RoleArn), "Shop-AdminsGroupRole") {
		t.Errorf("Admins = %+v, %v", g, err)
	}
}

// The recorded requests decode into the SDK's own input types.
func TestIdentityRequestsAreSDKShapes(t *testing.T) {
	t.Parallel()
	w := fakeaws.Start(t)
	if _, _, err := applyAll(t, w, identityFile()); err != nil {
		t.Fatal(err)
	}
	inputs := map[string]func() any{
		"CreateIdentityPool":   func() any { return &ci.CreateIdentityPoolInput{} },
		"SetIdentityPoolRoles": func() any { return &ci.SetIdentityPoolRolesInput{} },
		"CreateRole":           func() any { return &sdkiam.CreateRoleInput{} },
		"AttachRolePolicy":     func() any { return &sdkiam.AttachRolePolicyInput{} },
	}
	seen := 0
	for _, c := range w.Rec.Calls() {
		mk, ok := inputs[c.Op]
		if !ok {
			continue
		}
		v := mk()
		if err := c.Decode(v); err != nil {
			t.Errorf("%s: %v", c.Op, err)
		}
		b, _ := json.Marshal(v)
		if len(b) < 20 {
			t.Errorf("%s decoded to %s", c.Op, b)
		}
		seen++
	}
	if seen != 7 {
		t.Errorf("%d identity and IAM requests decoded, want 7", seen)
	}
}

// cognito-local has no identity pools: plan and apply manage the user
// pool alone and say that the identity pool was not compared.
func TestIdentityAgainstEmulatorManagesTheUserPoolAlone(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := emulator.Start(t)
	api := s.Client(t)
	cfg, err := cognito.LoadConfig(ctx, s.Options())
	if err != nil {
		t.Fatal(err)
	}
	ic := &apply.IdentityClients{Identity: cognitoidentity.New(cfg, s.Endpoint), IAM: iam.New(cfg, s.Endpoint)}
	file := identityFile()
	st, ident, p, err := apply.PrepareAll(ctx, api, ic, file, env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if ident != nil || !slices.ContainsFunc(p.Notes, func(n string) bool { return strings.Contains(n, "identity_pool was not compared") }) {
		t.Errorf("identity state %+v, notes %v", ident, p.Notes)
	}
	if _, err := apply.Run(ctx, apply.Options{API: api, Desired: file, State: st, Plan: p, RatePerSecond: -1, Identity: ic, IdentityState: ident}); err != nil {
		t.Fatal(err)
	}
}
