package apply_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/cogwiz/cogwiz/internal/apply"
	"github.com/cogwiz/cogwiz/internal/awsfake"
	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/cognito/cognitofake"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/outputs"
	"github.com/cogwiz/cogwiz/internal/plan"
	"github.com/cogwiz/cogwiz/internal/render"
)

var update = flag.Bool("update", false, "rewrite the golden files")

const googleSecret = "s3cr3t-google-value"

func env(vars map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) {
		v, ok := vars[k]
		return v, ok
	}
}

var googleEnv = env(map[string]string{"GOOGLE_CLIENT_SECRET": googleSecret})

// applyFake plans and applies cfg against api with the Google secret set.
func applyFake(t *testing.T, api cognito.API, cfg *config.Config, lookup func(string) (string, bool)) (*plan.Plan, *apply.Result, error) {
	t.Helper()
	ctx := context.Background()
	if lookup == nil {
		lookup = env(nil)
	}
	secrets, err := apply.ResolveSecrets(cfg, lookup, nil)
	if err != nil {
		return nil, nil, err
	}
	st, p, err := apply.Prepare(ctx, api, cfg, lookup)
	if err != nil {
		return nil, nil, err
	}
	res, err := apply.Run(ctx, apply.Options{API: api, Desired: cfg, State: st, Plan: p, Secrets: secrets, RatePerSecond: -1, LookupEnv: lookup,
		// One call at a time keeps the recorded order, and the golden files, stable.
		Parallel: 1,
		// The fake's creation dates are exact and its lists up to date: a
		// twin made at the same moment shows at once.
		Settle: -1})
	return p, res, err
}

// golden compares the recorded write requests with testdata/name.golden.
// The secret is replaced by its variable name first: golden files are
// committed.
func golden(t *testing.T, name string, calls []awsfake.Call) {
	t.Helper()
	got, err := awsfake.JSON(calls)
	if err != nil {
		t.Fatal(err)
	}
	got = bytes.ReplaceAll(got, []byte(googleSecret), []byte("<GOOGLE_CLIENT_SECRET>"))
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("requests differ from %s (run go test -update after checking):\n%s", path, got)
	}
}

func TestApplyEverythingToFake(t *testing.T) {
	t.Parallel()
	fake := cognitofake.New(t)
	api, rec := cognitofake.Connect(t, fake.Options())
	cfg := cognitofake.EverythingConfig("All")

	_, res, err := applyFake(t, api, cfg, googleEnv)
	if err != nil {
		t.Fatalf("apply: %v", err)
	}
	writes := rec.Writes()
	golden(t, "apply_everything", writes)

	// The order respects dependencies: pool, then provider and resource
	// server, then clients, then domain and groups.
	pos := map[string]int{}
	for i, c := range writes {
		if _, ok := pos[c.Op]; !ok {
			pos[c.Op] = i
		}
	}
	for _, pair := range [][2]string{{"CreateUserPool", "CreateIdentityProvider"}, {"CreateIdentityProvider", "CreateUserPoolClient"}, {"CreateResourceServer", "CreateUserPoolClient"}, {"CreateUserPoolClient", "CreateUserPoolDomain"}} {
		if pos[pair[0]] >= pos[pair[1]] {
			t.Errorf("%s came after %s: %v", pair[0], pair[1], rec.Ops())
		}
	}
	var sent bool
	for _, c := range writes {
		if c.Op == "CreateIdentityProvider" {
			var in cip.CreateIdentityProviderInput
			if err := c.Decode(&in); err != nil {
				t.Fatal(err)
			}
			sent = in.ProviderDetails["client_secret"] == googleSecret
		}
	}
	if !sent {
		t.Error("the Google client secret from the environment was not sent")
	}
	out := outputs.NewSummary(res.State, nil, cfg)
	if out.HostedUIURL != "https://everything-all.auth.us-east-1.amazoncognito.com" || out.IssuerURL != "https://cognito-idp.us-east-1.amazonaws.com/"+res.PoolID {
		t.Errorf("outputs = %+v", out)
	}

	// Cognito's extra ProviderDetails keys, the identities attribute and
	// the client's default units do not show up as changes.
	rec.Reset()
	p, _, err := applyFake(t, api, cfg, googleEnv)
	if err != nil {
		t.Fatal(err)
	}
	if p.HasChanges() || len(rec.Writes()) != 0 {
		t.Fatalf("second apply: changes %+v, writes %v", p.Changes, rec.Ops())
	}
}

