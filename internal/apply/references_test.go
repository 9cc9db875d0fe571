package apply_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"

	"github.com/cogwiz/cogwiz/internal/amplify"
	"github.com/cogwiz/cogwiz/internal/apply"
	"github.com/cogwiz/cogwiz/internal/cognito/cognitofake"
	"github.com/cogwiz/cogwiz/internal/config"
)

// A file made from a pool Amplify imported pins user_pool.id. Against an
// account where that pool does not exist, plan and apply stop before any
// write: such a file can never create a second pool.
func TestPinnedPoolThatDoesNotExistIsNeverCreated(t *testing.T) {
	t.Parallel()
	s := sharedEmulator(t)
	api, rec := cognitofake.Connect(t, s.Options())
	r, err := amplify.Import(filepath.Join("..", "amplify", "testdata", "importedpool"), amplify.Options{Env: "prod"})
	if err != nil {
		t.Fatal(err)
	}
	cfg := r.Config
	if cfg.UserPool.ID == "" {
		t.Fatal("the import did not pin the pool")
	}
	_, _, err = apply.Prepare(context.Background(), api, cfg, noEnv)
	if err == nil || !strings.Contains(err.Error(), "does not exist here") {
		t.Fatalf("err = %v, want the pinned pool refused", err)
	}
	if w := rec.Writes(); len(w) != 0 {
		t.Errorf("%d write calls: %v", len(w), rec.Ops())
	}
}

// References that stand for values which are not secrets (a provider's
// client id, as cogwiz import amplify writes it) are resolved before
// planning: the provider is created with the value, and the next plan is
// clean. Identity providers need the fake: cognito-local has none.
func TestClientIDReferenceIsResolved(t *testing.T) {
	t.Parallel()
	api, rec := cognitofake.Connect(t, cognitofake.New(t).Options())
	cfg := cognitofake.EverythingConfig("Refs")
	cfg.IdentityProviders[0].ClientID = config.SecretRef("GOOGLE_CLIENT_ID")
	vars := env(map[string]string{"GOOGLE_CLIENT_SECRET": googleSecret, "GOOGLE_CLIENT_ID": "1234-refs.apps.googleusercontent.com"})

	// Missing, it stops everything before the first call.
	if _, _, err := applyFake(t, api, cfg, googleEnv); err == nil || !strings.Contains(err.Error(), "GOOGLE_CLIENT_ID") {
		t.Fatalf("err = %v, want it to name GOOGLE_CLIENT_ID", err)
	}
	if len(rec.Writes()) != 0 {
		t.Fatalf("writes before the variable was found: %v", rec.Ops())
	}

	cfg = cognitofake.EverythingConfig("Refs")
	cfg.IdentityProviders[0].ClientID = config.SecretRef("GOOGLE_CLIENT_ID")
	if _, _, err := applyFake(t, api, cfg, vars); err != nil {
		t.Fatal(err)
	}
	var sent string
	for _, c := range rec.Writes() {
		if c.Op == "CreateIdentityProvider" {
			var in cip.CreateIdentityProviderInput
			if err := c.Decode(&in); err != nil {
				t.Fatal(err)
			}
			sent = in.ProviderDetails["client_id"]
		}
	}
	if sent != "1234-refs.apps.googleusercontent.com" {
		t.Errorf("client_id sent = %q", sent)
	}
	cfg = cognitofake.EverythingConfig("Refs")
	cfg.IdentityProviders[0].ClientID = config.SecretRef("GOOGLE_CLIENT_ID")
	_, p, err := apply.Prepare(context.Background(), api, cfg, vars)
	if err != nil {
		t.Fatal(err)
	}
	if p.HasChanges() {
		t.Errorf("plan after apply: %+v", p.Changes)
	}
}

func TestResolveReferences(t *testing.T) {
	t.Parallel()
	c := &config.Config{
		UserPool:          config.UserPool{SMS: &config.SMS{SNSCallerARN: config.SecretRef("SNS_CALLER_ARN")}},
		IdentityProviders: []config.IdentityProvider{{Type: config.IdPApple, ClientID: "com.example.id", TeamID: config.SecretRef("T"), KeyID: config.SecretRef("K")}},
	}
	vars := env(map[string]string{"SNS_CALLER_ARN": "arn:aws:iam::123456789012:role/sns-dev", "T": "TEAM", "K": "KEY"})
	if err := apply.ResolveReferences(c, vars); err != nil {
		t.Fatal(err)
	}
	if c.UserPool.SMS.SNSCallerARN != "arn:aws:iam::123456789012:role/sns-dev" || c.IdentityProviders[0].TeamID != "TEAM" || c.IdentityProviders[0].KeyID != "KEY" || c.IdentityProviders[0].ClientID != "com.example.id" {
		t.Errorf("resolved = %+v %+v", c.UserPool.SMS, c.IdentityProviders[0])
	}
	c.UserPool.SMS.SNSCallerARN = config.SecretRef("NOPE")
	if err := apply.ResolveReferences(c, vars); err == nil || !strings.Contains(err.Error(), "user_pool.sms.sns_caller_arn: environment variable NOPE is not set") {
		t.Errorf("err = %v", err)
	}
}
