package apply_test

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/cogwiz/cogwiz/internal/apply"
	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/cognito/cognitofake"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/outputs"
	"github.com/cogwiz/cogwiz/internal/plan"
)

func noEnv(string) (string, bool) { return "", false }

// applyOnce plans and applies cfg the way `cogwiz apply --auto-approve` does.
func applyOnce(t testing.TB, api cognito.API, cfg *config.Config) (*plan.Plan, *apply.Result, error) {
	t.Helper()
	return applyOnceWith(t, api, cfg, 0)
}

// applyOnceWith is applyOnce with parallel calls at a time (0: the default).
func applyOnceWith(t testing.TB, api cognito.API, cfg *config.Config, parallel int) (*plan.Plan, *apply.Result, error) {
	t.Helper()
	ctx := context.Background()
	st, p, err := prepare(api, cfg)
	if err != nil {
		return nil, nil, err
	}
	res, err := apply.Run(ctx, apply.Options{API: api, Desired: cfg, State: st, Plan: p, RatePerSecond: -1, LookupEnv: noEnv, Parallel: parallel})
	return p, res, err
}

// prepare plans cfg against api.
func prepare(api cognito.API, cfg *config.Config) (*cognito.State, *plan.Plan, error) {
	return apply.Prepare(context.Background(), api, cfg, noEnv)
}

func mustApply(t testing.TB, api cognito.API, cfg *config.Config) (*plan.Plan, *apply.Result) {
	t.Helper()
	p, res, err := applyOnce(t, api, cfg)
	if err != nil {
		t.Fatalf("apply: %v", err)
	}
	return p, res
}

func TestApplyFullConfigToEmulator(t *testing.T) {
	t.Parallel()
	s := sharedEmulator(t)
	api, rec := cognitofake.Connect(t, s.Options())
	cfg := cognitofake.FullConfig("Full")
	ctx := context.Background()

	p, res := mustApply(t, api, cfg)
	if add, _, _, _ := p.Summary(); add != 5 {
		t.Errorf("first plan adds %d resources, want 5 (pool, 2 clients, 2 groups): %+v", add, p.Changes)
	}
	pool, err := api.DescribeUserPool(ctx, &cip.DescribeUserPoolInput{UserPoolId: aws.String(res.PoolID)})
	if err != nil {
		t.Fatal(err)
	}
	up := pool.UserPool
	if got := aws.ToInt32(up.Policies.PasswordPolicy.MinimumLength); got != 10 {
		t.Errorf("minimum length = %d, want 10", got)
	}
	if up.UserPoolTags[cognito.TagResourceName] != "Full" || up.UserPoolTags["team"] != "auth" {
		t.Errorf("tags = %v", up.UserPoolTags)
	}
	if got := aws.ToString(up.LambdaConfig.PreSignUp); !strings.HasSuffix(got, ":pre-sign-up") {
		t.Errorf("pre sign-up trigger = %q", got)
	}
	if aws.ToBool(up.UsernameConfiguration.CaseSensitive) {
		t.Error("pool is case-sensitive; the file says case_sensitive: false")
	}
	mfa, err := api.GetUserPoolMfaConfig(ctx, &cip.GetUserPoolMfaConfigInput{UserPoolId: aws.String(res.PoolID)})
	if err != nil {
		t.Fatal(err)
	}
	if mfa.MfaConfiguration != types.UserPoolMfaTypeOptional || mfa.SoftwareTokenMfaConfiguration == nil || !mfa.SoftwareTokenMfaConfiguration.Enabled {
		t.Errorf("MFA = %s %+v, want OPTIONAL with TOTP", mfa.MfaConfiguration, mfa.SoftwareTokenMfaConfiguration)
	}
	groups, err := api.ListGroups(ctx, &cip.ListGroupsInput{UserPoolId: aws.String(res.PoolID)})
	if err != nil {
		t.Fatal(err)
	}
	if len(groups.Groups) != 2 {
		t.Errorf("%d groups, want 2", len(groups.Groups))
	}
	out := outputs.NewSummary(res.State, nil, cfg)
	if len(out.AppClientIDs) != 2 || out.AppClientIDs["web"] == "" {
		t.Errorf("outputs = %+v", out)
	}

	// Planning right after shows nothing, and a second apply writes nothing.
	_, p2, err := apply.Prepare(ctx, api, cfg, noEnv)
	if err != nil {
		t.Fatal(err)
	}
	if p2.HasChanges() {
		t.Fatalf("plan after apply has changes: %+v", p2.Changes)
	}
	rec.Reset()
	mustApply(t, api, cfg)
	if w := rec.Writes(); len(w) != 0 {
		t.Errorf("second apply made %d write calls: %v", len(w), rec.Ops())
	}
}