func TestOneFieldUpdateSendsEveryLiveField(t *testing.T) {
	t.Parallel()
	fake := cognitofake.New(t)
	api, rec := cognitofake.Connect(t, fake.Options())
	cfg := cognitofake.EverythingConfig("One")
	if _, _, err := applyFake(t, api, cfg, googleEnv); err != nil {
		t.Fatal(err)
	}
	cfg.UserPool.PasswordPolicy.MinimumLength = config.Int(16)
	rec.Reset()
	p, res, err := applyFake(t, api, cfg, googleEnv)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Changes) != 1 {
		t.Fatalf("plan = %+v, want one change", p.Changes)
	}
	writes := rec.Writes()
	golden(t, "update_minimum_length", writes)
	if len(writes) != 1 || writes[0].Op != "UpdateUserPool" {
		t.Fatalf("writes = %v", rec.Ops())
	}
	var in cip.UpdateUserPoolInput
	if err := writes[0].Decode(&in); err != nil {
		t.Fatal(err)
	}
	if in.LambdaConfig == nil || in.LambdaConfig.PreSignUp == nil || in.VerificationMessageTemplate == nil || in.UserPoolTags["team"] != "auth" || in.AccountRecoverySetting == nil {
		t.Errorf("the update does not carry the live settings: %+v", in)
	}
	if in.AdminCreateUserConfig != nil && in.AdminCreateUserConfig.UnusedAccountValidityDays != 0 {
		t.Error("UnusedAccountValidityDays was sent back; Cognito refuses it")
	}
	// The fake resets what an update omits, as AWS does: nothing was lost.
	d, err := api.DescribeUserPool(context.Background(), &cip.DescribeUserPoolInput{UserPoolId: aws.String(res.PoolID)})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(d.UserPool.LambdaConfig.PreSignUp) == "" || d.UserPool.UserPoolTags[cognito.TagResourceName] != "One" || aws.ToInt32(d.UserPool.Policies.PasswordPolicy.MinimumLength) != 16 {
		t.Errorf("after the update: %+v", d.UserPool)
	}
}

func TestRemovedResourcesDeletedOnlyWhenManaged(t *testing.T) {
	t.Parallel()
	api := cognitofake.New(t).Client(t)
	cfg := cognitofake.EverythingConfig("Del")
	_, res, err := applyFake(t, api, cfg, googleEnv)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	// A group made by hand, outside cogwiz.
	if _, err := api.CreateGroup(ctx, &cip.CreateGroupInput{UserPoolId: aws.String(res.PoolID), GroupName: aws.String("Manual")}); err != nil {
		t.Fatal(err)
	}
	cfg.UserPool.Groups = cfg.UserPool.Groups[:1]
	cfg.AppClients = cfg.AppClients[:1]
	p, _, err := applyFake(t, api, cfg, googleEnv)
	if err != nil {
		t.Fatalf("apply: %v", err)
	}
	var deleted []string
	for _, c := range p.Changes {
		if c.Action == plan.Delete {
			deleted = append(deleted, c.Resource)
		}
	}
	if strings.Join(deleted, ",") != "app_clients[server],user_pool.groups[Users]" {
		t.Errorf("deleted = %v", deleted)
	}
	if len(p.LeftAlone) != 1 || p.LeftAlone[0] != "group Manual" {
		t.Errorf("left alone = %v", p.LeftAlone)
	}
	if _, err := api.GetGroup(ctx, &cip.GetGroupInput{UserPoolId: aws.String(res.PoolID), GroupName: aws.String("Manual")}); err != nil {
		t.Errorf("the manual group is gone: %v", err)
	}
	if _, err := api.GetGroup(ctx, &cip.GetGroupInput{UserPoolId: aws.String(res.PoolID), GroupName: aws.String("Users")}); !cognito.IsNotFound(err) {
		t.Errorf("group Users still exists: %v", err)
	}
}

