package importcmd

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/cogwiz/cogwiz/internal/apply"
	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/cognito/cognitofake"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/emulator"
	"github.com/cogwiz/cogwiz/internal/iostreams"
)

const fixtures = "../../amplify/testdata"

// The fake provider secrets in the "full" fixture.
var fakeSecrets = []string{"FAKE-fb-secret-d41d8cd98f00b204", "MIGTAgEAFAKEKEYxyzzy0123456789abcdefFAKEKEY"}

type result struct {
	stdout, stderr string
	code           int
	err            error
}

func run(t *testing.T, f *cmdutil.Factory, args ...string) result {
	t.Helper()
	cmd := NewCmdImport(f, nil)
	cmd.SetArgs(args)
	cmd.SetOut(&bytes.Buffer{})
	cmd.SetErr(&bytes.Buffer{})
	err := cmd.ExecuteContext(context.Background())
	out := f.IOStreams.Out.(*bytes.Buffer)
	errOut := f.IOStreams.ErrOut.(*bytes.Buffer)
	return result{out.String(), errOut.String(), cmdutil.ExitCodeOf(err), err}
}

func factory() (*cmdutil.Factory, *bytes.Buffer) {
	ios, in, _, _ := iostreams.Test()
	return &cmdutil.Factory{IOStreams: ios, ConfigFile: config.DefaultFile}, in
}