func TestPasswordPolicyChangeKeepsEverythingElse(t *testing.T) {
	t.Parallel()
	s := sharedEmulator(t)
	api, rec := cognitofake.Connect(t, s.Options())
	ctx := context.Background()
	cfg := cognitofake.FullConfig("Pw")
	_, res := mustApply(t, api, cfg)
	before, err := api.DescribeUserPool(ctx, &cip.DescribeUserPoolInput{UserPoolId: aws.String(res.PoolID)})
	if err != nil {
		t.Fatal(err)
	}

	cfg.UserPool.PasswordPolicy.MinimumLength = config.Int(14)
	rec.Reset()
	p, _ := mustApply(t, api, cfg)
	if len(p.Changes) != 1 || p.Changes[0].Path != "user_pool.password_policy.minimum_length" || p.Changes[0].Action != plan.Update {
		t.Fatalf("plan = %+v, want one in-place update of minimum_length", p.Changes)
	}
	if w := rec.Writes(); len(w) != 1 || w[0].Op != "UpdateUserPool" {
		t.Fatalf("writes = %v, want exactly one UpdateUserPool", rec.Ops())
	}
	after, err := api.DescribeUserPool(ctx, &cip.DescribeUserPoolInput{UserPoolId: aws.String(res.PoolID)})
	if err != nil {
		t.Fatal(err)
	}
	a, b := after.UserPool, before.UserPool
	if got := aws.ToInt32(a.Policies.PasswordPolicy.MinimumLength); got != 14 {
		t.Errorf("minimum length = %d, want 14", got)
	}
	if aws.ToString(a.LambdaConfig.PreSignUp) != aws.ToString(b.LambdaConfig.PreSignUp) {
		t.Errorf("trigger lost: %v", a.LambdaConfig)
	}
	if aws.ToString(a.VerificationMessageTemplate.EmailMessage) != "Your verification code is {####}" {
		t.Errorf("verification message lost: %+v", a.VerificationMessageTemplate)
	}
	if a.UserPoolTags["team"] != "auth" || a.UserPoolTags[cognito.TagResourceName] != "Pw" {
		t.Errorf("tags lost: %v", a.UserPoolTags)
	}
	if a.MfaConfiguration != types.UserPoolMfaTypeOptional {
		t.Errorf("MFA = %s, want OPTIONAL", a.MfaConfiguration)
	}
	if len(a.AutoVerifiedAttributes) != 1 || a.AccountRecoverySetting == nil {
		t.Errorf("verification/recovery lost: %v %v", a.AutoVerifiedAttributes, a.AccountRecoverySetting)
	}
}

func TestCreateOnlyChangesAreBlocked(t *testing.T) {
	t.Parallel()
	s := sharedEmulator(t)
	api, rec := cognitofake.Connect(t, s.Options())
	cfg := cognitofake.FullConfig("Blk")
	mustApply(t, api, cfg)

	for _, tc := range []struct {
		name   string
		change func(*config.Config)
		path   string
	}{
		{"username attributes", func(c *config.Config) { c.UserPool.SignIn.UsernameAttributes = []string{"phone_number"} }, "user_pool.sign_in.username_attributes"},
		{"required attributes", func(c *config.Config) { c.UserPool.Attributes.Required = []string{"email", "name"} }, "user_pool.attributes.required"},
		{"case sensitivity", func(c *config.Config) { c.UserPool.SignIn.CaseSensitive = config.Bool(true) }, "user_pool.sign_in.case_sensitive"},
		{"custom attribute changed", func(c *config.Config) { c.UserPool.Attributes.Custom[0].MaxLength = config.Int(64) }, "user_pool.attributes.custom[tier]"},
		{"client secret", func(c *config.Config) { c.AppClients[0].GenerateSecret = true }, "app_clients[web].generate_secret"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := cognitofake.FullConfig("Blk")
			tc.change(c)
			rec.Reset()
			p, _, err := applyOnce(t, api, c)
			if err == nil || !strings.Contains(err.Error(), "blocked") {
				t.Fatalf("apply error = %v, want a refusal naming blocked changes", err)
			}
			b := p.Blocked()
			if len(b) != 1 || b[0].Path != tc.path || b[0].Reason == "" {
				t.Fatalf("blocked = %+v, want one on %s with a reason", b, tc.path)
			}
			if w := rec.Writes(); len(w) != 0 {
				t.Errorf("a blocked apply made write calls: %v", rec.Ops())
			}
		})
	}
}