// The domain, identity provider and resource server a file no longer has
// are deleted, after the client that used them is updated, each saying so.
func TestRemovedPoolResourcesAreDeleted(t *testing.T) {
	t.Parallel()
	fake := cognitofake.New(t)
	api, rec := cognitofake.Connect(t, fake.Options())
	if _, _, err := applyFake(t, api, cognitofake.EverythingConfig("Gone"), googleEnv); err != nil {
		t.Fatal(err)
	}
	cfg := cognitofake.FullConfig("Gone")
	ctx := context.Background()
	st, p, err := apply.Prepare(ctx, api, cfg, googleEnv)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	rec.Reset()
	res, err := apply.Run(ctx, apply.Options{API: api, Desired: cfg, State: st, Plan: p, RatePerSecond: -1, LookupEnv: googleEnv, Parallel: 1, Settle: -1,
		Progress: func(s string) { lines = append(lines, s) }})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"deleting domain everything-gone", "deleting identity provider Google", "deleting resource server https://api.example.com"} {
		if !slices.Contains(lines, want) {
			t.Errorf("progress lacks %q: %q", want, lines)
		}
	}
	// Then the pool's managed-resource tags are rewritten (UpdateUserPool).
	ops := writeOps(rec)
	if len(ops) < 4 || ops[0] != "UpdateUserPoolClient" || strings.Join(slices.Sorted(slices.Values(ops[1:4])), ",") != "DeleteIdentityProvider,DeleteResourceServer,DeleteUserPoolDomain" {
		t.Errorf("writes = %v, want the client updated, then three deletes", ops)
	}
	if idps, err := api.ListIdentityProviders(ctx, &cip.ListIdentityProvidersInput{UserPoolId: aws.String(res.PoolID), MaxResults: aws.Int32(10)}); err != nil || len(idps.Providers) != 0 {
		t.Errorf("identity providers left: %+v (%v)", idps, err)
	}
	if rss, err := api.ListResourceServers(ctx, &cip.ListResourceServersInput{UserPoolId: aws.String(res.PoolID), MaxResults: aws.Int32(10)}); err != nil || len(rss.ResourceServers) != 0 {
		t.Errorf("resource servers left: %+v (%v)", rss, err)
	}
	if d, err := api.DescribeUserPoolDomain(ctx, &cip.DescribeUserPoolDomainInput{Domain: aws.String("everything-gone")}); err != nil || d.DomainDescription.UserPoolId != nil {
		t.Errorf("domain left: %+v (%v)", d, err)
	}
}

func TestDomainRenameIsReplace(t *testing.T) {
	t.Parallel()
	fake := cognitofake.New(t)
	api, rec := cognitofake.Connect(t, fake.Options())
	cfg := cognitofake.EverythingConfig("Dom")
	if _, _, err := applyFake(t, api, cfg, googleEnv); err != nil {
		t.Fatal(err)
	}
	cfg.Domain.Prefix = "renamed-dom"
	rec.Reset()
	p, _, err := applyFake(t, api, cfg, googleEnv)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Changes) != 1 || p.Changes[0].Action != plan.Replace {
		t.Fatalf("plan = %+v, want one replace", p.Changes)
	}
	if got := strings.Join(writeOps(rec), ","); got != "DeleteUserPoolDomain,CreateUserPoolDomain" {
		t.Errorf("writes = %s", got)
	}
}