func TestImportAmplifyFull(t *testing.T) {
	t.Parallel()
	f, _ := factory()
	out := filepath.Join(t.TempDir(), "cognito.yaml")
	r := run(t, f, "amplify", filepath.Join(fixtures, "full"), "--env", "prod", "-o", out)
	if r.err != nil {
		t.Fatalf("import: %v\n%s", r.err, r.stderr)
	}
	if r.stdout != "" {
		t.Errorf("stdout carries data only, and there is none: %q", r.stdout)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := config.Load(out)
	if err != nil {
		t.Fatalf("the written file does not load: %v", err)
	}
	c := doc.Config
	if c.UserPool.Name != "market_users-prod" || c.Domain.Prefix != "market-login-prod" || len(c.AppClients) != 2 || len(c.IdentityProviders) != 2 {
		t.Errorf("imported config = %+v", c)
	}
	for _, want := range []string{
		"not carried over: triggers.PreSignup",
		"set user_pool.triggers.pre_sign_up",
		"not carried over: marketingOptIn",
		"FACEBOOK_CLIENT_SECRET",
		"both Amplify app clients",
		"wrote " + out,
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	for _, s := range fakeSecrets {
		if strings.Contains(string(data), s) || strings.Contains(r.stderr, s) {
			t.Fatal("a provider secret reached the file or the terminal")
		}
	}
}

func TestImportAmplifyEveryFixtureLoads(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"default", "defaultsocial", "manualgroups", "capability", "customtriggers"} {
		f, _ := factory()
		out := filepath.Join(t.TempDir(), "cognito.yaml")
		r := run(t, f, "amplify", filepath.Join(fixtures, name), "-o", out)
		if r.err != nil {
			t.Fatalf("%s: %v\n%s", name, r.err, r.stderr)
		}
		if _, err := config.Load(out); err != nil {
			t.Errorf("%s: the written file does not load: %v", name, err)
		}
		// The import passes validation: no problem lines were printed.
		if strings.Contains(r.stderr, "fix the") {
			t.Errorf("%s: the import does not validate:\n%s", name, r.stderr)
		}
	}
}

func TestImportAmplifyToStdout(t *testing.T) {
	t.Parallel()
	f, _ := factory()
	r := run(t, f, "amplify", filepath.Join(fixtures, "manualgroups", "amplify", "backend", "auth", "teamauth", "cli-inputs.json"), "-o", "-")
	if r.err != nil {
		t.Fatal(r.err)
	}
	doc, err := config.Parse("stdout", []byte(r.stdout))
	if err != nil {
		t.Fatalf("stdout is not a config: %v\n%s", err, r.stdout)
	}
	if len(doc.Config.UserPool.Groups) != 3 {
		t.Errorf("groups = %+v", doc.Config.UserPool.Groups)
	}
	if strings.Contains(r.stdout, "not carried over") {
		t.Error("the report went to stdout")
	}
}

func TestImportRefusesToOverwrite(t *testing.T) {
	t.Parallel()
	f, _ := factory()
	out := filepath.Join(t.TempDir(), "cognito.yaml")
	if err := os.WriteFile(out, []byte("keep me\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, f, "amplify", filepath.Join(fixtures, "default"), "-o", out)
	if r.err == nil || r.code != cmdutil.ExitFailure || !strings.Contains(r.err.Error(), "already exists") {
		t.Fatalf("err = %v (exit %d), want a refusal", r.err, r.code)
	}
	if data, _ := os.ReadFile(out); string(data) != "keep me\n" {
		t.Errorf("the file was changed: %q", data)
	}
	f2, _ := factory()
	if r := run(t, f2, "amplify", filepath.Join(fixtures, "default"), "-o", out, "--force"); r.err != nil {
		t.Fatalf("--force: %v", r.err)
	}
	if data, _ := os.ReadFile(out); !strings.Contains(string(data), "shopapp1a2b3c4d") {
		t.Errorf("--force did not write the import")
	}
}

// twoResources builds a project with two auth resources.
func twoResources(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, res := range []struct{ fixture, name string }{{"capability", "clubauth"}, {"customtriggers", "blogauth"}} {
		src := filepath.Join(fixtures, res.fixture, "amplify", "backend", "auth", res.name, "cli-inputs.json")
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		d := filepath.Join(dir, "amplify", "backend", "auth", res.name)
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, "cli-inputs.json"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestSeveralResourcesWithoutTerminal(t *testing.T) {
	t.Parallel()
	f, _ := factory()
	out := filepath.Join(t.TempDir(), "cognito.yaml")
	r := run(t, f, "amplify", twoResources(t), "-o", out)
	if r.code != cmdutil.ExitUsage || !strings.Contains(r.err.Error(), "--resource") {
		t.Fatalf("exit %d, err %v; want a usage error naming --resource", r.code, r.err)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a file was written")
	}
}

func TestSeveralResourcesAsksOnTerminal(t *testing.T) {
	t.Parallel()
	f, in := factory()
	f.IOStreams.SetStdinTTY(true)
	f.IOStreams.SetStderrTTY(true)
	in.WriteString("7\n2\n")
	out := filepath.Join(t.TempDir(), "cognito.yaml")
	r := run(t, f, "amplify", twoResources(t), "-o", out)
	if r.err != nil {
		t.Fatalf("%v\n%s", r.err, r.stderr)
	}
	if !strings.Contains(r.stderr, "1. blogauth") || !strings.Contains(r.stderr, "Answer with a number") {
		t.Errorf("prompt = %s", r.stderr)
	}
	doc, err := config.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Config.ResourceName != "clubauth" {
		t.Errorf("picked %s, want the second, clubauth", doc.Config.ResourceName)
	}
}

// TestImportPoolThenPlanIsClean creates a pool with the SDK directly, as
// the console or another tool would, imports it, and plans the file.
func TestImportPoolThenPlanIsClean(t *testing.T) {
	t.Parallel()
	s := emulator.Start(t)
	api := s.Client(t)
	ctx := context.Background()
	pool, err := api.CreateUserPool(ctx, &cip.CreateUserPoolInput{
		PoolName:               aws.String("console-made"),
		UsernameAttributes:     []types.UsernameAttributeType{types.UsernameAttributeTypeEmail},
		UsernameConfiguration:  &types.UsernameConfigurationType{CaseSensitive: aws.Bool(false)},
		AutoVerifiedAttributes: []types.VerifiedAttributeType{types.VerifiedAttributeTypeEmail},
		Policies:               &types.UserPoolPolicyType{PasswordPolicy: &types.PasswordPolicyType{MinimumLength: aws.Int32(12), RequireNumbers: true}},
		Schema: []types.SchemaAttributeType{
			{Name: aws.String("email"), Required: aws.Bool(true), Mutable: aws.Bool(true), AttributeDataType: types.AttributeDataTypeString},
			{Name: aws.String("tier"), AttributeDataType: types.AttributeDataTypeString, Mutable: aws.Bool(true),
				StringAttributeConstraints: &types.StringAttributeConstraintsType{MinLength: aws.String("1"), MaxLength: aws.String("16")}},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	id := aws.ToString(pool.UserPool.Id)
	if _, err := api.CreateUserPoolClient(ctx, &cip.CreateUserPoolClientInput{
		UserPoolId: aws.String(id), ClientName: aws.String("web"),
		ExplicitAuthFlows: []types.ExplicitAuthFlowsType{types.ExplicitAuthFlowsTypeAllowUserSrpAuth, types.ExplicitAuthFlowsTypeAllowRefreshTokenAuth},
	}); err != nil {
		t.Fatal(err)
	}
	for i, g := range []string{"Admins", "Editors"} {
		if _, err := api.CreateGroup(ctx, &cip.CreateGroupInput{UserPoolId: aws.String(id), GroupName: aws.String(g), Precedence: aws.Int32(int32(i + 1))}); err != nil {
			t.Fatal(err)
		}
	}

	f, _ := factory()
	f.Cognito = func(context.Context) (cognito.API, error) { return api, nil }
	out := filepath.Join(t.TempDir(), "cognito.yaml")
	r := run(t, f, "pool", id, "-o", out)
	if r.err != nil {
		t.Fatalf("import pool: %v\n%s", r.err, r.stderr)
	}
	doc, err := config.Load(out)
	if err != nil {
		t.Fatalf("the written file does not load: %v", err)
	}
	c := doc.Config
	if c.UserPool.ID != id || c.ResourceName != "consolemade" || len(c.AppClients) != 1 || len(c.UserPool.Groups) != 2 {
		t.Errorf("imported = id %q name %q clients %+v groups %+v", c.UserPool.ID, c.ResourceName, c.AppClients, c.UserPool.Groups)
	}
	if !strings.Contains(r.stderr, "pins it with user_pool.id") {
		t.Errorf("stderr = %s", r.stderr)
	}
	_, p, err := apply.Prepare(ctx, api, c, noEnv)
	if err != nil {
		t.Fatal(err)
	}
	// A pool cogwiz did not create carries no record of what cogwiz
	// manages; that record is bookkeeping and must not make the plan dirty.
	for _, ch := range p.Changes {
		t.Errorf("plan right after import changes %s: %v → %v", ch.Path, ch.Before, ch.After)
	}
}

func noEnv(string) (string, bool) { return "", false }

// TestImportPoolMadeByCogwiz imports a pool apply created: the plan of the
// imported file is empty, down to the last tag.
func TestImportPoolMadeByCogwiz(t *testing.T) {
	t.Parallel()
	s := emulator.Start(t)
	api := s.Client(t)
	ctx := context.Background()
	cfg := cognitofake.FullConfig("Shop")
	st, p, err := apply.Prepare(ctx, api, cfg, noEnv)
	if err != nil {
		t.Fatal(err)
	}
	res, err := apply.Run(ctx, apply.Options{API: api, Desired: cfg, State: st, Plan: p, RatePerSecond: -1, LookupEnv: noEnv})
	if err != nil {
		t.Fatal(err)
	}

	f, _ := factory()
	f.Cognito = func(context.Context) (cognito.API, error) { return api, nil }
	out := filepath.Join(t.TempDir(), "cognito.yaml")
	if r := run(t, f, "pool", res.PoolID, "-o", out); r.err != nil {
		t.Fatalf("import pool: %v\n%s", r.err, r.stderr)
	}
	doc, err := config.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Config.ResourceName != "Shop" || doc.Config.UserPool.ID != "" {
		t.Errorf("a cogwiz pool is found by its tag: resource_name %q, id %q", doc.Config.ResourceName, doc.Config.UserPool.ID)
	}
	_, p2, err := apply.Prepare(ctx, api, doc.Config, noEnv)
	if err != nil {
		t.Fatal(err)
	}
	if p2.HasChanges() {
		t.Errorf("plan right after import has changes: %+v", p2.Changes)
	}
}

func TestImportPoolMissing(t *testing.T) {
	t.Parallel()
	s := emulator.Start(t)
	api := s.Client(t)
	f, _ := factory()
	f.Cognito = func(context.Context) (cognito.API, error) { return api, nil }
	out := filepath.Join(t.TempDir(), "cognito.yaml")
	r := run(t, f, "pool", "local_nope", "-o", out)
	if r.err == nil || !strings.Contains(r.err.Error(), "local_nope") {
		t.Fatalf("err = %v", r.err)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a file was written for a missing pool")
	}
}

func TestHelpHasExamples(t *testing.T) {
	f, _ := factory()
	root := NewCmdImport(f, nil)
	for _, c := range append(root.Commands(), root) {
		if c.Long == "" || c.Example == "" {
			t.Errorf("%s: help lacks a Long text or examples", c.CommandPath())
		}
	}
}

// A project edited by hand past what Amplify's walkthrough allows (a
// domain prefix and a verification message Cognito rejects): the file is
// still written, and the closing line counts the errors in plain words.
func TestImportAmplifyCountsWhatIsLeftToFix(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := filepath.Join(fixtures, "defaultsocial", "amplify", "backend", "auth", "notesapp9f8e7d6c", "cli-inputs.json")
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.Replace(data, []byte(`"hostedUIDomainName": "notesapp9f8e7d6c-9f8e7d6c"`), []byte(`"hostedUIDomainName": "Notes_App"`), 1)
	data = bytes.Replace(data, []byte(`"emailVerificationMessage": "Your verification code is {####}"`), []byte(`"emailVerificationMessage": "Click the link"`), 1)
	f := filepath.Join(dir, "cli-inputs.json")
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	fac, _ := factory()
	out := filepath.Join(t.TempDir(), "cognito.yaml")
	r := run(t, fac, "amplify", f, "-o", out)
	if r.err != nil {
		t.Fatalf("import: %v\n%s", r.err, r.stderr)
	}
	if want := "wrote " + out + "; fix the 2 errors above, then run cogwiz validate\n"; !strings.HasSuffix(r.stderr, want) {
		t.Errorf("stderr ends %q, want %q", r.stderr[max(0, len(r.stderr)-120):], want)
	}
}

// A pool Amplify imported, whose environments imported different pools:
// without --env it is a usage error and nothing is written; with it the
// file pins the pool.
func TestImportAmplifyImportedPoolNeedsEnv(t *testing.T) {
	t.Parallel()
	f, _ := factory()
	out := filepath.Join(t.TempDir(), "cognito.yaml")
	r := run(t, f, "amplify", filepath.Join(fixtures, "importedpool"), "-o", out)
	if r.code != cmdutil.ExitUsage || !strings.Contains(r.err.Error(), "--env") {
		t.Fatalf("exit %d, err %v; want a usage error naming --env", r.code, r.err)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a file was written")
	}
	f2, _ := factory()
	r = run(t, f2, "amplify", filepath.Join(fixtures, "importedpool"), "--env", "prod", "-o", out)
	if r.err != nil {
		t.Fatalf("%v\n%s", r.err, r.stderr)
	}
	doc, err := config.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Config.UserPool.ID != "us-west-2_ProdPool9" || !strings.Contains(r.stderr, "cogwiz import pool us-west-2_ProdPool9") ||
		!strings.Contains(r.stderr, "next: cogwiz validate") {
		t.Errorf("pool id %q; stderr:\n%s", doc.Config.UserPool.ID, r.stderr)
	}
}

// Values Amplify keeps outside the project are named in the summary with
// what to set, and the written file validates.
func TestImportAmplifyNamesReferencesToSet(t *testing.T) {
	t.Parallel()
	f, _ := factory()
	out := filepath.Join(t.TempDir(), "cognito.yaml")
	r := run(t, f, "amplify", filepath.Join(fixtures, "outsidevalues"), "-o", out)
	if r.err != nil {
		t.Fatalf("%v\n%s", r.err, r.stderr)
	}
	for _, want := range []string{
		"FACEBOOK_CLIENT_ID  (Facebook app id, for identity_providers[type=Facebook].client_id)",
		"GOOGLE_CLIENT_ID",
		"FACEBOOK_CLIENT_SECRET",
		"user_pool.sms is the SNS role Amplify created for this pool, sns3c4d5e6f91827-dev",
		"wrote " + out + "; next: cogwiz validate",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
}