// Changing the MFA mode keeps the email MFA message and subject, which
// cognito.yaml has no key for: SetUserPoolMfaConfig replaces each factor's
// whole configuration, so apply sends the live one back.
func TestMFAModeChangeKeepsFactorMessages(t *testing.T) {
	t.Parallel()
	fake := cognitofake.New(t)
	api, rec := cognitofake.Connect(t, fake.Options())
	ctx := context.Background()
	cfg := cognitofake.FullConfig("MfaMsg")
	cfg.UserPool.MFA = &config.MFA{Mode: config.MFAOptional, Factors: []string{config.FactorTOTP, config.FactorEmail}}
	_, res := mustApply(t, api, cfg)
	custom := &types.EmailMfaConfigType{Message: aws.String("Your sign-in code is {####}"), Subject: aws.String("Shop sign-in code")}
	if _, err := api.SetUserPoolMfaConfig(ctx, &cip.SetUserPoolMfaConfigInput{UserPoolId: aws.String(res.PoolID), MfaConfiguration: types.UserPoolMfaTypeOptional,
		SoftwareTokenMfaConfiguration: &types.SoftwareTokenMfaConfigType{Enabled: true}, EmailMfaConfiguration: custom}); err != nil {
		t.Fatal(err)
	}

	cfg.UserPool.MFA.Mode = config.MFAOn
	rec.Reset()
	p, _ := mustApply(t, api, cfg)
	if len(p.Changes) != 1 || p.Changes[0].Path != "user_pool.mfa.mode" {
		t.Fatalf("plan = %+v, want the MFA mode only", p.Changes)
	}
	if w := rec.Writes(); len(w) != 1 || w[0].Op != "SetUserPoolMfaConfig" {
		t.Fatalf("writes = %v, want one SetUserPoolMfaConfig", rec.Ops())
	}
	got, err := api.GetUserPoolMfaConfig(ctx, &cip.GetUserPoolMfaConfigInput{UserPoolId: aws.String(res.PoolID)})
	if err != nil {
		t.Fatal(err)
	}
	if got.MfaConfiguration != types.UserPoolMfaTypeOn {
		t.Errorf("MFA = %s, want ON", got.MfaConfiguration)
	}
	if e := got.EmailMfaConfiguration; e == nil || aws.ToString(e.Message) != *custom.Message || aws.ToString(e.Subject) != *custom.Subject {
		t.Errorf("email MFA message reset: %+v", e)
	}
}

// A pre token generation trigger given by ARN alone plans clean after
// apply although Cognito reports it as version V1_0, and leaving the
// version out of the file later keeps a V2_0 trigger at V2_0.
func TestPreTokenGenerationVersionIsNotAPerpetualDiff(t *testing.T) {
	t.Parallel()
	api := cognitofake.New(t).Client(t)
	ctx := context.Background()
	const fn = "arn:aws:lambda:us-east-1:123456789012:function:claims"
	cfg := cognitofake.FullConfig("PreToken")
	cfg.UserPool.Triggers.PreTokenGeneration = fn
	_, res := mustApply(t, api, cfg)
	if p, _ := mustApply(t, api, cfg); p.HasChanges() {
		t.Fatalf("plan after apply: %+v", p.Changes)
	}

	cfg.UserPool.Triggers.PreTokenGenerationVersion = "V2_0"
	mustApply(t, api, cfg)
	cfg.UserPool.Triggers.PreTokenGenerationVersion = ""
	cfg.UserPool.Triggers.PostConfirmation = "arn:aws:lambda:us-east-1:123456789012:function:welcome"
	p, _ := mustApply(t, api, cfg)
	if len(p.Changes) != 1 || p.Changes[0].Path != "user_pool.triggers.post_confirmation" {
		t.Fatalf("plan = %+v, want the new trigger only", p.Changes)
	}
	out, err := api.DescribeUserPool(ctx, &cip.DescribeUserPoolInput{UserPoolId: aws.String(res.PoolID)})
	if err != nil {
		t.Fatal(err)
	}
	if c := out.UserPool.LambdaConfig.PreTokenGenerationConfig; c == nil || c.LambdaVersion != types.PreTokenGenerationLambdaVersionTypeV20 || aws.ToString(c.LambdaArn) != fn {
		t.Errorf("pre token generation = %+v, want %s at V2_0", c, fn)
	}
}