func TestSecretIsComparedButNeverShown(t *testing.T) {
	t.Parallel()
	api := cognitofake.New(t).Client(t)
	cfg := cognitofake.EverythingConfig("Sec")
	if _, _, err := applyFake(t, api, cfg, googleEnv); err != nil {
		t.Fatal(err)
	}
	rotated := env(map[string]string{"GOOGLE_CLIENT_SECRET": "rotated-" + googleSecret})
	_, p, err := apply.Prepare(context.Background(), api, cfg, rotated)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Changes) != 1 || p.Changes[0].Path != "identity_providers[Google].client_secret" {
		t.Fatalf("plan = %+v, want the client secret to change", p.Changes)
	}
	var text, js bytes.Buffer
	if err := render.PlanText(&text, p, render.PlanOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := render.PlanJSON(&js, p); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{text.String(), js.String()} {
		if strings.Contains(out, googleSecret) || !strings.Contains(out, plan.Sensitive) {
			t.Errorf("plan output shows the secret or hides the change:\n%s", out)
		}
	}
	// The imported model holds a reference, never the value.
	st, err := cognito.ReadConfig(context.Background(), api, p.PoolID)
	if err != nil {
		t.Fatal(err)
	}
	if got := st.IdentityProviders[0].ClientSecret; got != "${env:GOOGLE_CLIENT_SECRET}" {
		t.Errorf("read back client_secret = %q", got)
	}
}

func TestMissingSecretStopsBeforeAnyCall(t *testing.T) {
	t.Parallel()
	cfg := cognitofake.EverythingConfig("Miss")
	_, err := apply.ResolveSecrets(cfg, env(nil), nil)
	if err == nil || !strings.Contains(err.Error(), "GOOGLE_CLIENT_SECRET") {
		t.Fatalf("err = %v, want it to name GOOGLE_CLIENT_SECRET", err)
	}
}

func writeOps(r *awsfake.Transport) []string {
	var out []string
	for _, c := range r.Writes() {
		out = append(out, c.Op)
	}
	return out
}

// What `cogwiz import pool` writes must plan clean against the same pool.
func TestReadConfigPlansClean(t *testing.T) {
	t.Parallel()
	fake := cognitofake.New(t).Client(t)
	cfg := cognitofake.EverythingConfig("Imp")
	_, res, err := applyFake(t, fake, cfg, googleEnv)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	imported, err := cognito.ReadConfig(ctx, fake, res.PoolID)
	if err != nil {
		t.Fatal(err)
	}
	if imported.ResourceName != "Imp" || len(imported.AppClients) != 2 || imported.Domain == nil || len(imported.IdentityProviders) != 1 || len(imported.ResourceServers) != 1 {
		t.Fatalf("imported = %+v", imported)
	}
	if imported.UserPool.Attributes.Required[0] != "email" || len(imported.UserPool.Attributes.Custom) != 2 {
		t.Errorf("attributes = %+v", imported.UserPool.Attributes)
	}
	st, err := cognito.ReadState(ctx, fake, res.PoolID)
	if err != nil {
		t.Fatal(err)
	}
	p := plan.Compute(plan.Input{Desired: imported, State: st, LookupEnv: googleEnv})
	if p.HasChanges() {
		t.Errorf("plan of the imported file: %+v", p.Changes)
	}
}

func TestDeletingAClientCostsOneTagUpdate(t *testing.T) {
	t.Parallel()
	fake := cognitofake.New(t)
	api, rec := cognitofake.Connect(t, fake.Options())
	cfg := cognitofake.FullConfig("Tags")
	if _, _, err := applyFake(t, api, cfg, nil); err != nil {
		t.Fatal(err)
	}
	cfg.AppClients = cfg.AppClients[:1]
	rec.Reset()
	if _, _, err := applyFake(t, api, cfg, nil); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(writeOps(rec), ","); got != "DeleteUserPoolClient,UpdateUserPool" {
		t.Errorf("writes = %s, want the delete then one tag update", got)
	}
}

func TestClientUpdateKeepsItsOtherSettings(t *testing.T) {
	t.Parallel()
	fake := cognitofake.New(t)
	api, rec := cognitofake.Connect(t, fake.Options())
	cfg := cognitofake.EverythingConfig("Cli")
	if _, _, err := applyFake(t, api, cfg, googleEnv); err != nil {
		t.Fatal(err)
	}
	cfg.AppClients[0].OAuth.CallbackURLs = []string{"https://app.example.com/cb"}
	rec.Reset()
	if _, _, err := applyFake(t, api, cfg, googleEnv); err != nil {
		t.Fatal(err)
	}
	w := rec.Writes()
	if len(w) != 1 || w[0].Op != "UpdateUserPoolClient" {
		t.Fatalf("writes = %v", rec.Ops())
	}
	var in cip.UpdateUserPoolClientInput
	if err := w[0].Decode(&in); err != nil {
		t.Fatal(err)
	}
	if len(in.SupportedIdentityProviders) != 2 || len(in.AllowedOAuthScopes) != 4 || in.TokenValidityUnits == nil || len(in.LogoutURLs) != 1 || in.PreventUserExistenceErrors != "ENABLED" {
		t.Errorf("the client update drops live settings: %+v", in)
	}
}

func TestMFAAndCustomAttributeChanges(t *testing.T) {
	t.Parallel()
	fake := cognitofake.New(t)
	api, rec := cognitofake.Connect(t, fake.Options())
	cfg := cognitofake.FullConfig("Mfa")
	if _, _, err := applyFake(t, api, cfg, nil); err != nil {
		t.Fatal(err)
	}
	cfg.UserPool.MFA = &config.MFA{Mode: config.MFAOff}
	cfg.UserPool.Attributes.Custom = append(cfg.UserPool.Attributes.Custom, config.CustomAttribute{Name: "plan", Type: "String"})
	rec.Reset()
	if _, _, err := applyFake(t, api, cfg, nil); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(writeOps(rec), ","); got != "SetUserPoolMfaConfig,AddCustomAttributes" {
		t.Errorf("writes = %s", got)
	}
	for _, c := range rec.Writes() {
		var in cip.SetUserPoolMfaConfigInput
		if c.Op == "SetUserPoolMfaConfig" && c.Decode(&in) == nil && in.SmsMfaConfiguration != nil {
			t.Error("SMS settings sent while turning MFA off")
		}
	}
}

// Cut the first apply off at each write in turn: the re-run must finish
// the job, with exactly one pool and nothing left to change.
func TestApplyCutOffAtEveryWrite(t *testing.T) {
	t.Parallel()
	probeAPI, probe := cognitofake.Connect(t, cognitofake.New(t).Options())
	if _, _, err := applyFake(t, probeAPI, cognitofake.EverythingConfig("Cut"), googleEnv); err != nil {
		t.Fatal(err)
	}
	n := len(probe.Writes())
	for i := 0; i < n; i++ {
		fake := cognitofake.New(t)
		api, rec := cognitofake.Connect(t, fake.Options())
		cfg := cognitofake.EverythingConfig("Cut")
		// From write i on, every write fails (the connection is gone).
		var writes atomic.Int32
		rec.Fault = func(c awsfake.Call, _ int) awsfake.Fault {
			if awsfake.IsWrite(c.Op) && writes.Add(1) > int32(i) {
				return awsfake.Fail500
			}
			return awsfake.NoFault
		}
		if _, _, err := applyFake(t, api, cfg, googleEnv); err == nil {
			t.Fatalf("cut at write %d: apply did not report the failure", i)
		}
		rec.Fault = nil
		if _, _, err := applyFake(t, api, cfg, googleEnv); err != nil {
			t.Fatalf("cut at write %d: re-run: %v", i, err)
		}
		if ids := fake.PoolIDs(); len(ids) != 1 {
			t.Fatalf("cut at write %d: %d pools", i, len(ids))
		}
	}
}

func TestDomainTakenByAnotherPoolIsBlockedBeforeAnyCall(t *testing.T) {
	t.Parallel()
	fake := cognitofake.New(t)
	first := cognitofake.EverythingConfig("First")
	if _, _, err := applyFake(t, fake.Client(t), first, googleEnv); err != nil {
		t.Fatal(err)
	}
	second := cognitofake.EverythingConfig("Second")
	second.Domain.Prefix = first.Domain.Prefix
	api, rec := cognitofake.Connect(t, fake.Options())
	_, p, err := apply.Prepare(context.Background(), api, second, googleEnv)
	if err != nil {
		t.Fatal(err)
	}
	var blocked *plan.Change
	for i, c := range p.Changes {
		if c.Kind == plan.KindDomain {
			blocked = &p.Changes[i]
		}
	}
	if blocked == nil || blocked.Action != plan.Blocked || !strings.Contains(blocked.Reason, "already belongs to another user pool") {
		t.Fatalf("domain change = %+v, want BLOCKED as taken", blocked)
	}
	if w := writeOps(rec); len(w) != 0 {
		t.Errorf("planning made writes: %v", w)
	}
	if _, err := apply.Run(context.Background(), apply.Options{API: api, Desired: second, Plan: p}); err == nil {
		t.Error("apply ran with a blocked domain")
	}
	if w := writeOps(rec); len(w) != 0 {
		t.Errorf("a refused apply made writes: %v", w)
	}
}

// A new certificate for a custom domain keeps the managed login version
// the file leaves out: UpdateUserPoolDomain is sent the live one.
func TestDomainCertificateChangeKeepsManagedLoginVersion(t *testing.T) {
	t.Parallel()
	fake := cognitofake.New(t)
	api, rec := cognitofake.Connect(t, fake.Options())
	cfg := cognitofake.EverythingConfig("Cert")
	cfg.Domain = &config.Domain{CustomDomain: "auth.example.com", CertificateARN: "arn:aws:acm:us-east-1:123456789012:certificate/old", ManagedLoginVersion: config.Int(2)}
	if _, _, err := applyFake(t, api, cfg, googleEnv); err != nil {
		t.Fatal(err)
	}
	cfg.Domain.ManagedLoginVersion = nil
	cfg.Domain.CertificateARN = "arn:aws:acm:us-east-1:123456789012:certificate/new"
	rec.Reset()
	if _, _, err := applyFake(t, api, cfg, googleEnv); err != nil {
		t.Fatal(err)
	}
	w := rec.Writes()
	if len(w) != 1 || w[0].Op != "UpdateUserPoolDomain" {
		t.Fatalf("writes = %v, want one UpdateUserPoolDomain", rec.Ops())
	}
	var in cip.UpdateUserPoolDomainInput
	if err := w[0].Decode(&in); err != nil {
		t.Fatal(err)
	}
	if aws.ToInt32(in.ManagedLoginVersion) != 2 || in.CustomDomainConfig == nil || aws.ToString(in.CustomDomainConfig.CertificateArn) != cfg.Domain.CertificateARN {
		t.Errorf("UpdateUserPoolDomain sent version %v and %+v; want the live version 2 and the new certificate", in.ManagedLoginVersion, in.CustomDomainConfig)
	}
}

// A client made in the console with the name of a managed one is never
// changed or deleted; the plan and the calls name the same client id, and
// the plan text labels every block.
func TestConsoleMadeClientWithAManagedNameIsNeverTouched(t *testing.T) {
	t.Parallel()
	t.Run("emulator", func(t *testing.T) {
		t.Parallel()
		api, rec := cognitofake.Connect(t, sharedEmulator(t).Options())
		consoleMadeClient(t, api, rec)
	})
	t.Run("fake", func(t *testing.T) {
		t.Parallel()
		api, rec := cognitofake.Connect(t, cognitofake.New(t).Options())
		consoleMadeClient(t, api, rec)
	})
}

func consoleMadeClient(t *testing.T, api cognito.API, rec *awsfake.Transport) {
	cfg := cognitofake.FullConfig("Console")
	_, res := mustApply(t, api, cfg)
	ctx := context.Background()
	console, err := api.CreateUserPoolClient(ctx, &cip.CreateUserPoolClientInput{UserPoolId: aws.String(res.PoolID), ClientName: aws.String("web"),
		CallbackURLs: []string{"https://console.example.com/cb"}, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: []types.OAuthFlowType{"code"}, AllowedOAuthScopes: []string{"openid"}})
	if err != nil {
		t.Fatal(err)
	}
	consoleID := aws.ToString(console.UserPoolClient.ClientId)
	managedID := outputs.NewSummary(res.State, nil, cfg).AppClientIDs["web"]
	before, _ := api.DescribeUserPoolClient(ctx, &cip.DescribeUserPoolClientInput{UserPoolId: aws.String(res.PoolID), ClientId: aws.String(consoleID)})

	cfg.AppClients[0].OAuth.CallbackURLs = []string{"https://app.example.com/cb"}
	rec.Reset()
	p, _ := mustApply(t, api, cfg)
	for _, c := range p.Changes {
		if c.ID != managedID {
			t.Errorf("plan changes %s of %q, want %s", c.Path, c.ID, managedID)
		}
	}
	for _, w := range rec.Writes() {
		if strings.Contains(string(w.Input), consoleID) {
			t.Errorf("%s touched the console-made client: %s", w.Op, w.Input)
		}
		if w.Op == "UpdateUserPoolClient" && !strings.Contains(string(w.Input), managedID) {
			t.Errorf("update went to another client than planned: %s", w.Input)
		}
	}

	cfg.AppClients = cfg.AppClients[1:]
	rec.Reset()
	p, _ = mustApply(t, api, cfg)
	var text bytes.Buffer
	if err := render.PlanText(&text, p, render.PlanOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "- app_clients[web] ("+managedID+")") || strings.Contains(text.String(), " - :") {
		t.Errorf("plan text:\n%s", text.String())
	}
	if got := strings.Join(writeOps(rec), ","); got != "DeleteUserPoolClient,UpdateUserPool" {
		t.Errorf("writes = %s", got)
	}
	after, err := api.DescribeUserPoolClient(ctx, &cip.DescribeUserPoolClientInput{UserPoolId: aws.String(res.PoolID), ClientId: aws.String(consoleID)})
	if err != nil {
		t.Fatalf("the console-made client is gone: %v", err)
	}
	if !reflect.DeepEqual(after.UserPoolClient, before.UserPoolClient) {
		t.Errorf("the console-made client changed:\n%+v\n%+v", before.UserPoolClient, after.UserPoolClient)
	}
	if _, err := api.DescribeUserPoolClient(ctx, &cip.DescribeUserPoolClientInput{UserPoolId: aws.String(res.PoolID), ClientId: aws.String(managedID)}); !cognito.IsNotFound(err) {
		t.Errorf("the managed web client is still there: %v", err)
	}
}

// A call still under way when the grace after Ctrl-C runs out is cut off:
// apply ends within the grace and says which call did not finish.
func TestInterruptedApplyIsBoundedByTheGrace(t *testing.T) {
	t.Parallel()
	fake := cognitofake.New(t)
	api, rec := cognitofake.Connect(t, fake.Options())
	cfg := cognitofake.FullConfig("Grace")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	rec.Fault = func(c awsfake.Call, _ int) awsfake.Fault {
		if c.Op == "CreateUserPoolClient" {
			cancel()
			return awsfake.Stall
		}
		return awsfake.NoFault
	}
	st, p, err := apply.Prepare(context.Background(), api, cfg, noEnv)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = apply.Run(ctx, apply.Options{API: api, Desired: cfg, State: st, Plan: p, RatePerSecond: -1, Settle: -1, Grace: 200 * time.Millisecond})
	var ie *apply.InterruptedError
	if !errors.As(err, &ie) || ie.Err == nil || len(ie.Done) == 0 || !strings.HasPrefix(ie.Done[0], "created user pool GracePool") {
		t.Fatalf("err = %v (%+v)", err, ie)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("apply took %v after Ctrl-C with a 200ms grace", d)
	}
}
